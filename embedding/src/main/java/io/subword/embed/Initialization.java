package io.subword.embed;

/**
 * How {@link EmbeddingTable#initialized} fills a fresh {@code rows x dim} table. Every scheme draws from a
 * {@link java.util.SplittableRandom} seeded with the caller's seed, row by row, so the same seed gives the same
 * table bit for bit on every JVM.
 */
public enum Initialization {
    /** All zeros (word2vec's output vectors {@code syn1neg} start like this). */
    ZEROS,
    /**
     * Uniform in {@code [-0.5/dim, 0.5/dim)}, as word2vec and fastText initialize the input vectors
     * {@code syn0}: small enough that the first updates, not the noise, decide the directions.
     */
    WORD2VEC_UNIFORM,
    /**
     * Normal with mean 0 and standard deviation {@code 1/sqrt(dim)}, the Transformer convention (fairseq,
     * T5, "Attention is all you need" with weights shared with the pre-softmax layer), so that a lookup times
     * {@code sqrt(dim)} has unit-variance components, on the same scale as the positional encoding.
     */
    NORMAL_SCALED,
    /**
     * Xavier (Glorot) uniform: uniform in {@code [-a, a)} with {@code a = sqrt(6 / (rows + dim))}, as PyTorch's
     * {@code xavier_uniform_} does for a {@code [rows, dim]} weight (fan-in {@code dim}, fan-out {@code rows}).
     */
    XAVIER_UNIFORM
}
