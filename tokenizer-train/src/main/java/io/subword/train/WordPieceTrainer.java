package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.vocab.SpecialTokens;
import io.subword.vocab.Vocabulary;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Learns a WordPiece vocabulary from {@link WordCounts}, in one of the {@link Mode modes}. All start the
 * same way as {@link BpeTrainer}: special tokens (BERT's five by default), then the alphabet in code point
 * order, then the {@code ##} forms of characters met inside words; they differ in which pair they merge. As in
 * Hugging Face's {@code WordPieceTrainer}, the BPE settings are those of a {@link BpeTrainer} held inside, not
 * repeated here. Immutable and thread-safe.
 */
public final class WordPieceTrainer implements Trainer {
    /** How the next pair to merge is chosen. */
    public enum Mode {
        /**
         * As Hugging Face's {@code WordPieceTrainer}: BPE training with the continuing-subword prefix, the
         * most frequent pair first; the vocabulary is the BPE vocabulary.
         */
        HF,
        /**
         * WordPiece as Schuster and Nakajima (2012) define it: the merge that raises the likelihood of the
         * training data under a unigram model of the current symbols the most, that is the largest exact
         * change of {@code Σ c(s) log(c(s) / N)} (see {@link LikelihoodMerger}). A merged symbol that later
         * merges use up entirely (count 0, so it adds nothing to the likelihood) does not count towards the
         * vocabulary size and is left out, unless the merges stop short of the size. It gives as few tokens per
         * word as {@link #HF} or fewer only where the vocabulary is large for the text; where it is scarce,
         * {@link #HF} gives up to 5% fewer tokens (README, "WordPiece modes").
         */
        LIKELIHOOD,
        /**
         * The score {@code count(ab) / (count(a) * count(b))} alone, often called "WordPiece likelihood" in
         * tutorials. It leaves out the pair's own frequency, so it favours pairs of rare symbols; kept for
         * comparison, not recommended.
         */
        RATIO
    }

    private final TrainingOptions options;
    private final Mode mode;
    private final BpeTrainer bpe;
    private final String unkToken;

    private WordPieceTrainer(BpeTrainer bpe, Mode mode, String unkToken) {
        this.bpe = bpe;
        this.options = bpe.options().toBuilder().mode(mode).build();
        this.mode = mode;
        this.unkToken = unkToken;
        if (mode != Mode.HF && bpe.endOfWordSuffix != null) {
            throw new IllegalArgumentException("endOfWordSuffix is not supported in " + mode + " mode: \""
                    + bpe.endOfWordSuffix + "\"");
        }
    }

    /**
     * The trainer of {@link Family#WORD_PIECE} with {@code options}: prefix {@code ##}, unknown token
     * {@code [UNK]}, BERT's special tokens unless others are given.
     *
     * @throws IllegalArgumentException if {@code [UNK]}, {@code [CLS]} or {@code [SEP]} is not a special token
     */
    public static WordPieceTrainer of(TrainingOptions options) {
        List<String> specials = options.specialTokens(Family.WORD_PIECE);
        for (String required : List.of(Family.WORD_PIECE_UNK_TOKEN, "[CLS]", "[SEP]")) {
            if (!specials.contains(required)) {
                throw new IllegalArgumentException("a wordpiece tokenizer needs " + required
                        + " among the special tokens, which are " + specials);
            }
        }
        BpeTrainer bpe = BpeTrainer.withPrefix(options.toBuilder().specialTokens(specials).build(),
                Family.WORD_PIECE_PREFIX);
        return new WordPieceTrainer(bpe, options.mode(), Family.WORD_PIECE_UNK_TOKEN);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link WordPieceTrainer}: a {@link BpeTrainer.Builder} plus the mode and unknown token. */
    public static final class Builder {
        private final BpeTrainer.Builder bpe = BpeTrainer.builder().specialTokens(SpecialTokens.BERT)
                .continuingSubwordPrefix(Family.WORD_PIECE_PREFIX);
        private Mode mode = Mode.HF;
        private String unkToken = Family.WORD_PIECE_UNK_TOKEN;

        private Builder() {
        }

        /** How pairs are chosen (default {@link Mode#HF}). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The BPE settings (vocabulary size, minimum frequency, special tokens, alphabet, threads ...). */
        public Builder bpe(java.util.function.Consumer<BpeTrainer.Builder> settings) {
            settings.accept(bpe);
            return this;
        }

        /** See {@link BpeTrainer.Builder#vocabSize}. */
        public Builder vocabSize(int vocabSize) {
            bpe.vocabSize(vocabSize);
            return this;
        }

        /** See {@link BpeTrainer.Builder#minFrequency}. */
        public Builder minFrequency(long minFrequency) {
            bpe.minFrequency(minFrequency);
            return this;
        }

        /** Tokens that get the first ids (default {@code [PAD] [UNK] [CLS] [SEP] [MASK]}). */
        public Builder specialTokens(List<String> specialTokens) {
            bpe.specialTokens(specialTokens);
            return this;
        }

        /** See {@link BpeTrainer.Builder#limitAlphabet}. */
        public Builder limitAlphabet(int limitAlphabet) {
            bpe.limitAlphabet(limitAlphabet);
            return this;
        }

        /** See {@link BpeTrainer.Builder#initialAlphabet}. */
        public Builder initialAlphabet(Collection<String> characters) {
            bpe.initialAlphabet(characters);
            return this;
        }

        /** See {@link BpeTrainer.Builder#threads}. */
        public Builder threads(int threads) {
            bpe.threads(threads);
            return this;
        }

        /** The prefix of tokens that continue a word (default {@code ##}). */
        public Builder continuingSubwordPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("WordPiece needs a non-empty continuing-subword prefix");
            }
            bpe.continuingSubwordPrefix(prefix);
            return this;
        }

        /** A suffix for tokens that end a word ({@link Mode#HF} only); {@code null} for none. */
        public Builder endOfWordSuffix(String suffix) {
            bpe.endOfWordSuffix(suffix);
            return this;
        }

        /** The unknown token the model will use (default {@code [UNK]}); it need not be a special token. */
        public Builder unkToken(String unkToken) {
            if (unkToken == null || unkToken.isEmpty()) {
                throw new IllegalArgumentException("unkToken must be non-empty");
            }
            this.unkToken = unkToken;
            return this;
        }

        public WordPieceTrainer build() {
            return new WordPieceTrainer(bpe.build(), mode, unkToken);
        }
    }

    @Override
    public Family family() {
        return Family.WORD_PIECE;
    }

    @Override
    public TrainingOptions options() {
        return options;
    }

    @Override
    public WordCounter wordCounter() {
        return WordCounter.builder(Family.WORD_PIECE.preTokenizer())
                .normalizer(Family.WORD_PIECE.normalizer(options.lowercase(Family.WORD_PIECE)))
                .threads(options.threads()).build();
    }

    @Override
    public TrainedTokenizer train(WordCounts counts, TrainingListener listener) {
        WordPieceModelData data = learn(BpeTrainer.nonEmpty(counts), listener);
        listener.phase("build tokenizer");
        return TrainedTokenizer.ofWordPiece(data, options.lowercase(Family.WORD_PIECE));
    }

    /** Learns the WordPiece vocabulary from {@code counts}, without a pipeline around it. */
    public WordPieceModelData learn(WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        Vocabulary vocabulary;
        if (mode == Mode.HF) {
            vocabulary = bpe.learn(counts, listener).vocabulary();
        } else {
            BpeTrainer.Prepared prepared = bpe.prepare(counts, listener);
            if (mode == Mode.RATIO) {
                new RatioMerger(prepared, bpe.continuingSubwordPrefix).run(bpe.vocabSize, bpe.minFrequency, listener);
                vocabulary = Vocabulary.of(prepared.idToToken());
            } else {
                LikelihoodMerger merger = new LikelihoodMerger(prepared, bpe.continuingSubwordPrefix);
                merger.run(bpe.vocabSize, bpe.minFrequency, listener);
                vocabulary = Vocabulary.of(merger.tokens(bpe.vocabSize));
            }
        }
        return new WordPieceModelData(vocabulary, bpe.specialTokens, unkToken, bpe.continuingSubwordPrefix);
    }
}
