package io.subword.embed;

/**
 * What {@link SkipGramTrainer#train} produced. The arrays are the trainer's own, handed over, not copies.
 *
 * @param input       the input vectors ({@code syn0}), one row per token id of the tokenizer's vocabulary: the
 *                    embeddings to use. Rows of tokens that were not trained (special, unknown, or seen fewer
 *                    than {@code minCount} times) are all zeros.
 * @param output      the output vectors ({@code syn1neg}); word2vec throws them away, some uses average them in
 * @param counts      how often each id occurred in the corpus
 * @param trained     whether each id took part in training
 * @param trainTokens the number of corpus tokens trained on per epoch (kept ids, before subsampling)
 */
public record SkipGramResult(EmbeddingTable input, EmbeddingTable output, long[] counts, boolean[] trained,
                             long trainTokens) {

    /**
     * Each token's input vector plus its output vector ("w + c", Levy, Goldberg and Dagan 2015, section 3.3): an
     * option for similarity tasks, not word2vec's own result ({@link #input}). A token's output vector is what
     * it looks like as a context; adding it puts tokens that occur in the same contexts and tokens that occur
     * next to each other closer together. A new table; untrained rows stay zero.
     */
    public EmbeddingTable inputPlusOutput() {
        float[] in = input.data();
        float[] out = output.data();
        float[] sum = new float[in.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = in[i] + out[i];
        }
        return EmbeddingTable.wrap(input.rows(), input.dim(), sum);
    }
}
