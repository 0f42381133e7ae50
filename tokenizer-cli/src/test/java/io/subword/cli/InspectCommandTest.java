package io.subword.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InspectCommandTest {
    @TempDir
    Path dir;

    /** The emoji is not punctuation to BERT, so {@code hello😀} is one word, and {@code ##😀} is not in the vocabulary. */
    @Test
    void showsSplitsIdsAndCodePointOffsetsInColumns() throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        CliRun.Result r = CliRun.run("", "inspect", "-t", vocab.toString(), "inimagináveis", "Hello\uD83D\uDE00!",
                "xyz", " ");
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertEquals("""
                inimagináveis -> in ##ima ##gin ##ave ##is
                    ids      11   12   13   14    15
                    offsets  0:2  2:5  5:8  8:11  11:13
                Hello\uD83D\uDE00! -> [UNK] !
                    ids      1    8
                    offsets  0:6  6:7
                xyz -> [UNK]
                    ids      1
                    offsets  0:3
                  -> (no tokens)
                """, r.out());
    }

    @Test
    void casedAndSpecial() throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        CliRun.Result r = CliRun.run("", "inspect", "--cased", "--special", "-t", vocab.toString(), "Hello");
        assertEquals("""
                Hello -> [CLS] Hello [SEP]
                    ids      2    10   3
                    offsets  0:0  0:5  0:0
                """, r.out());
    }
}
