package io.subword.train;

import java.util.Arrays;

/**
 * A max-heap of (value, pair, version) entries for the scored merge loops: the larger value first, then the
 * smaller pair (the tie-break of {@link LikelihoodMerger} and {@link RatioMerger}). Entries are never updated in
 * place: a merger pushes a pair again when its score changes and skips an entry that is no longer current, which
 * the version (or the value) tells.
 */
final class PairHeap {
    private long[] pairs = new long[64];
    private double[] values = new double[64];
    private int[] vers = new int[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    long topPair() {
        return pairs[0];
    }

    double topValue() {
        return values[0];
    }

    int topVersion() {
        return vers[0];
    }

    void push(long pair, double value, int version) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
            values = Arrays.copyOf(values, size * 2);
            vers = Arrays.copyOf(vers, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(value, pair, values[parent], pairs[parent])) {
                break;
            }
            pairs[i] = pairs[parent];
            values[i] = values[parent];
            vers[i] = vers[parent];
            i = parent;
        }
        pairs[i] = pair;
        values[i] = value;
        vers[i] = version;
    }

    void pop() {
        int last = --size;
        long pair = pairs[last];
        double value = values[last];
        int version = vers[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(values[child + 1], pairs[child + 1], values[child], pairs[child])) {
                child++;
            }
            if (!before(values[child], pairs[child], value, pair)) {
                break;
            }
            pairs[i] = pairs[child];
            values[i] = values[child];
            vers[i] = vers[child];
            i = child;
        }
        if (last > 0) {
            pairs[i] = pair;
            values[i] = value;
            vers[i] = version;
        }
    }

    private static boolean before(double vx, long px, double vy, long py) {
        if (vx != vy) {
            return vx > vy;
        }
        return px < py;
    }
}
