package io.subword.bpe;

import io.subword.vocab.ByteAlphabet;
import io.subword.vocab.Vocabulary;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of a byte-level vocabulary by their bytes: which token, if any, a word's UTF-8 bytes spell whole.
 * tiktoken looks every piece up this way before merging, and Hugging Face's {@code ignore_merges} does the same;
 * reading the bytes the model has already encoded, it needs no per-word string.
 *
 * <p>Two open-addressing tables (load at most one half), so that a lookup touches few cache lines:
 * <ul>
 *   <li>tokens of up to 8 bytes: the bytes packed little-endian into a {@code long} key, next to the length and
 *       id in the same array;</li>
 *   <li>longer tokens: slots of {@code (hash tag, id)}, the tokens' bytes in one pool, compared only when the
 *       tag matches.</li>
 * </ul>
 * Only tokens spelled entirely in the {@link ByteAlphabet} are held (others spell no byte sequence). Immutable
 * and thread-safe.
 */
final class TokenBytes {
    private static final int SHORT = 8;
    private static final long EMPTY = -1L;

    /** Short tokens: {@code [2i]} the packed bytes, {@code [2i + 1]} {@code length << 32 | id}, or -1 if empty. */
    private final long[] shortSlots;
    private final int shortMask;
    /** Long tokens: {@code hash << 32 | id}, or -1 if empty. */
    private final long[] longSlots;
    private final int longMask;
    private final byte[] pool;
    /** Per id of a long token: where its bytes start and end in {@link #pool}. */
    private final int[] starts;
    private final int[] ends;

    private TokenBytes(int shortCount, int longCount, int poolSize, int ids) {
        int sc = capacity(shortCount);
        shortSlots = new long[2 * sc];
        Arrays.fill(shortSlots, EMPTY);
        shortMask = sc - 1;
        int lc = capacity(longCount);
        longSlots = new long[lc];
        Arrays.fill(longSlots, EMPTY);
        longMask = lc - 1;
        pool = new byte[poolSize];
        starts = new int[ids];
        ends = new int[ids];
    }

    private static int capacity(int count) {
        return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1; // >= 2 * count
    }

    /** The byte-level tokens of {@code vocabulary}. */
    static TokenBytes of(Vocabulary vocabulary) {
        List<String> tokens = vocabulary.tokens();
        int shortCount = 0;
        int longCount = 0;
        int poolSize = 0;
        for (String t : tokens) {
            if (held(t)) {
                if (t.length() <= SHORT) {
                    shortCount++;
                } else {
                    longCount++;
                    poolSize += t.length();
                }
            }
        }
        TokenBytes map = new TokenBytes(shortCount, longCount, poolSize, tokens.size());
        byte[] bytes = new byte[64];
        int at = 0;
        for (int id = 0; id < tokens.size(); id++) {
            String t = tokens.get(id);
            if (!held(t)) {
                continue;
            }
            int n = t.length();
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, 2 * bytes.length)];
            }
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) ByteAlphabet.byteOf(t.charAt(i));
            }
            // A vocabulary maps each string to one id, so no two ids spell the same bytes.
            if (n <= SHORT) {
                long key = pack(bytes, n);
                int slot = homeShort(key, map.shortMask);
                while (map.shortSlots[2 * slot + 1] != EMPTY) {
                    slot = (slot + 1) & map.shortMask;
                }
                map.shortSlots[2 * slot] = key;
                map.shortSlots[2 * slot + 1] = ((long) n << 32) | id;
            } else {
                System.arraycopy(bytes, 0, map.pool, at, n);
                map.starts[id] = at;
                at += n;
                map.ends[id] = at;
                int h = hash(bytes, n);
                int slot = h & map.longMask;
                while (map.longSlots[slot] != EMPTY) {
                    slot = (slot + 1) & map.longMask;
                }
                map.longSlots[slot] = ((long) h << 32) | id;
            }
        }
        return map;
    }

    private static boolean held(String t) {
        return t != null && !t.isEmpty() && ByteAlphabet.isByteLevel(t);
    }

    private static long pack(byte[] b, int n) {
        long k = 0;
        for (int i = n - 1; i >= 0; i--) {
            k = (k << 8) | (b[i] & 0xff);
        }
        return k;
    }

    private static int homeShort(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
    }

    private static int hash(byte[] b, int n) {
        int h = n;
        for (int i = 0; i < n; i++) {
            h = 31 * h + b[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /** The id of the token whose bytes are {@code bytes[0, n)}, or -1. */
    int id(byte[] bytes, int n) {
        if (n <= SHORT) {
            long key = pack(bytes, n);
            long meta = ((long) n << 32);
            long[] s = shortSlots;
            int slot = homeShort(key, shortMask);
            while (true) {
                long m = s[2 * slot + 1];
                if (m == EMPTY) {
                    return -1;
                }
                if (s[2 * slot] == key && (m & 0xffffffff00000000L) == meta) {
                    return (int) m;
                }
                slot = (slot + 1) & shortMask;
            }
        }
        int h = hash(bytes, n);
        long[] s = longSlots;
        int slot = h & longMask;
        while (true) {
            long v = s[slot];
            if (v == EMPTY) {
                return -1;
            }
            if ((int) (v >>> 32) == h) {
                int id = (int) v;
                int from = starts[id];
                if (ends[id] - from == n && Arrays.equals(pool, from, from + n, bytes, 0, n)) {
                    return id;
                }
            }
            slot = (slot + 1) & longMask;
        }
    }
}
