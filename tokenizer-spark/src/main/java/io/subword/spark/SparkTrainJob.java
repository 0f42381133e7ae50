package io.subword.spark;

import io.subword.cli.TrainingFlags;
import io.subword.progress.TrainingListener;
import io.subword.train.Eta;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code subword spark train}: {@code subword train}'s flags (one {@link TrainingFlags} mixin), plus the limits of the distributed count; the words
 * are counted on the executors and the driver trains, writing the same files as {@code subword train} would.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Train a tokenizer on Spark: executors count the words of the corpus (files, folders, globs, .gz;"
                        + " local paths or hdfs://, s3a:// ...), the driver trains on the counts and writes the same"
                        + " files as 'subword train' on the same text, byte for byte.",
        })
final class SparkTrainJob implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FAMILY", description = "What to train: bpe, bytelevel, wordpiece or word (word-level).")
    String family;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CORPUS",
            description = "Text files, folders or globs, one text per line.")
    List<String> corpus;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Folder (on the driver) to write the files into.")
    Path output;

    @Mixin
    TrainingFlags training;

    @Option(names = "--min-word-count", defaultValue = "1", paramLabel = "K",
            description = "Drop words seen fewer than K times in the whole corpus before they reach the driver"
                    + " (default: ${DEFAULT-VALUE}, keep all; above 1 the result differs from 'subword train').")
    long minWordCount;

    @Option(names = "--max-distinct-words", defaultValue = "" + WordCountLimits.DEFAULT_MAX_DISTINCT_WORDS,
            paramLabel = "N", description = "The most distinct words the driver takes; past it the rarest are"
            + " dropped by a count threshold, which is reported (default: ${DEFAULT-VALUE}).")
    int maxDistinctWords;

    @Mixin
    JobOptions job;

    @Override
    public Integer call() throws Exception {
        Family f = Family.fromName(family);
        TrainingOptions options = training.toTrainingOptions(Runtime.getRuntime().availableProcessors()).build();
        WordCountLimits limits = new WordCountLimits(minWordCount, maxDistinctWords);
        SparkCorpus input = job.corpus(corpus);
        PrintWriter err = spec.commandLine().getErr();
        DriverProgress progress = new DriverProgress(err, job.quiet, maxDistinctWords);
        Eta clock = Eta.start();
        TrainedTokenizer trained;
        try (JobSession session = JobSession.open(job, err, "subword spark train " + f)) {
            trained = SparkTraining.train(input.lines(session.spark), Trainer.of(f, options), limits, progress);
        }
        progress.phase("write files");
        List<Path> written = trained.writeAll(output);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "trained %s: %,d tokens, %,d merges, from %,d lines in %s%n", f,
                trained.tokenizer().model().vocabulary().size(), trained.merges().size(), progress.lines,
                Eta.format(clock.elapsed()));
        for (Path file : written) {
            out.println(file);
        }
        out.flush();
        return SparkJobs.OK;
    }

    /** The driver's side of training: phases, the count of distinct words against the cap, merge progress. */
    static final class DriverProgress implements TrainingListener {
        private final PrintWriter err;
        private final boolean quiet;
        private final int cap;
        long lines;
        private long lastMergeLine = System.nanoTime();
        private long lastMergesShown = -1;

        DriverProgress(PrintWriter err, boolean quiet, int cap) {
            this.err = err;
            this.quiet = quiet;
            this.cap = cap;
        }

        private void say(String line) {
            if (!quiet) {
                err.println("subword: " + line);
                err.flush();
            }
        }

        @Override
        public void phase(String name) {
            say(name);
        }

        @Override
        public void wordsCounted(long lines, long distinctWords) {
            this.lines = lines;
            say(String.format(Locale.ROOT, "%,d lines, %,d distinct words (the driver takes at most %,d)", lines,
                    distinctWords, cap));
        }

        @Override
        public void pruned(long minCount, long before, long after) {
            // Always shown: the result is no longer the one-machine result.
            err.printf(Locale.ROOT, "subword: %,d distinct words are more than %,d: kept the %,d seen at least %,d"
                    + " times%n", before, cap, after, minCount);
            err.flush();
        }

        @Override
        public void merges(long done, long target) {
            long now = System.nanoTime();
            if (done != lastMergesShown && (now - lastMergeLine >= StageProgress.INTERVAL_NANOS || done == target)) {
                lastMergeLine = now;
                lastMergesShown = done;
                say(String.format(Locale.ROOT, "merges: %,d of %,d", done, target));
            }
        }
    }
}
