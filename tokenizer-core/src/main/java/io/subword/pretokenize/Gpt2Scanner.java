package io.subword.pretokenize;

import static io.subword.pretokenize.CharClass.LETTER;
import static io.subword.pretokenize.CharClass.NUMBER;
import static io.subword.pretokenize.CharClass.OTHER;

/**
 * Hand-written matcher for GPT-2's split pattern (also r50k_base and p50k_base):
 * {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}. Every character is
 * matched by some alternative, so the pieces tile the range.
 */
final class Gpt2Scanner {
    private Gpt2Scanner() {
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

    /** The end of the piece that starts at {@code i}. */
    static int next(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        // English fast path, no code point decoding: an ASCII letter run, with the space before it if any.
        if (c < 128 && (CharClass.of(c) & LETTER) != 0) {
            return CharClass.run(s, i + 1, end, LETTER);
        }
        if (c == ' ' && i + 1 < end) {
            char d = s.charAt(i + 1);
            if (d < 128 && (CharClass.of(d) & LETTER) != 0) {
                return CharClass.run(s, i + 2, end, LETTER);
            }
        }
        if (c == '\'') {
            int k = CharClass.contraction(s, i, end, false);
            if (k >= 0) {
                return k;
            }
        }
        if (c == ' ' && i + 1 < end) {
            // ' ?' followed by a letter, number or other run.
            int b = CharClass.of(CharClass.codePointAt(s, i + 1, end));
            if ((b & LETTER) != 0) {
                return CharClass.run(s, i + 1, end, LETTER);
            }
            if ((b & NUMBER) != 0) {
                return CharClass.run(s, i + 1, end, NUMBER);
            }
            if ((b & OTHER) != 0) {
                return CharClass.run(s, i + 1, end, OTHER);
            }
        }
        int b = CharClass.of(CharClass.codePointAt(s, i, end));
        if ((b & LETTER) != 0) {
            return CharClass.run(s, i, end, LETTER);
        }
        if ((b & NUMBER) != 0) {
            return CharClass.run(s, i, end, NUMBER);
        }
        if ((b & OTHER) != 0) {
            return CharClass.run(s, i, end, OTHER);
        }
        return CharClass.spaceTail(i, CharClass.spaceRun(s, i, end), end);
    }
}
