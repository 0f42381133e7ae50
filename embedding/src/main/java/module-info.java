/**
 * Embeddings of subword tokens: {@link io.subword.embed.EmbeddingTable}, the skip-gram trainer, positional
 * encodings, pooling, and the embedding file formats.
 *
 * <p>The skip-gram kernel uses the Vector API when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, and plain loops otherwise; hence {@code requires static}.
 */
module io.subword.embed {
    requires transitive io.subword.core;
    requires io.subword.vocab;
    requires static jdk.incubator.vector;

    exports io.subword.embed;
}
