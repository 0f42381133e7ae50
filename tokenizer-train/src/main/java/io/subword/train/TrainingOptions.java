package io.subword.train;
import io.subword.vocab.Require;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of every {@link Trainer}, as SentencePiece's {@code TrainerSpec} is one set of options for all of
 * its trainers: each option is checked once, here, whichever trainer reads it. Anything left unset takes the
 * default of the {@link Family}. The defaults of the shared options are those of Hugging Face's trainers
 * ({@code BpeTrainer::default()}, {@code WordPieceTrainer::default()}): vocabulary size 30000, minimum frequency
 * 0, no alphabet limit; the Unigram options default as {@code spm_train}'s flags do.
 *
 * <table>
 *   <caption>Which trainer reads which option</caption>
 *   <tr><th>option</th><th>read by</th></tr>
 *   <tr><td>vocabSize, specialTokens, lowercase, threads</td><td>all</td></tr>
 *   <tr><td>minFrequency</td><td>BPE, byte-level, WordPiece (pairs), word-level (words)</td></tr>
 *   <tr><td>limitAlphabet, initialAlphabet</td><td>BPE, byte-level, WordPiece</td></tr>
 *   <tr><td>maxTokenLength</td><td>BPE, byte-level, WordPiece (default: none), Unigram (default 16)</td></tr>
 *   <tr><td>mode</td><td>WordPiece</td></tr>
 *   <tr><td>characterCoverage, shrinkingFactor, seedSize, subIterations, splitByWhitespace, splitDigits,
 *       byteFallback, userDefinedSymbols, normalization</td><td>Unigram</td></tr>
 * </table>
 * Immutable; build with {@link #builder()}.
 */
public final class TrainingOptions implements java.io.Serializable {
    // Serializable so that distributed counting (tokenizer-spark) can rebuild the same word counter on other machines.
    private static final long serialVersionUID = 1L;

    /** The default vocabulary size. */
    public static final int DEFAULT_VOCAB_SIZE = 30000;

    private final int vocabSize;
    private final long minFrequency;
    private final List<String> specialTokens;
    private final Integer limitAlphabet;
    private final Set<Integer> initialAlphabet;
    private final Integer maxTokenLength;
    private final Boolean lowercase;
    private final WordPieceTrainer.Mode mode;
    private final int threads;
    private final double characterCoverage;
    private final double shrinkingFactor;
    private final int seedSize;
    private final int subIterations;
    private final boolean splitByWhitespace;
    private final boolean splitDigits;
    private final boolean byteFallback;
    private final List<String> userDefinedSymbols;
    private final String normalization;

    private TrainingOptions(Builder b) {
        this.vocabSize = b.vocabSize;
        this.minFrequency = b.minFrequency;
        this.specialTokens = b.specialTokens;
        this.limitAlphabet = b.limitAlphabet;
        this.initialAlphabet = Set.copyOf(b.initialAlphabet);
        this.maxTokenLength = b.maxTokenLength;
        this.lowercase = b.lowercase;
        this.mode = b.mode;
        this.threads = b.threads;
        this.characterCoverage = b.characterCoverage;
        this.shrinkingFactor = b.shrinkingFactor;
        this.seedSize = b.seedSize;
        this.subIterations = b.subIterations;
        this.splitByWhitespace = b.splitByWhitespace;
        this.splitDigits = b.splitDigits;
        this.byteFallback = b.byteFallback;
        this.userDefinedSymbols = b.userDefinedSymbols;
        this.normalization = b.normalization;
    }

    /** All defaults. */
    public static TrainingOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.vocabSize = vocabSize;
        b.minFrequency = minFrequency;
        b.specialTokens = specialTokens;
        b.limitAlphabet = limitAlphabet;
        b.initialAlphabet = new LinkedHashSet<>(initialAlphabet);
        b.maxTokenLength = maxTokenLength;
        b.lowercase = lowercase;
        b.mode = mode;
        b.threads = threads;
        b.characterCoverage = characterCoverage;
        b.shrinkingFactor = shrinkingFactor;
        b.seedSize = seedSize;
        b.subIterations = subIterations;
        b.splitByWhitespace = splitByWhitespace;
        b.splitDigits = splitDigits;
        b.byteFallback = byteFallback;
        b.userDefinedSymbols = userDefinedSymbols;
        b.normalization = normalization;
        return b;
    }

    /** The vocabulary size to reach, special tokens and alphabet included. */
    public int vocabSize() {
        return vocabSize;
    }

    /** The count a pair (or, for word-level, a word) needs to get into the vocabulary. */
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

    /** Code points always in the alphabet, even if the corpus lacks them. */
    public Set<Integer> initialAlphabet() {
        return initialAlphabet;
    }

    /**
     * The longest token a merge may make (BPE families) or the longest piece (Unigram), in characters; as set,
     * or the family's default: none for the BPE families, 16 for Unigram (SentencePiece's). Never 0.
     */
    public int maxTokenLength(Family family) {
        if (maxTokenLength != null) {
            return maxTokenLength == 0 ? Integer.MAX_VALUE : maxTokenLength;
        }
        return family.defaultMaxTokenLength();
    }

    /** Whether text is lowercased: as set, or the family's default. */
    public boolean lowercase(Family family) {
        return lowercase != null ? lowercase : family.defaultLowercase();
    }

    /** How WordPiece chooses pairs. */
    public WordPieceTrainer.Mode mode() {
        return mode;
    }

    /** Worker threads for counting words and pairs, and Unigram's E-step; the result does not depend on it. */
    public int threads() {
        return threads;
    }

    /** Unigram: the share of characters (by count) the alphabet covers; rarer ones become unknown. */
    public double characterCoverage() {
        return characterCoverage;
    }

    /** Unigram: each pruning round keeps this share of the pieces (but never fewer than the target). */
    public double shrinkingFactor() {
        return shrinkingFactor;
    }

    /** Unigram: the most seed pieces taken from the suffix array. */
    public int seedSize() {
        return seedSize;
    }

    /** Unigram: EM iterations between two pruning rounds. */
    public int subIterations() {
        return subIterations;
    }

    /** Unigram: whether a piece may not cross a word boundary (a space). */
    public boolean splitByWhitespace() {
        return splitByWhitespace;
    }

    /** Unigram: whether every digit is a word of its own. */
    public boolean splitDigits() {
        return splitDigits;
    }

    /** Unigram: whether the 256 byte pieces {@code <0x00>} ... are in the vocabulary, for unknown characters. */
    public boolean byteFallback() {
        return byteFallback;
    }

    /** Unigram: pieces always in the vocabulary and always kept whole when they occur in the text. */
    public List<String> userDefinedSymbols() {
        return userDefinedSymbols;
    }

    /**
     * Unigram: SentencePiece's normalization rule, {@code nmt_nfkc} (the default: NFKC plus NMT clean-up of control
     * characters and spaces), {@code nfkc} or {@code identity}; extra spaces are removed in every case.
     */
    public String normalization() {
        return normalization;
    }

    @Override
    public String toString() {
        return "TrainingOptions[vocabSize=" + vocabSize + ", minFrequency=" + minFrequency + ", specialTokens="
                + specialTokens + ", limitAlphabet=" + limitAlphabet + ", lowercase=" + lowercase + ", mode=" + mode
                + ", threads=" + threads + "]";
    }

    /** Sets the options; every setter rejects a bad value with an {@link IllegalArgumentException} naming it. */
    public static final class Builder {
        /** The normalization rules the Unigram trainer knows. */
        public static final List<String> NORMALIZATIONS = List.of("nmt_nfkc", "nfkc", "nmt_nfkc_cf", "nfkc_cf", "identity");

        private int vocabSize = DEFAULT_VOCAB_SIZE;
        private long minFrequency;
        private List<String> specialTokens;
        private Integer limitAlphabet;
        private Set<Integer> initialAlphabet = new LinkedHashSet<>();
        private Integer maxTokenLength;
        private Boolean lowercase;
        private WordPieceTrainer.Mode mode = WordPieceTrainer.Mode.HF;
        private int threads = Runtime.getRuntime().availableProcessors();
        private double characterCoverage = 0.9995;
        private double shrinkingFactor = 0.75;
        private int seedSize = 1_000_000;
        private int subIterations = 2;
        private boolean splitByWhitespace = true;
        private boolean splitDigits;
        private boolean byteFallback;
        private List<String> userDefinedSymbols = List.of();
        private String normalization = "nmt_nfkc";

        private Builder() {
        }

        /** The vocabulary size, at least 1 (default 30000). */
        public Builder vocabSize(int vocabSize) {
            Require.atLeast("vocabulary size", vocabSize, 1);
            this.vocabSize = vocabSize;
            return this;
        }

        /** The count a pair needs to be merged, at least 0 (default 0: any pair). */
        public Builder minFrequency(long minFrequency) {
            Require.notNegative("minimum frequency", minFrequency);
            this.minFrequency = minFrequency;
            return this;
        }

        /** The special tokens, or {@code null} for the family's defaults. Each must be non-empty. */
        public Builder specialTokens(List<String> specialTokens) {
            this.specialTokens = specialTokens == null ? null : nonEmpty("special tokens", specialTokens);
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

        /** Characters to include even if the corpus lacks them, as strings of one code point each. */
        public Builder initialAlphabet(java.util.Collection<String> characters) {
            Set<Integer> cps = new LinkedHashSet<>();
            for (String c : characters) {
                if (c == null || c.isEmpty() || c.codePointCount(0, c.length()) != 1) {
                    throw new IllegalArgumentException("initial alphabet entry must be one character: \"" + c + "\"");
                }
                cps.add(c.codePointAt(0));
            }
            this.initialAlphabet = cps;
            return this;
        }

        /** The longest token in characters, {@code 0} for no limit, {@code null} for the family's default. */
        public Builder maxTokenLength(Integer maxTokenLength) {
            if (maxTokenLength != null && maxTokenLength < 0) {
                throw new IllegalArgumentException("maximum token length must not be negative, not "
                        + maxTokenLength);
            }
            this.maxTokenLength = maxTokenLength;
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
            Require.atLeast("threads", threads, 1);
            this.threads = threads;
            return this;
        }

        /** Unigram: the share of characters the alphabet covers, in (0, 1] (default 0.9995). */
        public Builder characterCoverage(double coverage) {
            if (!(coverage > 0 && coverage <= 1)) {
                throw new IllegalArgumentException("character coverage must be in (0, 1], not " + coverage);
            }
            this.characterCoverage = coverage;
            return this;
        }

        /** Unigram: the share of pieces each pruning round keeps, in (0, 1) (default 0.75). */
        public Builder shrinkingFactor(double factor) {
            if (!(factor > 0 && factor < 1)) {
                throw new IllegalArgumentException("shrinking factor must be in (0, 1), not " + factor);
            }
            this.shrinkingFactor = factor;
            return this;
        }

        /** Unigram: the most seed pieces, at least 1 (default 1,000,000). */
        public Builder seedSize(int seedSize) {
            Require.atLeast("seed size", seedSize, 1);
            this.seedSize = seedSize;
            return this;
        }

        /** Unigram: EM iterations per pruning round, at least 1 (default 2). */
        public Builder subIterations(int subIterations) {
            Require.atLeast("sub-iterations", subIterations, 1);
            this.subIterations = subIterations;
            return this;
        }

        /** Unigram: pieces never cross a space (default true). */
        public Builder splitByWhitespace(boolean split) {
            this.splitByWhitespace = split;
            return this;
        }

        /** Unigram: every digit is a word of its own (default false). */
        public Builder splitDigits(boolean split) {
            this.splitDigits = split;
            return this;
        }

        /** Unigram: add the 256 byte pieces for unknown characters (default false). */
        public Builder byteFallback(boolean byteFallback) {
            this.byteFallback = byteFallback;
            return this;
        }

        /** Unigram: pieces always in the vocabulary and kept whole in the text (default none). */
        public Builder userDefinedSymbols(List<String> symbols) {
            this.userDefinedSymbols = nonEmpty("user-defined symbols", symbols);
            return this;
        }

        /** Unigram: the normalization rule, one of {@link #NORMALIZATIONS} (default {@code nmt_nfkc}). */
        public Builder normalization(String rule) {
            if (!NORMALIZATIONS.contains(rule)) {
                throw new IllegalArgumentException("unknown normalization rule \"" + rule + "\": expected "
                        + String.join(" or ", NORMALIZATIONS));
            }
            this.normalization = rule;
            return this;
        }

        private static List<String> nonEmpty(String what, List<String> tokens) {
            for (String t : tokens) {
                if (t == null || t.isEmpty()) {
                    throw new IllegalArgumentException(what + " must be non-empty: " + tokens);
                }
            }
            return List.copyOf(tokens);
        }

        public TrainingOptions build() {
            return new TrainingOptions(this);
        }
    }
}
