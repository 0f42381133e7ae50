package io.subword.cli;

import io.subword.train.TrainingOptions;
import io.subword.train.WordPieceTrainer;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The training flags that {@code subword train} and {@code subword spark train} share, as one picocli mixin, and
 * their mapping to {@link TrainingOptions}; each command adds its own flags (output, corpus, threads, limits).
 *
 * <p>Public only for tokenizer-spark, which runs on the class path (Spark is no module), so the cli module needs
 * no {@code exports} for it; picocli reaches the fields through the {@code opens} of this package.
 */
public final class TrainingFlags {
    @Option(names = "--vocab-size", defaultValue = "" + TrainingOptions.DEFAULT_VOCAB_SIZE, paramLabel = "N",
            converter = VocabSizeConverter.class,
            description = "Vocabulary size, special tokens and alphabet included; 8000, 8k and 1m work (default:"
                    + " ${DEFAULT-VALUE}). It is never below the alphabet plus the special tokens.")
    int vocabSize;

    @Option(names = "--min-frequency", defaultValue = "0", paramLabel = "K",
            description = "Merge only pairs seen at least K times (default: ${DEFAULT-VALUE}).")
    long minFrequency;

    @Option(names = "--special-tokens", split = ",", paramLabel = "TOKEN",
            description = "Special tokens, comma-separated, which take the first ids (default: <unk> for bpe, none"
                    + " for bytelevel, [PAD],[UNK],[CLS],[SEP],[MASK] for wordpiece, <unk>,<s>,</s> for unigram).")
    List<String> specialTokens;

    @Option(names = "--limit-alphabet", paramLabel = "N",
            description = "Keep at most the N most frequent characters in the initial alphabet (default: no"
                    + " limit).")
    Integer limitAlphabet;

    @Option(names = "--lowercase", negatable = true,
            description = "Lowercase the text (default: --lowercase for wordpiece, --no-lowercase otherwise).")
    Boolean lowercase;

    @Option(names = "--mode", defaultValue = "hf", paramLabel = "MODE",
            description = "wordpiece only: hf (Hugging Face's WordPiece trainer: most frequent pair), likelihood"
                    + " (WordPiece as published: the merge that raises the unigram log-likelihood of the training"
                    + " data most; up to 5.5% more tokens per word than hf when the vocabulary is small for the text)"
                    + " or ratio (count(ab)/(count(a)count(b)) alone, which favours rare"
                    + " pairs) (default: ${DEFAULT-VALUE}).")
    WordPieceTrainer.Mode mode;

    /** The options these flags give, training on {@code threads} threads; a command may set more before build. */
    public TrainingOptions.Builder toTrainingOptions(int threads) {
        return TrainingOptions.builder()
                .vocabSize(vocabSize)
                .minFrequency(minFrequency)
                .specialTokens(specialTokens)
                .limitAlphabet(limitAlphabet)
                .lowercase(lowercase)
                .mode(mode)
                .threads(threads);
    }

    /** The {@code --vocab-size} asked for. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The {@code --special-tokens} given, or null for the family's. */
    public List<String> specialTokens() {
        return specialTokens;
    }
}
