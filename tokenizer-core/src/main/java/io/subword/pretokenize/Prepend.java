package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;

/** Inserting one character in front of a text, aligned as Hugging Face's {@code NormalizedString::prepend}. */
final class Prepend {
    private Prepend() {
    }

    /**
     * {@code c} followed by {@code text}; {@code c} stands for the original range of the text's first code point
     * (both units of a surrogate pair), so that a token made of {@code c} alone still covers a whole character.
     */
    static NormalizedText prepend(NormalizedText text, char c) {
        assert text.length() > 0;
        String s = text.text();
        int firstEnd = Character.isHighSurrogate(s.charAt(0)) && s.length() > 1
                && Character.isLowSurrogate(s.charAt(1)) ? 1 : 0;
        NormalizedText.Builder b = text.builder();
        b.append(c, text.originalStart(0), text.originalEnd(firstEnd));
        for (int i = 0; i < s.length(); i++) {
            b.copy(text, i);
        }
        return b.build();
    }
}
