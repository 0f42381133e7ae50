package io.subword.train;

import io.subword.normalize.BertNormalizer;
import io.subword.normalize.Normalizer;
import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.vocab.SpecialTokens;

import java.util.List;

/**
 * The kinds of tokenizer a {@link Trainer} builds ({@link Trainer#of(Family, TrainingOptions)}), each with the pipeline Hugging Face's ready-made tokenizer of
 * that kind uses, so that a trained {@code tokenizer.json} looks like what an HF user would have made:
 * <table>
 *   <caption>Pipelines</caption>
 *   <tr><th></th><th>{@link #BPE bpe}</th><th>{@link #BYTE_LEVEL bytelevel}</th><th>{@link #WORD_PIECE wordpiece}</th></tr>
 *   <tr><td>as HF's</td><td>{@code CharBPETokenizer}</td><td>{@code ByteLevelBPETokenizer} (GPT-2)</td>
 *       <td>{@code BertWordPieceTokenizer}</td></tr>
 *   <tr><td>normalizer</td><td>BertNormalizer (clean text, CJK spacing; lowercase without stripping accents
 *       only when asked)</td><td>none (lowercase only when asked)</td><td>BertNormalizer, lowercase and strip
 *       accents by default</td></tr>
 *   <tr><td>pre-tokenizer</td><td>BertPreTokenizer (whitespace and each punctuation character)</td>
 *       <td>ByteLevel, GPT-2 regex, no prefix space</td><td>BertPreTokenizer</td></tr>
 *   <tr><td>model</td><td>BPE, end-of-word suffix {@code </w>}, unknown token {@code <unk>}</td>
 *       <td>byte-level BPE, all 256 bytes in the alphabet, no unknown token</td>
 *       <td>WordPiece, {@code ##}, {@code [UNK]}, 100 chars per word</td></tr>
 *   <tr><td>post-processor</td><td>none</td><td>ByteLevel</td><td>BertProcessing ({@code [CLS] A [SEP]})</td></tr>
 *   <tr><td>decoder</td><td>BPEDecoder ({@code </w>} to spaces)</td><td>ByteLevel</td><td>WordPiece</td></tr>
 *   <tr><td>special tokens</td><td>{@code <unk>}</td><td>none</td>
 *       <td>{@code [PAD] [UNK] [CLS] [SEP] [MASK]}</td></tr>
 *   <tr><td>files</td><td colspan="2">tokenizer.json, vocab.json, merges.txt</td><td>tokenizer.json, vocab.txt</td></tr>
 * </table>
 * {@link #WORD_LEVEL word} (HF's {@code WordLevel}) sees exactly the words of char-level BPE (the same
 * normalizer and pre-tokenizer), so that a comparison of the two differs only in the model; its special token
 * is {@code [UNK]} and it writes tokenizer.json and vocab.txt.
 */
public enum Family {
    /** Char-level BPE with an end-of-word suffix, as subword-nmt and HF's {@code CharBPETokenizer}. */
    BPE("bpe", List.of("<unk>"), false),
    /** Byte-level BPE, as GPT-2 and HF's {@code ByteLevelBPETokenizer}. */
    BYTE_LEVEL("bytelevel", List.of(), false),
    /** WordPiece, as BERT and HF's {@code BertWordPieceTokenizer}. */
    WORD_PIECE("wordpiece", SpecialTokens.BERT, true),
    /** Word-level: the most frequent words, everything else {@code [UNK]} (HF's {@code WordLevel}). */
    WORD_LEVEL("word", List.of("[UNK]"), false),
    /**
     * Unigram (Kudo 2018) as SentencePiece trains it (T5, ALBERT, XLM-R): SentencePiece's normalizer
     * ({@code nmt_nfkc}, extra spaces removed, {@code ▁} for spaces and in front), words cut before each
     * {@code ▁}; special tokens {@code <unk> <s> </s>}; writes tokenizer.json and a SentencePiece
     * {@code tokenizer.model}.
     */
    UNIGRAM("unigram", List.of("<unk>", "<s>", "</s>"), false);

