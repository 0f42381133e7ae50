package io.subword.model;

import java.util.Arrays;

/**
 * The tokens a {@link Model} emits: id and {@code [start, end)} in the coordinates of the text it was given.
 * A final class over primitive arrays so that the hot loop neither boxes nor dispatches; reused per
 * thread, not thread-safe.
 */
public final class TokenBuffer {
    private int[] ids;
    private int[] starts;
    private int[] ends;
    private int size;

    public TokenBuffer() {
        this(64);
    }

    public TokenBuffer(int capacity) {
        ids = new int[Math.max(capacity, 4)];
        starts = new int[ids.length];
        ends = new int[ids.length];
    }

    public void add(int id, int start, int end) {
        if (size == ids.length) {
            grow();
        }
        ids[size] = id;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    private void grow() {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
    }

    public int size() {
        return size;
    }

    public int id(int i) {
        return ids[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** Sets token {@code i}'s range, e.g. to map it from a normalized text back to the caller's. */
    public void setRange(int i, int start, int end) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("token " + i + " of " + size);
        }
        starts[i] = start;
        ends[i] = end;
    }

    /** Drops the tokens from {@code newSize} on, e.g. to replace a word's pieces with one unknown token. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("size " + newSize + " not in [0, " + size + "]");
        }
        size = newSize;
    }

    public void clear() {
        size = 0;
    }

    public int[] idsCopy() {
        return Arrays.copyOf(ids, size);
    }

    public int[] startsCopy() {
        return Arrays.copyOf(starts, size);
    }

    public int[] endsCopy() {
        return Arrays.copyOf(ends, size);
    }

    /** Copies tokens {@code [from, to)} into the three arrays from index {@code at}. */
    public void copyTo(int from, int to, int[] idsOut, int[] startsOut, int[] endsOut, int at) {
        int n = to - from;
        System.arraycopy(ids, from, idsOut, at, n);
        System.arraycopy(starts, from, startsOut, at, n);
        System.arraycopy(ends, from, endsOut, at, n);
    }
}
