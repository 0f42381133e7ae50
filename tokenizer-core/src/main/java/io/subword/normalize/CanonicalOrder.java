package io.subword.normalize;

import java.util.Arrays;

/**
 * Unicode's canonical ordering (the Canonical Ordering Algorithm of NFD and NFKD, Unicode 3.11) in linear time,
 * for every normalizer that decomposes: within each run of non-starters (code points whose canonical combining
 * class is not 0), a stable sort by combining class; starters (class 0) never move and nothing crosses them.
 *
 * <p>The caller gives the classes (the BERT normalizer gives Hugging Face's Unicode 9 classes, {@code HfUnicode.ccc},
 * so a mark added later is a starter, as it is to Hugging Face). A run of up to {@value #SMALL_RUN} marks,
 * the usual case, is sorted by insertion; a longer run by counting over its classes, so a hostile run of a
 * million marks of differing classes costs a few passes over it, never a rescan per mark. Callers that carry
 * alignment (offsets, flags) alongside the code points get the permutation and apply it to every array.
 *
 * <p>The one canonical sort of the project: the BERT normalizer and the NFD/NFKD/NFC/NFKC forms ({@code UnicodeForms})
 * both apply its permutation to the arrays they carry.
 *
 * <p>Not thread-safe: an instance reuses its scratch arrays. Use one per normalization call or per thread.
 * {@link #steps()} counts the loop iterations it ran, so tests can check its growth without timing it.
 */
final class CanonicalOrder {
    /** Runs up to this length are sorted by insertion (at most SMALL_RUN² / 2 shifts, a constant). */
    static final int SMALL_RUN = 32;

    private int[] order = new int[16];
    private int[] counts = new int[256];
    private long steps;

    /**
     * The permutation that puts a sequence with combining classes {@code classes[0, n)} into canonical order:
     * element {@code order[k]} of the input belongs at position {@code k}. Returns {@code null} when the sequence
     * is already in canonical order (found in one pass, the common case). The returned array is this instance's
     * scratch, valid until the next call, and may be longer than {@code n}.
     */
    int[] order(int[] classes, int n) {
        if (inOrder(classes, n)) {
            return null;
        }
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        steps += n;
        int i = 0;
        while (i < n) {
            if (classes[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            int min = classes[i];
            int max = min;
            boolean sorted = true;
            for (i++; i < n && classes[i] != 0; i++) {
                int c = classes[i];
                sorted &= classes[i - 1] <= c;
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
            steps += i - start;
            if (sorted) {
                continue;
            }
            if (i - start <= SMALL_RUN) {
                insertionSort(classes, start, i);
            } else {
                countingSort(classes, start, i, min, max);
            }
        }
        return order;
    }

    /** Loop iterations run so far: the work, counted rather than timed. */
    long steps() {
        return steps;
    }

    private boolean inOrder(int[] classes, int n) {
        steps += n;
        for (int i = 1; i < n; i++) {
            int c = classes[i];
            if (c != 0 && classes[i - 1] > c) {
                return false;
            }
        }
        return true;
    }

    /** Stable insertion sort of {@code order[from, to)} by class; the run is short, so this is bounded. */
    private void insertionSort(int[] classes, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            int e = order[k];
            int c = classes[e];
            int j = k - 1;
            while (j >= from && classes[order[j]] > c) {
                order[j + 1] = order[j];
                j--;
                steps++;
            }
            order[j + 1] = e;
        }
    }

    /** Stable counting sort of the run {@code [from, to)} (still the identity in {@code order}) by class. */
    private void countingSort(int[] classes, int from, int to, int min, int max) {
        int[] count = counts;
        Arrays.fill(count, min, max + 1, 0);
        for (int i = from; i < to; i++) {
            count[classes[i]]++;
        }
        int next = from;
        for (int c = min; c <= max; c++) {
            int k = count[c];
            count[c] = next;
            next += k;
        }
        for (int i = from; i < to; i++) {
            order[count[classes[i]]++] = i;
        }
        steps += 2L * (to - from) + (max - min + 1);
    }
}
