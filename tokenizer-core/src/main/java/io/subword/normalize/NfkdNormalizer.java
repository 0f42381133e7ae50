package io.subword.normalize;

/**
 * Hugging Face's {@code NFKD} normalizer: Unicode normalization form NFKD (compatibility decomposition), with the
 * Unicode 9.0 tables Hugging Face tokenizers uses and its alignments (see {@link UnicodeForms}): every
 * character it emits points at the original characters it came from. Text the form leaves unchanged costs one
 * scan and comes back as it is. Immutable and thread-safe.
 */
public final class NfkdNormalizer implements Normalizer {
    public static final NfkdNormalizer INSTANCE = new NfkdNormalizer();

    private NfkdNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        return UnicodeForms.normalize(input, UnicodeForms.Form.NFKD);
    }

    @Override
    public String toString() {
        return "NFKD";
    }
}
