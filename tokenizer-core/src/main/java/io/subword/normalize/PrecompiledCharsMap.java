package io.subword.normalize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SentencePiece's precompiled normalization rules ({@code precompiled_charsmap}): a little-endian uint32 size
 * of the trie blob, a darts-clone double array of that many bytes whose keys are UTF-8 strings and whose values
 * are offsets into the rest of the blob, and the rest: the NUL-terminated replacement strings.
 *
 * <p>Lookups run over UTF-8 bytes, as SentencePiece's do. Immutable and thread-safe.
 */
public final class PrecompiledCharsMap {
    private final byte[] blob;
    private final int[] units;
    /** Where the replacement strings start in {@link #blob}. */
    private final int normalizedFrom;

    private PrecompiledCharsMap(byte[] blob, int[] units, int normalizedFrom) {
        this.blob = blob;
        this.units = units;
        this.normalizedFrom = normalizedFrom;
    }

    /**
     * Decodes a charsmap.
     *
     * @throws IllegalArgumentException saying what is broken (too short, a trie size past the end, a trie value
     *                                  pointing outside the strings)
     */
    public static PrecompiledCharsMap decode(byte[] blob) {
        if (blob.length <= 4) {
            throw new IllegalArgumentException("precompiled charsmap of " + blob.length
                    + " bytes is too short (a 4-byte trie size, the trie, then the strings)");
        }
        long trieSize = ByteBuffer.wrap(blob, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (trieSize >= blob.length - 4L || trieSize % 4 != 0 || trieSize == 0) {
            throw new IllegalArgumentException("precompiled charsmap says its trie has " + trieSize
                    + " bytes, but the charsmap has " + blob.length + " (the trie must be a positive multiple of 4"
                    + " bytes and leave room for the strings)");
        }
        int[] units = new int[(int) (trieSize / 4)];
        ByteBuffer.wrap(blob, 4, (int) trieSize).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(units);
        PrecompiledCharsMap map = new PrecompiledCharsMap(blob.clone(), units, 4 + (int) trieSize);
        map.validate();
        return map;
    }

    /** Walks every key of the trie once, so that a broken array fails here and never during encoding. */
    private void validate() {
        int[] stack = new int[64];
        int top = 0;
        int root = offset(units[0]);
        if (root < 0 || root >= units.length) {
            throw new IllegalArgumentException("precompiled charsmap trie is broken: unit 0 points to "
                    + Integer.toUnsignedString(root) + ", past its " + units.length + " units");
        }
        stack[top++] = root;
        boolean[] seen = new boolean[units.length];
        while (top > 0) {
            int base = stack[--top];
            for (int label = 1; label < 256; label++) {
                int pos = base ^ label;
                if (pos < 0 || pos >= units.length || seen[pos]) {
                    continue;
                }
                int unit = units[pos];
                if (label(unit) != label) {
                    continue;
                }
                seen[pos] = true;
                int next = pos ^ offset(unit);
                if (next < 0 || next >= units.length) {
                    throw new IllegalArgumentException("precompiled charsmap trie is broken: unit " + pos
                            + " points to " + Integer.toUnsignedString(next) + ", past its " + units.length
                            + " units");
                }
                if (hasLeaf(unit)) {
                    int value = value(units[next]);
                    if (value < 0 || normalizedFrom + value >= blob.length) {
                        throw new IllegalArgumentException("precompiled charsmap trie is broken: a value ("
                                + value + ") points past the " + (blob.length - normalizedFrom)
                                + " bytes of normalized strings");
                    }
                }
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = next;
            }
        }
    }

    // darts-clone unit layout
    private static boolean hasLeaf(int unit) {
        return ((unit >>> 8) & 1) == 1;
    }

    private static int value(int unit) {
        return unit & 0x7FFFFFFF;
    }

    private static int label(int unit) {
        return unit & (0x80000000 | 0xFF);
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
    }

    /**
     * The rules that match a prefix of {@code utf8[from, to)}: calls {@code sink} with (length, value) for each,
     * shortest first, as darts-clone's commonPrefixSearch finds them.
     */
    int search(byte[] utf8, int from, int to, long[] results) {
        int count = 0;
        int pos = 0;
        int unit = units[pos];
        pos ^= offset(unit);
        for (int i = from; i < to; i++) {
            int b = utf8[i] & 0xFF;
            pos ^= b;
            if (pos < 0 || pos >= units.length) {
                return count;
            }
            unit = units[pos];
            if (label(unit) != b) {
                return count;
            }
            pos ^= offset(unit);
            if (pos < 0 || pos >= units.length) {
                return count;
            }
            if (hasLeaf(unit)) {
                if (count < results.length) {
                    results[count] = (long) (i + 1 - from) << 32 | value(units[pos]);
                }
                count++;
            }
        }
        return Math.min(count, results.length);
    }

    /**
     * The length in bytes of the longest rule matching at {@code utf8[from, to)}, or 0; its value (for
     * {@link #replacement}) in {@code out[0]}. SentencePiece's own lookup.
     */
    public int longest(byte[] utf8, int from, int to, int[] out) {
        int pos = 0;
        int unit = units[pos];
        pos ^= offset(unit);
        int best = 0;
        for (int i = from; i < to; i++) {
            int b = utf8[i] & 0xFF;
            pos ^= b;
            if (pos < 0 || pos >= units.length) {
                break;
            }
            unit = units[pos];
            if (label(unit) != b) {
                break;
            }
            pos ^= offset(unit);
            if (pos < 0 || pos >= units.length) {
                break;
            }
            if (hasLeaf(unit)) {
                best = i + 1 - from;
                out[0] = value(units[pos]);
            }
        }
        return best;
    }

    /** The length in bytes of the shortest rule matching at {@code utf8[from..]}, or 0; its value in {@code out[0]}. */
    int shortest(byte[] utf8, int from, int to, int[] out) {
        int pos = 0;
        int unit = units[pos];
        pos ^= offset(unit);
        for (int i = from; i < to; i++) {
            int b = utf8[i] & 0xFF;
            pos ^= b;
            if (pos < 0 || pos >= units.length) {
                return 0;
            }
            unit = units[pos];
            if (label(unit) != b) {
                return 0;
            }
            pos ^= offset(unit);
            if (pos < 0 || pos >= units.length) {
                return 0;
            }
            if (hasLeaf(unit)) {
                out[0] = value(units[pos]);
                return i + 1 - from;
            }
        }
        return 0;
    }

    /**
     * The longest rule matching at {@code text[from..]}, walking the UTF-8 bytes of its characters without
     * converting the text: returns the UTF-16 index where the match ends (at a character boundary), or -1 when no
     * rule matches; the rule's value (for {@link #replacement}) in {@code value[0]}. SentencePiece's lookup.
     */
    public int longestMatch(CharSequence text, int from, int[] value) {
        int pos = offset(units[0]);
        int bestEnd = -1;
        int i = from;
        int n = text.length();
        byte[] buf = new byte[4];
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            int chars = Character.charCount(cp);
            if (chars == 1 && Character.isSurrogate((char) cp)) {
                cp = '?'; // what String.getBytes makes of a lone surrogate
            }
            int len = utf8(cp, buf);
            for (int k = 0; k < len; k++) {
                int b = buf[k] & 0xFF;
                pos ^= b;
                if (pos < 0 || pos >= units.length) {
                    return bestEnd;
                }
                int unit = units[pos];
                if (label(unit) != b) {
                    return bestEnd;
                }
                pos ^= offset(unit);
                if (pos < 0 || pos >= units.length) {
                    return bestEnd;
                }
                if (hasLeaf(unit) && k == len - 1) {
                    bestEnd = i + chars;
                    value[0] = value(units[pos]);
                }
            }
            i += chars;
        }
        return bestEnd;
    }

