package io.subword.vocab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Utf8LinesTest {
    private static final int[] CHUNKS = {1, 3, 7, 1 << 20};

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
            ~                ; ''          ; 1
            ~\\r\\n          ; ''          ; 1
            \\r              ; ''          ; 1
            abcdefghijklmnop\\nqrstuvwxyz0123456789\\r\\n ; abcdefghijklmnop|qrstuvwxyz0123456789 ; 2
            """)
    void lines(String input, String expected, int count) throws Exception {
        for (int chunk : CHUNKS) {
            List<String> lines = readAll(unescape(input).getBytes(StandardCharsets.UTF_8), chunk);
            assertEquals(count, lines.size(), "chunk " + chunk);
            assertEquals(unescape(expected), String.join("|", lines), "chunk " + chunk);
        }
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r").replace("~", "\uFEFF");
    }

    @Test
    void linesLongerThanTheBufferAndMultiByteCharactersAcrossReads() throws Exception {
        String longLine = "é😀a".repeat(50_000);
        byte[] bytes = (longLine + "\nz\n" + longLine).getBytes(StandardCharsets.UTF_8);
        for (int chunk : CHUNKS) {
            assertEquals(List.of(longLine, "z", longLine), readAll(bytes, chunk), "chunk " + chunk);
        }
    }

    /** Invalid UTF-8 in hex: the line, the byte offset in the stream and the byte of the line, at every chunk size. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            6f6b0a61e2820a   ; line 2: invalid UTF-8 at byte offset 4 (byte 2 of the line)
            eda080           ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            c3               ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            c0af0a           ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            e080af           ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            f4908080         ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            f8888080800a     ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            efbbbfc3         ; line 1: invalid UTF-8 at byte offset 3 (byte 1 of the line)
            efbbbf0a0a41c328 ; line 3: invalid UTF-8 at byte offset 6 (byte 2 of the line)
            fffe6800         ; line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            610d0a62c3a9ff0d0a ; line 2: invalid UTF-8 at byte offset 6 (byte 4 of the line)
            """)
    void invalidUtf8NamesTheLineAndTheByte(String hex, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int chunk : CHUNKS) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(bytes, chunk));
            assertEquals("in.txt, " + expected, e.getMessage(), "chunk " + chunk);
        }
    }

    /** Lenient: each malformed sequence becomes U+FFFD exactly as Java's decoder replaces it. */
    @ParameterizedTest
    @CsvSource({"61e282, a\uFFFD", "eda080, \uFFFD", "e0808062, \uFFFD\uFFFD\uFFFDb", "c0af62, \uFFFD\uFFFDb", "f09f98, \uFFFD", "ff41, \uFFFDA"})
    void lenientReplacesEachMalformedSequence(String hex, String expected) throws Exception {
        byte[] bytes = HexFormat.of().parseHex(hex);
        try (Utf8Lines lines = Utf8Lines.lenient(new ByteArrayInputStream(bytes), Path.of("in.txt"))) {
            assertEquals(expected, lines.next());
        }
    }

    /** {@code firstInvalid} agrees with Java's strict decoder on random byte soup biased towards UTF-8 lead bytes. */
    @Test
    void firstInvalidAgreesWithJavasDecoder() {
        Random random = new Random(12);
        int[] interesting = {0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4,
                0x8F, 0xF5, 0xFF};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            assertEquals(javaFirstInvalid(bytes), Utf8Lines.firstInvalid(bytes, 0, bytes.length),
                    HexFormat.of().formatHex(bytes));
        }
    }

    private static int javaFirstInvalid(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in);
            return -1;
        } catch (CharacterCodingException e) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            ByteBuffer again = ByteBuffer.wrap(bytes);
            decoder.decode(again, java.nio.CharBuffer.allocate(bytes.length + 1), true);
            return again.position();
        }
    }

    /** Reads every line, the stream giving at most {@code chunk} bytes per read. */
    private static List<String> readAll(byte[] bytes, int chunk) throws IOException, InputFormatException {
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        List<String> lines = new ArrayList<>();
        try (Utf8Lines reader = Utf8Lines.strict(in, Path.of("in.txt"))) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
                assertEquals(lines.size(), reader.lineNumber());
            }
        }
        return lines;
    }
}
