package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.vocab.Vocabulary;
import io.subword.wordlevel.WordLevel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Learns a word-level vocabulary from {@link WordCounts}, as Hugging Face tokenizers' {@code WordLevelTrainer}
 * does: the special tokens first, in the given order, then the words by falling count (ties: code point order
 * of the words), those seen fewer than {@code minFrequency} times left out, until the vocabulary has
 * {@code vocabSize} tokens. Everything else becomes the unknown token. A word equal to a special token is not
 * added twice. Immutable and thread-safe.
 */
public final class WordLevelTrainer implements Trainer {
    private final TrainingOptions options;
    private final int vocabSize;
    private final long minFrequency;
    private final List<String> specialTokens;
    private final String unkToken;

    private WordLevelTrainer(TrainingOptions options, String unkToken) {
        this.options = options;
        this.vocabSize = options.vocabSize();
        this.minFrequency = options.minFrequency();
        this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
        List<String> given = options.specialTokens(Family.WORD_LEVEL);
        Set<String> specials = new LinkedHashSet<>(given);
        if (!specials.contains(unkToken)) {
            throw new IllegalArgumentException("the unknown token " + Vocabulary.quote(unkToken)
                    + " must be among the special tokens " + given);
        }
        this.specialTokens = List.copyOf(specials);
        if (vocabSize < specialTokens.size()) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " is smaller than the "
                    + specialTokens.size() + " special tokens");
        }
    }

    /**
     * The trainer of {@link Family#WORD_LEVEL} with {@code options}; the unknown token is {@code [UNK]}.
     *
     * @throws IllegalArgumentException if {@code [UNK]} is not a special token, or they do not fit
     */
    public static WordLevelTrainer of(TrainingOptions options) {
        return new WordLevelTrainer(options, Family.WORD_LEVEL_UNK_TOKEN);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link WordLevelTrainer}: {@link TrainingOptions} and the unknown token. */
    public static final class Builder {
        private final TrainingOptions.Builder options = TrainingOptions.builder();
        private String unkToken = Family.WORD_LEVEL_UNK_TOKEN;

        private Builder() {
        }

        /** See {@link TrainingOptions.Builder#vocabSize}. */
        public Builder vocabSize(int vocabSize) {
            options.vocabSize(vocabSize);
            return this;
        }

        /** The count a word needs to get into the vocabulary (default 0: any). */
        public Builder minFrequency(long minFrequency) {
            options.minFrequency(minFrequency);
            return this;
        }

        /** The special tokens, which take the first ids (default {@code [UNK]}); must include the unknown token. */
        public Builder specialTokens(List<String> specialTokens) {
            options.specialTokens(Objects.requireNonNull(specialTokens, "specialTokens"));
            return this;
        }

        /** The token of every word outside the vocabulary (default {@code [UNK]}). */
        public Builder unkToken(String unkToken) {
            this.unkToken = Objects.requireNonNull(unkToken, "unkToken");
            return this;
        }

        /** @throws IllegalArgumentException if the unknown token is not a special token, or they do not fit */
        public WordLevelTrainer build() {
            return new WordLevelTrainer(options.build(), unkToken);
        }
    }

    @Override
    public Family family() {
        return Family.WORD_LEVEL;
    }

    @Override
    public TrainingOptions options() {
        return options;
    }

    @Override
    public WordCounter wordCounter() {
        return WordCounter.builder(Family.WORD_LEVEL.preTokenizer())
                .normalizer(Family.WORD_LEVEL.normalizer(options.lowercase(Family.WORD_LEVEL)))
                .threads(options.threads()).build();
    }

    @Override
    public TrainedTokenizer train(WordCounts counts, TrainingListener listener) {
        return TrainedTokenizer.ofWordLevel(learn(BpeTrainer.nonEmpty(counts), listener),
                options.lowercase(Family.WORD_LEVEL));
    }

    /** Learns the word-level model from {@code counts}, without a pipeline around it. */
    public WordLevel learn(WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        listener.phase("rank words");
        List<String> tokens = new ArrayList<>(Math.min(vocabSize, specialTokens.size() + counts.size()));
        tokens.addAll(specialTokens);
        Set<String> specials = Set.copyOf(specialTokens);
        String[] words = new String[counts.size()];
        long[] wordCounts = new long[counts.size()];
        int[] n = {0};
        counts.forEach((word, count) -> {
            if (count >= minFrequency && !specials.contains(word)) {
                words[n[0]] = word;
                wordCounts[n[0]] = count;
                n[0]++;
            }
        });
        // Sort positions, not strings with map lookups: counts compare as primitives.
        int[] order = new int[n[0]];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.parallelQuickSort(order, (a, b) -> {
            int byCount = Long.compare(wordCounts[b], wordCounts[a]);
            return byCount != 0 ? byCount : WordCounts.CODE_POINT_ORDER.compare(words[a], words[b]);
        });
        for (int i = 0; i < order.length && tokens.size() < vocabSize; i++) {
            tokens.add(words[order[i]]);
        }
        listener.merges(tokens.size(), vocabSize);
        return WordLevel.of(Vocabulary.of(tokens), unkToken);
    }

    public int vocabSize() {
        return vocabSize;
    }

    public List<String> specialTokens() {
        return specialTokens;
    }

    public String unkToken() {
        return unkToken;
    }
}
