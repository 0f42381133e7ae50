package io.subword.bpe;

/**
 * A bounded, direct-mapped cache from a short word (compared by its characters, read straight from the
 * text, so a hit allocates nothing) to its tokenization. A new entry replaces whatever hashed to the same
 * slot, so the memory stays bounded by the capacity whatever the input. One instance per thread.
 *
 * <p>Laid out for few cache misses: each slot's full hash sits in an {@code int[]} (small enough to stay in a
 * core's cache), so a lookup of an absent word usually ends there; a present word is one {@code int[]} entry
 * holding the key and the tokens together:
 * <pre>
 * [0] key length L   [1 .. L] key chars   [L + 1] token count n
 * [L + 2 ..] n ids, then n starts, then n ends (word-relative)
 * </pre>
 * A replaced entry's array is reused when it is large enough, so a warm cache allocates little.
 */
final class PieceCache {
    /** Words longer than this (in UTF-16 units) are not cached. */
    static final int MAX_LENGTH = 128;

    private final int[] hashes;
    private final int[][] entries;
    private final int mask;

    /** @param capacity the number of slots, rounded up to a power of two; at least 1 */
    PieceCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        if (capacity == 1) {
            size = 1;
        }
        hashes = new int[size];
        entries = new int[size][];
        mask = size - 1;
    }

    int capacity() {
        return entries.length;
    }

    /** The hash of {@code text[start, end)} that {@link #get} and {@link #put} take. */
    static int hash(CharSequence text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        return mix(h);
    }

    /**
     * The hash of a word from its polynomial {@code h = 31 * h + c} over its chars (from 0), for callers that
     * compute that while reading the word anyway.
     */
    static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * The entry stored for {@code text[start, end)}, whose {@link #hash} is {@code hash}, or {@code null}; read
     * its tokens from {@link #tokens}.
     */
    int[] get(CharSequence text, int start, int end, int hash) {
        int slot = hash & mask;
        if (hashes[slot] != hash) {
            return null;
        }
        int[] e = entries[slot];
        int len = end - start;
        if (e == null || e[0] != len) {
            return null;
        }
        for (int i = 0; i < len; i++) {
            if (e[1 + i] != text.charAt(start + i)) {
                return null;
            }
        }
        return e;
    }

    /** Where an entry's token count is; the ids, starts and ends follow it. */
    static int tokens(int[] entry) {
        return 1 + entry[0];
    }

    /**
     * Stores {@code text[start, end)} (of hash {@code hash}) with room for {@code n} tokens, and returns the
     * entry; the caller writes the ids, starts and ends after {@link #tokens}, whose count is already set.
     */
    int[] put(CharSequence text, int start, int end, int hash, int n) {
        int slot = hash & mask;
        int len = end - start;
        int need = len + 2 + 3 * n;
        int[] e = entries[slot];
        if (e == null || e.length < need) {
            e = new int[Math.max(need, 16)];
            entries[slot] = e;
        }
        e[0] = len;
        for (int i = 0; i < len; i++) {
            e[1 + i] = text.charAt(start + i);
        }
        e[1 + len] = n;
        hashes[slot] = hash;
        return e;
    }
}
