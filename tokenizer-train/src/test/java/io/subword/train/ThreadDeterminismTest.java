package io.subword.train;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same corpus and options give the same files, byte for byte, with 1 and 2 threads. The corpus (the first
 * 9,000 Europarl bodies) spans three chunks of the word counter, so the parallel path really runs.
 */
class ThreadDeterminismTest {
    static final int LINES = 9000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Family.class, mode = EnumSource.Mode.EXCLUDE, names = "UNIGRAM") // UnigramTrainerTest checks it
    void oneAndTwoThreadsWriteTheSameBytes(Family family) throws Exception {
        Path corpus = TrainingTest.europarl(dir, 0, LINES);
        List<Path> one = TrainingTest.train(family, corpus, 4000, 1).writeAll(dir.resolve("t1"));
        List<Path> two = TrainingTest.train(family, corpus, 4000, 2).writeAll(dir.resolve("t2"));
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(two.get(i)), one.get(i).toString());
        }
    }
}
