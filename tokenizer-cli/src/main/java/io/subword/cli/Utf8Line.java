package io.subword.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reused byte buffer that output lines are written into as UTF-8, with integers written as digits directly:
 * no {@code String} per id, no charset encoder. The encode command's writer stage formats whole batches here and
 * hands the bytes to the output stream in large writes.
 */
final class Utf8Line {
    /*
     * The digits of the ints below SMALL written so far, DIGITS bytes each (right-aligned), and how many of them
     * count (0: not yet made): ids are small and repeat, and writing one by division costs two divisions per digit
     * under C1 (the command line's compiler, which does not turn a division by 10 into a multiplication). Filled
     * as values come, so a one-line encode pays for its few ids only.
     */
    private static final int SMALL = 1 << 18;
    private static final int DIGITS = 6;
    private final byte[] smallDigits = new byte[SMALL * DIGITS];
    private final byte[] smallLength = new byte[SMALL];

    private byte[] buf = new byte[1 << 16];
    private int size;

    int size() {
        return size;
    }

    Utf8Line append(char ascii) {
        ensure(1);
        buf[size++] = (byte) ascii;
        return this;
    }

    /** {@code values[from, to)} in decimal, each followed by {@code separator} but the last. */
    Utf8Line appendJoined(int[] values, int from, int to, char separator) {
        ensure((to - from) * 12);
        byte[] b = buf;
        int at = size;
        byte sep = (byte) separator;
        for (int i = from; i < to; i++) {
            if (i > from) {
                b[at++] = sep;
            }
            int v = values[i];
            if (v >= 0 && v < SMALL) {
                int length = smallLength[v];
                if (length == 0) {
                    length = makeSmall(v);
                }
                for (int k = v * DIGITS + DIGITS - length, end = v * DIGITS + DIGITS; k < end; k++) {
                    b[at++] = smallDigits[k];
                }
            } else {
                size = at;
                append(v); // fits: room for all was made above, so buf stays the same array
                at = size;
            }
        }
        size = at;
        return this;
    }

    /** Writes the digits of {@code v} (below {@link #SMALL}) into the table; returns how many there are. */
    private int makeSmall(int v) {
        int length = 0;
        int k = v * DIGITS + DIGITS;
        int rest = v;
        do {
            smallDigits[--k] = (byte) ('0' + rest % 10);
            rest /= 10;
            length++;
        } while (rest > 0);
        smallLength[v] = (byte) length;
        return length;
    }

    /** {@code value} in decimal. */
    Utf8Line append(int value) {
        ensure(11);
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                return append("-2147483648");
            }
            buf[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size = end;
        return this;
    }

    /** {@code text} as UTF-8; a lone surrogate becomes {@code ?}, as Java's encoder makes it. */
    Utf8Line append(CharSequence text) {
        int n = text.length();
        ensure(n * 3);
        byte[] b = buf;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = at;
        return this;
    }

    /** Writes what is buffered to {@code out} and empties the buffer (without flushing {@code out}). */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
        size = 0;
    }

    @Override
    public String toString() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
