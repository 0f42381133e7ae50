package io.subword.train;

import java.util.List;
import java.util.Objects;

/**
 * The settings of one {@link Training} run; anything left unset takes the default of the {@link Family}. The
 * defaults are those of Hugging Face's trainers ({@code BpeTrainer::default()}, {@code WordPieceTrainer::default()}):
 * vocabulary size 30000, minimum frequency 0, no alphabet limit. Immutable; build with {@link #builder()}.
 */
public final class TrainingOptions {
    /** The default vocabulary size. */
    public static final int DEFAULT_VOCAB_SIZE = 30000;

    private final int vocabSize;
    private final long minFrequency;
    private final List<String> specialTokens;
    private final Integer limitAlphabet;
    private final Boolean lowercase;
    private final WordPieceTrainer.Mode mode;
    private final int threads;

    private TrainingOptions(Builder b) {
        this.vocabSize = b.vocabSize;
        this.minFrequency = b.minFrequency;
        this.specialTokens = b.specialTokens;
        this.limitAlphabet = b.limitAlphabet;
        this.lowercase = b.lowercase;
        this.mode = b.mode;
        this.threads = b.threads;
    }

    /** All defaults. */
    public static TrainingOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The vocabulary size to reach, special tokens and alphabet included. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The count a pair needs to be merged. */
    public long minFrequency() {
        return minFrequency;
    }

    /** The special tokens, which take the first ids: the given ones, or the family's defaults. */
    public List<String> specialTokens(Family family) {
        return specialTokens != null ? specialTokens : family.defaultSpecialTokens();
    }

    /** The most alphabet characters to keep, or {@code null} for no limit. */
    public Integer limitAlphabet() {
        return limitAlphabet;
    }

    /** Whether text is lowercased: as set, or the family's default. */
    public boolean lowercase(Family family) {
        return lowercase != null ? lowercase : family.defaultLowercase();
    }

    /** How WordPiece chooses pairs (ignored by the BPE families). */
    public WordPieceTrainer.Mode mode() {
        return mode;
    }

    /** Worker threads for counting words and pairs; the result does not depend on it. */
    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "TrainingOptions[vocabSize=" + vocabSize + ", minFrequency=" + minFrequency + ", specialTokens="
                + specialTokens + ", limitAlphabet=" + limitAlphabet + ", lowercase=" + lowercase + ", mode=" + mode
                + ", threads=" + threads + "]";
    }

    /** Sets the options; every setter rejects a bad value with an {@link IllegalArgumentException} naming it. */
    public static final class Builder {
        private int vocabSize = DEFAULT_VOCAB_SIZE;
        private long minFrequency;
        private List<String> specialTokens;
        private Integer limitAlphabet;
        private Boolean lowercase;
        private WordPieceTrainer.Mode mode = WordPieceTrainer.Mode.HF;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** The vocabulary size, at least 1 (default 30000). */
        public Builder vocabSize(int vocabSize) {
            if (vocabSize < 1) {
                throw new IllegalArgumentException("vocabulary size must be at least 1, not " + vocabSize);
            }
            this.vocabSize = vocabSize;
            return this;
        }

        /** The count a pair needs to be merged, at least 0 (default 0: any pair). */
        public Builder minFrequency(long minFrequency) {
            if (minFrequency < 0) {
                throw new IllegalArgumentException("minimum frequency must not be negative, not " + minFrequency);
            }
            this.minFrequency = minFrequency;
            return this;
        }

        /** The special tokens, or {@code null} for the family's defaults. Each must be non-empty. */
        public Builder specialTokens(List<String> specialTokens) {
            if (specialTokens != null) {
                for (String t : specialTokens) {
                    if (t == null || t.isEmpty()) {
                        throw new IllegalArgumentException("special tokens must be non-empty: " + specialTokens);
                    }
                }
                specialTokens = List.copyOf(specialTokens);
            }
            this.specialTokens = specialTokens;
            return this;
        }

        /** Keep at most this many alphabet characters, or {@code null} for no limit (the default). */
        public Builder limitAlphabet(Integer limitAlphabet) {
            if (limitAlphabet != null && limitAlphabet < 0) {
                throw new IllegalArgumentException("alphabet limit must not be negative, not " + limitAlphabet);
            }
            this.limitAlphabet = limitAlphabet;
            return this;
        }

        /** Lowercase the text, or {@code null} for the family's default. */
        public Builder lowercase(Boolean lowercase) {
            this.lowercase = lowercase;
            return this;
        }

        /** How WordPiece chooses pairs (default {@link WordPieceTrainer.Mode#HF}). */
        public Builder mode(WordPieceTrainer.Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Worker threads, at least 1 (default: the number of processors). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        public TrainingOptions build() {
            return new TrainingOptions(this);
        }
    }
}
