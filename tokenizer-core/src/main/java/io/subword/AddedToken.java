package io.subword;

/**
 * A token matched in the input text before the model sees it, as in Hugging Face's {@code added_tokens}:
 * special tokens such as {@code [CLS]} and user-added words.
 *
 * @param content    the text to match
 * @param id         its id
 * @param special    whether decoding with skip-special drops it and the special-tokens mask flags it
 * @param singleWord match only when not inside a word
 * @param lstrip     the match takes the whitespace on its left
 * @param rstrip     the match takes the whitespace on its right
 * @param normalized match against the normalized text rather than the original, in its own normalized form
 *                   (the content run through the tokenizer's normalizer: {@code [E1]} matches as {@code [e1]} in
 *                   BERT uncased)
 */
public record AddedToken(String content, int id, boolean special, boolean singleWord, boolean lstrip,
                         boolean rstrip, boolean normalized) {
    public AddedToken {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("an added token needs content");
        }
        if (id < 0) {
            throw new IllegalArgumentException("added token " + content + " has negative id " + id);
        }
    }

    /** A special token matched verbatim in the original text. */
    public static AddedToken special(String content, int id) {
        return new AddedToken(content, id, true, false, false, false, false);
    }

    /** An ordinary added token as Hugging Face's {@code AddedToken::from(content, false)} makes it: matched in the normalized text. */
    public static AddedToken normal(String content, int id) {
        return new AddedToken(content, id, false, false, false, false, true);
    }

    /** This token, special or not. */
    public AddedToken withSpecial(boolean special) {
        return new AddedToken(content, id, special, singleWord, lstrip, rstrip, normalized);
    }

    /** This token, matched only as a whole word or anywhere. */
    public AddedToken withSingleWord(boolean singleWord) {
        return new AddedToken(content, id, special, singleWord, lstrip, rstrip, normalized);
    }

    /** This token, taking the whitespace on its left with it or not. */
    public AddedToken withLstrip(boolean lstrip) {
        return new AddedToken(content, id, special, singleWord, lstrip, rstrip, normalized);
    }

    /** This token, taking the whitespace on its right with it or not. */
    public AddedToken withRstrip(boolean rstrip) {
        return new AddedToken(content, id, special, singleWord, lstrip, rstrip, normalized);
    }

    /** This token, matched in the normalized text or in the original. */
    public AddedToken withNormalized(boolean normalized) {
        return new AddedToken(content, id, special, singleWord, lstrip, rstrip, normalized);
    }
}
