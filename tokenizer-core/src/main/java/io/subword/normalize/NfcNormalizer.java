package io.subword.normalize;

/**
 * Hugging Face's {@code NFC} normalizer: Unicode normalization form NFC (canonical decomposition followed by canonical composition), with the
 * Unicode 9.0 tables Hugging Face tokenizers uses and its alignments (see {@link UnicodeForms}): every
 * character it emits points at the original characters it came from. Text the form leaves unchanged costs one
 * scan and comes back as it is. Immutable and thread-safe.
 */
public final class NfcNormalizer implements Normalizer {
    public static final NfcNormalizer INSTANCE = new NfcNormalizer();

    private NfcNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        return UnicodeForms.normalize(input, UnicodeForms.Form.NFC);
    }

    @Override
    public String toString() {
        return "NFC";
    }
}
