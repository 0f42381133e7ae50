package io.subword.normalize;

/**
 * Hugging Face's {@code Nmt} normalizer (SentencePiece's NMT rules): removes the control characters
 * U+0001–U+0008, U+000B, U+000E–U+001F, U+007F, U+008F and U+009F, then maps tab, LF, form feed, CR, U+1680,
 * U+200B–U+200F, U+2028, U+2029, U+2581, U+FEFF and U+FFFD to a space. Every character kept keeps its alignment.
 * Immutable and thread-safe.
 */
public final class NmtNormalizer implements Normalizer {
    public static final NmtNormalizer INSTANCE = new NmtNormalizer();

    private NmtNormalizer() {
    }

    static boolean removed(char c) {
        return c >= 0x01 && c <= 0x08 || c == 0x0B || c >= 0x0E && c <= 0x1F || c == 0x7F || c == 0x8F || c == 0x9F;
    }

    static boolean toSpace(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x1680 || c >= 0x200B && c <= 0x200F
                || c == 0x2028 || c == 0x2029 || c == 0x2581 || c == 0xFEFF || c == 0xFFFD;
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String s = input.text();
        int n = s.length();
        boolean anyRemoved = false;
        boolean anyMapped = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            anyRemoved |= removed(c);
            anyMapped |= toSpace(c);
        }
        if (!anyRemoved && !anyMapped) {
            return input;
        }
        if (!anyRemoved) {
            char[] out = s.toCharArray();
            for (int i = 0; i < n; i++) {
                if (toSpace(out[i])) {
                    out[i] = ' ';
                }
            }
            return input.withSameAlignment(new String(out));
        }
        // all the characters involved are BMP, so units are removed or mapped one at a time
        NormalizedText.Builder b = input.builder();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (removed(c)) {
                continue;
            }
            b.append(toSpace(c) ? ' ' : c, input.originalStart(i), input.originalEnd(i));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "Nmt";
    }
}
