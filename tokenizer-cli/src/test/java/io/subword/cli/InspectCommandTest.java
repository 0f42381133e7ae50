package io.subword.cli;

import io.subword.testkit.RealData;
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

    /** bert-base-uncased's tokenizer.json pads and truncates to 128; inspect shows the split alone. */
    @Test
    void realBertTokenizerJsonWithoutPadding() {
        CliRun.Result r = CliRun.run("", "inspect", "-t", RealData.bertUncasedTokenizerJson().toString(), "--special",
                "unaffable", "Olá!");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                unaffable -> [CLS] una ##ffa ##ble [SEP]
                    ids      101  14477  20961  3468  102
                    offsets  0:0  0:3    3:6    6:9   0:0
                Olá! -> [CLS] ol ##a ! [SEP]
                    ids      101  19330  2050  999  102
                    offsets  0:0  0:2    2:3   3:4  0:0
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
