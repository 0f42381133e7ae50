package io.subword.bpe;

import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

import java.util.List;

/**
 * The pairs of a {@link MergeTable} in a read-only open-addressing table laid out for the merge loop: a lookup
 * answers exactly what {@link MergeTable#entry} answers, but touches one cache line where a general hash map
 * touches two (its key and value arrays), and the table is half the size or less.
 *
 * <p>Two layouts, chosen when built:
 * <ul>
 *   <li><b>packed</b>, when every pair merges into the token of its own rank (tiktoken's rule: the rank is the
 *       merged id) and all ids are below 2<sup>21</sup>: one {@code long} per slot holding
 *       {@code left | right | merged}, 21 bits each;</li>
 *   <li><b>wide</b>, otherwise: two {@code long}s per slot, side by side, the packed pair and the packed
 *       entry.</li>
 * </ul>
 * Both probe linearly from a Fibonacci hash of the pair, at a load of at most one half. Empty slots hold -1,
 * which no pair packs to (ids are non-negative).
 *
 * <p>Immutable and thread-safe: one instance per model, shared by the threads' {@link MergeEngine}s.
 */
final class PairMap {
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;
    private static final long EMPTY = -1L;

    private final boolean packed;
    /**
     * The pairs of two ids below 256 (a byte-level vocabulary's single bytes, in GPT-2's and tiktoken's files)
     * indexed directly by {@code left << 8 | right}: every lookup of a word's first pass over its bytes. Packed,
     * only the merged id ({@link #smallMerged}, -1 for none): 256 KB instead of 512 KB, which matters because a
     * word that needs merging is mostly one cache miss per lookup.
     */
    private final long[] small;
    private final int[] smallMerged;
    private final long[] slots;
    private final int shift;
    private final int mask;
    private final int size;

    private PairMap(boolean packed, long[] slots, int capacity, int size) {
        this.packed = packed;
        this.slots = slots;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.mask = capacity - 1;
        this.size = size;
        this.small = packed ? null : new long[1 << 16];
        this.smallMerged = packed ? new int[1 << 16] : null;
        if (packed) {
            java.util.Arrays.fill(smallMerged, -1);
        } else {
            java.util.Arrays.fill(small, MergeTable.NONE);
        }
    }

    /**
     * The pairs of {@code table}, enumerated through {@code vocabulary} (the model's, which spells the table's
     * ids) and answered by {@code table} itself; {@code null} if that enumeration does not find every pair of
     * the table, in which case the caller keeps using the table.
     */
    static PairMap of(MergeTable table, Vocabulary vocabulary) {
        Long2LongOpenHashMap pairs = new Long2LongOpenHashMap(Math.max(4, table.size()));
        if (table.isByConcatenationOf(vocabulary)) {
            // The table holds exactly the splits below, already found: copy them instead of splitting again.
            table.forEachPair((left, right, entry) -> pairs.put(key(left, right), entry));
        } else if (table.isByConcatenation()) {
            // Every split of every token into two tokens, as MergeTable.byConcatenation builds it.
            List<String> tokens = vocabulary.tokens();
            for (int id = 0; id < tokens.size(); id++) {
                String token = tokens.get(id);
                if (token == null) {
                    continue;
                }
                for (int k = 1; k < token.length(); k++) {
                    int left = vocabulary.id(token.substring(0, k));
                    int right = left < 0 ? -1 : vocabulary.id(token.substring(k));
                    if (right >= 0) {
                        collect(table, left, right, pairs);
                    }
                }
            }
        } else {
            List<Merge> merges;
            try {
                merges = table.merges(vocabulary);
            } catch (IllegalArgumentException e) {
                return null; // ids the vocabulary does not spell: keep the table
            }
            for (Merge m : merges) {
                int left = vocabulary.id(m.left());
                int right = vocabulary.id(m.right());
                if (left >= 0 && right >= 0) {
                    collect(table, left, right, pairs);
                }
            }
        }
        if (pairs.size() != table.size()) {
            return null;
        }
        return build(pairs);
    }

    private static void collect(MergeTable table, int left, int right, Long2LongOpenHashMap pairs) {
        long e = table.entry(left, right);
        if (e >= 0) {
            pairs.put(key(left, right), e);
        }
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | right;
    }

    /** A table of {@code pairs}: packed pair ({@code left << 32 | right}) -> packed {@link MergeTable#entry}. */
    static PairMap build(Long2LongOpenHashMap pairs) {
        boolean packed = true;
        for (var it = pairs.long2LongEntrySet().fastIterator(); it.hasNext() && packed; ) {
            var en = it.next();
            long k = en.getLongKey();
            long e = en.getLongValue();
            int left = (int) (k >>> 32);
            int right = (int) k;
            int rank = MergeTable.rankOf(e);
            int merged = MergeTable.mergedOf(e);
            packed = rank == merged && (left | right | merged) >>> BITS == 0;
        }
        int capacity = Integer.highestOneBit(Math.max(2, pairs.size()) * 2 - 1) << 1; // >= 2 * size
        long[] slots = new long[packed ? capacity : 2 * capacity];
        java.util.Arrays.fill(slots, EMPTY);
        PairMap map = new PairMap(packed, slots, capacity, pairs.size());
        for (var it = pairs.long2LongEntrySet().fastIterator(); it.hasNext(); ) {
            var en = it.next();
            map.insert((int) (en.getLongKey() >>> 32), (int) en.getLongKey(), en.getLongValue());
        }
        return map;
    }

    private int home(int left, int right) {
        return (int) ((key(left, right) * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void insert(int left, int right, long entry) {
        if (((left | right) >>> 8) == 0) {
            if (packed) {
                smallMerged[left << 8 | right] = MergeTable.mergedOf(entry);
            } else {
                small[left << 8 | right] = entry;
            }
        }
        int i = home(left, right);
        if (packed) {
            while (slots[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[i] = ((long) left << (2 * BITS)) | ((long) right << BITS) | MergeTable.mergedOf(entry);
        } else {
            while (slots[2 * i] != EMPTY) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = key(left, right);
            slots[2 * i + 1] = entry;
        }
    }

    /** What {@link MergeTable#entry} answers for the pair: its packed rank and merged id, or -1. */
    long entry(int left, int right) {
        if (((left | right) >>> 8) == 0) {
            if (packed) {
                long merged = smallMerged[left << 8 | right];
                return merged < 0 ? MergeTable.NONE : (merged << 32) | merged;
            }
            return small[left << 8 | right];
        }
        int i = home(left, right);
        long[] s = slots;
        if (packed) {
            if (((left | right) >>> BITS) != 0) {
                return MergeTable.NONE; // out of the packed range: no such pair (and it must not alias one)
            }
            long pair = ((long) left << BITS) | right;
            while (true) {
                long v = s[i];
                if (v == EMPTY) {
                    return MergeTable.NONE;
                }
                if (v >>> BITS == pair) {
                    long merged = v & MASK;
                    return (merged << 32) | merged;
                }
                i = (i + 1) & mask;
            }
        }
        long k = key(left, right);
        while (true) {
            long v = s[2 * i];
            if (v == k) {
                return s[2 * i + 1];
            }
            if (v == EMPTY) {
                return MergeTable.NONE;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    boolean isPacked() {
        return packed;
    }
}
