package io.subword.pretokenize;

import java.util.Objects;

/**
 * Hugging Face's {@code Punctuation} pre-tokenizer: splits at every punctuation character (ASCII punctuation, or
 * a Unicode {@code P*} category) and treats each as {@link SplitBehavior} says ({@code Isolated} by default).
 */
public final class Punctuation implements PreTokenizer {
    private final SplitBehavior behavior;
    private final CharSplit splitter = new CharSplit();

    /** Hugging Face's default: each punctuation character isolated. */
    public Punctuation() {
        this(SplitBehavior.ISOLATED);
    }

    public Punctuation(SplitBehavior behavior) {
        this.behavior = Objects.requireNonNull(behavior, "behavior");
    }

    public SplitBehavior behavior() {
        return behavior;
    }

    static boolean isPunctuation(int cp) {
        if (cp < 0x80) {
            return cp >= '!' && cp <= '/' || cp >= ':' && cp <= '@' || cp >= '[' && cp <= '`'
                    || cp >= '{' && cp <= '~';
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        splitter.split(text, start, end, Punctuation::isPunctuation, behavior, out);
    }

    @Override
    public String toString() {
        return "Punctuation[" + behavior.jsonName() + "]";
    }
}
