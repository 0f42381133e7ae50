package io.subword.wordlevel;

import io.subword.model.Model;
import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;

import java.util.Objects;

/**
 * The word-level model: a word that is in the vocabulary is one token, any other word is the unknown token.
 * No splitting at all, which is what subword models are compared against: every word a word-level vocabulary
 * has not seen is lost to {@code [UNK]}.
 *
 * <p>Results are those of Hugging Face tokenizers' {@code WordLevel} model: one token per non-empty word,
 * with the word's whole range as its offsets; an empty word gives no token. Hugging Face fails at encoding
 * time when an unknown word meets a vocabulary without the unknown token; since encoding here never throws,
 * the unknown token must be in the vocabulary when the model is made.
 *
 * <p>Immutable and thread-safe. A lookup makes one string of the word, since the vocabulary is keyed by
 * strings.
 */
public final class WordLevel implements Model {
    /** Hugging Face's default unknown token for WordLevel. */
    public static final String DEFAULT_UNK_TOKEN = "<unk>";

    private final Vocabulary vocabulary;
    private final String unkToken;
    private final int unkId;

    private WordLevel(Vocabulary vocabulary, String unkToken, int unkId) {
        this.vocabulary = vocabulary;
        this.unkToken = unkToken;
        this.unkId = unkId;
    }

    /**
     * A word-level model over {@code vocab}.
     *
     * @throws IllegalArgumentException if {@code unkToken} is not in {@code vocab}
     */
    public static WordLevel of(Vocabulary vocab, String unkToken) {
        Objects.requireNonNull(vocab, "vocab");
        Objects.requireNonNull(unkToken, "unkToken");
        int unkId = vocab.id(unkToken);
        if (unkId < 0) {
            throw new IllegalArgumentException("unknown token " + Vocabulary.quote(unkToken)
                    + " is not in the vocabulary");
        }
        return new WordLevel(vocab, unkToken, unkId);
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out) {
        Objects.checkFromToIndex(start, end, text.length());
        if (start == end) {
            return;
        }
        // The whole text is usually one word already; only copy when it is a part of it.
        String word = start == 0 && end == text.length() ? text.toString() : text.subSequence(start, end).toString();
        int id = vocabulary.id(word);
        out.add(id < 0 ? unkId : id, start, end);
    }

    public String unkToken() {
        return unkToken;
    }

    /** The id of {@link #unkToken()}. */
    public int unkId() {
        return unkId;
    }

    @Override
    public int unknownId() {
        return unkId;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public String type() {
        return "WordLevel";
    }

    @Override
    public String toString() {
        return "WordLevel[" + vocabulary + ", unk=" + Vocabulary.quote(unkToken) + "]";
    }
}
