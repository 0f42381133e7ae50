package io.subword.normalize;

/**
 * The canonical ordering step of Unicode normalization: a stable sort of a run of code points by combining
 * class, carrying two parallel arrays along. Short runs (the usual one or two marks) take an insertion sort;
 * long runs a counting sort over the 256 classes, so that a run of a million marks stays linear.
 */
final class CanonicalSort {
    private static final int INSERTION_LIMIT = 32;

    private CanonicalSort() {
    }

    /** Sorts {@code [0, size)} of the three arrays by {@code key}, keeping equal keys in order. */
    static void sort(int[] values, int[] key, int[] other, int size) {
        if (size <= INSERTION_LIMIT) {
            for (int i = 1; i < size; i++) {
                int k = key[i];
                if (key[i - 1] <= k) {
                    continue;
                }
                int v = values[i];
                int o = other[i];
                int j = i - 1;
                while (j >= 0 && key[j] > k) {
                    values[j + 1] = values[j];
                    key[j + 1] = key[j];
                    other[j + 1] = other[j];
                    j--;
                }
                values[j + 1] = v;
                key[j + 1] = k;
                other[j + 1] = o;
            }
            return;
        }
        int[] start = new int[257];
        for (int i = 0; i < size; i++) {
            start[key[i] + 1]++;
        }
        for (int c = 0; c < 256; c++) {
            start[c + 1] += start[c];
        }
        int[] v2 = new int[size];
        int[] k2 = new int[size];
        int[] o2 = new int[size];
        for (int i = 0; i < size; i++) {
            int at = start[key[i]]++;
            v2[at] = values[i];
            k2[at] = key[i];
            o2[at] = other[i];
        }
        System.arraycopy(v2, 0, values, 0, size);
        System.arraycopy(k2, 0, key, 0, size);
        System.arraycopy(o2, 0, other, 0, size);
    }
}
