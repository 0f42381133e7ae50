package io.subword.pretokenize;

import java.util.Arrays;

/**
 * A growable list of {@code [start, end)} ranges over one text: the words a {@link PreTokenizer} found.
 * Reused across calls to avoid allocation on the hot path; not thread-safe.
 */
public final class Spans {
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;

    public void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** Moves spans {@code from} on by {@code delta} units. */
    void shift(int from, int delta) {
        for (int i = from; i < size; i++) {
            starts[i] += delta;
            ends[i] += delta;
        }
    }

    public void clear() {
        size = 0;
    }

    /** How many ranges fit before the arrays grow. */
    int capacity() {
        return starts.length;
    }
}
