package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;

/**
 * Splits normalized text into words, the units the model tokenizes one at a time. Immutable and
 * thread-safe.
 */
public interface PreTokenizer {
    /**
     * Appends to {@code out}, in order, the words of {@code text[start, end)} as ranges of {@code text}.
     * Ranges are non-empty, do not overlap and never go backwards.
     */
    void split(CharSequence text, int start, int end, Spans out);

    /**
     * A transform the pre-tokenizer makes before splitting (Hugging Face's ByteLevel {@code add_prefix_space}
     * and Metaspace insert a character); most pre-tokenizers leave the text as it is.
     */
    default NormalizedText prepare(NormalizedText text) {
        return text;
    }

    /**
     * Whether this pre-tokenizer is or contains Hugging Face's ByteLevel step, which hands the model bytes rather
     * than characters (here the model reads the bytes itself; see {@link io.subword.model.Model#readingBytes}).
     */
    default boolean isByteLevel() {
        return false;
    }
}
