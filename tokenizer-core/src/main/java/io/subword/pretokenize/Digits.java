package io.subword.pretokenize;

/**
 * Hugging Face's {@code Digits} pre-tokenizer: numeric characters (Unicode {@code Nd}, {@code Nl}, {@code No}, as
 * Rust's {@code char::is_numeric}) are split from the rest, each on its own with {@code individualDigits}, else
 * runs of them together ({@code a123b} is {@code a 123 b}, or {@code a 1 2 3 b}).
 */
public final class Digits implements PreTokenizer {
    private final boolean individualDigits;
    private final CharSplit splitter = new CharSplit();

    public Digits(boolean individualDigits) {
        this.individualDigits = individualDigits;
    }

    public boolean individualDigits() {
        return individualDigits;
    }

    static boolean isNumeric(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        splitter.split(text, start, end, Digits::isNumeric,
                individualDigits ? SplitBehavior.ISOLATED : SplitBehavior.CONTIGUOUS, out);
    }

    @Override
    public String toString() {
        return "Digits[individualDigits=" + individualDigits + "]";
    }
}
