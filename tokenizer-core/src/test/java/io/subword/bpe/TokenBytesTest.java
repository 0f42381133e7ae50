package io.subword.bpe;

import io.subword.vocab.ByteAlphabet;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenBytesTest {
    /**
     * Byte-level tokens (ids 0..5 spelled in the byte-level alphabet), a token of a zero byte and one with a
     * trailing zero byte (the packed keys of "a" and "a\0" are equal; lengths tell them apart), tokens of 9, 11,
     * 16 and 17 bytes (the three tables: up to 8, up to 16, longer), and a token that is not byte-level (never
     * held).
     */
    private static final Vocabulary VOCAB = Vocabulary.of(
            bl("a"), bl("ab"), bl("abcdefgh"), bl("abcdefghi"), bl(" Parliament"), bl("é"),
            bl("\0"), bl("a\0"), "not byte-level \u0100", bl("abcdefgh\0"), bl(" Parliamentarians"),
            bl("abcdefghijklmnop"));

    private static String bl(String text) {
        return ByteAlphabet.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
            "a, 0",
            "ab, 1",
            "abcdefgh, 2",
            "abcdefghi, 3",
            "' Parliament', 4",
            "é, 5",
            "b, -1",
            "abc, -1",
            "abcdefg, -1",
            "abcdefghij, -1",
            "' parliament', -1",
            "' Parliamen', -1",
            "'', -1",
            "abcdefghijklmnop, 11",
            "abcdefghijklmno, -1",
            "abcdefghijklmnopq, -1",
            "' Parliamentarians', 10",
            "' Parliamentarian', -1",
            "' Parliamentarianz', -1",
    })
    void wholeTokensByTheirBytes(String text, int id) {
        TokenBytes map = TokenBytes.of(VOCAB);
        byte[] b = Arrays.copyOf(text.getBytes(StandardCharsets.UTF_8), 64);
        assertEquals(id, map.id(b, text.getBytes(StandardCharsets.UTF_8).length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0, 6",
            "97 0, 7",
            "0 97, -1",
            "97 0 0, -1",
            "196, -1",
            "97 98 99 100 101 102 103 104 0, 9",
            "97 98 99 100 101 102 103 104, 2",
            "97 98 99 100 101 102 103 104 0 0, -1",
    })
    void zeroBytesAndLengths(String bytes, int id) {
        TokenBytes map = TokenBytes.of(VOCAB);
        String[] parts = bytes.split(" ");
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 'x'); // what lies past the length must not matter
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        assertEquals(id, map.id(b, parts.length));
    }
}
