package io.subword.train;

import io.subword.vocab.SpecialTokens;
import io.subword.vocab.Vocabulary;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Learns a WordPiece vocabulary from {@link WordCounts}, in one of two {@link Mode modes}. Both start the
 * same way as {@link BpeTrainer}: special tokens (BERT's five by default), then the alphabet in code point
 * order, then the {@code ##} forms of characters met inside words; they differ in which pair they merge.
 * Immutable and thread-safe.
 */
public final class WordPieceTrainer {
    /** How the next pair to merge is chosen. */
    public enum Mode {
        /**
         * As Hugging Face's {@code WordPieceTrainer}: BPE training with the continuing-subword prefix, the
         * most frequent pair first; the vocabulary is the BPE vocabulary.
         */
        HF,
        /**
         * Original WordPiece: the pair with the highest {@code count(ab) / (count(a) * count(b))} first
         * (ties: the smaller pair of ids), merged in every word that holds it.
         */
        LIKELIHOOD
    }

    private final Mode mode;
    private final BpeTrainer bpe;
    private final String unkToken;

    private WordPieceTrainer(Builder b) {
        this.mode = b.mode;
        this.unkToken = b.unkToken;
        BpeTrainer.Builder bb = BpeTrainer.builder()
                .vocabSize(b.vocabSize)
                .minFrequency(b.minFrequency)
                .specialTokens(b.specialTokens)
                .initialAlphabet(b.initialAlphabet)
                .continuingSubwordPrefix(b.continuingSubwordPrefix)
                .endOfWordSuffix(b.endOfWordSuffix)
                .threads(b.threads);
        if (b.limitAlphabet != null) {
            bb.limitAlphabet(b.limitAlphabet);
        }
        this.bpe = bb.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link WordPieceTrainer}. */
    public static final class Builder {
        private Mode mode = Mode.HF;
        private int vocabSize = 30000;
        private long minFrequency = 0;
        private List<String> specialTokens = SpecialTokens.BERT;
        private Integer limitAlphabet;
        private Collection<String> initialAlphabet = Set.of();
        private String continuingSubwordPrefix = "##";
        private String endOfWordSuffix;
        private String unkToken = "[UNK]";
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** How pairs are chosen (default {@link Mode#HF}). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The vocabulary size to reach, special tokens and alphabet included (default 30000). */
        public Builder vocabSize(int vocabSize) {
            if (vocabSize < 0) {
                throw new IllegalArgumentException("vocabSize must not be negative: " + vocabSize);
            }
            this.vocabSize = vocabSize;
            return this;
        }

        /** The count a pair needs to be merged (default 0). */
        public Builder minFrequency(long minFrequency) {
            if (minFrequency < 0) {
                throw new IllegalArgumentException("minFrequency must not be negative: " + minFrequency);
            }
            this.minFrequency = minFrequency;
            return this;
        }

        /** Tokens that get the first ids (default {@code [PAD] [UNK] [CLS] [SEP] [MASK]}). */
        public Builder specialTokens(List<String> specialTokens) {
            this.specialTokens = List.copyOf(specialTokens);
            return this;
        }

        /** Keep at most this many alphabet characters, the most frequent ones. */
        public Builder limitAlphabet(int limitAlphabet) {
            if (limitAlphabet < 0) {
                throw new IllegalArgumentException("limitAlphabet must not be negative: " + limitAlphabet);
            }
            this.limitAlphabet = limitAlphabet;
            return this;
        }

        /** Characters to include even if the corpus lacks them. */
        public Builder initialAlphabet(Collection<String> characters) {
            this.initialAlphabet = List.copyOf(characters);
            return this;
        }

        /** The prefix of tokens that continue a word (default {@code ##}). */
        public Builder continuingSubwordPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("WordPiece needs a non-empty continuing-subword prefix");
            }
            this.continuingSubwordPrefix = prefix;
            return this;
        }

        /** A suffix for tokens that end a word ({@link Mode#HF} only); {@code null} for none. */
        public Builder endOfWordSuffix(String suffix) {
            this.endOfWordSuffix = suffix;
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

        /** Threads for counting pairs (default: the number of processors); does not change the result. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        public WordPieceTrainer build() {
            if (mode == Mode.LIKELIHOOD && endOfWordSuffix != null && !endOfWordSuffix.isEmpty()) {
                throw new IllegalArgumentException("endOfWordSuffix is not supported in LIKELIHOOD mode: \""
                        + endOfWordSuffix + "\"");
            }
            return new WordPieceTrainer(this);
        }
    }

    /** Trains on {@code counts}. */
    public WordPieceModelData train(WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        Vocabulary vocabulary;
        if (mode == Mode.HF) {
            vocabulary = bpe.train(counts, listener).vocabulary();
        } else {
            BpeTrainer.Prepared prepared = bpe.prepare(counts, listener);
            new LikelihoodMerger(prepared, bpe.continuingSubwordPrefix)
                    .run(bpe.vocabSize, bpe.minFrequency, listener);
            vocabulary = Vocabulary.of(prepared.idToToken());
        }
        return new WordPieceModelData(vocabulary, bpe.specialTokens, unkToken, bpe.continuingSubwordPrefix);
    }
}
