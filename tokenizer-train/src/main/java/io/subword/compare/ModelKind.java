package io.subword.compare;

import io.subword.normalize.Normalizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.train.Family;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of vocabulary {@code subword compare} trains: the three {@link Family families} of the
 * {@link io.subword.train.Training} facade, with their Hugging Face pipelines, and the word-level baseline. The
 * baseline sees exactly the words char-level BPE and (cased) WordPiece see (the same {@code BertNormalizer} and
 * {@code BertPreTokenizer}), so the comparison differs only in the model; byte-level BPE counts GPT-2's pieces.
 * Case and accents are kept unless lowercasing is asked for, so that no model wins by seeing less.
 */
public enum ModelKind {
    /** Word-level: the most frequent words, everything else {@code [UNK]}. */
    WORD("word"),
    /** WordPiece, as BERT, with {@code ##} continuation pieces. */
    WORD_PIECE("wordpiece"),
    /** Char-level BPE with the end-of-word suffix {@code </w>} and {@code <unk>}. */
    BPE("bpe"),
    /** Byte-level BPE, as GPT-2: never an unknown token. */
    BYTE_LEVEL("bytelevel");

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /**
     * The kind called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static ModelKind fromName(String name) {
        for (ModelKind k : values()) {
            if (k.cliName.equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model \"" + name + "\" (known: "
                + String.join(", ", Arrays.stream(values()).map(ModelKind::cliName).toList()) + ")");
    }

    /** The family the {@link io.subword.train.Training} facade trains this kind as, or {@code null} for {@link #WORD}. */
    public Family family() {
        return switch (this) {
            case WORD -> null;
            case WORD_PIECE -> Family.WORD_PIECE;
            case BPE -> Family.BPE;
            case BYTE_LEVEL -> Family.BYTE_LEVEL;
        };
    }

    /**
     * The normalizer words are counted and encoded with, or {@code null} for none: the family's, and for the
     * word-level baseline char-level BPE's ({@code BertNormalizer}: clean text, CJK spacing, lowercase only when
     * asked, accents kept).
     */
    public Normalizer normalizer(boolean lowercase) {
        return (this == WORD ? Family.BPE : family()).normalizer(lowercase);
    }

    /** The pre-tokenizer words are counted and encoded with: the family's, BERT's for the word-level baseline. */
    public PreTokenizer preTokenizer() {
        return (this == WORD ? Family.BPE : family()).preTokenizer();
    }

    /**
     * Which words this kind counts: kinds with the same key count the same words, so one count serves them.
     * Lowercased WordPiece also strips accents, as BERT uncased does, so it counts words of its own.
     */
    public String wordsKey(boolean lowercase) {
        return switch (this) {
            case BYTE_LEVEL -> "byte-level";
            case WORD_PIECE -> lowercase ? "bert-uncased" : "bert";
            case WORD, BPE -> "bert";
        };
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
