package io.subword.testkit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Byte-level mutations of a valid file, for fuzzing readers: each {@link Mutation} flips, inserts, deletes,
 * truncates or duplicates at a position given as a fraction of the current length, so the same list applies to
 * any file. {@link #arbitrary} lets jqwik generate and shrink lists of them (fewer, simpler mutations).
 */
public final class Mutations {
    private Mutations() {
    }

    /** What one mutation does. */
    public enum Kind {
        /** Replace the byte at the position with the value. */
        SET,
        /** Insert the value. */
        INSERT,
        /** Insert one of the {@link #HOSTILE} byte strings (chosen by the value). */
        INSERT_HOSTILE,
        /** Delete up to {@code value % 16 + 1} bytes. */
        DELETE,
        /** Cut the file at the position. */
        TRUNCATE,
        /** Copy up to {@code value + 1} bytes from the position to just after them. */
        DUPLICATE,
        /** Copy the line around the position after itself. */
        DUPLICATE_LINE
    }

    /** Bytes that readers tend to trip on: NUL, invalid UTF-8, a BOM, JSON and line syntax, huge digits. */
    static final byte[][] HOSTILE = {
        {0}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {'\n'}, {'\r'}, {' '}, {'\t'}, {'"'}, {'\\'}, {'{'}, {'}'}, {'['}, {']'}, {','}, {':'}, {'-'},
        "\\ud800".getBytes(), "\\u0000".getBytes(), "null".getBytes(), "99999999999999999999".getBytes(),
        "2147483647".getBytes(), "1e400".getBytes(), "#version: 0.2\n".getBytes(), "==".getBytes(),
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
    };

    /** One mutation at {@code where / 2^20} of the length. */
    public record Mutation(Kind kind, int where, int value) {
        int position(int length) {
            return (int) ((long) where * length >>> 20);
        }
    }

    /** Lists of 1 to {@code max} mutations. */
    public static Arbitrary<List<Mutation>> arbitrary(int max) {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, (1 << 20) - 1),
                        Arbitraries.integers().between(0, 255))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(max);
    }

    /** {@code original} with the mutations applied in order. */
    public static byte[] apply(byte[] original, List<Mutation> mutations) {
        byte[] b = original;
        for (Mutation m : mutations) {
            b = apply(b, m);
        }
        return b;
    }

    static byte[] apply(byte[] b, Mutation m) {
        int n = b.length;
        int at = m.position(n);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        switch (m.kind()) {
            case SET -> {
                if (n == 0) {
                    return new byte[] {(byte) m.value()};
                }
                byte[] c = b.clone();
                c[Math.min(at, n - 1)] = (byte) m.value();
                return c;
            }
            case INSERT -> {
                out.write(b, 0, at);
                out.write(m.value());
                out.write(b, at, n - at);
            }
            case INSERT_HOSTILE -> {
                out.write(b, 0, at);
                out.writeBytes(HOSTILE[m.value() % HOSTILE.length]);
                out.write(b, at, n - at);
            }
            case DELETE -> {
                int len = Math.min(m.value() % 16 + 1, n - at);
                out.write(b, 0, at);
                out.write(b, at + len, n - at - len);
            }
            case TRUNCATE -> {
                return Arrays.copyOf(b, at);
            }
            case DUPLICATE -> {
                int len = Math.min(m.value() + 1, n - at);
                out.write(b, 0, at + len);
                out.write(b, at, n - at);
            }
            case DUPLICATE_LINE -> {
                int start = at;
                while (start > 0 && b[start - 1] != '\n') {
                    start--;
                }
                int end = at;
                while (end < n && b[end] != '\n') {
                    end++;
                }
                end = Math.min(end + 1, n);
                out.write(b, 0, end);
                out.write(b, start, end - start);
                out.write(b, end, n - end);
            }
            default -> throw new AssertionError(m.kind());
        }
        return out.toByteArray();
    }
}
