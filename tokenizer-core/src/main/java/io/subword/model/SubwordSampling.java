package io.subword.model;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Subword regularization for model code that trains with it: instead of the one best segmentation, each
 * encode draws one at random. Two kinds, each for its model:
 * <ul>
 *   <li>{@link #unigram}: SentencePiece's sampling for Unigram models (Kudo 2018), with {@code alpha} the
 *       smoothing (inverse temperature) and {@code nbestSize} as SentencePiece has it: below 0, sample from
 *       all segmentations (forward-filtering backward-sampling over the lattice); 0 or 1, no sampling (the
 *       best segmentation); above 1, sample from the {@code nbestSize} best;</li>
 *   <li>{@link #bpeDropout}: BPE-dropout (Provilkov et al. 2020), each merge skipped with probability
 *       {@code p}, as Hugging Face's {@code dropout}.</li>
 * </ul>
 * Draws are deterministic: the random stream of one encode is seeded from {@link #seed()} and the text, so
 * the same text gives the same segmentation for the same seed, whatever the thread or batch; for a new draw
 * per epoch use {@link #withSeed}. Immutable.
 */
public final class SubwordSampling {
    /** Which regularization. */
    public enum Kind { UNIGRAM, BPE_DROPOUT }

    private final Kind kind;
    private final double alpha;
    private final int nbestSize;
    private final double dropout;
    private final long seed;

    private SubwordSampling(Kind kind, double alpha, int nbestSize, double dropout, long seed) {
        this.kind = kind;
        this.alpha = alpha;
        this.nbestSize = nbestSize;
        this.dropout = dropout;
        this.seed = seed;
    }

    /**
     * Unigram sampling.
     *
     * @throws IllegalArgumentException if {@code alpha} is not finite and non-negative
     */
    public static SubwordSampling unigram(double alpha, int nbestSize, long seed) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        return new SubwordSampling(Kind.UNIGRAM, alpha, nbestSize, 0, seed);
    }

    /**
     * BPE-dropout with probability {@code p} per merge.
     *
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public static SubwordSampling bpeDropout(double p, long seed) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1], got " + p);
        }
        return new SubwordSampling(Kind.BPE_DROPOUT, 0, 0, p, seed);
    }

    /** The same sampling with another seed (e.g. the epoch number). */
    public SubwordSampling withSeed(long seed) {
        return new SubwordSampling(kind, alpha, nbestSize, dropout, seed);
    }

    public Kind kind() {
        return kind;
    }

    public double alpha() {
        return alpha;
    }

    public int nbestSize() {
        return nbestSize;
    }

    public double dropout() {
        return dropout;
    }

    public long seed() {
        return seed;
    }

    /** The random stream for encoding {@code text}: a function of the seed and the text only. */
    public SplittableRandom randomFor(CharSequence text) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return new SplittableRandom(h ^ (h >>> 29));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubwordSampling s && s.kind == kind && s.alpha == alpha && s.nbestSize == nbestSize
                && s.dropout == dropout && s.seed == seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, alpha, nbestSize, dropout, seed);
    }

    @Override
    public String toString() {
        return kind == Kind.UNIGRAM
                ? "SubwordSampling[unigram alpha=" + alpha + " nbest=" + nbestSize + " seed=" + seed + "]"
                : "SubwordSampling[bpe dropout=" + dropout + " seed=" + seed + "]";
    }
}
