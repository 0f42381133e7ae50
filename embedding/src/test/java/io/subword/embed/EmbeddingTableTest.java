package io.subword.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingTableTest {
    private static final float[] DATA = {
            0f, 1f, 2f,     // row 0
            10f, 11f, 12f,  // row 1
            20f, 21f, 22f,  // row 2
    };

    @Test
    void rowsAreRowMajor() {
        EmbeddingTable t = EmbeddingTable.wrap(3, 3, DATA.clone());
        assertArrayEquals(new float[] {10f, 11f, 12f}, t.row(1), 0f);
        float[] out = new float[5];
        t.row(2, out, 1);
        assertArrayEquals(new float[] {0f, 20f, 21f, 22f, 0f}, out, 0f);
    }

    @Test
    void lookupIntoCallersBuffer() {
        EmbeddingTable t = EmbeddingTable.wrap(3, 3, DATA.clone());
        float[] out = new float[9];
        t.lookup(new int[] {2, 0, 2}, out);
        assertArrayEquals(new float[] {20f, 21f, 22f, 0f, 1f, 2f, 20f, 21f, 22f}, out, 0f);
        float[] part = new float[8];
        t.lookup(new int[] {0, 1, 2}, 1, 3, part, 2);
        assertArrayEquals(new float[] {0f, 0f, 10f, 11f, 12f, 20f, 21f, 22f}, part, 0f);
    }

    @Test
    void lookupRejectsIdsOutsideTheTable() {
        EmbeddingTable t = EmbeddingTable.wrap(3, 3, DATA.clone());
        assertEquals("id 3 outside the table's rows [0, 3)", assertThrows(IndexOutOfBoundsException.class,
                () -> t.lookup(new int[] {0, 3}, new float[6])).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> t.lookup(new int[] {0, 1}, new float[5]));
    }

    @Test
    void inputRepresentationIsScaledLookupPlusPositions() {
        EmbeddingTable t = EmbeddingTable.wrap(3, 4, new float[] {
                1f, 0f, 0f, 0f,
                0f, 1f, 0f, 0f,
                0.5f, 0.5f, 0.5f, 0.5f});
        float[] out = new float[12];
        t.inputRepresentation(new int[] {2, 0, 1}, out);
        // sqrt(4) = 2; PE(0) = (0,1,0,1), PE(1) = (sin 1, cos 1, sin .01, cos .01), PE(2) = (sin 2, cos 2, ...)
        float[] expected = {
                1f + 0f, 1f + 1f, 1f + 0f, 1f + 1f,
                2f + (float) Math.sin(1), 0f + (float) Math.cos(1), 0f + (float) Math.sin(0.01),
                0f + (float) Math.cos(0.01),
                0f + (float) Math.sin(2), 2f + (float) Math.cos(2), 0f + (float) Math.sin(0.02),
                0f + (float) Math.cos(0.02)};
        assertArrayEquals(expected, out, 0f);
    }

    @ParameterizedTest
    @EnumSource(Initialization.class)
    void initializationIsSeeded(Initialization scheme) {
        EmbeddingTable a = EmbeddingTable.initialized(50, 16, scheme, 42);
        EmbeddingTable b = EmbeddingTable.initialized(50, 16, scheme, 42);
        assertTrue(a.contentEquals(b));
        if (scheme != Initialization.ZEROS) {
            assertFalse(a.contentEquals(EmbeddingTable.initialized(50, 16, scheme, 43)));
        }
    }

    @Test
    void word2vecUniformStaysInItsRange() {
        float[] d = EmbeddingTable.initialized(200, 10, Initialization.WORD2VEC_UNIFORM, 1).data();
        for (float v : d) {
            assertTrue(v >= -0.05f && v <= 0.05f, "value " + v);
        }
        assertTrue(max(d) > 0.045f && min(d) < -0.045f);
    }

    @Test
    void xavierStaysInItsRange() {
        float[] d = EmbeddingTable.initialized(90, 10, Initialization.XAVIER_UNIFORM, 1).data();
        float bound = (float) Math.sqrt(6.0 / 100);
        for (float v : d) {
            assertTrue(Math.abs(v) <= bound, "value " + v);
        }
        assertTrue(max(d) > 0.9f * bound && min(d) < -0.9f * bound);
    }

    @Test
    void normalHasStdOneOverSqrtDim() {
        float[] d = EmbeddingTable.initialized(1000, 64, Initialization.NORMAL_SCALED, 7).data();
        double sum = 0, sq = 0;
        for (float v : d) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / d.length;
        double std = Math.sqrt(sq / d.length - mean * mean);
        assertEquals(0.0, mean, 0.002);
        assertEquals(0.125, std, 0.002);
    }

    @Test
    void badShapes() {
        assertEquals("a 2 x 3 table needs 6 values, got 5", assertThrows(IllegalArgumentException.class,
                () -> EmbeddingTable.wrap(2, 3, new float[5])).getMessage());
        assertEquals("dim must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
                () -> EmbeddingTable.zeros(2, 0)).getMessage());
    }

    private static float max(float[] d) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : d) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static float min(float[] d) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : d) {
            m = Math.min(m, v);
        }
        return m;
    }
}
