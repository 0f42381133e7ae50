package io.subword.cli;

import io.subword.Tokenizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -t bert-base-uncased}: the file comes from the Maven artifact (already in the local repository here). */
class PretrainedTokenizersTest {
    @TempDir
    Path cache;

    @BeforeEach
    void useTempCache() {
        System.setProperty("subword.cache", cache.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("subword.cache");
    }

    @Test
    void bertBaseUncasedLoadsWithoutTheModelsLimitsAndIsCachedOnce() throws Exception {
        StringWriter log = new StringWriter();
        Tokenizer bert = PretrainedTokenizers.load("bert-base-uncased", new PrintWriter(log));
        assertArrayEquals(new int[] {101, 7592, 2088, 102}, bert.encode("Hello world").ids());
        assertNull(bert.truncation());
        assertNull(bert.padding());
        assertEquals(300, bert.encode("a ".repeat(300), false).size(), "no truncation at 128");
        try (var files = Files.walk(cache)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith("tokenizer.json")));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "gpt2        | 31373 995",
            "r50k_base   | 31373 995",
            "cl100k_base | 15339 1917",
            "o200k_base  | 24912 2375",
    })
    void tiktokenNamesLoadJtokkitsRankFiles(String name, String ids) throws Exception {
        Tokenizer tok = PretrainedTokenizers.load(name, new PrintWriter(new StringWriter()));
        assertArrayEquals(java.util.Arrays.stream(ids.split(" ")).mapToInt(Integer::parseInt).toArray(),
                tok.encode("hello world", false).ids());
    }

    @Test
    void encodeAcceptsTheNameWhereNoSuchFileExists() {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.commandLine(new java.io.ByteArrayInputStream("Amigos inimagináveis\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err))
                .execute("encode", "-t", "bert-base-uncased", "--format", "tokens", "--no-special");
        assertEquals(0, code, err.toString());
        assertEquals("ami ##gos in ##ima ##gina ##ve ##is\n", out.toString().replace("\r\n", "\n"));
    }
}
