package io.subword.spark;

import io.subword.train.Corpus;
import io.subword.vocab.io.InputFormatException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark reads a corpus into exactly the lines the one-machine {@link Corpus} reads. */
class SparkCorpusTest {
    @TempDir
    Path tmp;

    /** Bytes written as text with escapes: \n, \r, \xHH. */
    static byte[] bytes(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                char k = escaped.charAt(++i);
                switch (k) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 'x' -> {
                        out.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                        i += 2;
                    }
                    default -> throw new IllegalArgumentException("escape \\" + k);
                }
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "plain lines            | a b\\nc d\\n",
            "no final newline       | a\\nb",
            "empty lines kept       | \\n\\na\\n\\n",
            "CRLF                   | a\\r\\nb\\r\\n",
            "lone CR stays in line  | a\\rb\\nc\\r",
            "byte order mark        | \\xEF\\xBB\\xBFa\\nb\\n",
            "byte order mark line   | \\xEF\\xBB\\xBF\\na",
            "mark later is text     | a\\n\\xEF\\xBB\\xBFb\\n",
            "UTF-8 multibyte        | ação\\n日本\\n\uD83D\uDE00\\n",
            "empty file             | ''",
    })
    void linesAreThoseOfCorpus(String what, String escaped) throws Exception {
        Path file = tmp.resolve("c.txt");
        Files.write(file, bytes(escaped));
        assertEquals(corpusLines(Corpus.of(file)), sparkLines(SparkCorpus.of(file.toString())), what);
    }

    @Test
    void aFileOfOnlyAByteOrderMarkIsTheOneDifference() throws Exception {
        // Corpus reads it as one empty line; Hadoop's reader, which drops the mark before it looks for a line,
        // as none. An empty line has no words, so training is the same; encoding has one line less.
        Path file = tmp.resolve("bom.txt");
        Files.write(file, bytes("\\xEF\\xBB\\xBF"));
        assertEquals(List.of(""), corpusLines(Corpus.of(file)));
        assertEquals(List.of(), sparkLines(SparkCorpus.of(file.toString())));
    }

    @Test
    void overLongLinesAreReadWholeAcrossSplitsAsCorpusDoes() throws Exception {
        // Corpus has no line length limit; neither does Hadoop's line reader (its maximum is Integer.MAX_VALUE),
        // and a line that runs past its split is read whole by the split it starts in.
        StringBuilder text = new StringBuilder("short\n");
        text.append("x".repeat(700_000)).append(' ').append("é".repeat(300_000)).append('\n');
        text.append("after\n").append("y".repeat(250_000));
        Path file = tmp.resolve("long.txt");
        Files.writeString(file, text);
        List<String> lines = sparkLines(SparkCorpus.of(file.toString()).splitBytes(100_000));
        assertEquals(corpusLines(Corpus.of(file)), lines);
        assertEquals(4, lines.size());
        assertEquals(1_000_001, lines.get(1).length());
    }

    @Test
    void foldersGlobsAndGzipAreReadInCorpusOrder() throws Exception {
        Path dir = tmp.resolve("corpus");
        Files.createDirectories(dir.resolve("b/nested"));
        Files.writeString(dir.resolve("b/nested/z.txt"), "nested z\n");
        Files.writeString(dir.resolve("b/a.txt"), "b a\n");
        Files.writeString(dir.resolve("_under.txt"), "hidden to Hadoop, not to Corpus\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("c.txt.gz")))) {
            gz.write(bytes("\\xEF\\xBB\\xBFgz one\\r\\ngz two\\n"));
        }
        Path single = tmp.resolve("single.txt");
        Files.writeString(single, "single\n");

        List<String> expected = corpusLines(Corpus.of(single, dir));
        assertEquals(List.of("single", "hidden to Hadoop, not to Corpus", "b a", "nested z", "gz one", "gz two"),
                expected);
        assertEquals(expected, sparkLines(SparkCorpus.of(single.toString(), dir.toString())));
        assertEquals(List.of("b a", "nested z", "gz one", "gz two"),
                sparkLines(SparkCorpus.of(dir + "/[bc]*")), "a glob's matches in sorted order");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // what, file bytes, line, offset of the bad byte, byte of the line
            "lone continuation byte   | ok\\nab\\x80c\\n                | 2 | 5 | 3",
            "truncated sequence at end| a\\n\\n\\xC3                      | 3 | 3 | 1",
            "after a byte order mark  | \\xEF\\xBB\\xBFx\\xFFy\\n          | 1 | 4 | 2",
            "surrogate encoded        | a\\nb\\nc\\xED\\xA0\\x80\\n          | 3 | 5 | 2",
    })
    void invalidUtf8FailsNamingFileLineAndOffsetAsCorpusDoes(String what, String escaped, long line, long offset,
                                                            long byteOfLine) throws Exception {
        Path file = tmp.resolve("bad.txt").toAbsolutePath();
        Files.write(file, bytes(escaped));
        InputFormatException expected = assertThrows(InputFormatException.class, () -> corpusLines(Corpus.of(file)));
        String message = file + ", line " + line + ": invalid UTF-8 at byte offset " + offset + " (byte " + byteOfLine
                + " of the line)";
        assertEquals(message, expected.getMessage(), "the one-machine message");

        SparkException e = assertThrows(SparkException.class, () -> sparkLines(SparkCorpus.of(file.toString())));
        CorpusFormatException cause = assertInstanceOf(CorpusFormatException.class, rootCause(e));
        assertEquals(message, cause.getMessage(), what);
        assertEquals(line, cause.line());

        // Lenient reading replaces the malformed sequences, as Corpus.lenient() does.
        assertEquals(corpusLines(Corpus.of(file).lenient()),
                sparkLines(SparkCorpus.of(file.toString()).lenient(true)));
    }

    @Test
    void aPathThatMatchesNothingIsNamed() {
        String missing = tmp.resolve("missing*.txt").toString();
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> SparkCorpus.of(missing).lines(SharedSpark.session()));
        assertEquals(missing + ": no such file or folder", e.getMessage());
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    static List<String> sparkLines(SparkCorpus.Builder corpus) throws IOException {
        return new ArrayList<>(corpus.lines(SharedSpark.session()).collect());
    }

    static List<String> corpusLines(Corpus corpus) throws IOException, InputFormatException {
        List<String> lines = new ArrayList<>();
        try (Corpus.Lines it = corpus.open()) {
            for (String line = it.next(); line != null; line = it.next()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
