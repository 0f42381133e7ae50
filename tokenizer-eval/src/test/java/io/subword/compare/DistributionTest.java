package io.subword.compare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistributionTest {
    /**
     * Nearest-rank percentiles: the value at rank ceil(p * n / 100) in ascending order. Worked out by hand:
     * 1 1 2 3: p50 rank 2 -> 1, p90 rank ceil(3.6) = 4 -> 3, p99 rank 4 -> 3, mean 7/4.
     * 1..10: p50 rank 5 -> 5, p90 rank 9 -> 9, p99 rank ceil(9.9) = 10 -> 10.
     * 100 values, 99 ones and one 7: p99 rank 99 -> 1 (the 7 is above the 99th percentile).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # values                    | mean | p50 | p90 | p99 | max
            1 1 2 3                     | 1.75 | 1   | 3   | 3   | 3
            1 2 3 4 5 6 7 8 9 10        | 5.5  | 5   | 9   | 10  | 10
            4                           | 4    | 4   | 4   | 4   | 4
            0 0 0 2                     | 0.5  | 0   | 2   | 2   | 2
            99x1 7                      | 1.06 | 1   | 1   | 1   | 7
            98x1 2x7                    | 1.12 | 1   | 1   | 7   | 7
            -                           | 0    | 0   | 0   | 0   | 0
            """)
    void percentilesByNearestRank(String values, double mean, int p50, int p90, int p99, int max) {
        long[] h = new long[16];
        long n = 0;
        if (!values.equals("-")) {
            for (String v : values.split(" ")) {
                if (v.contains("x")) {
                    String[] parts = v.split("x");
                    h[Integer.parseInt(parts[1])] += Long.parseLong(parts[0]);
                    n += Long.parseLong(parts[0]);
                } else {
                    h[Integer.parseInt(v)]++;
                    n++;
                }
            }
        }
        Distribution d = Distribution.of(h);
        assertEquals(n, d.count());
        assertEquals(mean, d.mean(), 1e-12);
        assertEquals(Arrays.asList(p50, p90, p99, max), Arrays.asList(d.p50(), d.p90(), d.p99(), d.max()));
        assertEquals(max + 1, d.histogram().length == 0 ? 1 : d.histogram().length);
    }

    @org.junit.jupiter.api.Test
    void shares() {
        Distribution d = Distribution.of(new long[] {0, 4, 0, 2, 1, 1});
        assertEquals(0.5, d.share(1), 1e-12);
        assertEquals(0.0, d.share(2), 1e-12);
        assertEquals(0.25, d.share(3), 1e-12);
        assertEquals(0.25, d.shareAtLeast(4), 1e-12);
        assertEquals(1.0, d.shareAtLeast(0), 1e-12);
        assertEquals(0.0, d.share(99), 1e-12);
    }
}
