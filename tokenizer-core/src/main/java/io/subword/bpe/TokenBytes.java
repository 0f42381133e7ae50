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
 * <p>Open-addressing tables (load at most one half) laid out so that a lookup touches one cache line for most
 * words, hit or miss:
 * <ul>
 *   <li>tokens of up to 8 bytes: slots of two {@code long}s, the bytes packed little-endian and
 *       {@code length << 32 | id};</li>
 *   <li>9 to 16 bytes: slots of three {@code long}s, the bytes in two packed {@code long}s and
 *       {@code length << 32 | id};</li>
 *   <li>longer tokens: slots of {@code hash << 32 | id}, the tokens' bytes in one pool, compared only when the
 *       hash matches.</li>
 * </ul>
 * Only tokens spelled entirely in the {@link ByteAlphabet} are held (others spell no byte sequence). Immutable
 * and thread-safe.
 */
final class TokenBytes {
    private static final long EMPTY = -1L;

    /** Up to 8 bytes: {@code [2i]} the packed bytes, {@code [2i + 1]} {@code length << 32 | id}, or -1. */
    private final long[] small;
    private final int smallMask;
    /** 9 to 16 bytes: {@code [3i]}, {@code [3i + 1]} the packed bytes, {@code [3i + 2]} as above. */
    private final long[] medium;
    private final int mediumMask;
    /** Longer: {@code hash << 32 | id}, or -1. */
    private final long[] large;
    private final int largeMask;
    private final byte[] pool;
    /** Per id of a long token: where its bytes start and end in {@link #pool}. */
    private final int[] starts;
    private final int[] ends;

    private TokenBytes(int smallCount, int mediumCount, int largeCount, int poolSize, int ids) {
        int c = capacity(smallCount);
        small = new long[2 * c];
        Arrays.fill(small, EMPTY);
        smallMask = c - 1;
        c = capacity(mediumCount);
        medium = new long[3 * c];
        Arrays.fill(medium, EMPTY);
        mediumMask = c - 1;
        c = capacity(largeCount);
        large = new long[c];
        Arrays.fill(large, EMPTY);
        largeMask = c - 1;
        pool = new byte[poolSize];
        starts = new int[largeCount == 0 ? 0 : ids];
        ends = new int[largeCount == 0 ? 0 : ids];
    }

    private static int capacity(int count) {
        return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1; // >= 2 * count
    }

    /** The byte-level tokens of {@code vocabulary}. */
    static TokenBytes of(Vocabulary vocabulary) {
        List<String> tokens = vocabulary.tokens();
        int smallCount = 0;
        int mediumCount = 0;
        int largeCount = 0;
        int poolSize = 0;
        for (String t : tokens) {
            if (held(t)) {
                if (t.length() <= 8) {
                    smallCount++;
                } else if (t.length() <= 16) {
                    mediumCount++;
                } else {
                    largeCount++;
                    poolSize += t.length();
                }
            }
        }
        TokenBytes map = new TokenBytes(smallCount, mediumCount, largeCount, poolSize, tokens.size());
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
            long meta = ((long) n << 32) | id;
            // A vocabulary maps each string to one id, so no two ids spell the same bytes.
            if (n <= 8) {
                long key = pack(bytes, 0, n);
                int slot = home(key, map.smallMask);
                while (map.small[2 * slot + 1] != EMPTY) {
                    slot = (slot + 1) & map.smallMask;
                }
                map.small[2 * slot] = key;
                map.small[2 * slot + 1] = meta;
            } else if (n <= 16) {
                long k0 = pack(bytes, 0, 8);
                long k1 = pack(bytes, 8, n);
                int slot = home(k0 ^ Long.rotateLeft(k1, 29), map.mediumMask);
                while (map.medium[3 * slot + 2] != EMPTY) {
                    slot = (slot + 1) & map.mediumMask;
                }
                map.medium[3 * slot] = k0;
                map.medium[3 * slot + 1] = k1;
                map.medium[3 * slot + 2] = meta;
            } else {
                System.arraycopy(bytes, 0, map.pool, at, n);
                map.starts[id] = at;
                at += n;
                map.ends[id] = at;
                int h = hash(bytes, n);
                int slot = h & map.largeMask;
                while (map.large[slot] != EMPTY) {
                    slot = (slot + 1) & map.largeMask;
                }
                map.large[slot] = ((long) h << 32) | id;
            }
        }
        return map;
    }

    private static boolean held(String t) {
        return t != null && !t.isEmpty() && ByteAlphabet.isByteLevel(t);
    }

    /** {@code b[from, to)}, at most 8 bytes, little-endian in a {@code long}. */
    private static long pack(byte[] b, int from, int to) {
        long k = 0;
        for (int i = to - 1; i >= from; i--) {
            k = (k << 8) | (b[i] & 0xff);
        }
        return k;
    }

    private static int home(long key, int mask) {
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
        long length = (long) n << 32;
        if (n <= 8) {
            long key = pack(bytes, 0, n);
            long[] s = small;
            int slot = home(key, smallMask);
            while (true) {
                long m = s[2 * slot + 1];
                if (m == EMPTY) {
                    return -1;
                }
                if (s[2 * slot] == key && (m & 0xffffffff00000000L) == length) {
                    return (int) m;
                }
                slot = (slot + 1) & smallMask;
            }
        }
        if (n <= 16) {
            long k0 = pack(bytes, 0, 8);
            long k1 = pack(bytes, 8, n);
            long[] s = medium;
            int slot = home(k0 ^ Long.rotateLeft(k1, 29), mediumMask);
            while (true) {
                long m = s[3 * slot + 2];
                if (m == EMPTY) {
                    return -1;
                }
                if (s[3 * slot] == k0 && s[3 * slot + 1] == k1 && (m & 0xffffffff00000000L) == length) {
                    return (int) m;
                }
                slot = (slot + 1) & mediumMask;
            }
        }
        int h = hash(bytes, n);
        long[] s = large;
        int slot = h & largeMask;
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
            slot = (slot + 1) & largeMask;
        }
    }
}
