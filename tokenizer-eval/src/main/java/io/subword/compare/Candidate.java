package io.subword.compare;

import io.subword.Tokenizer;
import io.subword.vocab.Require;

import java.util.Objects;

/**
 * One tokenizer to compare: the model it stands for ({@code wordpiece}, {@code bpe}, {@code word}, or a file
 * name), the vocabulary size it was made for (the x of the charts), and the tokenizer.
 *
 * @param model     the series it belongs to in charts and tables
 * @param vocabSize the vocabulary size asked for (a trained vocabulary may come out smaller on a small corpus)
 * @param tokenizer the tokenizer
 */
public record Candidate(String model, int vocabSize, Tokenizer tokenizer) {
    public Candidate {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Require.atLeast("vocabSize", vocabSize, 1);
    }

    /** A tokenizer as it is: its vocabulary size is its own. */
    public static Candidate of(String model, Tokenizer tokenizer) {
        return new Candidate(model, tokenizer.vocabulary().tokenCount(), tokenizer);
    }

    /** {@code wordpiece 4k}, {@code bpe 1000}. */
    public String label() {
        return model + " " + Sizes.compact(vocabSize);
    }
}
