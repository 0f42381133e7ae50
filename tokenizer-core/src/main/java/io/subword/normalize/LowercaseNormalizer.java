package io.subword.normalize;

/**
 * Hugging Face's {@code Lowercase} normalizer: every code point to its full lowercase as Rust's
 * {@code char::to_lowercase} (the Unicode version of the reference, see {@link CharClasses#toLowerCase}), with
 * no context rule (a final capital sigma becomes σ). U+0130 becomes two characters, "i" and U+0307, both
 * aligned with it. Immutable and thread-safe.
 */
public final class LowercaseNormalizer implements Normalizer {
    public static final LowercaseNormalizer INSTANCE = new LowercaseNormalizer();

    private LowercaseNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String s = input.text();
        int n = s.length();
        char[] out = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) || c == '\u0130') {
                return general(input);
            }
            char m = CharClasses.lowerBmp(c);
            if (m != c && out == null) {
                out = s.toCharArray();
            }
            if (out != null) {
                out[i] = m;
            }
        }
        // one unit for one unit: the alignment stays
        return out == null ? input : input.withSameAlignment(new String(out));
    }

    private static NormalizedText general(NormalizedText input) {
        Transform t = new Transform(input);
        while (t.hasInput()) {
            int cp = t.peek();
            if (cp == 0x130) {
                t.replace('i', 0);
                t.insert(0x307);
            } else {
                t.replace(Character.isSurrogate((char) cp) ? cp : CharClasses.toLowerCase(cp), 0);
            }
        }
        return t.build();
    }

    @Override
    public String toString() {
        return "Lowercase";
    }
}
