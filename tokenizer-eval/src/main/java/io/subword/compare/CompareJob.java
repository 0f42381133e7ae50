package io.subword.compare;

import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import io.subword.vocab.Require;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The work of {@code subword compare} and of the demo: hold out part of the training text unless a held-out text
 * is given, count words, train each family at each vocabulary size through {@link Trainer}, add the given
 * tokenizers, and measure them all on the held-out text with a {@link Comparison}. The commands only map their
 * flags to a {@link Builder} (as {@code spm_train} maps flags to a {@code TrainerSpec}).
 */
public final class CompareJob {
    /** The families trained when none are named: every family, word-level first (the baseline). */
    public static final List<Family> DEFAULT_FAMILIES = List.of(Family.WORD_LEVEL, Family.WORD_PIECE, Family.BPE,
            Family.BYTE_LEVEL, Family.UNIGRAM);

    private final List<Path> train;
    private final Path test;
    private final List<TokenizerSource> given;
    private final List<Family> kinds;
    private final List<Integer> vocabSizes;
    private final double heldOutFraction;
    private final long seed;
    private final int examples;
    private final List<String> exampleWords;
    private final boolean lowercase;
    private final boolean languages;
    private final int threads;
    private final Path workDir;

    private CompareJob(Builder b) {
        this.train = List.copyOf(b.train);
        this.test = b.test;
        this.given = List.copyOf(b.given);
        this.kinds = List.copyOf(b.kinds);
        this.vocabSizes = List.copyOf(b.vocabSizes);
        this.heldOutFraction = b.heldOutFraction;
        this.seed = b.seed;
        this.examples = b.examples;
        this.exampleWords = List.copyOf(b.exampleWords);
        this.lowercase = b.lowercase;
        this.languages = b.languages;
        this.threads = b.threads;
        this.workDir = b.workDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What to compare and how; every setting has the default of {@code subword compare}. */
    public static final class Builder {
        private List<Path> train = List.of();
        private Path test;
        private List<TokenizerSource> given = List.of();
        private List<Family> kinds = DEFAULT_FAMILIES;
        private List<Integer> vocabSizes = List.of(1000, 4000, 16000, 32000);
        private double heldOutFraction = 0.1;
        private long seed = 42;
        private int examples = 12;
        private List<String> exampleWords = List.of();
        private boolean lowercase;
        private boolean languages = true;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Path workDir;

        private Builder() {
        }

        /** Training text: files or folders, one text per line. */
        public Builder train(List<Path> train) {
            this.train = List.copyOf(train);
            return this;
        }

        /** Held-out text to measure on; {@code null} (the default) holds out a seeded share of the training lines. */
        public Builder test(Path test) {
            this.test = test;
            return this;
        }

        /**
         * Tokenizers measured besides the trained ones, after them; loaded when the job runs, after its settings
         * and files are checked and before any long work.
         */
        public Builder tokenizers(List<TokenizerSource> given) {
            this.given = List.copyOf(given);
            return this;
        }

        /** The families to train, in the order the reports show them (default {@link #DEFAULT_FAMILIES}). */
        public Builder families(List<Family> kinds) {
            this.kinds = List.copyOf(kinds);
            return this;
        }

        /** The vocabulary sizes each family is trained at. */
        public Builder vocabSizes(List<Integer> vocabSizes) {
            for (int s : vocabSizes) {
                Require.atLeast("vocabulary size", s, 1);
            }
            this.vocabSizes = List.copyOf(vocabSizes);
            return this;
        }

        /** The share of training lines held out when there is no held-out text (default 0.1). */
        public Builder heldOutFraction(double heldOutFraction) {
            this.heldOutFraction = heldOutFraction;
            return this;
        }

        /** The seed of the held-out split (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many of the rarest held-out words to show split (default 12). */
        public Builder examples(int examples) {
            this.examples = examples;
            return this;
        }

        /** Words always shown split, first. */
        public Builder exampleWords(List<String> exampleWords) {
            this.exampleWords = List.copyOf(exampleWords);
            return this;
        }

        /** Whether every trained model lowercases (accents are kept). */
        public Builder lowercase(boolean lowercase) {
            this.lowercase = lowercase;
            return this;
        }

        /** Whether to guess each held-out line's language and measure per language (default true). */
        public Builder languages(boolean languages) {
            this.languages = languages;
            return this;
        }

        /** Worker threads (default: the number of cores); does not change the result. */
        public Builder threads(int threads) {
            Require.atLeast("threads", threads, 1);
            this.threads = threads;
            return this;
        }

        /** Where the split's files go; a temporary folder (deleted afterwards) when null. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        public CompareJob build() {
            return new CompareJob(this);
        }
    }

    /** A tokenizer to measure, loaded when the job runs (so that a bad file fails before the long work). */
    @FunctionalInterface
    public interface TokenizerSource {
        Candidate load() throws IOException, InputFormatException;
    }

    /** Worker threads. */
    public int threads() {
        return threads;
    }

    /** Whether the trained models lowercase. */
    public boolean lowercase() {
        return lowercase;
    }

    /**
     * What a run made: the result, the candidates measured (trained ones first, in the order of
     * {@link #trained}), the trained tokenizers, the word counts of each family, and the training text.
     */
    public record Outcome(ComparisonResult result, List<Candidate> candidates, List<TrainedTokenizer> trained,
                          Map<Family, WordCounts> counts, Corpus trainCorpus, String trainName, long trainBytes) {
    }

    /**
     * Runs the comparison.
     *
     * @throws IllegalArgumentException for an empty held-out text or nothing to compare
     */
    public Outcome run(CompareListener log) throws IOException, InputFormatException {
        Objects.requireNonNull(log, "log");
        if (train.isEmpty() && (test == null || !kinds.isEmpty())) {
            throw new IllegalArgumentException(kinds.isEmpty() ? "nothing to measure on: give --test or --train"
                    : "training " + String.join(",", kinds.stream().map(Family::cliName).toList())
                    + " needs --train");
        }
        if (kinds.isEmpty() && given.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no --train-vocabs and no -t tokenizers");
        }
        // Fail on missing files and unreadable tokenizers before any long work.
        Corpus trainCorpus = train.isEmpty() ? null : Corpus.of(train);
        Corpus testCorpus = test == null ? null : Corpus.of(test);
        List<Candidate> loaded = new ArrayList<>();
        for (TokenizerSource t : given) {
            loaded.add(t.load());
        }
        List<Candidate> candidates = new ArrayList<>();
        Path temp = null;
        try {
            String heldOutName;
            if (testCorpus == null) {
                Path dir = workDir;
                if (dir == null) {
                    temp = Files.createTempDirectory("subword-compare");
                    dir = temp;
                }
                log.step("split " + describe(train) + ": hold out " + Math.round(heldOutFraction * 100)
                        + "% of the lines (seed " + seed + ")");
                HeldOutSplit split = HeldOutSplit.split(trainCorpus, heldOutFraction, seed, dir, log);
                log.note(String.format(Locale.ROOT, "%,d training lines, %,d held-out lines",
                        split.trainLines(), split.heldOutLines()));
                trainCorpus = split.train();
                testCorpus = split.heldOut();
                heldOutName = Math.round(heldOutFraction * 100) + "% of " + describe(train) + " (seed " + seed + ")";
            } else {
                heldOutName = describe(List.of(test));
            }
            if (!hasWords(testCorpus)) {
                throw new IllegalArgumentException(heldOutName + ": the held-out text is empty");
            }
            Map<Family, WordCounts> counts = countWords(trainCorpus, log);
            List<TrainedTokenizer> trained = new ArrayList<>();
            for (Family kind : kinds) {
                for (int size : vocabSizes) {
                    log.step("train " + kind.cliName() + " " + size);
                    TrainedTokenizer model = trainer(kind, size).train(counts.get(kind), log);
                    trained.add(model);
                    candidates.add(new Candidate(kind.cliName(), size, model.tokenizer()));
                }
            }
            candidates.addAll(loaded);
            log.step("measure " + candidates.size() + " tokenizers on the held-out text");
            WordCounts wordCounts = counts.get(Family.WORD_LEVEL);
            ToLongFunction<String> trainingCount = wordCounts == null ? w -> 0 : trainingCounts(wordCounts);
            ComparisonResult result = Comparison.builder().threads(threads).exampleCount(examples)
                    .exampleWords(exampleWords).groupByLanguage(languages).build()
                    .run(candidates, testCorpus, heldOutName, trainingCount, log);
            long trainBytes = trainCorpus == null ? 0 : trainCorpus.totalBytes();
            return new Outcome(result, candidates, trained, counts, trainCorpus, train.isEmpty() ? "-" : describe(train),
                    trainBytes);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /**
     * The word counts of each family to train, counted once per distinct counting pipeline (families that
     * normalize and pre-tokenize alike share one table); the word-level counts are always made when there is
     * training text, since they also tell how rare an example word is.
     */
    private Map<Family, WordCounts> countWords(Corpus trainCorpus, CompareListener log)
            throws IOException, InputFormatException {
        Map<Family, WordCounts> counts = new EnumMap<>(Family.class);
        List<Family> countKinds = new ArrayList<>(kinds);
        if (!countKinds.contains(Family.WORD_LEVEL) && trainCorpus != null) {
            countKinds.add(Family.WORD_LEVEL);
        }
        for (Family kind : countKinds) {
            WordCounts shared = counts.entrySet().stream()
                    .filter(e -> e.getKey().countsKey(lowercase).equals(kind.countsKey(lowercase)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (shared == null) {
                log.step("count words for " + kind.cliName());
                shared = trainer(kind, vocabSizes.isEmpty() ? 1000 : vocabSizes.get(0)).wordCounter()
                        .count(trainCorpus, log);
                log.note(String.format(Locale.ROOT, "%,d distinct words", shared.size()));
                if (shared.size() == 0) {
                    throw new IllegalArgumentException(describe(train) + ": no words to train on");
                }
            }
            counts.put(kind, shared);
        }
        return counts;
    }

    /** How often a word of the text was seen in training, as the word-level pipeline normalizes it. */
    private ToLongFunction<String> trainingCounts(WordCounts counts) {
        Normalizer normalizer = Family.WORD_LEVEL.normalizer(lowercase);
        return word -> counts.count(normalizer == null ? word : normalizer.normalize(NormalizedText.of(word)).text());
    }

    /**
     * The trainer of {@code family} at {@code vocabSize}, with the family's defaults (Hugging Face's trainers',
     * SentencePiece's for Unigram) and the job's case and threads.
     */
    private Trainer trainer(Family family, int vocabSize) {
        return Trainer.of(family, TrainingOptions.builder().vocabSize(vocabSize).lowercase(lowercase)
                .threads(threads).build());
    }

    private static boolean hasWords(Corpus corpus) throws IOException, InputFormatException {
        try (Corpus.Lines lines = corpus.open()) {
            String line;
            while ((line = lines.next()) != null) {
                if (!line.isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One path as it is, or {@code "3 files"}. */
    static String describe(List<Path> paths) {
        return paths.size() == 1 ? paths.get(0).toString() : paths.size() + " files";
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
