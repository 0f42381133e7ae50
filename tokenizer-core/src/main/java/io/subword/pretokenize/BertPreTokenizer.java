package io.subword.pretokenize;

import io.subword.normalize.CharClasses;

/**
 * Hugging Face's {@code BertPreTokenizer}: splits on whitespace (White_Space, dropped) and makes every
 * punctuation character ({@link CharClasses#isBertPunctuation}: ASCII punctuation and symbols, or a Unicode
 * punctuation category) a word of its own. Works per code point, so a surrogate pair is never split.
 * Stateless; use {@link #INSTANCE}.
 */
public final class BertPreTokenizer implements PreTokenizer {
    public static final BertPreTokenizer INSTANCE = new BertPreTokenizer();

    /** Per ASCII char: 0 part of a word, 1 whitespace, 2 punctuation. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            int flags = CharClasses.flags(c);
            ASCII[c] = (byte) ((flags & CharClasses.WHITESPACE) != 0 ? 1
                    : (flags & CharClasses.BERT_PUNCTUATION) != 0 ? 2 : 0);
        }
    }

    public BertPreTokenizer() {
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        if (text instanceof String s) {
            split(s, start, end, out);
        } else {
            // the loop reads a String (C1, the command line's compiler, inlines String.charAt but calls an
            // interface's charAt per char): a copy of the range, spans shifted back
            int from = out.size();
            split(text.subSequence(start, end).toString(), 0, end - start, out);
            out.shift(from, start);
        }
    }

    private static void split(String text, int start, int end, Spans out) {
        int wordStart = -1;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            int kind;
            int len = 1;
            if (c < 128) {
                kind = ASCII[c];
            } else {
                int cp = c;
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, text.charAt(i + 1));
                    len = 2;
                }
                int flags = CharClasses.flags(cp);
                kind = (flags & CharClasses.WHITESPACE) != 0 ? 1 : (flags & CharClasses.BERT_PUNCTUATION) != 0 ? 2 : 0;
            }
            if (kind == 0) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else {
                if (wordStart >= 0) {
                    out.add(wordStart, i);
                    wordStart = -1;
                }
                if (kind == 2) {
                    out.add(i, i + len);
                }
            }
            i += len;
        }
        if (wordStart >= 0) {
            out.add(wordStart, end);
        }
    }

    @Override
    public String toString() {
        return "BertPreTokenizer";
    }
}
