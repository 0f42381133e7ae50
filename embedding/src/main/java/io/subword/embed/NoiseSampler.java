package io.subword.embed;

/**
 * Draws noise tokens for negative sampling with probability proportional to {@code count^0.75}, in O(1), by
 * Walker's alias method (Vose's construction): cell {@code i} of {@code n} keeps {@code i} with probability
 * {@code keep[i]} and gives {@code alias[i]} otherwise.
 *
 * <p>word2vec draws from a table of 10^8 cells (fastText 10^7) in which each token appears in proportion to its
 * share: one cache miss per draw in a table of tens of megabytes. The alias arrays take {@code 8 n} bytes (120 KB
 * for 15,000 tokens), stay in the L2 cache, and give the exact distribution, not one rounded to table cells.
 */
final class NoiseSampler {
    final float[] keep;
    final int[] alias;

    private NoiseSampler(float[] keep, int[] alias) {
        this.keep = keep;
        this.alias = alias;
    }

    /** A sampler over {@code 0 .. counts.length - 1} with weights {@code counts[i]^0.75}; every count positive. */
    static NoiseSampler of(long[] counts) {
        int n = counts.length;
        double[] scaled = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = Math.pow(counts[i], 0.75);
            sum += scaled[i];
        }
        int[] small = new int[n];
        int[] large = new int[n];
        int smalls = 0;
        int larges = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = scaled[i] * n / sum;
            if (scaled[i] < 1) {
                small[smalls++] = i;
            } else {
                large[larges++] = i;
            }
        }
        float[] keep = new float[n];
        int[] alias = new int[n];
        while (smalls > 0 && larges > 0) {
            int s = small[--smalls];
            int l = large[--larges];
            keep[s] = (float) scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[smalls++] = l;
            } else {
                large[larges++] = l;
            }
        }
        // What is left is 1 up to rounding: keeps itself.
        while (larges > 0) {
            int l = large[--larges];
            keep[l] = 1f;
            alias[l] = l;
        }
        while (smalls > 0) {
            int s = small[--smalls];
            keep[s] = 1f;
            alias[s] = s;
        }
        return new NoiseSampler(keep, alias);
    }

    int size() {
        return keep.length;
    }

    /**
     * The token for two uniform draws: {@code cell} in {@code [0, size)} and {@code coin} in {@code [0, 1)}.
     */
    int sample(int cell, float coin) {
        return coin < keep[cell] ? cell : alias[cell];
    }

    /** The probability of drawing {@code token}, from the tables (for tests). */
    double probability(int token) {
        double p = 0;
        int n = keep.length;
        for (int i = 0; i < n; i++) {
            if (i == token) {
                p += keep[i];
            }
            if (alias[i] == token) {
                p += 1 - keep[i];
            }
        }
        return p / n;
    }
}
