package io.subword.embed;

import io.subword.BatchEncoding;
import io.subword.Encoding;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeanPoolingTest {
    /**
     * Worked by hand: the mean of the kept token vectors, then divided by its length.
     * (1,2),(3,4) kept, (100,100) padding: mean (2,3), length sqrt(13) = 3.6055513 -> (0.5547002, 0.8320503).
     */
    @ParameterizedTest(name = "{0} x {1}: {4}")
    @CsvSource(delimiter = ';', value = {
            // rows; columns; hidden (row-major, dim 2 per token); mask; expected (row-major)
            "2; 3; 1 2 3 4 100 100   3 4 0 0 0 0;     1 1 0  1 0 0;  0.5547002 0.8320503  0.6 0.8",
            "1; 3; 1 2 3 4 100 100;                   1 1 1;         0.7003407 0.7138088",
            "1; 2; 0 0 0 0;                            1 1;           0 0",
            "1; 2; 5 5 -1 -1;                          0 0;           0 0",
            "1; 1; -3 4;                               1;             -0.6 0.8",
            "2; 2; 0 0 2 0   0 0 0 -7;                 0 1  0 1;      1 0  0 -1",
    })
    void meanOverKeptTokensThenUnitLength(int rows, int columns, String hidden, String mask, String expected) {
        float[][] got = MeanPooling.normalizedMeans(FloatBuffer.wrap(floats(hidden)), ints(mask), rows, columns);
        float[] flat = new float[0];
        for (float[] row : got) {
            float[] joined = Arrays.copyOf(flat, flat.length + row.length);
            System.arraycopy(row, 0, joined, flat.length, row.length);
            flat = joined;
        }
        assertArrayEquals(floats(expected), flat, 1e-6f);
    }

    @Test
    void meansAloneAreNotScaled() {
        float[][] got = MeanPooling.means(FloatBuffer.wrap(new float[]{1, 2, 3, 4, 100, 100}), new int[]{1, 1, 0},
                1, 3);
        assertArrayEquals(new float[]{2, 3}, got[0]);
    }

    @Test
    void readsTheBatchMaskAndTheBufferFromItsPosition() {
        Vocabulary vocab = Vocabulary.of(List.of("[PAD]", "a", "b"));
        Encoding ab = Encoding.ofSequence(vocab, "a b", new int[]{1, 2}, new int[]{0, 2}, new int[]{1, 3},
                new int[]{0, 1});
        Encoding a = Encoding.ofSequence(vocab, "a", new int[]{1}, new int[]{0}, new int[]{1}, new int[]{0});
        BatchEncoding batch = BatchEncoding.of(List.of(ab, a));
        // 1 value of something else, then (2 rows x 2 columns x dim 1)
        FloatBuffer hidden = FloatBuffer.wrap(new float[]{99, 3, 5, -2, 1000});
        hidden.position(1);
        float[][] means = MeanPooling.means(hidden, batch.attentionMaskInt(), batch.rows(), batch.columns());
        assertArrayEquals(new float[]{4}, means[0]);
        assertArrayEquals(new float[]{-2}, means[1]);
        float[][] unit = MeanPooling.normalizedMeans(hidden, batch);
        assertArrayEquals(new float[]{1}, unit[0]);
        assertArrayEquals(new float[]{-1}, unit[1]);
    }

    @Test
    void sizesThatDoNotFitAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanPooling.means(FloatBuffer.wrap(new float[5]), new int[]{1, 1}, 1, 2));
        assertEquals("the hidden state has 5 values, not a multiple of 1 x 2 tokens", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MeanPooling.means(FloatBuffer.wrap(new float[4]), new int[]{1}, 1, 2));
        assertEquals("the attention mask has 1 values, not rows x columns = 1 x 2", e.getMessage());
    }

    private static float[] floats(String s) {
        String[] parts = s.trim().split(" +");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    }
}
