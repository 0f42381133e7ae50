package io.subword.train;

import io.subword.vocab.io.VocabFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Trains a complete tokenizer in one call, as SentencePiece's {@code spm_train} does: count the words of the
 * corpus with the family's normalizer and pre-tokenizer, learn the model, and wrap it in the family's pipeline.
 *
 * <pre>{@code
 * TrainedTokenizer t = Training.train(Family.BYTE_LEVEL, TrainingOptions.builder().vocabSize(30000).build(),
 *         Corpus.of(Path.of("corpus.txt")), TrainingListener.NONE);
 * t.writeAll(Path.of("out"));          // tokenizer.json, vocab.json, merges.txt
 * Encoding e = t.tokenizer().encode("Hello world");
 * }</pre>
 *
 * The result depends only on the corpus, the family and the options, never on the number of threads.
 */
public final class Training {
    private Training() {
    }

    /**
     * Trains a tokenizer of {@code family} on {@code corpus}, reporting progress to {@code listener}.
     *
     * @throws IllegalArgumentException if the options do not fit the family (WordPiece without {@code [UNK]},
     *                                  {@code [CLS]} or {@code [SEP]} among the special tokens), or the corpus has
     *                                  no words
     * @throws VocabFormatException     if the corpus is not valid UTF-8 (naming the file and line)
     * @throws IOException              if the corpus cannot be read
     */
    public static TrainedTokenizer train(Family family, TrainingOptions options, Corpus corpus,
                                         TrainingListener listener) throws IOException, VocabFormatException {
        Objects.requireNonNull(corpus, "corpus");
        check(family, options);
        WordCounts counts = wordCounter(family, options).count(corpus, listener);
        if (counts.size() == 0) {
            throw new IllegalArgumentException(describe(corpus) + ": no words to train on (the corpus is empty)");
        }
        return train(family, options, counts, listener);
    }

    /**
     * The word counter that {@link #train(Family, TrainingOptions, Corpus, TrainingListener)} counts with: the
     * family's normalizer (lowercasing as the options say) and pre-tokenizer. Counting elsewhere (on other
     * machines) with this counter and training on the sum gives the same tokenizer.
     */
    public static WordCounter wordCounter(Family family, TrainingOptions options) {
        check(family, options);
        return WordCounter.builder(family.preTokenizer())
                .normalizer(family.normalizer(options.lowercase(family)))
                .threads(options.threads())
                .build();
    }

    /**
     * Trains a tokenizer of {@code family} on words already counted (with the family's normalizer and
     * pre-tokenizer, or equivalent ones).
     *
     * @throws IllegalArgumentException as {@link #train(Family, TrainingOptions, Corpus, TrainingListener)}
     */
    public static TrainedTokenizer train(Family family, TrainingOptions options, WordCounts counts,
                                         TrainingListener listener) {
        check(family, options);
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(listener, "listener");
        boolean lowercase = options.lowercase(family);
        List<String> specials = options.specialTokens(family);
        if (family == Family.WORD_PIECE) {
            WordPieceTrainer.Builder b = WordPieceTrainer.builder()
                    .mode(options.mode())
                    .vocabSize(options.vocabSize())
                    .minFrequency(options.minFrequency())
                    .specialTokens(specials)
                    .unkToken(Family.WORD_PIECE_UNK_TOKEN)
                    .continuingSubwordPrefix(Family.WORD_PIECE_PREFIX)
                    .threads(options.threads());
            if (options.limitAlphabet() != null) {
                b.limitAlphabet(options.limitAlphabet());
            }
            return TrainedTokenizer.ofWordPiece(b.build().train(counts, listener), lowercase);
        }
        BpeTrainer.Builder b = BpeTrainer.builder()
                .vocabSize(options.vocabSize())
                .minFrequency(options.minFrequency())
                .specialTokens(specials)
                .byteLevel(family == Family.BYTE_LEVEL)
                .endOfWordSuffix(family == Family.BPE ? Family.END_OF_WORD_SUFFIX : null)
                .threads(options.threads());
        if (options.limitAlphabet() != null) {
            b.limitAlphabet(options.limitAlphabet());
        }
        return TrainedTokenizer.ofBpe(family, b.build().train(counts, listener), lowercase);
    }

    private static void check(Family family, TrainingOptions options) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(options, "options");
        if (family == Family.WORD_PIECE) {
            List<String> specials = options.specialTokens(family);
            for (String required : List.of(Family.WORD_PIECE_UNK_TOKEN, "[CLS]", "[SEP]")) {
                if (!specials.contains(required)) {
                    throw new IllegalArgumentException("a wordpiece tokenizer needs " + required
                            + " among the special tokens, which are " + specials);
                }
            }
        }
    }

    /** The corpus as a message names it: its file, or how many files. */
    private static String describe(Corpus corpus) {
        List<Path> files = corpus.files();
        if (files.isEmpty()) {
            return "the input";
        }
        return files.size() == 1 ? files.get(0).toString() : "the corpus (" + files.size() + " files)";
    }
}
