package io.subword.pretokenize;

/**
 * Hugging Face's {@code CharDelimiterSplit} pre-tokenizer: splits at every occurrence of one character, which
 * is removed; empty words are dropped. Immutable and thread-safe.
 *
 * @param delimiter the code point to split on
 */
public record CharDelimiterSplit(int delimiter) implements PreTokenizer {
    public CharDelimiterSplit {
        if (!Character.isValidCodePoint(delimiter)) {
            throw new IllegalArgumentException("delimiter is not a code point: " + delimiter);
        }
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        int wordStart = start;
        int width = Character.charCount(delimiter);
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            boolean hit;
            if (width == 1) {
                hit = c == delimiter;
            } else {
                hit = i + 1 < end && c == Character.highSurrogate(delimiter)
                        && text.charAt(i + 1) == Character.lowSurrogate(delimiter);
            }
            if (hit) {
                if (i > wordStart) {
                    out.add(wordStart, i);
                }
                i += width;
                wordStart = i;
            } else {
                i++;
            }
        }
        if (end > wordStart) {
            out.add(wordStart, end);
        }
    }

    @Override
    public String toString() {
        return "CharDelimiterSplit[" + new String(Character.toChars(delimiter)) + "]";
    }
}
