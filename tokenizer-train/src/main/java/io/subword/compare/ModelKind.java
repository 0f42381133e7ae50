package io.subword.compare;

import io.subword.normalize.BertNormalizer;
import io.subword.normalize.Normalizer;
import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.PreTokenizer;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of vocabulary {@code subword compare} trains, each with the normalizer and pre-tokenizer its words
 * are counted with. The word-level baseline sees exactly the words the BPE and WordPiece models see (the same
 * {@code BertNormalizer} and {@code BertPreTokenizer}), so the comparison differs only in the model; byte-level
 * BPE counts GPT-2's pieces. Case is kept unless asked otherwise, and accents are always kept, so that no
 * model wins by seeing less.
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

    /** The normalizer words are counted and encoded with, or {@code null} for none. */
    public Normalizer normalizer(boolean lowercase) {
        if (this == BYTE_LEVEL) {
            return lowercase ? new BertNormalizer(false, false, Boolean.FALSE, true) : null;
        }
        return new BertNormalizer(true, true, Boolean.FALSE, lowercase);
    }

    /** The pre-tokenizer words are counted and encoded with. */
    public PreTokenizer preTokenizer() {
        return this == BYTE_LEVEL ? new ByteLevelPreTokenizer(false, true, true) : BertPreTokenizer.INSTANCE;
    }

    /** Whether two kinds count the same words, so that one count serves both. */
    public boolean sameWordsAs(ModelKind other) {
        return (this == BYTE_LEVEL) == (other == BYTE_LEVEL);
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