    /** The end-of-word suffix of {@link #BPE}. */
    public static final String END_OF_WORD_SUFFIX = "</w>";
    /** The unknown token of {@link #BPE}, used when it is among the special tokens. */
    public static final String BPE_UNK_TOKEN = "<unk>";
    /** The unknown token of {@link #WORD_PIECE}. */
    public static final String WORD_PIECE_UNK_TOKEN = "[UNK]";
    /** The unknown piece of {@link #UNIGRAM}. */
    public static final String UNIGRAM_UNK_TOKEN = "<unk>";
    /** The unknown token of {@link #WORD_LEVEL}. */
    public static final String WORD_LEVEL_UNK_TOKEN = "[UNK]";
    /** The continuing-subword prefix of {@link #WORD_PIECE}. */
    public static final String WORD_PIECE_PREFIX = "##";

    private final String cliName;
    private final List<String> defaultSpecialTokens;
    private final boolean defaultLowercase;

    Family(String cliName, List<String> defaultSpecialTokens, boolean defaultLowercase) {
        this.cliName = cliName;
        this.defaultSpecialTokens = defaultSpecialTokens;
        this.defaultLowercase = defaultLowercase;
    }

    /** The name on the command line: {@code bpe}, {@code bytelevel}, {@code wordpiece}, {@code word}. */
    public String cliName() {
        return cliName;
    }

    /** The family named {@code name} ({@link #cliName()}, case-insensitive). */
    public static Family fromName(String name) {
        for (Family f : values()) {
            String n = name.strip();
            if (f.cliName.equalsIgnoreCase(n) || f.name().equalsIgnoreCase(n)
                    || f == WORD_LEVEL && n.equalsIgnoreCase("wordlevel")) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown tokenizer family \"" + name + "\": expected "
                + String.join(", ", java.util.Arrays.stream(values()).map(Family::cliName).toList()));
    }

    /** The special tokens used when none are given. */
    public List<String> defaultSpecialTokens() {
        return defaultSpecialTokens;
    }

    /**
     * The longest token in characters when not told otherwise: 16 for {@link #UNIGRAM} (SentencePiece's
     * {@code max_sentencepiece_length}), no limit ({@link Integer#MAX_VALUE}) for the others.
     */
    public int defaultMaxTokenLength() {
        return this == UNIGRAM ? 16 : Integer.MAX_VALUE;
    }

    /** Whether text is lowercased when not told otherwise ({@link #WORD_PIECE} only, as bert-base-uncased). */
    public boolean defaultLowercase() {
        return defaultLowercase;
    }

    /** The normalizer of this family, or {@code null} for none. */
    public Normalizer normalizer(boolean lowercase) {
        return switch (this) {
            // CharBPETokenizer: BertNormalizer(lowercase=False) then, when asked, Lowercase (accents kept).
            case BPE, WORD_LEVEL -> BertNormalizer.cased().withLowercase(lowercase)
                    .withStripAccents(lowercase ? Boolean.FALSE : null);
            // ByteLevelBPETokenizer: nothing, or Lowercase; a BertNormalizer with only lowercase on is the same.
            case BYTE_LEVEL -> lowercase ? BertNormalizer.uncased().withCleanText(false).withHandleChineseChars(false)
                    .withStripAccents(Boolean.FALSE) : null;
            // BertWordPieceTokenizer: strip accents follows lowercase (null), as bert-base-uncased has it.
            case WORD_PIECE -> lowercase ? BertNormalizer.uncased() : BertNormalizer.cased().withStripAccents(Boolean.FALSE);
            // SentencePiece has no lowercasing of its own (UnigramTrainer rejects it).
            case UNIGRAM -> UnigramTrainer.normalizer(TrainingOptions.defaults().normalization(), List.of());
        };
    }

    /** The pre-tokenizer of this family. */
    public PreTokenizer preTokenizer() {
        return switch (this) {
            case BPE, WORD_PIECE, WORD_LEVEL -> BertPreTokenizer.INSTANCE;
            case BYTE_LEVEL -> ByteLevelPreTokenizer.gpt2();
            case UNIGRAM -> UnigramTrainer.preTokenizer(true);
        };
    }

    /**
     * Which words this family counts with {@code lowercase}: families with the same key count the same words
     * from the same text (same normalizer and pre-tokenizer), so one {@link WordCounts} serves them all.
     * Lowercased WordPiece also strips accents, as BERT uncased does, so it counts words of its own.
     */
    public String countsKey(boolean lowercase) {
        String lower = lowercase ? "-lowercase" : "";
        return switch (this) {
            case BYTE_LEVEL -> "byte-level" + lower;
            case WORD_PIECE -> lowercase ? "bert-uncased" : "bert";
            case WORD_LEVEL, BPE -> "bert" + lower;
            case UNIGRAM -> "sentencepiece" + lower;
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
