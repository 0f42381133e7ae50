package io.subword.pretokenize;

import io.subword.normalize.CharClasses;

/**
 * Hugging Face's {@code WhitespaceSplit}: the runs of text between whitespace (White_Space, as Rust's
 * {@code char::is_whitespace}); the whitespace is dropped. Stateless; use {@link #INSTANCE}.
 */
public final class WhitespaceSplit implements PreTokenizer {
    public static final WhitespaceSplit INSTANCE = new WhitespaceSplit();

    public WhitespaceSplit() {
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        int wordStart = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            // no supplementary code point is whitespace, so a surrogate is always part of a word
            boolean space = c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') : CharClasses.isWhitespace(c);
            if (space) {
                if (wordStart >= 0) {
                    out.add(wordStart, i);
                    wordStart = -1;
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
        }
        if (wordStart >= 0) {
            out.add(wordStart, end);
        }
    }

    @Override
    public String toString() {
        return "WhitespaceSplit";
    }
}
