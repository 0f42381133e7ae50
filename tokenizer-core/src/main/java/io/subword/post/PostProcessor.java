package io.subword.post;

import io.subword.Encoding;

/**
 * Adds the special tokens a model expects around one text or a pair ({@code [CLS] A [SEP] B [SEP]}) and sets
 * type ids. Immutable and thread-safe.
 */
public interface PostProcessor {
    /** How many special tokens {@link #process} adds for one text or for a pair; truncation leaves room. */
    int addedTokens(boolean pair);

    /**
     * The final encoding of {@code first} and, for a pair, {@code second} (else {@code null}). With
     * {@code addSpecialTokens} false only type ids and sequence ids are set. Overflowing parts of the inputs
     * are processed the same way and kept as the result's overflowing parts.
     */
    Encoding process(Encoding first, Encoding second, boolean addSpecialTokens);
}
