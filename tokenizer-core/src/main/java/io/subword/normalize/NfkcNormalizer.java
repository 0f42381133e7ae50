package io.subword.normalize;

/**
 * Hugging Face's {@code NFKC} normalizer: Unicode normalization form NFKC (compatibility decomposition followed by canonical composition), with the
 * Unicode 9.0 tables Hugging Face tokenizers uses and its alignments (see {@link UnicodeForms}): every
 * character it emits points at the original characters it came from. Text the form leaves unchanged costs one
 * scan and comes back as it is. Immutable and thread-safe.
 */
public final class NfkcNormalizer implements Normalizer {
    public static final NfkcNormalizer INSTANCE = new NfkcNormalizer();

    private NfkcNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        return UnicodeForms.normalize(input, UnicodeForms.Form.NFKC);
    }

    @Override
    public String toString() {
        return "NFKC";
    }
}
