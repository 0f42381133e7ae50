package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.compare.Candidate;
import io.subword.compare.Comparison;
import io.subword.compare.ComparisonResult;
import io.subword.compare.HeldOutSplit;
import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import io.subword.vocab.io.VocabFormatException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The work of {@code subword compare} (and of the demo, which runs it on Europarl): hold out part of the
 * training text unless a held-out file is given, count words, train each model at each vocabulary size, load
 * the given tokenizers, and measure them all on the held-out text. Flags are mapped to this by the commands.
 */
final class CompareJob {
    List<Path> train = List.of();
    Path test;
    List<String> tokenizers = List.of();
    List<Family> kinds = List.of();
    List<Integer> vocabSizes = List.of();
    double heldOutFraction = 0.1;
    long seed = 42;
    int examples = 12;
    List<String> exampleWords = List.of();
    boolean lowercase;
    /** Whether to guess each held-out line's language and measure per language ({@code --languages}). */
    boolean languages = true;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Where the split's files go; a temporary folder (deleted afterwards) when null. */
    Path workDir;

    /** What a run made. */
    record Outcome(ComparisonResult result, List<Candidate> candidates, List<TrainedTokenizer> trained,
                   Map<Family, WordCounts> counts, Corpus trainCorpus, String trainName, long trainBytes) {
    }

    /**
     * Runs the comparison.
     *
     * @throws IllegalArgumentException for an empty held-out text or nothing to compare
     */
    Outcome run(Progress log, PrintWriter err) throws IOException, VocabFormatException {
        Objects.requireNonNull(log, "log");
        if (train.isEmpty() && (test == null || !kinds.isEmpty())) {
            throw new IllegalArgumentException(kinds.isEmpty() ? "nothing to measure on: give --test or --train"
                    : "training " + String.join(",", kinds.stream().map(Family::cliName).toList())
                    + " needs --train");
        }
        if (kinds.isEmpty() && tokenizers.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no --train-vocabs and no -t tokenizers");
        }
        // Fail on missing files and unreadable tokenizers before any long work.
        Corpus trainCorpus = train.isEmpty() ? null : Corpus.of(train);
        Corpus testCorpus = test == null ? null : Corpus.of(test);
        List<Candidate> given = new ArrayList<>();
        for (String t : tokenizers) {
            given.add(loadTokenizer(t, err));
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
                log.note(String.format(java.util.Locale.ROOT, "%,d training lines, %,d held-out lines",
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
            Map<Family, WordCounts> counts = new EnumMap<>(Family.class);
            List<Family> countKinds = new ArrayList<>(kinds);
            if (!countKinds.contains(Family.WORD_LEVEL) && trainCorpus != null) {
                countKinds.add(Family.WORD_LEVEL); // the word counts also tell how rare an example word is
            }
            for (Family kind : countKinds) {
                WordCounts shared = counts.entrySet().stream()
                        .filter(e -> e.getKey().countsKey(lowercase).equals(kind.countsKey(lowercase)))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (shared == null) {
                    log.step("count words for " + kind.cliName());
                    shared = trainer(kind, vocabSizes.isEmpty() ? 1000 : vocabSizes.get(0)).wordCounter()
                            .count(trainCorpus, log);
                    log.note(String.format(java.util.Locale.ROOT, "%,d distinct words", shared.size()));
                    if (shared.size() == 0) {
                        throw new IllegalArgumentException(describe(train) + ": no words to train on");
                    }
                }
                counts.put(kind, shared);
            }
            List<TrainedTokenizer> trained = new ArrayList<>();
            for (Family kind : kinds) {
                for (int size : vocabSizes) {
                    log.step("train " + kind.cliName() + " " + size);
                    TrainedTokenizer model = trainer(kind, size).train(counts.get(kind), log);
                    trained.add(model);
                    candidates.add(new Candidate(kind.cliName(), size, model.tokenizer()));
                }
            }
            candidates.addAll(given);
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

    private static boolean hasWords(Corpus corpus) throws IOException, VocabFormatException {
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

    /** A tokenizer file or known name, as {@code -t} takes it, named by its file name. */
    static Candidate loadTokenizer(String ref, PrintWriter err) throws IOException, VocabFormatException {
        Path file = Path.of(ref);
        Tokenizer tok;
        String name;
        if (!Files.exists(file) && PretrainedTokenizers.isName(ref)) {
            tok = PretrainedTokenizers.load(ref, err);
            name = ref;
        } else {
            Path source = TokenizerOption.source(file);
            tok = switch (TokenizerOption.kind(file)) {
                case TOKENIZER_JSON -> Tokenizers.fromFile(source);
                case TIKTOKEN -> Tokenizers.fromTiktoken(source, io.subword.TiktokenEncoding
                        .forFileName(String.valueOf(source.getFileName())).orElseThrow(() ->
                                new IllegalArgumentException(file + ": cannot tell the split pattern from the name;"
                                        + " name it as tiktoken does, such as cl100k_base.tiktoken")));
                default -> Tokenizers.fromVocabTxt(source);
            };
            name = file.getFileName().toString();
            if (name.equals("tokenizer.json") || name.equals("vocab.txt")) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null && parent.getFileName() != null) {
                    name = parent.getFileName() + "/" + name;
                }
            }
        }
        return Candidate.of(name, tok.withTruncation(null).withPadding(null));
    }

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
