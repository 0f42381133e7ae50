package io.subword.pretokenize;

import io.subword.normalize.CharClasses;

/**
 * Hugging Face's {@code Whitespace} pre-tokenizer: the matches of the Rust regex {@code \w+|[^\w\s]+}, that
 * is runs of word characters ({@link CharClasses#isWordChar}: Alphabetic, marks, decimal digits, connector
 * punctuation, ZWNJ/ZWJ) and runs of other non-whitespace characters; whitespace is dropped. A hand-written
 * scanner, per code point. Stateless; use {@link #INSTANCE}.
 */
public final class Whitespace implements PreTokenizer {
    public static final Whitespace INSTANCE = new Whitespace();

    private static final int SPACE = 0;
    private static final int WORD = 1;
    private static final int OTHER = 2;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = (byte) kindOf(CharClasses.flags(c));
        }
    }

    public Whitespace() {
    }

    private static int kindOf(int flags) {
        return (flags & CharClasses.WORD) != 0 ? WORD : (flags & CharClasses.WHITESPACE) != 0 ? SPACE : OTHER;
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        int runStart = -1;
        int runKind = SPACE;
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
                kind = kindOf(CharClasses.flags(cp));
            }
            if (kind != runKind) {
                if (runKind != SPACE) {
                    out.add(runStart, i);
                }
                runKind = kind;
                runStart = i;
            }
            i += len;
        }
        if (runKind != SPACE) {
            out.add(runStart, end);
        }
    }

    @Override
    public String toString() {
        return "Whitespace";
    }
}
