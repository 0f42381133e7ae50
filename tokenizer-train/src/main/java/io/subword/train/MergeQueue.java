package io.subword.train;

import java.util.Arrays;

/**
 * The queue of {@link BpeMerger}'s entries (pair, count, words): larger count first, then the smaller pair, then
 * the older entry.
 *
 * <p>Most entries are never popped: every step queues the pairs it formed, nearly all far rarer than the last
 * merge will be. So only entries whose count is at least a threshold are kept in a heap; the others
 * wait unsorted in buckets by count, four per power of two (by the count's two bits after its highest one).
 * Every entry in the heap pops before every entry in a bucket (its count is larger), so the order is exactly
 * that of one heap over all entries. When the heap runs empty, the highest non-empty bucket becomes the heap
 * (built bottom-up) and its lower bound the threshold. Each entry moves from a bucket at most once, and the
 * heap stays small enough to keep in cache (on 10 MB of Europarl, WordPiece: at most 9,600 entries, 37,000 with
 * one bucket per power of two, against 280,000 in one heap over all entries).
 */
final class MergeQueue {
    /** Buckets 0 to 3 hold counts up to 3; then four per power of two: 4-7 one each, 8-9, 10-11 ... */
    private static final int BUCKETS = 4 * 62;
    private final Entries heap = new Entries();
    private final Entries[] buckets = new Entries[BUCKETS];
    /** Entries of this bucket or a higher one go in the heap; the others wait in their bucket. */
    private int threshold = BUCKETS;
    private long nextSeq;

    boolean isEmpty() {
        return heap.size == 0 && !refill();
    }

    long topPair() {
        return heap.keys[1];
    }

    long topCount() {
        return heap.keys[0];
    }

    int[] topPos() {
        return heap.positions[0];
    }

    void push(long pair, long count, int[] pos) {
        long seq = nextSeq++;
        int bucket = bucket(count);
        if (bucket >= threshold) {
            heap.siftUp(heap.add(count, pair, seq, pos));
        } else {
            if (buckets[bucket] == null) {
                buckets[bucket] = new Entries();
            }
            buckets[bucket].add(count, pair, seq, pos);
        }
    }

    /** Removes the top entry; the heap must not be empty ({@link #isEmpty()} is false). */
    void pop() {
        heap.removeTop();
    }

    /** The bucket of {@code count}: never lower for a larger count. */
    static int bucket(long count) {
        if (count < 4) {
            return count <= 0 ? 0 : (int) count;
        }
        int bits = 64 - Long.numberOfLeadingZeros(count);
        return 4 * (bits - 2) + (int) (count >>> (bits - 3) & 3);
    }

    /** Makes the highest waiting bucket the (empty) heap; false if none waits. */
    private boolean refill() {
        for (int k = threshold - 1; k >= 0; k--) {
            Entries b = buckets[k];
            if (b != null && b.size > 0) {
                threshold = k;
                heap.swapWith(b);
                heap.heapify();
                return true;
            }
        }
        return false;
    }

    /**
     * Queue entries as one max-heap (or an unsorted list): per entry, count, pair and age side by side in
     * one {@code long[]} (so a sift step reads one place), and the entry's words beside them.
     */
    static final class Entries {
        private static final int STRIDE = 3;
        /** Children per node: a 4-ary heap is half as deep as a binary one, and a node's children lie side by side. */
        private static final int ARITY = 4;
        long[] keys = new long[STRIDE * 64];
        int[][] positions = new int[64][];
        int size;

        /** Appends an entry at the end (not in heap order) and returns its index. */
        int add(long count, long pair, long seq, int[] pos) {
            if (size == positions.length) {
                keys = Arrays.copyOf(keys, STRIDE * size * 2);
                positions = Arrays.copyOf(positions, size * 2);
            }
            int i = size++;
            keys[STRIDE * i] = count;
            keys[STRIDE * i + 1] = pair;
            keys[STRIDE * i + 2] = seq;
            positions[i] = pos;
            return i;
        }

        /** Takes the entries of {@code other}, which gets this one's arrays; this one must be empty. */
        void swapWith(Entries other) {
            assert size == 0;
            long[] k = keys;
            int[][] p = positions;
            keys = other.keys;
            positions = other.positions;
            size = other.size;
            other.keys = k;
            other.positions = p;
            other.size = 0;
        }

        void heapify() {
            for (int i = (size - 2) / ARITY; i >= 0; i--) {
                siftDown(i);
            }
        }

        void siftUp(int i) {
            long count = keys[STRIDE * i];
            long pair = keys[STRIDE * i + 1];
            long seq = keys[STRIDE * i + 2];
            int[] pos = positions[i];
            while (i > 0) {
                int parent = (i - 1) / ARITY;
                if (!beforeEntry(count, pair, seq, parent)) {
                    break;
                }
                move(parent, i);
                i = parent;
            }
            put(i, count, pair, seq, pos);
        }

        void removeTop() {
            int last = --size;
            if (last > 0) {
                move(last, 0);
                positions[last] = null;
                siftDown(0);
            } else {
                positions[0] = null;
            }
        }

        private void siftDown(int i) {
            long count = keys[STRIDE * i];
            long pair = keys[STRIDE * i + 1];
            long seq = keys[STRIDE * i + 2];
            int[] pos = positions[i];
            while (true) {
                int first = ARITY * i + 1;
                if (first >= size) {
                    break;
                }
                int child = first;
                for (int c = first + 1, end = Math.min(first + ARITY, size); c < end; c++) {
                    if (beforeEntry(keys[STRIDE * c], keys[STRIDE * c + 1], keys[STRIDE * c + 2], child)) {
                        child = c;
                    }
                }
                if (!before(keys[STRIDE * child], keys[STRIDE * child + 1], keys[STRIDE * child + 2], count, pair,
                        seq)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            put(i, count, pair, seq, pos);
        }

        private void move(int from, int to) {
            keys[STRIDE * to] = keys[STRIDE * from];
            keys[STRIDE * to + 1] = keys[STRIDE * from + 1];
            keys[STRIDE * to + 2] = keys[STRIDE * from + 2];
            positions[to] = positions[from];
        }

        private void put(int i, long count, long pair, long seq, int[] pos) {
            keys[STRIDE * i] = count;
            keys[STRIDE * i + 1] = pair;
            keys[STRIDE * i + 2] = seq;
            positions[i] = pos;
        }

        /** Whether entry (count, pair, seq) pops before entry {@code j}. */
        private boolean beforeEntry(long count, long pair, long seq, int j) {
            return before(count, pair, seq, keys[STRIDE * j], keys[STRIDE * j + 1], keys[STRIDE * j + 2]);
        }

        /** Whether entry x pops before entry y. */
        private static boolean before(long cx, long px, long sx, long cy, long py, long sy) {
            if (cx != cy) {
                return cx > cy;
            }
            if (px != py) {
                return px < py;
            }
            return sx < sy;
        }
    }
}
