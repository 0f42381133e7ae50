package io.subword.normalize;

import java.util.List;

/**
 * Hugging Face's normalizer {@code Sequence}: the normalizers applied one after another. Immutable.
 *
 * @param normalizers the steps, in order
 */
public record NormalizerSequence(List<Normalizer> normalizers) implements Normalizer {
    public NormalizerSequence {
        normalizers = List.copyOf(normalizers);
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        NormalizedText text = input;
        for (Normalizer n : normalizers) {
            text = n.normalize(text);
        }
        return text;
    }
}
