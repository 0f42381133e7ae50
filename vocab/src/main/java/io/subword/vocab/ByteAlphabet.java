package io.subword.vocab;

import java.util.Arrays;

/**
 * GPT-2's reversible map between the 256 byte values and 256 printable characters ({@code bytes_to_unicode}
 * in GPT-2's {@code encoder.py}), in which byte-level vocabularies ({@code vocab.json}, tokenizer.json) spell
 * their tokens: a token's bytes become one character each.
 *
 * <p>The printable bytes {@code '!'..'~'}, {@code '¡'..'¬'} and {@code '®'..'ÿ'} stand for themselves; the
 * other 68 bytes, in increasing order, take the characters {@code U+0100, U+0101, ...} (so the space
 * {@code 0x20} is {@code 'Ġ'} U+0120 and the newline {@code 0x0A} is {@code 'Ċ'} U+010A). Every character
 * of the alphabet is a single UTF-16 unit, so a byte-level token of {@code n} bytes is a string of {@code n}
 * chars.
 */
public final class ByteAlphabet {
    private static final char[] CHAR_OF_BYTE = new char[256];
    /** Byte of each char below 0x144, or -1; the alphabet's chars all lie below 0x144. */
    private static final int[] BYTE_OF_CHAR = new int[0x144];

    static {
        Arrays.fill(BYTE_OF_CHAR, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) next++;
            CHAR_OF_BYTE[b] = c;
            BYTE_OF_CHAR[c] = b;
        }
        assert next == 0x144 : next;
    }

    private ByteAlphabet() {
    }

    /** The character that stands for byte {@code b} (only the low 8 bits of {@code b} are used). */
    public static char charOf(int b) {
        return CHAR_OF_BYTE[b & 0xff];
    }

    /** The byte (0..255) that {@code c} stands for, or {@code -1} if {@code c} is not in the alphabet. */
    public static int byteOf(char c) {
        return c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
    }

    /** The byte-level spelling of {@code bytes}: one character per byte. */
    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** The byte-level spelling of {@code bytes[from, to)}. */
    public static String encode(byte[] bytes, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            chars[i - from] = CHAR_OF_BYTE[bytes[i] & 0xff];
        }
        return new String(chars);
    }

    /** Whether every character of {@code text} is in the alphabet. */
    public static boolean isByteLevel(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (byteOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes that the byte-level string {@code text} spells.
     *
     * @throws IllegalArgumentException naming the first character that is not in the alphabet
     */
    public static byte[] decode(CharSequence text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            int b = byteOf(c);
            if (b < 0) {
                throw new IllegalArgumentException(String.format(
                        "character U+%04X at index %d of %s is not in the byte-level alphabet", (int) c, i,
                        Vocabulary.quote(text.toString())));
            }
            out[i] = (byte) b;
        }
        return out;
    }
}
