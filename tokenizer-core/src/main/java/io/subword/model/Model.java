package io.subword.model;

import io.subword.pretokenize.Spans;
import io.subword.vocab.Vocabulary;

import java.util.SplittableRandom;

/**
 * Turns one word into token ids (WordPiece, BPE, WordLevel, Unigram). Immutable and thread-safe; per-thread
 * scratch state lives inside the implementation.
 */
public interface Model {
    /**
     * Appends the tokens of the word {@code text[start, end)} to {@code out}, each with its range in
     * {@code text}. Never throws on any text: what the vocabulary cannot cover becomes the unknown token
     * (or bytes, for byte-level and byte-fallback models).
     */
    void tokenize(CharSequence text, int start, int end, TokenBuffer out);

    /**
     * Tokenizes every word of {@code words} in order, as {@link #tokenize(CharSequence, int, int, TokenBuffer)}
     * does one by one, appending to {@code out}; unless {@code wordEnds} is {@code null}, sets
     * {@code wordEnds[w]} to {@code out.size()} after word {@code w} (so word {@code w}'s tokens are
     * {@code [wordEnds[w - 1], wordEnds[w])}). A model overrides it to fetch its per-thread state once per call
     * instead of once per word, which on English text (a few chars a word) is a measurable share of the time.
     *
     * @param wordEnds {@code null}, or at least {@code words.size()} long
     */
    default void tokenize(CharSequence text, Spans words, TokenBuffer out, int[] wordEnds) {
        for (int w = 0; w < words.size(); w++) {
            tokenize(text, words.start(w), words.end(w), out);
            if (wordEnds != null) {
                wordEnds[w] = out.size();
            }
        }
    }

    /**
     * As {@link #tokenize(CharSequence, int, int, TokenBuffer)}, drawing a segmentation with {@code random}
     * when this model samples (see {@link #withSampling}); models that do not sample ignore {@code random}.
     */
    default void tokenize(CharSequence text, int start, int end, TokenBuffer out, SplittableRandom random) {
        tokenize(text, start, end, out);
    }

    /**
     * A copy of this model that samples segmentations as {@code sampling} says (subword regularization), or
     * that does not sample for {@code null}.
     *
     * @throws IllegalArgumentException if this model does not support that kind of sampling
     */
    default Model withSampling(SubwordSampling sampling) {
        if (sampling == null) {
            return this;
        }
        throw new IllegalArgumentException(getClass().getSimpleName() + " does not support " + sampling);
    }

    /** The model's vocabulary: ids to tokens and back. */
    Vocabulary vocabulary();

    /** The id of the unknown token (SentencePiece's {@code unk_piece}), or -1 if the model has none. */
    default int unknownId() {
        return -1;
    }

    /** Whether this model reads the UTF-8 bytes of a word (byte-level BPE), so that its tokens are byte characters. */
    default boolean isByteLevel() {
        return false;
    }

    /**
     * This model as it works behind a pre-tokenizer that turns text into bytes (Hugging Face's ByteLevel): a BPE
     * reads the UTF-8 bytes of each word itself, so it becomes its byte-level copy; a model that cannot read bytes
     * returns itself. {@link io.subword.Tokenizer.Builder#build} applies it, so that a pipeline means the same built
     * in code as loaded from a tokenizer.json.
     */
    default Model readingBytes() {
        return this;
    }

    /**
     * What kind of model this is, as tokenizer.json's {@code "type"} names it ({@code BPE}, {@code WordPiece},
     * {@code WordLevel}, {@code Unigram}), for formats that hold only one kind and for messages.
     */
    default String type() {
        return getClass().getSimpleName();
    }
}
