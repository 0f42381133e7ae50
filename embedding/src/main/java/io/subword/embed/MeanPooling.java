package io.subword.embed;

import io.subword.BatchEncoding;

import java.nio.FloatBuffer;

/**
 * Sentence embeddings from a Transformer's token outputs, as sentence-transformers models such as
 * all-MiniLM-L6-v2 make them: the mean of the token vectors over the tokens the attention mask keeps (padding
 * left out), then scaled to length 1.
 *
 * <pre>{@code
 * BatchEncoding batch = BatchEncoding.of(tokenizer.encodeBatch(texts));
 * // ... run the model on batch.inputIdsBuffer(), batch.attentionMaskBuffer(), batch.tokenTypeIdsBuffer()
 * float[][] sentences = MeanPooling.normalizedMeans(lastHiddenState.getFloatBuffer(), batch);
 * }</pre>
 *
 * <p>Sums run in float over the tokens in order and divide by the token count, then divide by the float square
 * root of the float sum of squares: the arithmetic of langchain4j's {@code OnnxBertBiEncoder}, so the results
 * agree with it to the last bits for an unpadded sequence. A row with no kept token (all mask 0) is all zeros.
 */
public final class MeanPooling {
    private MeanPooling() {
    }

    /**
     * One unit-length vector per row of {@code batch}, from {@code hidden}, the model's last hidden state of
     * shape {@code (batch.rows(), batch.columns(), dim)} in row-major order, read from its position on.
     *
     * @throws IllegalArgumentException if {@code hidden}'s size is not a multiple of {@code rows * columns}
     */
    public static float[][] normalizedMeans(FloatBuffer hidden, BatchEncoding batch) {
        return normalizedMeans(hidden, batch.attentionMaskInt(), batch.rows(), batch.columns());
    }

    /**
     * The same from a flat hidden state and a flat {@code rows x columns} attention mask (1 keeps a token).
     *
     * @throws IllegalArgumentException if the sizes do not fit together
     */
    public static float[][] normalizedMeans(FloatBuffer hidden, int[] attentionMask, int rows, int columns) {
        float[][] means = means(hidden, attentionMask, rows, columns);
        for (float[] v : means) {
            normalize(v);
        }
        return means;
    }

    /** The masked means, not normalized. */
    public static float[][] means(FloatBuffer hidden, int[] attentionMask, int rows, int columns) {
        int cells = rows * columns;
        if (attentionMask.length != cells) {
            throw new IllegalArgumentException("the attention mask has " + attentionMask.length
                    + " values, not rows x columns = " + rows + " x " + columns);
        }
        int values = hidden.remaining();
        if (cells == 0 ? values != 0 : values % cells != 0) {
            throw new IllegalArgumentException("the hidden state has " + values + " values, not a multiple of "
                    + rows + " x " + columns + " tokens");
        }
        int dim = cells == 0 ? 0 : values / cells;
        int base = hidden.position();
        float[][] out = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
            float[] sum = out[r];
            int kept = 0;
            for (int c = 0; c < columns; c++) {
                int cell = r * columns + c;
                if (attentionMask[cell] == 0) {
                    continue;
                }
                kept++;
                int at = base + cell * dim;
                for (int k = 0; k < dim; k++) {
                    sum[k] += hidden.get(at + k);
                }
            }
            if (kept > 0) {
                for (int k = 0; k < dim; k++) {
                    sum[k] /= kept;
                }
            }
        }
        return out;
    }

    /** Scales {@code v} in place to length 1 (a zero vector stays zero) and returns it. */
    public static float[] normalize(float[] v) {
        float squares = 0;
        for (float x : v) {
            squares += x * x;
        }
        float norm = (float) Math.sqrt(squares);
        if (norm > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= norm;
            }
        }
        return v;
    }
}
