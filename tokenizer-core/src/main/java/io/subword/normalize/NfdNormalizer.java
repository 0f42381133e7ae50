package io.subword.normalize;

/**
 * Hugging Face's {@code NFD} normalizer: Unicode normalization form NFD (canonical decomposition), with the
 * Unicode 9.0 tables Hugging Face tokenizers uses and its alignments (see {@link UnicodeForms}): every
 * character it emits points at the original characters it came from. Text the form leaves unchanged costs one
 * scan and comes back as it is. Immutable and thread-safe.
 */
public final class NfdNormalizer implements Normalizer {
    public static final NfdNormalizer INSTANCE = new NfdNormalizer();

    private NfdNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        return UnicodeForms.normalize(input, UnicodeForms.Form.NFD);
    }

    @Override
    public String toString() {
        return "NFD";
    }
}
