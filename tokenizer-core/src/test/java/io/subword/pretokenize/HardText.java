package io.subword.pretokenize;

import java.util.Random;

/** Seeded random strings built from the characters that split patterns treat differently. */
final class HardText {
    /** Pieces to draw from: every class the patterns test, in several scripts, BMP and supplementary. */
    private static final String[] PIECES = {
        // ASCII
        "a", "Z", "hello", "World", "HELLO", "x", "7", "42", "12345678", " ", "  ", "\t", "\n", "\r", "\r\n",
        "\u000B", "\f", ".", ",", "!", "?", "/", "//", "\\", "-", "_", "(", ")", "\"", "#", "$", "%", "&", "*", "+",
        "<", "=", ">", "@", "[", "]", "^", "`", "{", "|", "}", "~",
        // apostrophes and contractions
        "'", "'s", "'S", "'t", "'T", "'re", "'RE", "'rE", "'ve", "'Ve", "'m", "'M", "'ll", "'LL", "'lL", "'d", "'D",
        "'x", "''", "\u2019s", "\u2019", "'\u017F", "\u017F", "'\u212A", "'\u0130", "'\u0131", "'\u1E9B",
        // Latin-1 and beyond
        "\u00E9", "\u00DF", "\u00C9T\u00C9", "\u00AA", "\u00BA", "\u00B5", "\u00D7", "\u00F7", "\u00AD",
        // titlecase, modifier letters, other letters
        "\u01C5", "\u1F88", "\u02B0", "\u02C6", "\u3005", "\u3041", "\u30A2", "\u4E2D\u6587", "\uAC00", "\u05D0",
        "\u0627\u0644", "\u0E01", "\u1100",
        // Greek, Cyrillic
        "\u03A9\u03C9", "\u03C3\u03C2", "\u0416\u0436", "\u041F\u0420\u0418",
        // marks: Mn, Mc, Me, and base + mark
        "\u0301", "\u0903", "\u20DD", "e\u0301", "E\u0301", "\u0915\u094D\u0937", "\u0E31", "\u093F",
        // numbers: Nd, Nl, No, non-ASCII digits
        "\u0663", "\u0661\u0662\u0663\u0664", "\u216B", "\u00BD", "\u00B2", "\u0967", "\uFF11", "\u2460",
        // whitespace of every kind
        "\u0085", "\u00A0", "\u1680", "\u2000", "\u2007", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F",
        "\u3000",
        // not whitespace though space-like: zero-width space, Mongolian vowel separator, ZWJ, BOM
        "\u200B", "\u180E", "\u200D", "\uFEFF",
        // symbols and punctuation
        "\u20AC", "\u00A9", "\u201C", "\u201D", "\u00AB", "\u2014", "\u2026", "\u3002", "\uFF01",
        // emoji and supplementary characters
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "\uD83C\uDDFA\uD83C\uDDF8", "\u2764\uFE0F", "\uD835\uDC00", "\uD835\uDC1A", "\uD801\uDC00", "\uD801\uDC28",
        "\uD840\uDC00", "\uD835\uDFD9", "\uD800\uDD07", "\uD834\uDD65", "\uD802\uDE0D",
        // lone surrogates
        "\uD800", "\uDC00", "\uDBFF", "\uDFFF",
    };

    private HardText() {
    }

    /** A string of up to {@code maxPieces} pieces, sometimes with a random code point or a long run. */
    static String next(Random random, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                sb.appendCodePoint(randomCodePoint(random));
            } else if (kind == 1) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                sb.append(piece.repeat(1 + random.nextInt(8)));
            } else {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }

    private static int randomCodePoint(Random random) {
        while (true) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x3000);
            if (Character.isDefined(cp) || random.nextBoolean()) {
                return cp;
            }
        }
    }
}
