package io.subword.spark;

import io.subword.vocab.Require;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options every Spark job takes: where it runs, how the corpus is read, and how much it says. */
final class JobOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default: the one spark-submit"
                    + " set, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    List<String> conf = new ArrayList<>();

    @Option(names = "--split-size", paramLabel = "MB", defaultValue = "64",
            description = "Megabytes of uncompressed text per task (default: ${DEFAULT-VALUE}); a .gz file is one"
                    + " task.")
    long splitMb;

    @Option(names = "--lenient",
            description = "Replace invalid UTF-8 with U+FFFD instead of failing on it (naming the file and line).")
    boolean lenient;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress.")
    boolean quiet;

    @Option(names = "--verbose", description = "Show the stack trace of a failure.")
    boolean verbose;

    SparkCorpus corpus(List<String> paths) {
        Require.atLeast("--split-size (MB)", splitMb, 1);
        return SparkCorpus.of(paths).lenient(lenient).splitBytes(splitMb << 20).build();
    }
}
