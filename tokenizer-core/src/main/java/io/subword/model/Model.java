package io.subword.model;

import io.subword.vocab.Vocabulary;

/**
 * Turns one word into token ids (WordPiece, BPE, WordLevel). Immutable and thread-safe; per-thread scratch
 * state lives inside the implementation.
 */
public interface Model {
    /**
     * Appends the tokens of the word {@code text[start, end)} to {@code out}, each with its range in
     * {@code text}. Never throws on any text: what the vocabulary cannot cover becomes the unknown token
     * (or bytes, for byte-level and byte-fallback models).
     */
    void tokenize(CharSequence text, int start, int end, TokenBuffer out);

    /** The model's vocabulary: ids to tokens and back. */
    Vocabulary vocabulary();
}
