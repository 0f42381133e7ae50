package io.subword.normalize;

/**
 * One normalization step (clean up, lowercase, strip accents, Unicode normalization forms ...).
 * Implementations are immutable and thread-safe, and keep the alignment of every unit they emit
 * (see {@link NormalizedText.Builder}).
 */
@FunctionalInterface
public interface Normalizer {
    /** The normalized form of {@code input}; may return {@code input} itself when nothing changes. */
    NormalizedText normalize(NormalizedText input);
}
