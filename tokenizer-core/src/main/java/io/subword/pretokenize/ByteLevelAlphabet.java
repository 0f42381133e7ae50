package io.subword.pretokenize;

import io.subword.vocab.Internal;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's {@code bytes_to_unicode} table: each of the 256 byte values stands for one printable character, so
 * that byte-level BPE vocabularies can be stored as text. The printable bytes {@code !..~}, {@code ¡..¬} and
 * {@code ®..ÿ} stand for themselves; the other 68 bytes, in increasing order, for U+0100, U+0101, ... (so the
 * space 0x20 is {@code Ġ} U+0120 and the line feed 0x0A is {@code Ċ} U+010A).
 *
 * <p>{@link Internal}: public only because the BPE, decoder and JSON packages and the comparison map bytes through it.
 */
@Internal
public final class ByteLevelAlphabet {
    private static final char[] BYTE_TO_CHAR = new char[256];
    /** Indexed by char, up to the largest char in the alphabet; -1 where the char is not in it. */
    private static final short[] CHAR_TO_BYTE;

    static {
        // GPT-2's table is defined once, in the vocab module; this class keeps its own arrays for the hot path.
        int max = 0;
        for (int b = 0; b < 256; b++) {
            BYTE_TO_CHAR[b] = io.subword.vocab.ByteAlphabet.charOf(b);
            max = Math.max(max, BYTE_TO_CHAR[b]);
        }
        CHAR_TO_BYTE = new short[max + 1];
        java.util.Arrays.fill(CHAR_TO_BYTE, (short) -1);
        for (int b = 0; b < 256; b++) {
            CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = (short) b;
        }
    }

    private ByteLevelAlphabet() {
    }

    /** The character that stands for byte {@code b} (0..255, or a signed {@code byte} value). */
    public static char toChar(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte (0..255) that {@code c} stands for, or -1 when {@code c} is not in the alphabet. */
    public static int toByte(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** Whether every char of {@code s} is in the alphabet. */
    public static boolean isByteLevel(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (toByte(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The byte-level form of {@code text}: one alphabet character per byte of its UTF-8 encoding. Lone
     * surrogates are encoded as {@link String#getBytes} does, as {@code ?} (what jtokkit feeds its encoder).
     */
    public static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8), 0, -1);
    }

    /** The byte-level form of {@code bytes[from, to)}; {@code to = -1} for the end. */
    public static String encode(byte[] bytes, int from, int to) {
        int end = to < 0 ? bytes.length : to;
        char[] out = new char[end - from];
        for (int i = from; i < end; i++) {
            out[i - from] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    /**
     * The bytes that byte-level {@code s} stands for.
     *
     * @throws IllegalArgumentException naming the first char that is not in the alphabet
     */
    public static byte[] toBytes(CharSequence s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            int b = toByte(s.charAt(i));
            if (b < 0) {
                throw new IllegalArgumentException("char U+" + String.format("%04X", (int) s.charAt(i)) + " at "
                        + i + " is not in the byte-level alphabet");
            }
            out[i] = (byte) b;
        }
        return out;
    }

    /** The text that byte-level {@code s} stands for, with invalid UTF-8 decoded as {@link #decodeUtf8} does. */
    public static String decode(CharSequence s) {
        byte[] b = toBytes(s);
        return decodeUtf8(b, b.length);
    }

    /**
     * Decodes UTF-8 exactly as Rust's {@code String::from_utf8_lossy}: each maximal prefix of a valid sequence
     * that is cut short, and each byte that cannot start one, becomes one U+FFFD.
     */
    public static String decodeUtf8(byte[] bytes, int length) {
        return Utf8.decode(bytes, length, false);
    }

    /** Decodes UTF-8 strictly as Rust's {@code String::from_utf8}: {@code null} when the bytes are not valid. */
    public static String decodeUtf8Strict(byte[] bytes, int length) {
        return Utf8.decode(bytes, length, true);
    }

    /** UTF-8 decoding with Rust's validity rules (no overlongs, no surrogates, nothing above U+10FFFF). */
    private static final class Utf8 {
        static String decode(byte[] b, int n, boolean strict) {
            StringBuilder sb = new StringBuilder(n);
            int i = 0;
            while (i < n) {
                int b0 = b[i] & 0xFF;
                if (b0 < 0x80) {
                    sb.append((char) b0);
                    i++;
                    continue;
                }
                int width;
                int lo = 0x80;
                int hi = 0xBF;
                if (b0 >= 0xC2 && b0 <= 0xDF) {
                    width = 2;
                } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                    width = 3;
                    if (b0 == 0xE0) {
                        lo = 0xA0;
                    } else if (b0 == 0xED) {
                        hi = 0x9F;
                    }
                } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                    width = 4;
                    if (b0 == 0xF0) {
                        lo = 0x90;
                    } else if (b0 == 0xF4) {
                        hi = 0x8F;
                    }
                } else {
                    width = 0;
                }
                // Count the valid bytes of this sequence: the second byte has its own range, the rest 80..BF.
                int valid = width == 0 ? 0 : 1;
                int cp = width == 2 ? b0 & 0x1F : width == 3 ? b0 & 0x0F : b0 & 0x07;
                while (valid > 0 && valid < width && i + valid < n) {
                    int bk = b[i + valid] & 0xFF;
                    boolean ok = valid == 1 ? bk >= lo && bk <= hi : bk >= 0x80 && bk <= 0xBF;
                    if (!ok) {
                        break;
                    }
                    cp = (cp << 6) | (bk & 0x3F);
                    valid++;
                }
                if (width > 0 && valid == width) {
                    sb.appendCodePoint(cp);
                    i += width;
                } else {
                    if (strict) {
                        return null;
                    }
                    sb.append('\uFFFD');
                    i += Math.max(valid, 1);
                }
            }
            return sb.toString();
        }
    }
}
