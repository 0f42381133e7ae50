package io.subword.pretokenize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteLevelAlphabetTest {
    @Test
    void everyByteRoundTripsThroughADistinctChar() {
        Set<Character> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            char c = ByteLevelAlphabet.toChar(b);
            assertEquals(b, ByteLevelAlphabet.toByte(c));
            seen.add(c);
        }
        assertEquals(256, seen.size());
    }

    @ParameterizedTest
    @CsvSource({"32, 288", "10, 266", "0, 256", "33, 33", "126, 126", "127, 289", "160, 322", "161, 161",
            "173, 323", "174, 174", "255, 255", "13, 269", "9, 265"})
    void gpt2Table(int b, int c) {
        assertEquals((char) c, ByteLevelAlphabet.toChar(b));
    }

    @Test
    void charsOutsideTheAlphabet() {
        assertEquals(-1, ByteLevelAlphabet.toByte(' '));
        assertEquals(-1, ByteLevelAlphabet.toByte('\u00AD'));
        assertEquals(-1, ByteLevelAlphabet.toByte('\u0144'));
        assertEquals(-1, ByteLevelAlphabet.toByte('\u2581'));
        assertThrows(IllegalArgumentException.class, () -> ByteLevelAlphabet.toBytes("a b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hello world";      "Hello\u0120world"
            "a\nb";             "a\u010Ab"
            "\u00E9";           "\u00C3\u00A9"
            "\u4E2D";           "\u00E4\u00B8\u0143"
            "\uD83D\uDE00";     "\u00F0\u0141\u013A\u0122"
            """)
    void encodeAndDecode(String text, String byteLevel) {
        assertEquals(byteLevel, ByteLevelAlphabet.encode(text));
        assertEquals(text, ByteLevelAlphabet.decode(byteLevel));
    }

    @Test
    void randomValidStringsRoundTrip() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            String s = HardText.next(random, 20);
            String valid = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertEquals(valid, ByteLevelAlphabet.decode(ByteLevelAlphabet.encode(valid)));
        }
    }

    /** Rust's from_utf8_lossy: one U+FFFD per maximal invalid subpart. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            61 E2 82 AC 62;  a\u20ACb
            E2 82;           \uFFFD
            E2 82 41;        \uFFFDA
            80 80;           \uFFFD\uFFFD
            C0 AF;           \uFFFD\uFFFD
            E0 80 AF;        \uFFFD\uFFFD\uFFFD
            ED A0 80;        \uFFFD\uFFFD\uFFFD
            F4 90 80 80;     \uFFFD\uFFFD\uFFFD\uFFFD
            F0 9F 98;        \uFFFD
            F0 9F 98 41;     \uFFFDA
            F0 9F 98 80;     \uD83D\uDE00
            F5 41;           \uFFFDA
            FF;              \uFFFD
            C3;              \uFFFD
            C3 A9 C3;        \u00E9\uFFFD
            """)
    void lossyUtf8(String hex, String expected) {
        String[] parts = hex.trim().split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        assertEquals(expected, ByteLevelAlphabet.decodeUtf8(bytes, bytes.length));
        if (expected.indexOf('\uFFFD') >= 0) {
            assertNull(ByteLevelAlphabet.decodeUtf8Strict(bytes, bytes.length));
        } else {
            assertEquals(expected, ByteLevelAlphabet.decodeUtf8Strict(bytes, bytes.length));
        }
    }

    @Test
    void encodeUsesUtf8Bytes() {
        assertArrayEquals("\u00E9".getBytes(StandardCharsets.UTF_8),
                ByteLevelAlphabet.toBytes(ByteLevelAlphabet.encode("\u00E9")));
    }
}
