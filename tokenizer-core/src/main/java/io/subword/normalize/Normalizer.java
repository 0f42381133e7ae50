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

    /**
     * The normalized text of {@code s} alone, without the alignment to the original: exactly
     * {@code normalize(NormalizedText.of(s)).text()}, for callers that never map back (word counting for
     * training). Normalizers whose alignment costs time override it with a path that does not build it.
     */
    default String normalizeText(String s) {
        return normalize(NormalizedText.of(s)).text();
    }
}
