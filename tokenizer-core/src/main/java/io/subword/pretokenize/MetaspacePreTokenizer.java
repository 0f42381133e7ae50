package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;

/**
 * Hugging Face's {@code Metaspace} pre-tokenizer (SentencePiece style): every space becomes the replacement
 * character ({@code ▁} U+2581 by default), one is prepended as the prepend scheme says, and with {@code split}
 * the text is cut before each replacement character (a run of them gives one piece each, the last one joined to
 * the word after it: {@code ▁Hey▁▁friend} is {@code ▁Hey}, {@code ▁}, {@code ▁friend}).
 *
 * <p>The rewriting happens in {@link #prepare}; a space maps to its own original range, the prepended character
 * to the original range of the first character. Like Hugging Face, {@code prepare} runs once per segment between
 * added tokens; {@link PrependScheme#FIRST} prepends only to a segment that starts at offset 0 of the original.
 */
public final class MetaspacePreTokenizer implements PreTokenizer {
    /** When to prepend the replacement character to a text that does not start with it. */
    public enum PrependScheme {
        ALWAYS("always"),
        /** Only to the text that starts at the beginning of the caller's string. */
        FIRST("first"),
        NEVER("never");

        private final String jsonName;

        PrependScheme(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        /** @throws IllegalArgumentException naming the value when it is not a scheme */
        public static PrependScheme fromJsonName(String name) {
            for (PrependScheme s : values()) {
                if (s.jsonName.equals(name)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown prepend_scheme " + name);
        }
    }

    public static final char DEFAULT_REPLACEMENT = '\u2581';

    private final char replacement;
    private final PrependScheme prependScheme;
    private final boolean split;

    /** Hugging Face's defaults: {@code ▁}, always prepend, split. */
    public MetaspacePreTokenizer() {
        this(DEFAULT_REPLACEMENT, PrependScheme.ALWAYS, true);
    }

    /**
     * @throws IllegalArgumentException when {@code replacement} is a surrogate (only BMP characters are supported)
     */
    public MetaspacePreTokenizer(char replacement, PrependScheme prependScheme, boolean split) {
        if (Character.isSurrogate(replacement)) {
            throw new IllegalArgumentException("replacement must be a BMP character, not a surrogate: U+"
                    + Integer.toHexString(replacement));
        }
        this.replacement = replacement;
        this.prependScheme = prependScheme;
        this.split = split;
    }

    public char replacement() {
        return replacement;
    }

    public PrependScheme prependScheme() {
        return prependScheme;
    }

    public boolean split() {
        return split;
    }

    @Override
    public NormalizedText prepare(NormalizedText text) {
        String s = text.text();
        NormalizedText t = s.indexOf(' ') < 0 ? text : text.withSameAlignment(s.replace(' ', replacement));
        if (t.length() == 0 || t.text().charAt(0) == replacement) {
            return t;
        }
        boolean prepend = switch (prependScheme) {
            case ALWAYS -> true;
            case FIRST -> t.originalStart(0) == 0;
            case NEVER -> false;
        };
        return prepend ? Prepend.prepend(t, replacement) : t;
    }

    /**
     * The text of {@link #prepare} on {@code text} alone, without alignments (counting words for training never reads
     * them): spaces replaced, and the replacement put in front with {@link PrependScheme#ALWAYS}.
     *
     * @throws IllegalStateException with {@link PrependScheme#FIRST}, which reads where the text starts in the
     *                               original, so that it needs the alignments
     */
    public String prepareText(String text) {
        if (prependScheme == PrependScheme.FIRST) {
            throw new IllegalStateException("the prepend scheme 'first' reads the alignments: use prepare");
        }
        String t = text.replace(' ', replacement);
        return t.isEmpty() || t.charAt(0) == replacement || prependScheme == PrependScheme.NEVER ? t
                : replacement + t;
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        if (end <= start) {
            return;
        }
        if (!split) {
            out.add(start, end);
            return;
        }
        // MergedWithNext on the replacement character: a piece starts at each replacement character.
        int pieceStart = start;
        for (int i = start + 1; i < end; i++) {
            if (text.charAt(i) == replacement) {
                out.add(pieceStart, i);
                pieceStart = i;
            }
        }
        out.add(pieceStart, end);
    }

    @Override
    public String toString() {
        return "Metaspace[" + replacement + ", " + prependScheme.jsonName() + ", split=" + split + "]";
    }
}
