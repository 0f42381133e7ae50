package io.subword.pretokenize;

import static io.subword.pretokenize.CharClass.LETTER;
import static io.subword.pretokenize.CharClass.NEWLINE;
import static io.subword.pretokenize.CharClass.NUMBER;
import static io.subword.pretokenize.CharClass.OTHER;

/**
 * Hand-written matcher for cl100k_base's split pattern (also Llama 3's):
 * {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+}.
 */
final class Cl100kScanner {
    private Cl100kScanner() {
    }

    static void scan(CharSequence s, int start, int end, Spans out) {
        int i = start;
        while (i < end) {
            int j = next(s, i, end);
            assert j > i;
            out.add(i, j);
            i = j;
        }
    }

    static int next(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        if (c < 128 && c != '\'') {
            // English fast path, no code point decoding: a letter run, or one non-letter, non-number, non-newline
            // char and the letter run after it (" the", "(see"); anything else takes the general path below.
            int b = CharClass.of(c);
            if ((b & LETTER) != 0) {
                return CharClass.run(s, i + 1, end, LETTER);
            }
            if ((b & (NUMBER | NEWLINE)) == 0 && i + 1 < end) {
                char d = s.charAt(i + 1);
                if (d < 128 && (CharClass.of(d) & LETTER) != 0) {
                    return CharClass.run(s, i + 2, end, LETTER);
                }
            }
        }
        if (c == '\'') {
            int k = CharClass.contraction(s, i, end, true);
            if (k >= 0) {
                return k;
            }
        }
        int cp = CharClass.codePointAt(s, i, end);
        int b = CharClass.of(cp);
        if ((b & LETTER) != 0) {
            return CharClass.run(s, i, end, LETTER);
        }
        if ((b & (NUMBER | NEWLINE)) == 0) {
            // [^\r\n\p{L}\p{N}] followed by letters
            int n = i + Character.charCount(cp);
            if (n < end && (CharClass.of(CharClass.codePointAt(s, n, end)) & LETTER) != 0) {
                return CharClass.run(s, n, end, LETTER);
            }
        }
        if ((b & NUMBER) != 0) {
            return numbers(s, i, end, 3);
        }
        int from = -1;
        if ((b & OTHER) != 0) {
            from = i;
        } else if (c == ' ' && i + 1 < end
                && (CharClass.of(CharClass.codePointAt(s, i + 1, end)) & OTHER) != 0) {
            from = i + 1;
        }
        if (from >= 0) {
            int j = CharClass.run(s, from, end, OTHER);
            while (j < end && (s.charAt(j) == '\r' || s.charAt(j) == '\n')) {
                j++;
            }
            return j;
        }
        return CharClass.newlineOrSpace(s, i, end);
    }

    /** The end of at most {@code max} number code points from {@code i}. */
    static int numbers(CharSequence s, int i, int end, int max) {
        for (int k = 0; k < max && i < end; k++) {
            int cp = CharClass.codePointAt(s, i, end);
            if ((CharClass.of(cp) & NUMBER) == 0) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }
}
