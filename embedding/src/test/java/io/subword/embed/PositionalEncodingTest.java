package io.subword.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PositionalEncodingTest {

    /** PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)), worked out by hand for d=4. */
    @ParameterizedTest(name = "PE({0},{1}) = {2}")
    @CsvSource({
            // pos, j, the angle written out, sin or cos
            "0, 0, 0,                          sin",
            "0, 1, 0,                          cos",
            "0, 2, 0,                          sin",
            "0, 3, 0,                          cos",
            "1, 0, 1,                          sin",
            "1, 1, 1,                          cos",
            "1, 2, 0.01,                       sin", // 1 / 10000^(2/4) = 1/100
            "1, 3, 0.01,                       cos",
            "2, 0, 2,                          sin",
            "2, 1, 2,                          cos",
            "2, 2, 0.02,                       sin", // 2 / 10000^(2/4)
            "2, 3, 0.02,                       cos",
            "7, 2, 0.07,                       sin",
    })
    void matchesTheFormulaForDim4(int pos, int j, double angle, String fn) {
        PositionalEncoding pe = PositionalEncoding.sinusoidal(16, 4);
        float expected = (float) (fn.equals("sin") ? Math.sin(angle) : Math.cos(angle));
        assertEquals(expected, pe.get(pos, j), 0f);
    }

    @Test
    void knownValues() {
        PositionalEncoding pe = PositionalEncoding.sinusoidal(8, 4);
        // Decimal values from a table of sines, to 8 digits.
        assertEquals(0.84147098f, pe.get(1, 0), 1e-7f);   // sin(1)
        assertEquals(0.54030231f, pe.get(1, 1), 1e-7f);   // cos(1)
        assertEquals(0.0199986667f, pe.get(2, 2), 1e-9f);  // sin(2 / 10000^(2/4)) = sin(0.02)
        assertEquals(0.99980001f, pe.get(2, 3), 1e-7f);   // cos(0.02)
        assertArrayEquals(new float[] {0f, 1f, 0f, 1f}, pe.row(0), 0f);
    }

    @Test
    void oddDimEndsWithASine() {
        PositionalEncoding pe = PositionalEncoding.sinusoidal(4, 5);
        // j = 4 is 2i with i = 2: sin(pos / 10000^(4/5))
        assertEquals((float) Math.sin(3 / Math.pow(10000, 0.8)), pe.get(3, 4), 0f);
        assertEquals((float) Math.cos(3 / Math.pow(10000, 0.4)), pe.get(3, 3), 0f);
    }

    @Test
    void computedOncePerShapeAndShared() {
        assertSame(PositionalEncoding.sinusoidal(64, 6), PositionalEncoding.sinusoidal(64, 6));
        PositionalEncoding a = PositionalEncoding.sinusoidal(64, 8);
        assertEquals(64, a.maxLen());
        assertEquals(8, a.dim());
    }

    @Test
    void addToAddsTheRow() {
        PositionalEncoding pe = PositionalEncoding.sinusoidal(4, 4);
        float[] out = {9f, 1f, 1f, 1f, 1f, 9f};
        pe.addTo(1, out, 1);
        assertArrayEquals(new float[] {9f, 1f + (float) Math.sin(1), 1f + (float) Math.cos(1),
                1f + (float) Math.sin(0.01), 1f + (float) Math.cos(0.01), 9f}, out, 0f);
    }

    @Test
    void badArguments() {
        assertEquals("maxLen must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> PositionalEncoding.sinusoidal(0, 4)).getMessage());
        assertEquals("dim must be at least 1, not -1",
                assertThrows(IllegalArgumentException.class, () -> PositionalEncoding.sinusoidal(4, -1)).getMessage());
        assertEquals("position 4 outside [0, 4)", assertThrows(IndexOutOfBoundsException.class,
                () -> PositionalEncoding.sinusoidal(4, 4).get(4, 0)).getMessage());
    }
}
