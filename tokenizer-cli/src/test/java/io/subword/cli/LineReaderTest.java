package io.subword.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineReaderTest {
    /** Input with {@code \n}, {@code \r} and {@code ~} (BOM) written as escapes; expected lines joined by |. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            ''               ; ''          ; 0
            a                ; a           ; 1
            a\\n             ; a           ; 1
            a\\nb            ; a|b         ; 2
            a\\n\\nb\\n      ; a||b        ; 3
            \\n              ; ''          ; 1
            \\n\\n           ; |           ; 2
            a\\r\\nb\\r\\n   ; a|b         ; 2
            a\\rb\\n         ; a\\rb       ; 1
            a\\r\\r\\n       ; a\\r        ; 1
            ~a\\n~b          ; a|~b        ; 2
            """)
    void lines(String input, String expected, int count) throws IOException {
        List<String> lines = readAll(unescape(input).getBytes(StandardCharsets.UTF_8), 1);
        assertEquals(count, lines.size());
        assertEquals(unescape(expected), String.join("|", lines));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("~", "\uFEFF");
    }

    @Test
    void linesLongerThanTheBufferAndMultiByteCharactersAcrossReads() throws IOException {
        String longLine = "é😀a".repeat(50_000);
        byte[] bytes = (longLine + "\nz\n" + longLine).getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 3, 7, 1 << 20}) {
            assertEquals(List.of(longLine, "z", longLine), readAll(bytes, chunk), "chunk " + chunk);
        }
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xE2, (byte) 0x82, '\n'};
        IOException e = assertThrows(IOException.class, () -> readAll(bytes, 1 << 10));
        assertEquals("in.txt, line 2: invalid UTF-8", e.getMessage());
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertEquals("in.txt, line 1: invalid UTF-8",
                assertThrows(IOException.class, () -> readAll(surrogate, 1 << 10)).getMessage());
    }

    /** Reads every line, the stream giving at most {@code chunk} bytes per read. */
    private static List<String> readAll(byte[] bytes, int chunk) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(in, "in.txt", true)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
                assertEquals(lines.size(), reader.lineNumber());
            }
        }
        return lines;
    }
}
