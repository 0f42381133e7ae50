package io.subword.train;

import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.Spans;
import io.subword.progress.TrainingListener;
import io.subword.vocab.Require;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts the words of a {@link Corpus}: each line is normalized (when a normalizer is given), prepared and
 * split by the pre-tokenizer, and every word is counted.
 *
 * <p>Lines are read on the calling thread in chunks of {@link Builder#chunkLines(int) a fixed number of
 * lines} or of {@value #CHUNK_CHARS} chars, whichever comes first (so that a corpus of long lines still makes
 * enough chunks to keep every thread busy); worker threads count each chunk into its own table, keyed by the
 * words' chars where they stand in the line (no {@code String} per occurrence), and the chunk tables are added
 * to the result in corpus order. The result is therefore the same for any number of threads, pruning included: the word
 * table is pruned only right after a chunk is added, when it holds more than {@link Builder#maxEntries(int)}
 * words, by dropping the words seen fewer than a threshold that rises by one at each step (as fastText's
 * dictionary does) until at most three quarters of the limit remain. Immutable and reusable.
 */
public final class WordCounter {
    /** The most chars of text in one chunk (a chunk ends after the line that reaches it). */
    static final int CHUNK_CHARS = 1 << 18;

    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final int threads;
    private final int maxEntries;
    private final int chunkLines;

    private WordCounter(Builder b) {
        this.normalizer = b.normalizer;
        this.preTokenizer = b.preTokenizer;
        this.threads = b.threads;
        this.maxEntries = b.maxEntries;
        this.chunkLines = b.chunkLines;
    }

    public static Builder builder(PreTokenizer preTokenizer) {
        return new Builder(preTokenizer);
    }

    /** Settings of a {@link WordCounter}. */
    public static final class Builder {
        private Normalizer normalizer;
        private final PreTokenizer preTokenizer;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int maxEntries = 10_000_000;
        private int chunkLines = 4096;

        private Builder(PreTokenizer preTokenizer) {
            this.preTokenizer = Objects.requireNonNull(preTokenizer, "preTokenizer");
        }

        /** The normalizer applied to each line first, or {@code null} for none (the default). */
        public Builder normalizer(Normalizer normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        /** Worker threads that count words (default: the number of processors); does not change the result. */
        public Builder threads(int threads) {
            Require.atLeast("threads", threads, 1);
            this.threads = threads;
            return this;
        }

        /** The most distinct words the table may hold before it is pruned (default 10,000,000). */
        public Builder maxEntries(int maxEntries) {
            Require.atLeast("maxEntries", maxEntries, 4);
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * Lines per chunk (default 4096). Pruning happens only between chunks, so the chunk size (unlike the
         * thread count) can change a pruned result.
         */
        public Builder chunkLines(int chunkLines) {
            Require.atLeast("chunkLines", chunkLines, 1);
            this.chunkLines = chunkLines;
            return this;
        }

        public WordCounter build() {
            return new WordCounter(this);
        }
    }

    /** Counts the words of {@code corpus}, reporting progress to {@code listener}. */
    public WordCounts count(Corpus corpus, TrainingListener listener) throws IOException, InputFormatException {
        listener.phase("count words");
        long totalBytes = corpus.totalBytes();
        Merger merger = new Merger(listener);
        try (Corpus.Lines lines = corpus.open()) {
            if (threads == 1) {
                String[] chunk;
                while ((chunk = readChunk(lines)) != null) {
                    merger.add(countChunk(chunk), chunk.length);
                    listener.bytesRead(lines.bytesRead(), totalBytes);
                }
            } else {
                countParallel(lines, merger, listener, totalBytes);
            }
            listener.bytesRead(lines.bytesRead(), totalBytes);
        }
        return new WordCounts(merger.table.toMap(), merger.minCount);
    }

    private void countParallel(Corpus.Lines lines, Merger merger, TrainingListener listener, long totalBytes)
            throws IOException, InputFormatException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "subword-count");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<WordTable>> inFlight = new ArrayDeque<>();
            ArrayDeque<Integer> sizes = new ArrayDeque<>();
            String[] chunk;
            while ((chunk = readChunk(lines)) != null) {
                String[] work = chunk;
                inFlight.add(pool.submit(() -> countChunk(work)));
                sizes.add(work.length);
                // Bound the chunks in memory; merge in submission order so the result never depends on
                // which worker finished first.
                while (inFlight.size() >= 2 * threads) {
                    merger.add(await(inFlight.poll()), sizes.poll());
                    listener.bytesRead(lines.bytesRead(), totalBytes);
                }
            }
            while (!inFlight.isEmpty()) {
                merger.add(await(inFlight.poll()), sizes.poll());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static WordTable await(Future<WordTable> f) {
        return Await.result(f, "counting words");
    }

    private String[] readChunk(Corpus.Lines lines) throws IOException, InputFormatException {
        String[] chunk = new String[Math.min(chunkLines, 4096)];
        int n = 0;
        long chars = 0;
        String line;
        while (n < chunkLines && chars < CHUNK_CHARS && (line = lines.next()) != null) {
            if (n == chunk.length) {
                chunk = java.util.Arrays.copyOf(chunk, (int) Math.min(chunkLines, 2L * n));
            }
            chunk[n++] = line;
            chars += line.length();
        }
        if (n == 0) {
            return null;
        }
        return n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n);
    }

    /** Counts the words of some lines into a fresh table. */
    WordTable countChunk(String[] lines) {
        WordTable table = new WordTable(1024);
        countInto(java.util.Arrays.asList(lines).iterator(), table);
        return table;
    }

    /**
     * Counts the words of {@code lines} exactly as {@link #count(Corpus, TrainingListener)} counts each line of a
     * corpus, but without pruning: for callers that read the lines themselves, such as one partition of a
     * distributed count, whose partial counts are added up elsewhere. The table grows with the distinct words
     * of these lines only.
     */
    public WordCounts countLines(java.util.Iterator<String> lines) {
        WordTable table = new WordTable(1024);
        countInto(lines, table);
        return new WordCounts(table.toMap(), 0);
    }

    private void countInto(java.util.Iterator<String> lines, WordTable table) {
        Spans spans = new Spans();
        char[] chars = new char[256];
        while (lines.hasNext()) {
            String line = lines.next();
            NormalizedText text = NormalizedText.of(line);
            if (normalizer != null) {
                text = normalizer.normalize(text);
            }
            text = preTokenizer.prepare(text);
            String s = text.text();
            spans.clear();
            preTokenizer.split(s, 0, s.length(), spans);
            if (s.length() > chars.length) {
                chars = new char[Math.max(s.length(), chars.length * 2)];
            }
            s.getChars(0, s.length(), chars, 0);
            for (int i = 0; i < spans.size(); i++) {
                table.add(chars, spans.start(i), spans.end(i));
            }
        }
    }

    /** Adds chunk tables in order and prunes at the deterministic points between them. */
    private final class Merger {
        final WordTable table = new WordTable(1 << 16);
        final TrainingListener listener;
        long lines;
        long minCount;

        Merger(TrainingListener listener) {
            this.listener = listener;
        }

        void add(WordTable chunk, int chunkLineCount) {
            table.addAll(chunk);
            lines += chunkLineCount;
            if (table.size() > maxEntries) {
                prune();
            }
            listener.wordsCounted(lines, table.size());
        }

        private void prune() {
            long before = table.size();
            long target = (long) maxEntries * 3 / 4;
            while (table.size() > target) {
                minCount = Math.max(minCount, 1) + 1;
                long threshold = minCount;
                table.removeBelow(threshold);
            }
            listener.pruned(minCount, before, table.size());
        }
    }
}
