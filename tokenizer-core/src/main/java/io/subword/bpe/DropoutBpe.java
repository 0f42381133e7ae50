package io.subword.bpe;

import io.subword.model.Model;
import io.subword.model.SubwordSampling;
import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;

import java.util.SplittableRandom;

/**
 * A {@link Bpe} that merges with BPE-dropout when it is given a random stream (the tokenizer passes one per
 * encode, seeded from {@link SubwordSampling}); without one it is the plain model. Immutable and thread-safe.
 */
final class DropoutBpe implements Model {
    private final Bpe bpe;
    private final double dropout;

    DropoutBpe(Bpe bpe, double dropout) {
        this.bpe = bpe;
        this.dropout = dropout;
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out) {
        bpe.tokenize(text, start, end, out);
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out, SplittableRandom random) {
        if (random == null || dropout == 0) {
            bpe.tokenize(text, start, end, out);
        } else {
            bpe.tokenizeWithDropout(text, start, end, out, dropout, random);
        }
    }

    @Override
    public Model withSampling(SubwordSampling sampling) {
        return bpe.withSampling(sampling);
    }

    @Override
    public Vocabulary vocabulary() {
        return bpe.vocabulary();
    }

    @Override
    public int unknownId() {
        return bpe.unknownId();
    }

    @Override
    public String toString() {
        return bpe + " with dropout " + dropout;
    }
}
