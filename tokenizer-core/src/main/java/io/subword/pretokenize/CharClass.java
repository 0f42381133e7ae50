package io.subword.pretokenize;

/**
 * The character classes the GPT-2 / tiktoken split patterns test, as bit masks over code points, with the
 * meaning that {@code java.util.regex} gives them under {@code UNICODE_CHARACTER_CLASS} (the flag jtokkit
 * compiles its patterns with):
 * <ul>
 *   <li>{@code \p{L}} letters (Lu Ll Lt Lm Lo), {@code \p{N}} numbers (Nd Nl No), {@code \p{M}} marks;</li>
 *   <li>{@code \s} Unicode White_Space as Java computes it: Zs, Zl, Zp, U+0009..U+000D and U+0085;</li>
 *   <li>{@link #UPPERISH} {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]} and {@link #LOWERISH}
 *       {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]} from o200k.</li>
 * </ul>
 * ASCII is answered from a 128-entry table; everything else from {@link Character#getType(int)}, so the Unicode
 * version is the JVM's (the same tables jtokkit's regexes use). A lone surrogate is its own code point of type
 * Cs, as in {@code java.util.regex}.
 */
final class CharClass {
    static final int LETTER = 1;
    static final int NUMBER = 1 << 1;
    static final int SPACE = 1 << 2;
    static final int UPPERISH = 1 << 3;
    static final int LOWERISH = 1 << 4;
    /** Carriage return or line feed. */
    static final int NEWLINE = 1 << 5;
    /** {@code [^\s\p{L}\p{N}]}: neither space, letter nor number. */
    static final int OTHER = 1 << 6;

    private static final int[] ASCII = new int[128];
    private static final int[] BY_TYPE = new int[32];

    static {
        BY_TYPE[Character.UPPERCASE_LETTER] = LETTER | UPPERISH;
        BY_TYPE[Character.TITLECASE_LETTER] = LETTER | UPPERISH;
        BY_TYPE[Character.LOWERCASE_LETTER] = LETTER | LOWERISH;
        BY_TYPE[Character.MODIFIER_LETTER] = LETTER | UPPERISH | LOWERISH;
        BY_TYPE[Character.OTHER_LETTER] = LETTER | UPPERISH | LOWERISH;
        BY_TYPE[Character.NON_SPACING_MARK] = OTHER | UPPERISH | LOWERISH;
        BY_TYPE[Character.COMBINING_SPACING_MARK] = OTHER | UPPERISH | LOWERISH;
        BY_TYPE[Character.ENCLOSING_MARK] = OTHER | UPPERISH | LOWERISH;
        BY_TYPE[Character.DECIMAL_DIGIT_NUMBER] = NUMBER;
        BY_TYPE[Character.LETTER_NUMBER] = NUMBER;
        BY_TYPE[Character.OTHER_NUMBER] = NUMBER;
        BY_TYPE[Character.SPACE_SEPARATOR] = SPACE;
        BY_TYPE[Character.LINE_SEPARATOR] = SPACE;
        BY_TYPE[Character.PARAGRAPH_SEPARATOR] = SPACE;
        for (int t = 0; t < BY_TYPE.length; t++) {
            if (BY_TYPE[t] == 0) {
                BY_TYPE[t] = OTHER;
            }
        }
        for (int c = 0; c < 128; c++) {
            ASCII[c] = slow(c);
        }
    }

    private CharClass() {
    }

    private static int slow(int cp) {
        if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x85) {
            return cp == '\r' || cp == '\n' ? SPACE | NEWLINE : SPACE;
        }
        return BY_TYPE[Character.getType(cp)];
    }

    /** The class bits of code point {@code cp}. */
    static int of(int cp) {
        return cp < 128 ? ASCII[cp] : slow(cp);
    }

    /**
     * The code point at {@code i}, pairing surrogates only inside {@code [i, end)}: the scanners treat the end of
     * their range as the end of the text, as the reference does when it runs on that slice.
     */
    static int codePointAt(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < end) {
            char d = s.charAt(i + 1);
            if (Character.isLowSurrogate(d)) {
                return Character.toCodePoint(c, d);
            }
        }
        return c;
    }

    /** The end of the run of code points from {@code i} that have any of {@code mask}'s bits. */
    static int run(CharSequence s, int i, int end, int mask) {
        while (i < end) {
            char c = s.charAt(i);
            if (c < 128) {
                if ((ASCII[c] & mask) == 0) {
                    return i;
                }
                i++;
            } else {
                int cp = codePointAt(s, i, end);
                if ((slow(cp) & mask) == 0) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    /**
     * {@code s[i, end)} starts with one of {@code 's 't 're 've 'm 'll 'd} ({@code s.charAt(i)} is the apostrophe):
     * the end of the contraction, or -1. Case-insensitively as {@code java.util.regex} compares under
     * {@code (?i)} with Unicode case (so {@code 'S} and {@code 'ſ} count); U+2019 is not an apostrophe here.
     */
    static int contraction(CharSequence s, int i, int end, boolean ignoreCase) {
        assert s.charAt(i) == '\'';
        if (i + 1 >= end) {
            return -1;
        }
        char a = fold(s.charAt(i + 1), ignoreCase);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') {
            return i + 2;
        }
        if (i + 2 >= end) {
            return -1;
        }
        char b = fold(s.charAt(i + 2), ignoreCase);
        if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) {
            return i + 3;
        }
        return -1;
    }

    private static char fold(char c, boolean ignoreCase) {
        if (!ignoreCase) {
            return c;
        }
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        // Java's Unicode case-insensitive literal match: toLowerCase(toUpperCase(c)); maps U+017F to 's'.
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** End of the whitespace run starting at {@code i}; all whitespace is in the BMP. */
    static int spaceRun(CharSequence s, int i, int end) {
        while (i < end && (of(s.charAt(i)) & SPACE) != 0) {
            i++;
        }
        return i;
    }

    /**
     * The piece {@code \s+(?!\S)|\s+} takes from the whitespace run {@code [i, j)}: the whole run at the end of
     * the text, else the run minus its last character (which the next piece gets), else the single character.
     */
    static int spaceTail(int i, int j, int end) {
        if (j == end || j - i == 1) {
            return j;
        }
        return j - 1;
    }

    /**
     * The piece {@code \s*[\r\n]+|\s+(?!\S)|\s+} takes at whitespace position {@code i}: up to and including
     * the last CR or LF of the run when there is one, else as {@link #spaceTail}.
     */
    static int newlineOrSpace(CharSequence s, int i, int end) {
        int j = spaceRun(s, i, end);
        for (int k = j - 1; k >= i; k--) {
            char c = s.charAt(k);
            if (c == '\n' || c == '\r') {
                return k + 1;
            }
        }
        return spaceTail(i, j, end);
    }
}
