package io.subword.wordpiece;

import io.subword.model.Model;
import io.subword.model.TokenBuffer;
import io.subword.vocab.Require;
import io.subword.vocab.Vocabulary;

import java.util.Objects;

/**
 * The WordPiece model (BERT): greedy longest-match-first over a vocabulary, where every piece after the first
 * of a word is looked up with a continuation prefix ({@code "##"}).
 *
 * <p>Results are identical to Hugging Face tokenizers' {@code WordPiece} model:
 * <ul>
 *   <li>a word of more than {@link #maxInputCharsPerWord()} code points becomes one unknown token over the
 *       whole word;</li>
 *   <li>starting at the front of the word, the longest prefix of the rest that is in the vocabulary (with
 *       the prefix prepended, except at the word's first char) becomes the next piece;</li>
 *   <li>if at some point no prefix matches, the whole word becomes one unknown token;</li>
 *   <li>an empty word gives no tokens.</li>
 * </ul>
 * Matching runs on a {@link LinMaxMatchTrie} (Song et al., "Fast WordPiece Tokenization", EMNLP 2021), so a
 * word of {@code n} chars costs at most {@code 2n} trie steps whatever the vocabulary.
 *
 * <p>Immutable and thread-safe; {@link #tokenize} allocates nothing beyond what the {@link TokenBuffer}
 * needs to grow.
 */
public final class WordPiece implements Model {
    public static final String DEFAULT_UNK_TOKEN = "[UNK]";
    public static final String DEFAULT_CONTINUING_SUBWORD_PREFIX = "##";
    public static final int DEFAULT_MAX_INPUT_CHARS_PER_WORD = 100;

    private final Vocabulary vocabulary;
    private final String unkToken;
    private final int unkId;
    private final String continuingSubwordPrefix;
    private final int maxInputCharsPerWord;
    private final LinMaxMatchTrie trie;

    private WordPiece(Vocabulary vocabulary, String unkToken, int unkId, String continuingSubwordPrefix,
                      int maxInputCharsPerWord, LinMaxMatchTrie trie) {
        this.vocabulary = vocabulary;
        this.unkToken = unkToken;
        this.unkId = unkId;
        this.continuingSubwordPrefix = continuingSubwordPrefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.trie = trie != null ? trie : LinMaxMatchTrie.build(vocabulary, continuingSubwordPrefix);
    }

    /**
     * A WordPiece model.
     *
     * @param vocab the vocabulary; tokens starting with {@code continuingSubwordPrefix} are the continuation
     *     pieces, all tokens (those too) can start a word
     * @param unkToken the token for words the vocabulary cannot cover; must be in {@code vocab}
     * @param continuingSubwordPrefix marks pieces that continue a word; may be empty (as Hugging Face
     *     allows), in which case every token can start or continue a word
     * @param maxInputCharsPerWord words longer than this many code points become {@code unkToken}; must be
     *     positive
     * @throws IllegalArgumentException if {@code unkToken} is not in {@code vocab} or
     *     {@code maxInputCharsPerWord <= 0}
     */
    public static WordPiece of(Vocabulary vocab, String unkToken, String continuingSubwordPrefix,
                               int maxInputCharsPerWord) {
        return of(vocab, unkToken, continuingSubwordPrefix, maxInputCharsPerWord, null);
    }

    /**
     * {@link #of(Vocabulary, String, String, int)} with the matching automaton that {@link #writeTrie} wrote for
     * the same vocabulary and prefix, instead of building it: for a start-up cache, where building it is most of
     * loading a BERT tokenizer in a fresh JVM.
     *
     * @throws IllegalArgumentException (or {@link java.nio.BufferUnderflowException}) if {@code trie} does not
     *     hold a whole, consistent automaton of this version's layout
     */
    @io.subword.vocab.Internal
    public static WordPiece withStoredTrie(Vocabulary vocab, String unkToken, String continuingSubwordPrefix,
                                           int maxInputCharsPerWord, java.nio.ByteBuffer trie) {
        return of(vocab, unkToken, continuingSubwordPrefix, maxInputCharsPerWord,
                LinMaxMatchTrie.read(Objects.requireNonNull(trie, "trie")));
    }

