package io.subword.vocab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteAlphabetTest {
    @ParameterizedTest(name = "byte {0} -> U+{1}")
    @CsvSource({
            "0x00, 0100",   // first unprintable byte takes the first char after 0xFF
            "0x0A, 010A",   // newline: Ċ
            "0x20, 0120",   // space: Ġ
            "0x21, 0021",   // '!' stands for itself
            "0x61, 0061",
            "0x7E, 007E",
            "0x7F, 0121",   // DEL: ġ
            "0x80, 0122",
            "0xA0, 0142",   // NBSP: ł
            "0xA1, 00A1",
            "0xAC, 00AC",
            "0xAD, 0143",   // soft hyphen: Ń, the last one
            "0xAE, 00AE",
            "0xFF, 00FF",
    })
    void mapsLikeGpt2(String b, String hex) {
        int value = Integer.decode(b);
        char c = (char) Integer.parseInt(hex, 16);
        assertEquals(c, ByteAlphabet.charOf(value));
        assertEquals(value, ByteAlphabet.byteOf(c));
    }

    @Test
    void isABijection() {
        boolean[] seen = new boolean[0x144];
        for (int b = 0; b < 256; b++) {
            char c = ByteAlphabet.charOf(b);
            assertFalse(seen[c], "char used twice: " + (int) c);
            seen[c] = true;
            assertEquals(b, ByteAlphabet.byteOf(c));
        }
        assertEquals(-1, ByteAlphabet.byteOf(' '));
        assertEquals(-1, ByteAlphabet.byteOf('\u0144'));
        assertEquals(-1, ByteAlphabet.byteOf('\uFFFF'));
    }

    @Test
    void encodesAndDecodesUtf8() {
        byte[] bytes = " inimagináveis\n".getBytes(StandardCharsets.UTF_8);
        String spelled = ByteAlphabet.encode(bytes);
        assertEquals("ĠinimaginÃ¡veisĊ", spelled);
        assertTrue(ByteAlphabet.isByteLevel(spelled));
        assertArrayEquals(bytes, ByteAlphabet.decode(spelled));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteAlphabet.decode("a b"));
        assertEquals("character U+0020 at index 1 of \"a b\" is not in the byte-level alphabet", e.getMessage());
    }
}
