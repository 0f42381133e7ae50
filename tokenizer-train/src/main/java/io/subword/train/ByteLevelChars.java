package io.subword.train;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's byte-to-character map: every byte value stands for one printable character, so a byte-level
 * word is a plain string. Bytes {@code !..~}, {@code ¡..¬} and {@code ®..ÿ} stand for themselves; the other
 * 68 bytes map, in byte order, to U+0100 upwards.
 */
final class ByteLevelChars {
    private static final char[] CHARS = new char[256];

    static {
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            CHARS[b] = (char) (printable ? b : next++);
        }
    }

    private ByteLevelChars() {
    }

    /** The character that stands for byte {@code b} (0..255). */
    static char of(int b) {
        return CHARS[b];
    }

    /** The byte-level form of {@code word}: one character per byte of its UTF-8 encoding. */
    static String encode(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = CHARS[bytes[i] & 0xff];
        }
        return new String(out);
    }
}
