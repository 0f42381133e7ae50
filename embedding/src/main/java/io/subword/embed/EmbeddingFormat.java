package io.subword.embed;

import java.nio.file.Path;
import java.util.Locale;

/** The embedding file formats that {@link EmbeddingFiles} reads and writes. */
public enum EmbeddingFormat {
    /** word2vec text ({@code .vec}): a {@code "<rows> <dim>"} header line, then {@code token v1 ... vdim} per line. */
    WORD2VEC_TEXT,
    /**
     * word2vec binary ({@code .bin}): a {@code "<rows> <dim>\n"} header, then per row the UTF-8 token, a space,
     * {@code dim} little-endian float32 and a newline, as gensim's {@code load_word2vec_format(binary=True)} reads.
     */
    WORD2VEC_BINARY,
    /**
     * A NumPy {@code .npy} (format 1.0) {@code float32} C-order matrix of shape {@code (rows, dim)}, with the tokens
     * of its rows one per line in a sibling file ({@link EmbeddingFiles#tokenListFor}).
     */
    NPY;

    /**
     * The format a file name says: {@code .vec} or {@code .txt} for {@link #WORD2VEC_TEXT}, {@code .bin} for
     * {@link #WORD2VEC_BINARY}, {@code .npy} for {@link #NPY} (case-insensitive).
     *
     * @throws IllegalArgumentException for another extension, naming the file
     */
    public static EmbeddingFormat forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".vec") || name.endsWith(".txt")) {
            return WORD2VEC_TEXT;
        }
        if (name.endsWith(".bin")) {
            return WORD2VEC_BINARY;
        }
        if (name.endsWith(".npy")) {
            return NPY;
        }
        throw new IllegalArgumentException("cannot tell the embedding format of " + file
                + " (expected .vec, .txt, .bin or .npy)");
    }
}
