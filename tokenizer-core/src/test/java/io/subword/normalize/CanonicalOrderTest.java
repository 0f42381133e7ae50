package io.subword.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Canonical ordering must put marks where NFD puts them (Hugging Face's Unicode 9 classes; for marks that Unicode 9
 * already had, the JDK's NFD agrees), in linear time.
 */
class CanonicalOrderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # input code points (hex)    | canonical order
        0061 0301 0316               | 0061 0316 0301
        0061 0316 0301               | 0061 0316 0301
        0061 0301 0300 0316          | 0061 0316 0301 0300
        0061 0345 0301 0334          | 0061 0334 0301 0345
        0301 0061 0301 0316          | 0301 0061 0316 0301
        0065 0301 0062 0316 0301     | 0065 0301 0062 0316 0301
        0061 0301 1D16D 0316         | 0061 0316 1D16D 0301
        0061 05B0 05B1 05B0          | 0061 05B0 05B0 05B1
        0061 0315 0301 031B          | 0061 031B 0301 0315
        1100 1161 0301 0300          | 1100 1161 0301 0300
        """)
    void sortsEachRunOfMarksStablyByCombiningClass(String input, String expected) {
        int[] cps = hex(input);
        sort(new CanonicalOrder(), cps, cps.length);
        assertArrayEquals(hex(expected), cps);
    }

    @ParameterizedTest(name = "U+{0}: {1}")
    @CsvSource(textBlock = """
        0041, 0
        0300, 230
        0316, 220
        0334, 1
        0345, 240
        05B0, 10
        094D, 9
        0E38, 103
        1D16D, 226
        1D165, 216
        11938, 0
        1DF6, 0
        10FFFF, 0
        """)
    void ordersByHuggingFacesUnicode9Classes(String hex, int ccc) {
        // U+11938 (Unicode 13) and U+1DF6 (Unicode 10, class 232 in the JDK) are starters to Hugging Face
        assertEquals(ccc, HfUnicode.ccc(Integer.parseInt(hex, 16)));
    }

    @Test
    void anOrderedSequenceNeedsNoPermutation() {
        int[] classes = {0, 220, 230, 230, 0, 1, 240};
        assertNull(new CanonicalOrder().order(classes, classes.length));
    }

    /** Seeded random sequences of starters and marks: the same order as the JDK's NFD. */
    @Test
    void randomSequencesMatchTheJdkNfd() {
        int[] pool = {0x61, 0x300, 0x301, 0x316, 0x327, 0x334, 0x345, 0x35C, 0x35D, 0x5B0, 0x5B1, 0x94D, 0xE38,
            0x1D165, 0x1D16D, 0x1D16E, 0x20D0, 0x1DCE, 0x3099, 0x1100};
        SplittableRandom random = new SplittableRandom(15);
        CanonicalOrder canonical = new CanonicalOrder();
        for (int t = 0; t < 2_000; t++) {
            // lengths both below and above the insertion-sort limit
            int n = random.nextInt(1, t % 2 == 0 ? 12 : 200);
            int[] cps = new int[n];
            for (int i = 0; i < n; i++) {
                cps[i] = pool[random.nextInt(pool.length)];
            }
            String in = new String(cps, 0, n);
            int[] expected = Normalizer.normalize(in, Normalizer.Form.NFD).codePoints().toArray();
            sort(canonical, cps, n);
            assertArrayEquals(expected, cps, in.codePoints().mapToObj(CanonicalOrderTest::hexOf).toList()::toString);
        }
    }

    /**
     * Steps, not time: the marks U+0300..U+036F, cycled, are the runs that used to take a rescan
     * per mark. Ten times the marks must cost at most about ten times the steps.
     */
    @Test
    void stepsGrowLinearlyOnALongRunOfDifferingMarks() {
        long[] steps = new long[3];
        int[] sizes = {10_000, 100_000, 1_000_000};
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            int[] classes = new int[n];
            for (int i = 1; i < n; i++) {
                classes[i] = HfUnicode.ccc(0x300 + (i - 1) % 0x70);
            }
            CanonicalOrder canonical = new CanonicalOrder();
            int[] order = canonical.order(classes, n);
            for (int k = 1; k < n; k++) {
                int a = classes[order[k - 1]];
                int b = classes[order[k]];
                // U+034F (CGJ) is a starter: it stays put and ends a run
                assertTrue(classes[k] == 0 ? order[k] == k
                        : a == 0 || a < b || a == b && order[k - 1] < order[k], "not stable and sorted at " + k);
            }
            steps[s] = canonical.steps();
        }
        assertTrue(steps[1] <= 11 * steps[0] && steps[2] <= 11 * steps[1], Arrays.toString(steps));
        assertTrue(steps[2] <= 10L * sizes[2], "steps per mark: " + Arrays.toString(steps));
    }

    /** Puts code points into canonical order by their classes, as a normalizer applies the permutation. */
    private static void sort(CanonicalOrder canonical, int[] cps, int n) {
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = HfUnicode.ccc(cps[i]);
        }
        int[] order = canonical.order(classes, n);
        if (order != null) {
            int[] sorted = new int[n];
            for (int k = 0; k < n; k++) {
                sorted[k] = cps[order[k]];
            }
            System.arraycopy(sorted, 0, cps, 0, n);
        }
    }

    private static int[] hex(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
    }

    private static String hexOf(int cp) {
        return String.format("U+%04X", cp);
    }
}
