package io.subword.train;

import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorpusTest {
    @TempDir
    Path dir;

    static List<String> readAll(Corpus corpus) throws IOException, InputFormatException {
        List<String> lines = new ArrayList<>();
        try (Corpus.Lines in = corpus.open()) {
            String line;
            while ((line = in.next()) != null) {
                lines.add(line);
            }
            assertEquals(corpus.totalBytes() < 0 ? in.bytesRead() : corpus.totalBytes(), in.bytesRead());
        }
        return lines;
    }

    /** Line splitting: input bytes as hex, expected lines joined with '|'. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "610a62;                a|b",         // a\nb: no final newline
        "610a620a;              a|b",         // a final newline makes no extra line
        "610d0a0d0a62;          a||b",        // CRLF, and an empty line in the middle is kept
        "efbbbf610a;            a",           // byte order mark skipped
        "0a;                    ''",          // one empty line
        "c3a90a;                é",
        "610d620a;              a\rb",        // a lone CR stays
    })
    void splitsLines(String hex, String expected) throws Exception {
        Path file = dir.resolve("t.txt");
        Files.write(file, HexFormat.of().parseHex(hex));
        String want = expected.equals("''") ? "" : expected.replace("\\r", "\r");
        assertEquals(want, String.join("|", readAll(Corpus.of(file))));
    }

    @Test
    void emptyFileHasNoLines() throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.write(file, new byte[0]);
        assertEquals(List.of(), readAll(Corpus.of(file)));
    }

    @Test
    void foldersAreWalkedInSortedOrderAndGzipIsRead() throws Exception {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("b"));
        Files.writeString(root.resolve("b/2.txt"), "four\n");
        Files.writeString(root.resolve("a.txt"), "one\ntwo\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(root.resolve("b/1.txt.gz")))) {
            out.write("three\n".getBytes(StandardCharsets.UTF_8));
        }
        Path extra = dir.resolve("extra.txt");
        Files.writeString(extra, "five");
        Corpus corpus = Corpus.of(root, extra);
        assertEquals(List.of(root.resolve("a.txt"), root.resolve("b/1.txt.gz"), root.resolve("b/2.txt"), extra),
                corpus.files());
        assertEquals(List.of("one", "two", "three", "four", "five"), readAll(corpus));
    }

    @Test
    void streamIsReadOnce() throws Exception {
        Corpus corpus = Corpus.ofStream(new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)), "-");
        assertEquals(-1, corpus.totalBytes());
        assertEquals(List.of("x", "y"), readAll(corpus));
        assertEquals(List.of(), readAll(corpus));
    }

    /** Invalid UTF-8: the file, the line, the byte offset in the file and in the line. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "6f6b0a61ff62;       line 2: invalid UTF-8 at byte offset 4 (byte 2 of the line)",
        "c3;                 line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)",
        "efbbbf0a0a41c328;   line 3: invalid UTF-8 at byte offset 6 (byte 2 of the line)",
        "eda080;             line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)",
    })
    void invalidUtf8IsAnError(String hex, String where) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, HexFormat.of().parseHex(hex));
        VocabFormatExceptionAssert.assertMessage(file + ", " + where, () -> readAll(Corpus.of(file)));
    }

    @Test
    void invalidUtf8InGzipCountsDecompressedBytes() throws Exception {
        Path file = dir.resolve("bad.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {'a', 'b', '\n', 'c', 'd', 'e', (byte) 0x80});
        }
        VocabFormatExceptionAssert.assertMessage(
                file + ", line 2: invalid UTF-8 at byte offset 6 (byte 4 of the line)", () -> readAll(Corpus.of(file)));
    }

    @Test
    void lenientReplacesInvalidUtf8() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, HexFormat.of().parseHex("61ff620ac3"));
        assertEquals(List.of("a\uFFFDb", "\uFFFD"), readAll(Corpus.of(file).lenient()));
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.txt");
        assertEquals(missing + ": no such file or folder",
                assertThrows(NoSuchFileException.class, () -> Corpus.of(missing)).getMessage());
        assertEquals("a corpus needs at least one file or folder",
                assertThrows(IllegalArgumentException.class, () -> Corpus.of(List.of())).getMessage());
    }
}
