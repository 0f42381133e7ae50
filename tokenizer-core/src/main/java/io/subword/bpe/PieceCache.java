package io.subword.bpe;

/**
 * A bounded, direct-mapped cache from a short word (compared by its characters, read straight from the
 * text, so a hit allocates nothing) to its tokenization. A new entry takes the slot its hash maps to, so the
 * memory stays bounded by the capacity whatever the input. One instance per thread.
 *
 * <p><b>Admission by frequency</b> (TinyLFU's idea): every lookup counts its word in a small count-min sketch
 * (two 8-bit counters per word in a table of four per slot, halved every ten lookups per slot so that old counts
 * fade), and a new word takes an occupied slot only if it was looked up more often than the word there. Why:
 * multilingual text such as Europarl has a long tail of words seen once, and with "the last word wins" they
 * evicted the frequent ones. On 1 MB of Europarl with r50k, 35k distinct words in 56k lookups of this cache, a
 * simulation gave 27.5% hits for last-wins, 45% for frequency admission with exact counts; every miss costs a
 * merge (about twenty pair lookups in megabyte tables), every hit none.
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
    /** The frequency sketch: saturating 8-bit counters, four per slot. */
    private final byte[] counts;
    private final int countMask;
    /** Lookups since the counters were last halved, and how many trigger the next halving. */
    private int lookups;
    private final int agingPeriod;

    /** @param capacity the number of slots, rounded up to a power of two; at least 1 */
    PieceCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
        if (capacity == 1) {
            size = 1;
        }
        hashes = new int[size];
        entries = new int[size][];
        mask = size - 1;
        counts = new byte[4 * size];
        countMask = counts.length - 1;
        agingPeriod = 10 * size;
    }

    /** Counts one lookup of the word of hash {@code hash} (conservative update: only its lowest counters grow). */
    private void record(int hash) {
        byte[] c = counts;
        int i = hash & countMask;
        int j = second(hash);
        int a = c[i] & 0xff;
        int b = c[j] & 0xff;
        int min = Math.min(a, b);
        if (min < 255) {
            if (a == min) {
                c[i] = (byte) (min + 1);
            }
            if (b == min) {
                c[j] = (byte) (min + 1);
            }
        }
        if (++lookups >= agingPeriod) {
            lookups = 0;
            for (int k = 0; k < c.length; k++) {
                c[k] = (byte) ((c[k] & 0xff) >>> 1);
            }
        }
    }

    /** The second counter of a word: from other bits of its hash than the first's. */
    private int second(int hash) {
        return (Integer.rotateRight(hash, 16) * 0x9E3779B9 >>> 7) & countMask;
    }

    /** The estimated number of recent lookups of the word of hash {@code hash}. */
    int frequency(int hash) {
        return Math.min(counts[hash & countMask] & 0xff, counts[second(hash)] & 0xff);
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

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * The entry stored for {@code text[start, end)}, whose {@link #hash} is {@code hash}, or {@code null}; read
     * its tokens from {@link #tokens}.
     */
    int[] get(CharSequence text, int start, int end, int hash) {
        record(hash);
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
     * Stores {@code text[start, end)} (of hash {@code hash}, just {@linkplain #get looked up}) with room for
     * {@code n} tokens, and returns the entry, or {@code null} if the word is not admitted (its slot holds a word
     * looked up at least as often); the caller writes the ids, starts and ends after {@link #tokens}, whose
     * count is already set.
     */
    int[] put(CharSequence text, int start, int end, int hash, int n) {
        int slot = hash & mask;
        if (entries[slot] != null && hashes[slot] != hash && frequency(hash) <= frequency(hashes[slot])) {
            return null;
        }
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
