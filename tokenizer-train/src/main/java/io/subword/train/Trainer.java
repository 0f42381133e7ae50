package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Trains a tokenizer: one interface for every {@link Family}, as Hugging Face's {@code Trainer} trait is one
 * trait for all of its models. A trainer is two steps, and either can run elsewhere:
 * <ol>
 *   <li>count the words of the text with the family's normalizer and pre-tokenizer ({@link #wordCounter()});</li>
 *   <li>learn the model from those counts and wrap it in the family's pipeline
 *       ({@link #train(WordCounts, TrainingListener)}).</li>
 * </ol>
 *
 * <pre>{@code
 * Trainer trainer = Trainer.of(Family.BYTE_LEVEL, TrainingOptions.builder().vocabSize(30000).threads(4).build());
 * TrainedTokenizer t = trainer.train(Corpus.of(Path.of("corpus.txt")), TrainingListener.NONE);
 * t.writeAll(Path.of("out"));          // tokenizer.json, vocab.json, merges.txt
 * }</pre>
 *
 * The result depends only on the text, the family and the options, never on the number of threads.
 * Implementations are immutable and thread-safe.
 */
public interface Trainer {
    /** The trainer of {@code family} with {@code options} (unset options take the family's defaults). */
    static Trainer of(Family family, TrainingOptions options) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(options, "options");
        return switch (family) {
            case BPE, BYTE_LEVEL -> BpeTrainer.of(family, options);
            case WORD_PIECE -> WordPieceTrainer.of(options);
            case WORD_LEVEL -> WordLevelTrainer.of(options);
            case UNIGRAM -> UnigramTrainer.of(options);
        };
    }

    /** The kind of tokenizer this trainer makes. */
    Family family();

    /** The options, with the family's defaults where they were unset. */
    TrainingOptions options();

    /**
     * The counter that turns text into the {@link WordCounts} this trainer learns from: the family's normalizer
     * and pre-tokenizer, on {@link TrainingOptions#threads()} threads.
     */
    WordCounter wordCounter();

    /**
     * Learns the model from words already counted, and wraps it in the family's pipeline. This is the entry
     * point for counts made elsewhere, for example by a distributed job over a corpus too large for one
     * machine: given the same counts that {@link #wordCounter()} makes of a corpus (the same words, normalized
     * and pre-tokenized the same way, with the same totals), the result is identical, byte for byte once
     * written, to that of {@link #train(Corpus, TrainingListener)} on the corpus, because that method is exactly
     * {@code train(wordCounter().count(corpus, listener), listener)}. The order in which the counts were added
     * does not matter: trainers visit words in {@linkplain WordCounts#CODE_POINT_ORDER code point order}.
     *
     * @throws IllegalArgumentException if there are no words, or the options do not fit the family (a WordPiece
     *                                  tokenizer without {@code [UNK]}, {@code [CLS]} or {@code [SEP]})
     */
    TrainedTokenizer train(WordCounts counts, TrainingListener listener);

    /**
     * Counts the words of {@code corpus} with {@link #wordCounter()} and trains on them.
     *
     * @throws IllegalArgumentException as {@link #train(WordCounts, TrainingListener)}, naming the corpus when
     *                                  it has no words
     * @throws InputFormatException     if the corpus is not valid UTF-8 (naming the file and line)
     * @throws IOException              if the corpus cannot be read
     */
    default TrainedTokenizer train(Corpus corpus, TrainingListener listener) throws IOException, InputFormatException {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(listener, "listener");
        WordCounts counts = wordCounter().count(corpus, listener);
        if (counts.size() == 0) {
            throw new IllegalArgumentException(describe(corpus) + ": no words to train on (the corpus is empty)");
        }
        return train(counts, listener);
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
