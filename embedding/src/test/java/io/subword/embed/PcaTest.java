package io.subword.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcaTest {
    /**
     * Points worked by hand: the mean, the first component (unit length, largest entry positive) and its variance
     * (mean squared distance along it).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // points (x y | x y ...); mean; first component; its variance
            "1 1 | 3 3 | 5 5;           3 3;   0.7071068 0.7071068;  5.3333333",   // distances -2.83, 0, 2.83
            "0 0 | 4 0 | 0 1 | 4 1;     2 0.5; 1 0;                  4",           // x spreads +-2, y +-0.5
            "2 -1 | 2 1;                2 0;   0 1;                  1",
    })
    void firstComponentIsTheDirectionOfLargestSpread(String points, String mean, String component,
                                                     double variance) {
        String[] rows = points.split("\\|");
        float[] data = new float[rows.length * 2];
        for (int r = 0; r < rows.length; r++) {
            String[] xy = rows[r].trim().split(" +");
            data[2 * r] = Float.parseFloat(xy[0]);
            data[2 * r + 1] = Float.parseFloat(xy[1]);
        }
        boolean[] all = new boolean[rows.length];
        java.util.Arrays.fill(all, true);
        Pca pca = Pca.fit(EmbeddingTable.wrap(rows.length, 2, data), all, 1);
        assertArrayEquals(doubles(mean), pca.mean(), 1e-9);
        assertArrayEquals(doubles(component), pca.component(0), 1e-6);
        assertEquals(variance, pca.variance(0), 1e-6);
    }

    @Test
    void removeTopLeavesWhatTheComponentsDoNotExplain() {
        // rows (1,1,0), (3,3,0), (5,5,2): mean (3,3,0.667); the first component is mostly along (1,1,0)
        float[] data = {1, 1, 0, 3, 3, 0, 5, 5, 2};
        Pca pca = Pca.fit(EmbeddingTable.wrap(3, 3, data), new boolean[]{true, true, true}, 2);
        assertEquals(2, pca.components());
        // Two components of three dimensions span the plane of three points: nothing is left.
        float[] left = pca.removeTop(new float[]{5, 5, 2});
        assertArrayEquals(new float[]{0, 0, 0}, left, 1e-5f);
        // Zero components: only the mean is removed.
        Pca centerOnly = Pca.fit(EmbeddingTable.wrap(3, 3, data), new boolean[]{true, true, false}, 0);
        assertArrayEquals(new float[]{3, 3, 2}, centerOnly.removeTop(new float[]{5, 5, 2}), 1e-6f);
        // The mean projects to the origin; a fitted row keeps its squared distance from the mean,
        // |(5,5,2) - (3,3,2/3)|^2 = 4 + 4 + 16/9, spread over the two components.
        assertArrayEquals(new double[]{0, 0}, pca.project(new float[]{3, 3, 2 / 3f}), 1e-6);
        double[] p = pca.project(new float[]{5, 5, 2});
        assertEquals(8 + 16 / 9.0, p[0] * p[0] + p[1] * p[1], 1e-4);
    }

    @Test
    void badArgumentsAreNamed() {
        EmbeddingTable t = EmbeddingTable.zeros(2, 2);
        assertEquals("no row to fit", assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(t, new boolean[2], 1)).getMessage());
        assertEquals("components must be in [0, 2], got 3", assertThrows(IllegalArgumentException.class,
                () -> Pca.fit(t, new boolean[]{true, true}, 3)).getMessage());
    }

    private static double[] doubles(String s) {
        return java.util.Arrays.stream(s.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }
}
