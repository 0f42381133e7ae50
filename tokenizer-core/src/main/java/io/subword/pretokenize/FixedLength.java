package io.subword.pretokenize;

import io.subword.vocab.Require;

/**
 * Hugging Face's {@code FixedLength} pre-tokenizer (added in tokenizers 0.22, after the DJL 0.38 reference):
 * each word is cut into pieces of {@code length} characters (code points), the last one shorter. Immutable
 * and thread-safe.
 *
 * @param length characters per piece, at least 1 (Hugging Face's default is 5)
 */
public record FixedLength(int length) implements PreTokenizer {
    public static final int DEFAULT_LENGTH = 5;

    public FixedLength {
        Require.atLeast("length", length, 1);
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        int pieceStart = start;
        int count = 0;
        int i = start;
        while (i < end) {
            boolean pair = Character.isHighSurrogate(text.charAt(i)) && i + 1 < end
                    && Character.isLowSurrogate(text.charAt(i + 1));
            i += pair ? 2 : 1;
            if (++count == length) {
                out.add(pieceStart, i);
                pieceStart = i;
                count = 0;
            }
        }
        if (end > pieceStart) {
            out.add(pieceStart, end);
        }
    }
}