    /** Writes the matching automaton for {@link #withStoredTrie}. */
    @io.subword.vocab.Internal
    public void writeTrie(java.io.DataOutputStream out) throws java.io.IOException {
        trie.writeTo(out);
    }

    private static WordPiece of(Vocabulary vocab, String unkToken, String continuingSubwordPrefix,
                                int maxInputCharsPerWord, LinMaxMatchTrie trie) {
        Objects.requireNonNull(vocab, "vocab");
        Objects.requireNonNull(unkToken, "unkToken");
        Objects.requireNonNull(continuingSubwordPrefix, "continuingSubwordPrefix");
        int unkId = vocab.id(unkToken);
        if (unkId < 0) {
            throw new IllegalArgumentException("unknown token " + Vocabulary.quote(unkToken)
                    + " is not in the vocabulary");
        }
        Require.atLeast("maxInputCharsPerWord", maxInputCharsPerWord, 1);
        return new WordPiece(vocab, unkToken, unkId, continuingSubwordPrefix, maxInputCharsPerWord, trie);
    }

    /** A WordPiece model with BERT's settings: {@code "[UNK]"}, {@code "##"}, 100 chars per word. */
    public static WordPiece of(Vocabulary vocab) {
        return of(vocab, DEFAULT_UNK_TOKEN, DEFAULT_CONTINUING_SUBWORD_PREFIX, DEFAULT_MAX_INPUT_CHARS_PER_WORD);
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out) {
        Objects.checkFromToIndex(start, end, text.length());
        if (start == end) {
            return;
        }
        if (end - start > maxInputCharsPerWord && tooLong(text, start, end)) {
            out.add(unkId, start, end);
            return;
        }
        int mark = out.size();
        if (!(text instanceof String s)) {
            // the trie walks a String (see LinMaxMatchTrie.walk): a copy of the word, offsets shifted back
            tokenize(text.subSequence(start, end).toString(), 0, end - start, out);
            for (int i = mark; i < out.size(); i++) {
                out.setRange(i, out.start(i) + start, out.end(i) + start);
            }
            return;
        }
        if (trie.walk(s, start, end, out) < 0) {
            out.truncate(mark);
            out.add(unkId, start, end);
        }
    }

    /**
     * Tokenizes as {@link #tokenize} does (without the length limit) and returns the number of trie steps
     * taken: successful transitions plus failure-link follows. For the linearity test.
     */
    int tokenizeCountingSteps(CharSequence text, int start, int end, TokenBuffer out) {
        int mark = out.size();
        int steps = trie.walk(text.toString(), start, end, out);
        if (steps < 0) {
            out.truncate(mark);
            out.add(unkId, start, end);
            return ~steps;
        }
        return steps;
    }

    /** Whether the word has more code points than allowed; only called when it has more chars. */
    private boolean tooLong(CharSequence text, int start, int end) {
        // A code point is one or two chars, so a word of more than twice the limit is too long outright.
        return end - start > 2L * maxInputCharsPerWord
                || Character.codePointCount(text, start, end) > maxInputCharsPerWord;
    }

    LinMaxMatchTrie trie() {
        return trie;
    }

    public String unkToken() {
        return unkToken;
    }

    /** The id of {@link #unkToken()}. */
    public int unkId() {
        return unkId;
    }

    public String continuingSubwordPrefix() {
        return continuingSubwordPrefix;
    }

    public int maxInputCharsPerWord() {
        return maxInputCharsPerWord;
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
        return "WordPiece";
    }

    @Override
    public String toString() {
        return "WordPiece[" + vocabulary + ", unk=" + Vocabulary.quote(unkToken) + ", prefix="
                + Vocabulary.quote(continuingSubwordPrefix) + ", maxInputCharsPerWord=" + maxInputCharsPerWord
                + "]";
    }
}
