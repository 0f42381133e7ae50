package io.subword.vocab.io;

import io.subword.vocab.Merge;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TiktokenRanksTest {
    @TempDir
    Path dir;

    // "a"=YQ==, "b"=Yg==, " "=IA==, "ab"=YWI=, " ab"=IGFi
    private static final String SMALL = "YQ== 0\nYg== 1\nIA== 2\nYWI= 3\n\nIGFi 5\n";

    @Test
    void readsRanksWithGapsAndWritesBack() throws Exception {
        Path file = dir.resolve("small.tiktoken");
        Files.writeString(file, SMALL);
        TiktokenRanks ranks = TiktokenRanks.read(file);
        assertEquals(6, ranks.size());
        assertEquals(5, ranks.tokenCount());
        assertArrayEquals(" ab".getBytes(StandardCharsets.US_ASCII), ranks.token(5));
        assertNull(ranks.token(4));
        assertEquals(3, ranks.rank("ab".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, ranks.rank("ba".getBytes(StandardCharsets.US_ASCII)));

        Vocabulary v = ranks.toVocabulary();
        assertEquals(5, v.id("Ġab"));
        assertEquals(2, v.id("Ġ"));
        assertNull(v.token(4));

        Path out = dir.resolve("out.tiktoken");
        ranks.write(out);
        assertEquals(SMALL.replace("\n\n", "\n"), Files.readString(out));
    }

    @Test
    void convertsToGpt2Files() throws Exception {
        Path file = dir.resolve("small.tiktoken");
        Files.writeString(file, SMALL);
        TiktokenRanks ranks = TiktokenRanks.read(file);
        assertEquals(List.of(new Merge("a", "b"), new Merge("Ġ", "ab")), ranks.toMerges());
        Path vocab = dir.resolve("vocab.json");
        Path merges = dir.resolve("merges.txt");
        ranks.writeGpt2Files(vocab, merges);
        assertEquals("{\"a\":0,\"b\":1,\"Ġ\":2,\"ab\":3,\"Ġab\":5}", Files.readString(vocab));
        assertEquals("#version: 0.2\na b\nĠ ab\n", Files.readString(merges));
        // and the files read back into the same table
        assertEquals(2, MergesTxt.read(merges, VocabJson.read(vocab)).size());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`YQ== 0\nYg==1\n`            | line 2: expected \"<base64 token> <rank>\", found \"Yg==1\"",
            "`YQ== 0\nYg== 1 x\n`         | line 2: expected \"<base64 token> <rank>\", found \"Yg== 1 x\"",
            "`YQ== 0\nY*== 1\n`           | line 2: invalid base64 \"Y*==\"",
            "`YQ== 0\n 1\n`               | line 2: empty token",
            "`YQ== 0\nYg== one\n`         | line 2: rank \"one\" is not a non-negative integer below 16777216",
            "`YQ== 0\nYg== -1\n`          | line 2: rank \"-1\" is not a non-negative integer below 16777216",
            "`YQ== 0\nYg== 99999999\n`    | line 2: rank \"99999999\" is not a non-negative integer below 16777216",
            "`YQ== 0\nYg== 1\nYw== 1\n`   | line 3: duplicate rank 1, first on line 2",
            "`YQ== 0\nYg== 1\nYQ== 2\n`   | line 3: duplicate token \"YQ==\", first on line 1",
    })
    void namesFileAndLineOfTheProblem(String text, String message) throws IOException {
        Path file = dir.resolve("bad.tiktoken");
        Files.writeString(file, text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> TiktokenRanks.read(file));
        assertEquals(file + ", " + message, e.getMessage());
    }

    @Test
    void anEmptyFileHasNoRanks() throws IOException {
        Path file = dir.resolve("empty.tiktoken");
        Files.writeString(file, "\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> TiktokenRanks.read(file));
        assertEquals(file + ": no ranks", e.getMessage());
    }
}
