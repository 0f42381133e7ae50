package io.subword.compare;

import io.subword.progress.TrainingListener;
import io.subword.train.Await;
import io.subword.train.Corpus;
import io.subword.vocab.Require;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Measures tokenizers on held-out text: the {@link Metrics} of each {@link Candidate} on all lines and per
 * language group, and the splits of the rarest held-out words.
 *
 * <p>The text is streamed in chunks of lines; each chunk is split into words once (see {@link Metrics} for
 * what a word is), its lines grouped by {@link LanguageGuesser language}, and then every candidate encodes the
 * chunk's lines (candidates in parallel, each on one thread), so memory holds one chunk and the table of
 * distinct words. Lines are encoded without special tokens. The result does not depend on the thread count.
 *
 * <p>Examples: the words given explicitly first, then the rarest held-out words: words of letters only, at
 * least six characters long, least often seen in training first (unseen ones first of all), then most often
 * seen in the held-out text, then longest, then in code point order; taken in turn from each language group
 * (most lines first) so that every language shows. Each example word is encoded on its own.
 *
 * <p>Its parts: {@code HeldOutText} (the text: words, types, language groups), {@code CandidateRun} (one
 * tokenizer measured against it) and {@code ExampleChooser} (the choice and splits of example words); this
 * class streams the chunks through them.
 */
public final class Comparison {
    private final int threads;
    private final int chunkLines;
    private final int exampleCount;
    private final List<String> exampleWords;
    private final boolean groupByLanguage;

    private Comparison(Builder b) {
        this.threads = b.threads;
        this.chunkLines = b.chunkLines;
        this.exampleCount = b.exampleCount;
        this.exampleWords = List.copyOf(b.exampleWords);
        this.groupByLanguage = b.groupByLanguage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link Comparison}. */
    public static final class Builder {
        private int threads = 1;
        private int chunkLines = 1024;
        private int exampleCount = 12;
        private List<String> exampleWords = List.of();
        private boolean groupByLanguage = true;

        private Builder() {
        }

        /** Candidates measured at once (default 1); does not change the result. */
        public Builder threads(int threads) {
            Require.atLeast("threads", threads, 1);
            this.threads = threads;
            return this;
        }

        /** Lines read at a time (default 1024); does not change the result. */
        public Builder chunkLines(int chunkLines) {
            Require.atLeast("chunkLines", chunkLines, 1);
            this.chunkLines = chunkLines;
            return this;
        }

        /** How many rare held-out words to show besides the given ones (default 12). */
        public Builder exampleCount(int exampleCount) {
            Require.notNegative("exampleCount", exampleCount);
            this.exampleCount = exampleCount;
            return this;
        }

        /** Words always shown first, whether in the held-out text or not. */
        public Builder exampleWords(List<String> words) {
            for (String w : words) {
                if (w == null || w.isBlank()) {
                    throw new IllegalArgumentException("empty example word in " + words);
                }
            }
            this.exampleWords = List.copyOf(words);
            return this;
        }

        /** Whether to guess each line's language and measure per language too (default true). */
        public Builder groupByLanguage(boolean groupByLanguage) {
            this.groupByLanguage = groupByLanguage;
            return this;
        }

        public Comparison build() {
            return new Comparison(this);
        }
    }

    /**
     * Measures {@code candidates} on the lines of {@code heldOut}.
     *
     * @param trainingCount how often a word (as it appears in the text) was seen in training, to find rare
     *                      words; {@code w -> 0} when unknown
     * @throws IllegalArgumentException if there are no candidates or the held-out text has no words
     */
    public ComparisonResult run(List<Candidate> candidates, Corpus heldOut, String heldOutName,
                                ToLongFunction<String> trainingCount, TrainingListener listener)
            throws IOException, InputFormatException {
        Objects.requireNonNull(trainingCount, "trainingCount");
        Objects.requireNonNull(listener, "listener");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no tokenizers");
        }
        HeldOutText text = new HeldOutText(groupByLanguage);
        List<CandidateRun> runs = new ArrayList<>();
        for (Candidate c : candidates) {
            runs.add(new CandidateRun(c));
        }
        listener.phase("measure " + candidates.size() + " tokenizers");
        long totalBytes = heldOut.totalBytes();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "subword-compare");
            t.setDaemon(true);
            return t;
        });
        try (Corpus.Lines lines = heldOut.open()) {
            List<String> chunk = new ArrayList<>(chunkLines);
            String line;
            boolean more = true;
            while (more) {
                chunk.clear();
                while (chunk.size() < chunkLines && (line = lines.next()) != null) {
                    chunk.add(line);
                }
                more = chunk.size() == chunkLines;
                if (chunk.isEmpty()) {
                    break;
                }
                HeldOutText.Chunk parsed = text.add(chunk);
                measure(runs, parsed, pool);
                listener.bytesRead(lines.bytesRead(), totalBytes);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (text.words == 0) {
            throw new IllegalArgumentException(heldOutName + ": the held-out text has no words to measure on");
        }
        List<String> groups = text.groupsByLines();
        List<ModelResult> models = new ArrayList<>();
        for (CandidateRun r : runs) {
            Map<String, Metrics> byLanguage = new LinkedHashMap<>();
            if (groups.size() > 1) {
                for (String g : groups) {
                    int gi = text.groupIndex.getInt(g);
                    byLanguage.put(g, r.tally(gi + 1).metrics(text.typesOfGroup.get(gi).cardinality(), r.vocabSize));
                }
            }
            models.add(new ModelResult(r.candidate.model(), r.candidate.vocabSize(),
                    r.tally(0).metrics(text.typeIds.size(), r.vocabSize), byLanguage));
        }
        Map<String, Long> linesByLanguage = new LinkedHashMap<>();
        for (String g : groups) {
            linesByLanguage.put(g, text.linesOfGroup.getLong(text.groupIndex.getInt(g)));
        }
        ComparisonResult.HeldOut summary = new ComparisonResult.HeldOut(heldOutName, text.lines, text.words,
                text.typeIds.size(), text.chars, text.bytes, linesByLanguage);
        listener.phase("split examples");
        return new ComparisonResult(summary, models,
                new ExampleChooser(exampleCount, exampleWords).choose(candidates, text, groups, trainingCount));
    }

    private void measure(List<CandidateRun> runs, HeldOutText.Chunk chunk, ExecutorService pool) {
        if (pool == null) {
            for (CandidateRun r : runs) {
                r.add(chunk);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(runs.size());
        for (CandidateRun r : runs) {
            futures.add(pool.submit(() -> r.add(chunk)));
        }
        for (Future<?> f : futures) {
            Await.result(f, "measuring");
        }
    }
}
