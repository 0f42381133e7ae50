package io.subword.vocab.io;

import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VocabJsonTest {
    @TempDir
    Path dir;

    @Test
    void readsAndWritesBack() throws Exception {
        Path file = dir.resolve("vocab.json");
        Files.writeString(file, "{\n  \"a\": 0,\n  \"\\u0120b\": 2, \"q\\\"\\\\\\n\": 1,\n  \"\u00e1\": 3\n}\n");
        Vocabulary v = VocabJson.read(file);
        assertEquals(Arrays.asList("a", "q\"\\\n", "\u0120b", "\u00e1"), v.tokens());
        Path out = dir.resolve("out.json");
        VocabJson.write(v, out);
        assertEquals("{\"a\":0,\"q\\\"\\\\\\n\":1,\"Ġb\":2,\"á\":3}", Files.readString(out));
        assertEquals(v.tokens(), VocabJson.read(out).tokens());
    }

    @Test
    void keepsIdGaps() throws Exception {
        Path file = dir.resolve("vocab.json");
        Files.writeString(file, "{\"a\": 0, \"b\": 5}");
        Vocabulary v = VocabJson.read(file);
        assertEquals(6, v.size());
        assertEquals(2, v.tokenCount());
        Path out = dir.resolve("out.json");
        VocabJson.write(v, out);
        assertEquals("{\"a\":0,\"b\":5}", Files.readString(out));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`[1]`                         | line 1, column 1: expected '{' to start the vocabulary object",
            "`{\"a\": 0,\n \"b\": 0}`      | line 2, column 7: id 0 is given to both \"a\" and \"b\"",
            "`{\"a\": 0,\n\"a\": 1}`       | line 2, column 1: duplicate token \"a\"",
            "`{\"a\": -1}`                 | line 1, column 7: the id must be a non-negative integer",
            "`{\"a\": 1.5}`                | line 1, column 7: the id must be a non-negative integer",
            "`{\"a\": \"1\"}`              | line 1, column 7: the id must be a non-negative integer",
            "`{\"a\": 01}`                 | line 1, column 7: leading zero in the id",
            "`{\"a\": 3000000000}`         | line 1, column 7: id 3000000000 is too large (at most 16777215)",
            "`{\"a\": 0 \"b\": 1}`         | line 1, column 9: expected ',' or '}'",
            "`{\"a\": 0,}`                 | line 1, column 9: expected a token in double quotes",
            "`{\"a\" 0}`                   | line 1, column 6: expected ':' after the token",
            "`{\"a\": 0`                   | line 1, column 8: unexpected end of file",
            "`{\"a\": 0} x`                | line 1, column 10: unexpected content after the vocabulary object",
            "`{\"a\\x\": 0}`               | line 1, column 4: bad escape \\x",
            "`{\"a\\u12\": 0}`             | line 1, column 4: bad \\u escape",
            "`{\"ab`                       | line 1, column 2: unterminated string",
            "`{\"a\tb\": 0}`               | line 1, column 4: unescaped control character U+0009 in a string",
            "``                            | line 1, column 1: unexpected end of file, expected '{' to start the vocabulary object",
    })
    void namesLineAndColumnOfTheProblem(String json, String message) throws IOException {
        Path file = dir.resolve("vocab.json");
        Files.writeString(file, json);
        InputFormatException e = assertThrows(InputFormatException.class, () -> VocabJson.read(file));
        assertEquals(file + ", " + message, e.getMessage());
    }

    @Test
    void namesTheLineOfInvalidUtf8() throws IOException {
        Path file = dir.resolve("vocab.json");
        Files.write(file, new byte[] {'{', '\n', '"', (byte) 0xC3, '"', ':', '0', '}'});
        InputFormatException e = assertThrows(InputFormatException.class, () -> VocabJson.read(file));
        assertEquals(file + ", line 2: invalid UTF-8 at byte offset 3 (byte 2 of the line)", e.getMessage());
    }

    @Test
    void namesAMissingFile() {
        Path file = dir.resolve("missing.json");
        InputFormatException e = assertThrows(InputFormatException.class, () -> VocabJson.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void readsAStream() throws Exception {
        Vocabulary v = VocabJson.read(Path.of("x.json"),
                new java.io.ByteArrayInputStream("{\"x\":0}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, v.id("x"));
    }
}
