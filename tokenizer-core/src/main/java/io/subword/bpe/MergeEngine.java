package io.subword.bpe;

import io.subword.vocab.MergeTable;

import java.util.Arrays;

/**
 * The BPE merge loop over one word's symbols: repeatedly merges the adjacent pair of lowest rank, the
 * leftmost of equal ranks, until no adjacent pair merges. This is both Hugging Face's {@code merge_all}
 * (heap ordered by rank, then position) and tiktoken's {@code _byte_pair_merge} (first minimum).
 *
 * <p>Two implementations with identical results: a flat scan over the arrays for short words (find the
 * minimum, merge, shift; quadratic but cache-friendly and allocation-free), and for long words a binary heap
 * of {@code (rank, position)} over a doubly linked list of symbols with lazy invalidation (a popped entry is
 * dropped if its pair no longer stands at its position), so a 100,000-symbol word costs O(n log n).
 *
 * <p>One instance per thread: it reuses its scratch arrays. Not thread-safe.
 */
final class MergeEngine {
    /** Words of at most this many symbols take the flat scan. */
    static final int FLAT_MAX = 128;

    private static final long NO_PAIR = Long.MAX_VALUE;

    private final MergeTable table;
    /** The same pairs laid out for lookups, or {@code null} to ask {@link #table}. */
    private final PairMap map;
    private long[] pairs = new long[FLAT_MAX];
    private int[] prev = new int[0];
    private int[] next = new int[0];
    private long[] heap = new long[0];
    private int heapSize;
    /** Heap pops plus merges since construction: the cost measure of the complexity test. */
    private long steps;

    MergeEngine(MergeTable table) {
        this(table, null);
    }

    /** @param map {@code table}'s pairs as a {@link PairMap}, shared between threads, or {@code null} */
    MergeEngine(MergeTable table, PairMap map) {
        this.table = table;
        this.map = map;
    }

    /**
     * Merges the symbols {@code ids[0, n)} whose lengths (in any unit, all positive) are {@code lens[0, n)}.
     * The merged symbols are written back to the front of both arrays, lengths summed.
     *
     * @return the number of symbols after merging
     */
    int merge(int[] ids, int[] lens, int n) {
        return n <= FLAT_MAX ? mergeFlat(ids, lens, n) : mergeHeap(ids, lens, n);
    }

    long steps() {
        return steps;
    }

    /** {@link MergeTable#entry} of the pair. */
    private long entry(int left, int right) {
        return map != null ? map.entry(left, right) : table.entry(left, right);
    }

    private long pair(int left, int right) {
        long e = entry(left, right);
        return e < 0 ? NO_PAIR : e;
    }

    int mergeFlat(int[] ids, int[] lens, int n) {
        if (n < 2) {
            return n;
        }
        if (pairs.length < n) {
            pairs = new long[Math.max(n, pairs.length * 2)];
        }
        long[] p = pairs;
        // Symbols ids[0, last], pairs p[0, last). Words are short: shifting by hand beats arraycopy calls.
        int last = n - 1;
        for (int i = 0; i < last; i++) {
            p[i] = pair(ids[i], ids[i + 1]);
        }
        while (last > 0) {
            // Packed entries compare by rank first; ties keep the leftmost (strict <).
            int best = 0;
            long min = p[0];
            for (int i = 1; i < last; i++) {
                long v = p[i];
                if (v < min) {
                    min = v;
                    best = i;
                }
            }
            if (min == NO_PAIR) {
                break;
            }
            steps++;
            ids[best] = MergeTable.mergedOf(min);
            lens[best] += lens[best + 1];
            for (int i = best + 1; i < last; i++) {
                ids[i] = ids[i + 1];
                lens[i] = lens[i + 1];
                p[i] = p[i + 1];
            }
            last--;
            if (best < last) {
                p[best] = pair(ids[best], ids[best + 1]);
            }
            if (best > 0) {
                p[best - 1] = pair(ids[best - 1], ids[best]);
            }
        }
        return last + 1;
    }

    private boolean[] skipped = new boolean[0];

