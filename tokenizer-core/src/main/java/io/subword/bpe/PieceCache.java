package io.subword.bpe;

/**
 * A bounded, direct-mapped cache from a short word (compared by its characters, read straight from the
 * text, so a hit allocates nothing) to its tokenization. A new entry replaces whatever hashed to the same
 * slot, so the memory stays bounded by the capacity whatever the input. One instance per thread.
 */
final class PieceCache {
    /** Words longer than this (in UTF-16 units) are not cached. */
    static final int MAX_LENGTH = 128;

    private final char[][] keys;
    private final int[][] values;
    private final int mask;

    /** @param capacity the number of slots, rounded up to a power of two; at least 1 */
    PieceCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        if (capacity == 1) {
            size = 1;
        }
        keys = new char[size][];
        values = new int[size][];
        mask = size - 1;
    }

    int capacity() {
        return keys.length;
    }

    private static int hash(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The value stored for {@code text[start, end)}, or {@code null}. */
    int[] get(CharSequence text, int start, int end) {
        int slot = hash(text, start, end) & mask;
        char[] key = keys[slot];
        if (key == null || key.length != end - start) {
            return null;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != text.charAt(start + i)) {
                return null;
            }
        }
        return values[slot];
    }

    void put(CharSequence text, int start, int end, int[] value) {
        int slot = hash(text, start, end) & mask;
        char[] key = new char[end - start];
        for (int i = 0; i < key.length; i++) {
            key[i] = text.charAt(start + i);
        }
        keys[slot] = key;
        values[slot] = value;
    }
}
