package io.subword.normalize;

/**
 * Hugging Face's {@code Strip} normalizer: removes White_Space characters (Rust's {@code char::is_whitespace})
 * from the left and/or right end. The characters kept keep their alignment. Immutable and thread-safe.
 *
 * @param left  strip the start
 * @param right strip the end
 */
public record StripNormalizer(boolean left, boolean right) implements Normalizer {
    /** Strips both ends (Hugging Face's {@code Strip} defaults). */
    public static StripNormalizer bothEnds() {
        return new StripNormalizer(true, true);
    }

    /** Strips the start only ({@code LStrip}). */
    public static StripNormalizer startOnly() {
        return new StripNormalizer(true, false);
    }

    /** Strips the end only ({@code RStrip}). */
    public static StripNormalizer endOnly() {
        return new StripNormalizer(false, true);
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String s = input.text();
        int from = 0;
        int to = s.length();
        if (left) {
            while (from < to) {
                int cp = s.codePointAt(from);
                if (!CharClasses.isWhitespace(cp)) {
                    break;
                }
                from += Character.charCount(cp);
            }
        }
        if (right) {
            while (to > from) {
                int cp = s.codePointBefore(to);
                if (!CharClasses.isWhitespace(cp)) {
                    break;
                }
                to -= Character.charCount(cp);
            }
        }
        return input.slice(from, to);
    }
}