    /**
     * BPE-dropout (Hugging Face's {@code dropout}): as {@link #mergeFlat}, but each time the best pair is about
     * to merge it is skipped with probability {@code dropout}; skipped pairs are set aside until the next merge
     * happens, and merging stops when only skipped pairs are left. A flat scan at any length: dropout is for
     * training text, whose words are short.
     */
    int mergeWithDropout(int[] ids, int[] lens, int n, double dropout, java.util.SplittableRandom random) {
        if (n < 2) {
            return n;
        }
        if (pairs.length < n) {
            pairs = new long[Math.max(n, pairs.length * 2)];
        }
        if (skipped.length < n) {
            skipped = new boolean[Math.max(n, skipped.length * 2)];
        }
        long[] p = pairs;
        boolean[] skip = skipped;
        int last = n - 1;
        for (int i = 0; i < last; i++) {
            p[i] = pair(ids[i], ids[i + 1]);
            skip[i] = false;
        }
        while (last > 0) {
            int best = -1;
            long min = NO_PAIR;
            for (int i = 0; i < last; i++) {
                if (!skip[i] && p[i] < min) {
                    min = p[i];
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            if (random.nextDouble() < dropout) {
                skip[best] = true;
                continue;
            }
            Arrays.fill(skip, 0, last, false);
            steps++;
            ids[best] = MergeTable.mergedOf(min);
            lens[best] += lens[best + 1];
            for (int i = best + 1; i < last; i++) {
                ids[i] = ids[i + 1];
                lens[i] = lens[i + 1];
                p[i] = p[i + 1];
            }
            last--;
            if (best < last) {
                p[best] = pair(ids[best], ids[best + 1]);
            }
            if (best > 0) {
                p[best - 1] = pair(ids[best - 1], ids[best]);
            }
        }
        return last + 1;
    }

    int mergeHeap(int[] ids, int[] lens, int n) {
        if (n < 2) {
            return n;
        }
        if (prev.length < n) {
            prev = new int[n];
            next = new int[n];
        }
        if (heap.length < 3 * n) {
            heap = new long[3 * n];
        }
        heapSize = 0;
        for (int i = 0; i < n; i++) {
            assert lens[i] > 0 : "symbol " + i + " has length " + lens[i];
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
            if (i + 1 < n) {
                long e = entry(ids[i], ids[i + 1]);
                if (e >= 0) {
                    heap[heapSize++] = key(MergeTable.rankOf(e), i);
                }
            }
        }
        for (int i = (heapSize >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
        while (heapSize > 0) {
            long top = heap[0];
            heap[0] = heap[--heapSize];
            if (heapSize > 0) {
                siftDown(0);
            }
            steps++;
            int pos = (int) top;
            int rank = (int) (top >>> 32);
            if (lens[pos] == 0) {
                continue; // merged into its left neighbour
            }
            int right = next[pos];
            if (right < 0) {
                continue;
            }
            long e = entry(ids[pos], ids[right]);
            if (e < 0 || MergeTable.rankOf(e) != rank) {
                continue; // the pair at pos changed since this entry was pushed
            }
            steps++;
            ids[pos] = MergeTable.mergedOf(e);
            lens[pos] += lens[right];
            lens[right] = 0;
            int after = next[right];
            next[pos] = after;
            if (after >= 0) {
                prev[after] = pos;
                long ea = entry(ids[pos], ids[after]);
                if (ea >= 0) {
                    push(key(MergeTable.rankOf(ea), pos));
                }
            }
            int before = prev[pos];
            if (before >= 0) {
                long eb = entry(ids[before], ids[pos]);
                if (eb >= 0) {
                    push(key(MergeTable.rankOf(eb), before));
                }
            }
        }
        // Symbol 0 always survives (merges keep the left position); walk the list and compact.
        int out = 0;
        for (int i = 0; i >= 0; i = next[i]) {
            ids[out] = ids[i];
            lens[out] = lens[i];
            out++;
        }
        return out;
    }

    private static long key(int rank, int pos) {
        return ((long) rank << 32) | pos;
    }

    private void push(long v) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2 + 16);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= v) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = v;
    }

    private void siftDown(int i) {
        long v = heap[i];
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int r = child + 1;
            if (r < heapSize && heap[r] < heap[child]) {
                child = r;
            }
            if (v <= heap[child]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }
}
