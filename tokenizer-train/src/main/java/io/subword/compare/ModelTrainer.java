package io.subword.compare;

import io.subword.AddedToken;
import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.train.Corpus;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Training;
import io.subword.train.TrainingListener;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounter;
import io.subword.train.WordCounts;
import io.subword.train.WordLevelTrainer;
import io.subword.vocab.io.VocabFormatException;
import io.subword.vocab.io.VocabTxt;
import io.subword.wordlevel.WordLevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Trains the vocabularies a comparison needs, each wrapped in its tokenizer pipeline: words are counted once per
 * {@linkplain ModelKind#wordsKey kind of words}, then each kind is trained at each vocabulary size from those
 * counts. Immutable and thread-safe.
 */
public final class ModelTrainer {
    /** The unknown token of the word-level baseline. */
    public static final String WORD_UNK = "[UNK]";

    private final boolean lowercase;
    private final int threads;

    /**
     * @param lowercase whether every model lowercases the text (WordPiece then also strips accents, as BERT
     *                  uncased does)
     * @param threads   worker threads for counting and training; does not change the result
     */
    public ModelTrainer(boolean lowercase, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.lowercase = lowercase;
        this.threads = threads;
    }

    public boolean lowercase() {
        return lowercase;
    }

    /** Counts the words of {@code corpus} as {@code kind} sees them. */
    public WordCounts count(ModelKind kind, Corpus corpus, TrainingListener listener)
            throws IOException, VocabFormatException {
        return WordCounter.builder(kind.preTokenizer()).normalizer(kind.normalizer(lowercase)).threads(threads)
                .build().count(corpus, listener);
    }

    /**
     * Trains {@code kind} to {@code vocabSize} tokens (special tokens included) on words counted by
     * {@link #count} for the same {@linkplain ModelKind#wordsKey kind of words}. BPE, byte-level BPE and WordPiece
     * are trained by the {@link Training} facade with their family's defaults (Hugging Face's trainers'); the
     * word-level baseline by {@link WordLevelTrainer} with {@code [UNK]}.
     *
     * @throws IllegalArgumentException if {@code vocabSize} cannot hold the special tokens
     */
    public TrainedModel train(ModelKind kind, int vocabSize, WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(counts, "counts");
        if (kind == ModelKind.WORD) {
            WordLevel model = WordLevelTrainer.builder().vocabSize(vocabSize).specialTokens(List.of(WORD_UNK))
                    .unkToken(WORD_UNK).build().train(counts, listener);
            Tokenizer tok = Tokenizer.builder(model)
                    .normalizer(kind.normalizer(lowercase))
                    .preTokenizer(kind.preTokenizer())
                    .addToken(AddedToken.special(WORD_UNK, model.unkId()))
                    .build();
            return new TrainedModel(kind, tok, null);
        }
        TrainingOptions options = TrainingOptions.builder().vocabSize(vocabSize).lowercase(lowercase)
                .threads(threads).build();
        TrainedTokenizer trained = Training.train(kind.family(), options, counts, listener);
        return new TrainedModel(kind, trained.tokenizer(), trained);
    }

    /** A trained tokenizer of one kind, able to write its files. */
    public static final class TrainedModel {
        private final ModelKind kind;
        private final Tokenizer tokenizer;
        private final TrainedTokenizer trained;

        TrainedModel(ModelKind kind, Tokenizer tokenizer, TrainedTokenizer trained) {
            this.kind = kind;
            this.tokenizer = tokenizer;
            this.trained = trained;
        }

        public ModelKind kind() {
            return kind;
        }

        public Tokenizer tokenizer() {
            return tokenizer;
        }

        /**
         * Writes {@code tokenizer.json} and the classic vocabulary files into {@code dir}: {@code vocab.txt} for
         * WordPiece and the word-level baseline, {@code vocab.json} and {@code merges.txt} for BPE; each file
         * atomically.
         *
         * @return the files written
         */
        public List<Path> writeAll(Path dir) throws IOException {
            if (trained != null) {
                return trained.writeAll(dir);
            }
            Files.createDirectories(dir);
            Path vocab = dir.resolve(TrainedTokenizer.VOCAB_TXT);
            Path json = dir.resolve(TrainedTokenizer.TOKENIZER_JSON);
            VocabTxt.write(tokenizer.model().vocabulary(), vocab);
            TokenizerJson.write(tokenizer, json);
            return List.of(vocab, json);
        }
    }
}
