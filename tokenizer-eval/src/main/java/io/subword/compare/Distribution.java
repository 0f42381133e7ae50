package io.subword.compare;

import java.util.Arrays;

/**
 * The distribution of a non-negative integer quantity (tokens per word, tokens per line), kept exactly as a
 * histogram: {@code histogram[v]} is how many times the value {@code v} occurred.
 *
 * <p>Percentiles are by the nearest-rank method: the {@code p}-th percentile of {@code n} values is the
 * smallest value with at least {@code p}% of the values at or below it, i.e. the value at rank
 * {@code ceil(p * n / 100)} (1-based) in ascending order. Of {@code 1 1 2 3}, p50 is 1 (rank 2) and p90 is 3
 * (rank 4).
 *
 * @param count     how many values
 * @param mean      their mean, 0 when there are none
 * @param p50       the median
 * @param p90       the 90th percentile
 * @param p99       the 99th percentile
 * @param max       the largest value, 0 when there are none
 * @param histogram occurrences of each value from 0 to {@code max}
 */
public record Distribution(long count, double mean, int p50, int p90, int p99, int max, long[] histogram) {
    public Distribution {
        histogram = histogram.clone();
    }

    /** The distribution of the values counted in {@code histogram} (trailing zeros are dropped). */
    public static Distribution of(long[] histogram) {
        int max = histogram.length - 1;
        while (max >= 0 && histogram[max] == 0) {
            max--;
        }
        long[] h = Arrays.copyOf(histogram, max + 1);
        long n = 0;
        double sum = 0;
        for (int v = 0; v < h.length; v++) {
            n += h[v];
            sum += (double) v * h[v];
        }
        return new Distribution(n, n == 0 ? 0 : sum / n, percentile(h, n, 50), percentile(h, n, 90),
                percentile(h, n, 99), Math.max(max, 0), h);
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100) of the {@code n} values in {@code h}. */
    static int percentile(long[] h, long n, int p) {
        if (n == 0) {
            return 0;
        }
        long rank = (p * n + 99) / 100; // ceil(p * n / 100), at least 1 for p > 0
        long seen = 0;
        for (int v = 0; v < h.length; v++) {
            seen += h[v];
            if (seen >= rank) {
                return v;
            }
        }
        throw new AssertionError("rank " + rank + " beyond " + n + " values");
    }

    /** The share of values equal to {@code v} (0 when there are none). */
    public double share(int v) {
        return count == 0 || v < 0 || v >= histogram.length ? 0 : (double) histogram[v] / count;
    }

    /** The share of values at least {@code v}. */
    public double shareAtLeast(int v) {
        if (count == 0) {
            return 0;
        }
        long c = 0;
        for (int i = Math.max(v, 0); i < histogram.length; i++) {
            c += histogram[i];
        }
        return (double) c / count;
    }

    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && count == d.count && Double.compare(mean, d.mean) == 0 && p50 == d.p50
                && p90 == d.p90 && p99 == d.p99 && max == d.max && Arrays.equals(histogram, d.histogram);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Distribution[n=%d, mean=%.3f, p50=%d, p90=%d, p99=%d, max=%d]",
                count, mean, p50, p90, p99, max);
    }
}
