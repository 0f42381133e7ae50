package io.subword.normalize;

/**
 * Hugging Face's {@code StripAccents} normalizer: removes every combining mark (General_Category Mark, Mn, Mc
 * or Me, of Unicode 9.0 as the reference's tables have it). It does not decompose first: put an {@code NFD}
 * or {@code NFKD} before it to strip the accents of precomposed letters. The characters kept keep their
 * alignment. Immutable and thread-safe.
 */
public final class StripAccentsNormalizer implements Normalizer {
    public static final StripAccentsNormalizer INSTANCE = new StripAccentsNormalizer();

    private StripAccentsNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String s = input.text();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (HfUnicode.isCombiningMark(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return input;
        }
        NormalizedText.Builder b = input.builder();
        for (int j = 0; j < i; j++) {
            b.copy(input, j);
        }
        while (i < n) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (!HfUnicode.isCombiningMark(cp)) {
                for (int j = i; j < i + len; j++) {
                    b.copy(input, j);
                }
            }
            i += len;
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "StripAccents";
    }
}
