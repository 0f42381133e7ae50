package io.subword.embed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HotRowsTest {
    static final int PAD = SgnsKernel.PAD;

    /**
     * Two workers copy hot row 0 of a 3-row table (dim 1, rows 0 and 1 hot), change their copies, and merge one
     * after the other: the shared row gets both changes, and each copy holds the shared value as of its merge.
     */
    @ParameterizedTest(name = "start {0}, worker A {1}, worker B {2}")
    @CsvSource({
            // start, A's change, B's change, shared after A's merge, after B's merge
            "0.5,     0.25,      -1,          0.75,                    -0.25",
            "0,       0,         2,           0,                       2",
            "-3,      1.5,       1.5,         -1.5,                    0",
    })
    void mergesAddEachWorkersChanges(float start, float changeA, float changeB, float afterA, float afterB) {
        float[] syn0 = {start, 7f, 9f};
        float[] syn1 = {-start, 0f, 4f};
        HotRows a = new HotRows(2, 1, syn0, syn1);
        HotRows b = new HotRows(2, 1, syn0, syn1);
        a.input[PAD] += changeA;
        a.output[PAD] -= changeA;
        b.input[PAD] += changeB;
        b.output[PAD] -= changeB;
        a.merge(syn0, syn1);
        assertEquals(afterA, syn0[0], 0f);
        assertEquals(-afterA, syn1[0], 0f);
        assertEquals(afterA, a.input[PAD], 0f, "A's copy after its merge");
        b.merge(syn0, syn1);
        assertEquals(afterB, syn0[0], 0f);
        assertEquals(-afterB, syn1[0], 0f);
        assertEquals(afterB, b.input[PAD], 0f, "B's copy after its merge");
        assertEquals(afterA, a.input[PAD], 0f, "A sees B's change only at its next merge");
        a.merge(syn0, syn1);
        assertEquals(afterB, a.input[PAD], 0f);
        assertEquals(afterB, syn0[0], 0f, "a merge without changes leaves the row");
        // row 1 is hot but unchanged; row 2 is not hot: its shared value is nobody's copy
        syn0[2] = 1f;
        a.merge(syn0, syn1);
        assertEquals(7f, syn0[1], 0f);
        assertEquals(1f, syn0[2], 0f);
    }

    @ParameterizedTest(name = "{0} threads, {1} rows of {2}")
    @CsvSource({
            "1, 30000, 100, 0",      // one worker shares nothing
            "2, 30000, 100, 10485",  // 4 MB of 100 floats
            "2, 13100, 64,  13100",  // all rows fit
            "4, 500,   300, 500",
            "2, 30000, 300, 3495",
    })
    void hotRowsAreTheFrequentRowsThatFitInFourMegabytes(int threads, int rows, int dim, int expected) {
        assertEquals(expected, SkipGramTrainer.hotRows(threads, rows, dim));
    }

    /** The three-row dot product sums each row exactly as the one-row dot does (so results stay bit for bit). */
    @ParameterizedTest(name = "dim {0}")
    @CsvSource({"1", "7", "16", "17", "64", "100", "301"})
    void threeDotsAtOnceAreTheOneRowDots(int dim) {
        SplittableRandom random = new SplittableRandom(dim);
        float[] x = new float[3 + dim];
        float[] y = new float[5 * dim + 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextDouble(-1, 1);
        }
        float[] out = new float[4];
        SgnsVectorMath.dot3(x, 3, y, 2, y, 2 + 3 * dim, y, 1, dim, out, 1);
        assertEquals(Float.floatToRawIntBits(SgnsVectorMath.dot(x, 3, y, 2, dim)), Float.floatToRawIntBits(out[1]));
        assertEquals(Float.floatToRawIntBits(SgnsVectorMath.dot(x, 3, y, 2 + 3 * dim, dim)),
                Float.floatToRawIntBits(out[2]));
        assertEquals(Float.floatToRawIntBits(SgnsVectorMath.dot(x, 3, y, 1, dim)), Float.floatToRawIntBits(out[3]));
        assertEquals(0f, out[0], 0f, "nothing written before the offset");
    }
}
