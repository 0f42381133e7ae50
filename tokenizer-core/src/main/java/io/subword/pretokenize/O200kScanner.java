package io.subword.pretokenize;

import static io.subword.pretokenize.CharClass.LETTER;
import static io.subword.pretokenize.CharClass.LOWERISH;
import static io.subword.pretokenize.CharClass.NEWLINE;
import static io.subword.pretokenize.CharClass.NUMBER;
import static io.subword.pretokenize.CharClass.OTHER;
import static io.subword.pretokenize.CharClass.UPPERISH;

/**
 * Hand-written matcher for o200k_base's split pattern, the alternatives
 * <pre>
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * \p{N}{1,3}
 *  ?[^\s\p{L}\p{N}]+[\r\n/]*
 * \s*[\r\n]+
 * \s+(?!\S)
 * \s+
 * </pre>
 * tried in this order with the backtracking of a Perl-style engine: in the first alternative the greedy
 * upper-case run gives characters back until one of them (a modifier or other letter, or a mark, which are in
 * both classes) can start the lower-case run.
 */
final class O200kScanner {
    private O200kScanner() {
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
        char c0 = s.charAt(i);
        if (c0 < 128) {
            // English fast path, no code point decoding: an ASCII lower-case letter starts W+ directly (no U*
            // before it), with or without one prefix char (" the", "(see"); the rest takes the general path.
            int b = CharClass.of(c0);
            int w = -1;
            if ((b & LOWERISH) != 0) {
                w = i + 1;
            } else if ((b & (LETTER | NUMBER | NEWLINE)) == 0 && i + 1 < end) {
                char d = s.charAt(i + 1);
                if (d < 128 && (CharClass.of(d) & LOWERISH) != 0) {
                    w = i + 2;
                }
            }
            if (w >= 0) {
                return suffix(s, CharClass.run(s, w, end, LOWERISH), end);
            }
        }
        int cp = CharClass.codePointAt(s, i, end);
        int b = CharClass.of(cp);
        boolean prefix = (b & (LETTER | NUMBER | NEWLINE)) == 0;
        int afterPrefix = i + Character.charCount(cp);
        if (prefix || (b & (UPPERISH | LOWERISH)) != 0) {
            int j = prefix && afterPrefix < end ? lowerWord(s, afterPrefix, end) : -1;
            if (j < 0) {
                j = lowerWord(s, i, end);
            }
            if (j < 0 && prefix && afterPrefix < end) {
                j = upperWord(s, afterPrefix, end);
            }
            if (j < 0) {
                j = upperWord(s, i, end);
            }
            if (j >= 0) {
                return j;
            }
        }
        if ((b & NUMBER) != 0) {
            return Cl100kScanner.numbers(s, i, end, 3);
        }
        char c = s.charAt(i);
        int from = -1;
        if ((b & OTHER) != 0) {
            from = i;
        } else if (c == ' ' && i + 1 < end
                && (CharClass.of(CharClass.codePointAt(s, i + 1, end)) & OTHER) != 0) {
            from = i + 1;
        }
        if (from >= 0) {
            int j = CharClass.run(s, from, end, OTHER);
            while (j < end && (s.charAt(j) == '\r' || s.charAt(j) == '\n' || s.charAt(j) == '/')) {
                j++;
            }
            return j;
        }
        return CharClass.newlineOrSpace(s, i, end);
    }

    /**
     * {@code U*W+C?} from {@code p}: the end of the match, or -1. {@code U*} takes the whole upper run, then gives
     * back characters until a lower-class one can start {@code W+}.
     */
    private static int lowerWord(CharSequence s, int p, int end) {
        int i = p;
        int lastLowerEnd = -1;
        while (i < end) {
            int cp = CharClass.codePointAt(s, i, end);
            int b = CharClass.of(cp);
            int n = i + Character.charCount(cp);
            if ((b & UPPERISH) == 0) {
                if ((b & LOWERISH) != 0) {
                    return suffix(s, CharClass.run(s, n, end, LOWERISH), end);
                }
                break;
            }
            if ((b & LOWERISH) != 0) {
                lastLowerEnd = n;
            }
            i = n;
        }
        // The character after the upper run cannot start W+: back off to the last one in the run that can. W+
        // then holds just that character, since the one after it is not in the lower class.
        return lastLowerEnd < 0 ? -1 : suffix(s, lastLowerEnd, end);
    }

    /** {@code U+W*C?} from {@code p}: the end of the match, or -1. */
    private static int upperWord(CharSequence s, int p, int end) {
        int u = CharClass.run(s, p, end, UPPERISH);
        if (u == p) {
            return -1;
        }
        return suffix(s, CharClass.run(s, u, end, LOWERISH), end);
    }

    /** The optional contraction after a word ending at {@code j}. */
    private static int suffix(CharSequence s, int j, int end) {
        if (j < end && s.charAt(j) == '\'') {
            int k = CharClass.contraction(s, j, end, true);
            if (k >= 0) {
                return k;
            }
        }
        return j;
    }
}