    /** Whether some rule starts with byte {@code b} (text without such bytes is never changed). */
    public boolean startsRule(int b) {
        int pos = offset(units[0]) ^ b;
        return pos >= 0 && pos < units.length && label(units[pos]) == b;
    }

    /**
     * Whether a rule can match text that starts with the ASCII bytes {@code first} then {@code second} ({@code -1}
     * when the text ends after {@code first}): a rule of {@code first} alone, or one whose first two bytes these
     * are. Where it cannot, {@code first} is kept as it is.
     */
    public boolean mayMatch(int first, int second) {
        int pos = offset(units[0]) ^ first;
        if (pos < 0 || pos >= units.length || label(units[pos]) != first) {
            return false;
        }
        int unit = units[pos];
        if (hasLeaf(unit)) {
            return true;
        }
        if (second < 0) {
            return false;
        }
        pos ^= offset(unit) ^ second;
        return pos >= 0 && pos < units.length && label(units[pos]) == second;
    }

    private static int utf8(int cp, byte[] out) {
        if (cp < 0x80) {
            out[0] = (byte) cp;
            return 1;
        }
        if (cp < 0x800) {
            out[0] = (byte) (0xC0 | (cp >> 6));
            out[1] = (byte) (0x80 | (cp & 0x3F));
            return 2;
        }
        if (cp < 0x10000) {
            out[0] = (byte) (0xE0 | (cp >> 12));
            out[1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            out[2] = (byte) (0x80 | (cp & 0x3F));
            return 3;
        }
        out[0] = (byte) (0xF0 | (cp >> 18));
        out[1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[3] = (byte) (0x80 | (cp & 0x3F));
        return 4;
    }

    /** Replacement strings already decoded, by value (benign races: every thread decodes the same string). */
    private final java.util.concurrent.ConcurrentHashMap<Integer, String> replacements =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The replacement string at {@code value} (up to its NUL). */
    public String replacement(int value) {
        return replacements.computeIfAbsent(value, this::decodeReplacement);
    }

    private String decodeReplacement(int value) {
        int from = normalizedFrom + value;
        int end = from;
        while (end < blob.length && blob[end] != 0) {
            end++;
        }
        return new String(blob, from, end - from, StandardCharsets.UTF_8);
    }

    /** The replacement of the longest rule matching a prefix of {@code s}, or {@code null}; for tests and tools. */
    public String longestMatch(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int[] v = new int[1];
        return longest(b, 0, b.length, v) == 0 ? null : replacement(v[0]);
    }

    /** The charsmap's bytes, as stored in a model or tokenizer.json. */
    public byte[] bytes() {
        return blob.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrecompiledCharsMap m && Arrays.equals(m.blob, blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }
}
