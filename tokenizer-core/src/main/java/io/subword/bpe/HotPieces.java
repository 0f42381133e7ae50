package io.subword.bpe;

import io.subword.model.TokenBuffer;

/**
 * A small per-thread cache of the tokenizations of short ASCII pieces ({@code " the"}, {@code " government"},
 * {@code ","}), which are most of the pieces of English text, looked up before anything else.
 *
 * <p>Why it pays, measured with JFR on English prose (Brown, cl100k): without it, a third of the encode time went
 * to converting each piece to UTF-8 and looking it up in the vocabulary's byte table and the {@link PieceCache},
 * each a likely cache miss in a table of megabytes. Here the piece's chars, read straight from the text, are
 * packed into two {@code long}s that are the key itself (7 bits a char, the length on top), so a lookup is one hash
 * and two compares in one 64-byte line of a table small enough to stay in a core's L2 cache (16,384 entries,
 * 512 KB), no conversion and no comparison loop; the result (up to three tokens, with their ranges packed into one {@code int}) is emitted
 * directly.
 *
 * <p>Two-way set-associative with the most recently used entry first: a new piece replaces the older entry of
 * its set, so the size stays fixed whatever the input. (On Brown, as one pass over all 6 MB, short ASCII pieces
 * hit 78% of the time in 4,096 direct-mapped slots, 88% in 16,384, 91% in 8,192 sets of two.) Pieces of more than {@value #MAX_LENGTH} chars, with a char outside ASCII, or of more than three tokens
 * are not held. One instance per thread; not thread-safe.
 */
final class HotPieces {
    /** Pieces longer than this (chars) are not held. */
    static final int MAX_LENGTH = 16;
    /** Results of more tokens than this are not held. */
    static final int MAX_TOKENS = 3;

    /**
     * Two entries a set, the most recently used first, four {@code long}s an entry (a set is one 64-byte line):
     * <pre>
     * [0] chars 0..7, 7 bits each   [1] chars 8..15, and the length in bits 56..60 (never 0: 0 marks empty)
     * [2] meta | id0 &lt;&lt; 32        [3] id1 | id2 &lt;&lt; 32
     * </pre>
     * where meta is the token count (bits 0..1) and each token's start and end in the piece (5 bits each, from
     * bit 2 on).
     */
    private final long[] table;
    private final int mask;

    /** The key of the last {@link #find}, and where its entry is (found) or goes (not found). */
    private long key0;
    private long key1;
    private int at;

    /** @param sets the number of sets of two entries, a power of two */
    HotPieces(int sets) {
        assert Integer.bitCount(sets) == 1 : sets;
        table = new long[8 * sets];
        mask = sets - 1;
    }

    /**
     * Looks {@code text[start, end)} up: {@code true} if held (then {@link #emit} gives it); {@code false} if not,
     * after which {@link #put} may store it if {@link #eligible}.
     */
    boolean find(CharSequence text, int start, int end) {
        int n = end - start;
        if (n > MAX_LENGTH) {
            key1 = 0;
            return false;
        }
        long k0 = 0;
        long k1 = 0;
        int mid = Math.min(n, 8);
        int ascii = 0;
        for (int i = 0; i < mid; i++) {
            char c = text.charAt(start + i);
            ascii |= c;
            k0 |= (long) c << (7 * i);
        }
        for (int i = mid; i < n; i++) {
            char c = text.charAt(start + i);
            ascii |= c;
            k1 |= (long) c << (7 * (i - 8));
        }
        if (ascii >= 0x80) {
            key1 = 0;
            return false;
        }
        k1 |= (long) n << 56;
        key0 = k0;
        key1 = k1;
        long h = (k0 + k1 * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L;
        int base = 8 * ((int) (h >>> 40) & mask);
        long[] t = table;
        at = base;
        if (t[base] == k0 && t[base + 1] == k1) {
            return true;
        }
        if (t[base + 4] == k0 && t[base + 5] == k1) {
            // most recently used goes first: swap the two entries
            for (int i = 0; i < 4; i++) {
                long v = t[base + i];
                t[base + i] = t[base + 4 + i];
                t[base + 4 + i] = v;
            }
            return true;
        }
        return false;
    }

    /** Whether the piece of the last {@link #find} may be {@link #put} (short, ASCII). */
    boolean eligible() {
        return key1 != 0;
    }

    /** Appends the tokens of the piece that the last {@link #find} found, at {@code start} of the text. */
    void emit(int start, TokenBuffer out) {
        long[] t = table;
        int base = at;
        long w2 = t[base + 2];
        long w3 = t[base + 3];
        int meta = (int) w2;
        int count = meta & 3;
        out.add((int) (w2 >>> 32), start + ((meta >>> 2) & 31), start + ((meta >>> 7) & 31));
        if (count > 1) {
            out.add((int) w3, start + ((meta >>> 12) & 31), start + ((meta >>> 17) & 31));
            if (count > 2) {
                out.add((int) (w3 >>> 32), start + ((meta >>> 22) & 31), start + ((meta >>> 27) & 31));
            }
        }
    }

    /**
     * Stores the tokens {@code out[from, out.size())} as the tokenization of the piece of the last {@link #find},
     * which started at {@code start} of the text, if it is {@link #eligible} and has one to {@value #MAX_TOKENS}
     * tokens. It becomes the first entry of its set; the first moves to second place and the second is dropped.
     */
    void put(TokenBuffer out, int from, int start) {
        int count = out.size() - from;
        if (key1 == 0 || count < 1 || count > MAX_TOKENS) {
            return;
        }
        int meta = count;
        long ids = 0; // id1 | id2 << 32
        for (int k = 0; k < count; k++) {
            int s = out.start(from + k) - start;
            int e = out.end(from + k) - start;
            assert s >= 0 && e <= MAX_LENGTH && s <= e : s + ".." + e;
            meta |= (s | e << 5) << (2 + 10 * k);
            if (k > 0) {
                ids |= (out.id(from + k) & 0xffffffffL) << (32 * (k - 1));
            }
        }
        long[] t = table;
        int base = at;
        System.arraycopy(t, base, t, base + 4, 4);
        t[base] = key0;
        t[base + 1] = key1;
        t[base + 2] = (meta & 0xffffffffL) | (long) out.id(from) << 32;
        t[base + 3] = ids;
    }
}
