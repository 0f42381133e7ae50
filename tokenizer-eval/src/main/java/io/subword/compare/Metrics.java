package io.subword.compare;

/**
 * What one tokenizer made of some held-out text. Words are the held-out text's own words, the same for every
 * tokenizer: runs of letters and digits between whitespace, and each punctuation character on its own (BERT's
 * pre-tokenization of the original text, before any normalization). A token belongs to the word its offsets
 * start in (or, for a token that starts in the whitespace before a word, as GPT-2's {@code " word"} does, to
 * that word). A token covering no word (a byte-level model's lone {@code "Ġ"} before a word it cannot merge
 * with, a run of spaces, a trailing newline) counts toward the word after it, or the line's last word at its
 * end, so that tokens per word counts every token: its mean is {@code tokens / words} (only the tokens of a
 * line without words, which has no word to count them toward, are left out).
 *
 * @param lines            held-out lines (each one sequence)
 * @param words            running words
 * @param wordTypes        distinct words
 * @param tokens           tokens, without special tokens
 * @param chars            code points of the lines, line breaks not counted
 * @param bytes            UTF-8 bytes of the lines, line breaks not counted
 * @param unkTokens        tokens that are the unknown token
 * @param unkWords         running words with at least one unknown token
 * @param unkWordTypes     distinct words that got an unknown token at least once
 * @param wholeWords       running words that are exactly one token, not the unknown token, covering the word
 *                         (tokens covering no word do not count here)
 * @param fertility        tokens per running word, every token counted (see above)
 * @param sequenceLength   tokens per line
 * @param vocabSize        the tokenizer's vocabulary size
 * @param vocabUsed        distinct token ids that occurred
 */
public record Metrics(long lines, long words, long wordTypes, long tokens, long chars, long bytes, long unkTokens,
                      long unkWords, long unkWordTypes, long wholeWords, Distribution fertility,
                      Distribution sequenceLength, int vocabSize, int vocabUsed) {

    /** Unknown tokens per token. */
    public double unkTokenRate() {
        return ratio(unkTokens, tokens);
    }

    /** Running words with an unknown token per running word. */
    public double unkWordRate() {
        return ratio(unkWords, words);
    }

    /** Distinct words that got an unknown token per distinct word. */
    public double unkWordTypeRate() {
        return ratio(unkWordTypes, wordTypes);
    }

    /** Running words kept whole (one known token) per running word. */
    public double wholeWordRate() {
        return ratio(wholeWords, words);
    }

    /** Characters (code points) per token. */
    public double charsPerToken() {
        return ratio(chars, tokens);
    }

    /** UTF-8 bytes per token. */
    public double bytesPerToken() {
        return ratio(bytes, tokens);
    }

    /** The share of the vocabulary that occurred at least once. */
    public double vocabUse() {
        return ratio(vocabUsed, vocabSize);
    }

    static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
