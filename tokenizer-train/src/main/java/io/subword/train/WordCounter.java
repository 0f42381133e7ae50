package io.subword.train;

import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.Spans;
import io.subword.progress.TrainingListener;
import io.subword.vocab.Require;
import io.subword.vocab.io.InputFormatException;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

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
 * enough chunks to keep every thread busy). Words are counted in tables keyed by the words' chars where they
 * stand in the text (no {@code String} per occurrence); with more than one thread each worker keeps a table of
 * its own across chunks and the tables are merged once at the end (see {@link ParallelCount}). The result is the
 * same for any number of threads, pruning included: the counts are pruned as if one table were filled in corpus
 * order and pruned only right after a chunk, when it holds more than {@link Builder#maxEntries(int)} words, by
 * dropping the words seen fewer than a threshold that rises by one at each step (as fastText's dictionary does)
 * until at most three quarters of the limit remain. Immutable and reusable.
 */
public final class WordCounter {
    /** The most chars of text in one chunk (a chunk ends after the line that reaches it). */
    static final int CHUNK_CHARS = 1 << 18;

    private final Normalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final int threads;
    private final int maxEntries;
    private final int chunkLines;
    /** Whether lines take the normalizer's text-only path (see {@link #preparesFromTextAlone}). */
    private final boolean textOnly;
    /** Whether the pre-tokenizer's prepare step leaves the text as it is. */
    private final boolean defaultPrepare;
    /**
     * Whether a chunk's words are known before it is split to be at most its chars plus its lines: with no
     * normalizer, each word is a non-empty range of the line as prepared, which is the line itself or (ByteLevel's
     * prefix space) the line with one char in front. A worker may then count such a chunk straight into its table.
     */
    private final boolean directBounds;

    private WordCounter(Builder b) {
        this.normalizer = b.normalizer;
        this.preTokenizer = b.preTokenizer;
        this.threads = b.threads;
        this.maxEntries = b.maxEntries;
        this.chunkLines = b.chunkLines;
        this.defaultPrepare = keepsDefaultPrepare(preTokenizer);
        this.textOnly = normalizer == null || preparesFromTextAlone(preTokenizer);
        this.directBounds = normalizer == null && (defaultPrepare || preTokenizer instanceof ByteLevelPreTokenizer);
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
        Pruner pruner = new Pruner(listener);
        Object2LongOpenHashMap<String> counts;
        try (Corpus.Lines lines = corpus.open()) {
            if (threads == 1) {
                WordTable table = new WordTable(1 << 16);
                String[] chunk;
                while ((chunk = readChunk(lines)) != null) {
                    countInto(java.util.Arrays.asList(chunk).iterator(), table);
                    pruner.chunkAdded(table, chunk.length);
                    listener.bytesRead(lines.bytesRead(), totalBytes);
                }
                counts = table.toMap();
            } else {
                counts = new ParallelCount(pruner).run(lines, listener, totalBytes);
            }
            listener.bytesRead(lines.bytesRead(), totalBytes);
        }
        return new WordCounts(counts, pruner.minCount);
    }

    /**
     * Counting on worker threads, each into a table of its own that lives across chunks, so the reading thread
     * does no per-chunk work. A worker first splits a chunk into its words ({@link ChunkWords}); the reading
     * thread takes the splits in corpus order and hands each to a worker to add to that worker's table. Pruning
     * is defined on the one table of the ordered count after each chunk; it cannot have fired while the
     * workers' tables hold at most {@link Builder#maxEntries} words together (the ordered table after chunk
     * {@code k} holds the union of chunks {@code 1..k}, a subset of what the workers hold). A chunk of {@code n}
     * words adds at most {@code n} new words, so before a chunk is handed out its {@code n} is reserved; when the
     * reservation would pass the limit, the workers' tables (which then hold exactly the chunks before it) are
     * merged into one table, and the count goes on in order on the reading thread with the pruning checks of the
     * one-thread count. The result is therefore the same for any number of threads. Where a chunk's words are
     * bounded before it is split ({@link #directBounds}), chunks whose bound fits are reserved as they are read and
     * counted straight into a worker's table in one pass, until the first that does not fit. At the end the workers add
     * up the tables and make the words' {@code String}s, each for its share of the hash range.
     */
    private final class ParallelCount {
        private final Pruner pruner;
        private final java.util.List<CountingThread> workers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        private final java.util.Queue<ChunkWords> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** Words handed to the workers' tables that are not yet known to be repeats: at least their tables' sizes. */
        private long reserved;
        /** Adds handed out, with the words each reserved; each returns how many of them were repeats. */
        private final ArrayDeque<Future<Long>> adds = new ArrayDeque<>();
        /** The one table of the ordered count, once the workers' tables were merged; {@code null} before. */
        private WordTable ordered;
        private ExecutorService pool;

        ParallelCount(Pruner pruner) {
            this.pruner = pruner;
        }

        Object2LongOpenHashMap<String> run(Corpus.Lines in, TrainingListener listener, long totalBytes)
                throws IOException, InputFormatException {
            pool = Executors.newFixedThreadPool(threads, r -> {
                CountingThread t = new CountingThread(r);
                workers.add(t);
                return t;
            });
            try {
                ArrayDeque<Future<ChunkWords>> splits = new ArrayDeque<>();
                String[] chunk;
                boolean direct = directBounds;
                while ((chunk = readChunk(in)) != null) {
                    String[] work = chunk;
                    if (direct && countDirectly(work, listener)) {
                        listener.bytesRead(in.bytesRead(), totalBytes);
                        continue;
                    }
                    direct = false; // from here on in order through the splits, behind any split in flight
                    splits.add(pool.submit(() -> split(work, spare.poll())));
                    // Bound the chunks in memory; take them in corpus order.
                    while (splits.size() >= 2 * threads) {
                        take(Await.result(splits.poll(), "counting words"), listener);
                        listener.bytesRead(in.bytesRead(), totalBytes);
                    }
                }
                while (!splits.isEmpty()) {
                    take(Await.result(splits.poll(), "counting words"), listener);
                }
                awaitAdds(); // and so every table is complete and visible here
                java.util.List<WordTable> tables = new java.util.ArrayList<>();
                if (ordered != null) {
                    tables.add(ordered);
                }
                synchronized (workers) {
                    for (CountingThread w : workers) {
                        if (w.table != null) {
                            tables.add(w.table);
                        }
                    }
                }
                return WordTable.toMap(tables, threads, pool);
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * Hands {@code lines} to a worker to count straight into its table, without a split first, if their
         * words are known in advance to fit within the limit (see {@link #directBounds}); returns whether it did.
         */
        private boolean countDirectly(String[] lines, TrainingListener listener) {
            long bound = lines.length; // at most one char prepended per line
            for (String line : lines) {
                bound += line.length();
            }
            releaseDoneAdds();
            if (reserved + bound > maxEntries) {
                awaitAdds();
                if (reserved + bound > maxEntries) {
                    return false;
                }
            }
            reserved += bound;
            long words = bound;
            adds.add(pool.submit(() -> {
                WordTable own = ownTable();
                int before = own.size();
                countInto(java.util.Arrays.asList(lines).iterator(), own);
                return words - (own.size() - before);
            }));
            pruner.lines += lines.length;
            listener.wordsCounted(pruner.lines, reserved); // an upper bound while the tables are apart
            // Bound the chunks in memory.
            while (adds.size() >= 2 * threads) {
                reserved -= Await.result(adds.poll(), "counting words");
            }
            return true;
        }

        private void releaseDoneAdds() {
            while (!adds.isEmpty() && adds.peek().isDone()) {
                reserved -= Await.result(adds.poll(), "counting words");
            }
        }

        /** The next chunk's words, in corpus order. */
        private void take(ChunkWords words, TrainingListener listener) {
            if (ordered == null) {
                releaseDoneAdds();
                if (reserved + words.size > maxEntries) {
                    awaitAdds();
                }
                if (reserved + words.size <= maxEntries) {
                    reserved += words.size;
                    adds.add(pool.submit(() -> addToOwnTable(words)));
                    pruner.lines += words.lines;
                    listener.wordsCounted(pruner.lines, reserved); // an upper bound while the tables are apart
                    return;
                }
                ordered = mergeWorkerTables();
            }
            ordered.addWords(words.chars, words.bounds, words.size);
            spare.offer(words);
            pruner.chunkAdded(ordered, words.lines);
        }

        private long addToOwnTable(ChunkWords words) {
            long repeats = words.size - ownTable().addWords(words.chars, words.bounds, words.size);
            spare.offer(words);
            return repeats;
        }

        /** The calling worker's table. */
        private WordTable ownTable() {
            CountingThread self = (CountingThread) Thread.currentThread();
            if (self.table == null) {
                self.table = new WordTable(1 << 17); // grown step by step, it left 13 MB of garbage on Europarl
            }
            return self.table;
        }

        private void awaitAdds() {
            while (!adds.isEmpty()) {
                reserved -= Await.result(adds.poll(), "counting words");
            }
        }

        /** All workers' words in one table (the largest, with the others added to it), for the ordered mode. */
        private WordTable mergeWorkerTables() {
            awaitAdds(); // and so every table is complete and visible here
            WordTable merged = null;
            synchronized (workers) {
                for (CountingThread w : workers) {
                    if (w.table != null && (merged == null || w.table.size() > merged.size())) {
                        merged = w.table;
                    }
                }
                for (CountingThread w : workers) {
                    if (w.table != null && w.table != merged) {
                        merged.addAll(w.table);
                    }
                    w.table = null;
                }
            }
            reserved = 0;
            return merged != null ? merged : new WordTable(16);
        }
    }

    /** A worker thread with its own word table. */
    private static final class CountingThread extends Thread {
        /** This thread's counts, across chunks; only this thread touches it until the pool's tasks are done. */
        WordTable table;

        CountingThread(Runnable r) {
            super(r, "subword-count");
            setDaemon(true);
        }
    }

    /**
     * The words of one chunk, found but not yet counted: the chunk's text as the pre-tokenizer saw it, line after
     * line, and each word's {@code [start, end)} in it. Reused from chunk to chunk.
     */
    static final class ChunkWords {
        char[] chars = new char[CHUNK_CHARS + 4096];
        /** Start and end of each word, two ints per word. */
        int[] bounds = new int[1 << 16];
        int size;
        int lines;
        final Spans spans = new Spans();
    }

    /** Splits {@code lines} into words, into {@code into} if non-null (a spare from an earlier chunk). */
    ChunkWords split(String[] lines, ChunkWords into) {
        ChunkWords w = into != null ? into : new ChunkWords();
        w.size = 0;
        w.lines = lines.length;
        int used = 0;
        Spans spans = w.spans;
        for (String line : lines) {
            String s = prepared(line);
            int n = s.length();
            spans.clear();
            preTokenizer.split(s, 0, n, spans);
            if (used + n > w.chars.length) {
                w.chars = java.util.Arrays.copyOf(w.chars, Math.max(used + n, w.chars.length * 2));
            }
            s.getChars(0, n, w.chars, used);
            int words = spans.size();
            if (2 * (w.size + words) > w.bounds.length) {
                w.bounds = java.util.Arrays.copyOf(w.bounds, Math.max(2 * (w.size + words), w.bounds.length * 2));
            }
            int[] b = w.bounds;
            int k = 2 * w.size;
            for (int i = 0; i < words; i++) {
                b[k++] = used + spans.start(i);
                b[k++] = used + spans.end(i);
            }
            w.size += words;
            used += n;
        }
        return w;
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
            String s = prepared(lines.next());
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

    /** A line as the pre-tokenizer splits it: normalized, then prepared. */
    private String prepared(String line) {
        if (textOnly) {
            String s = normalizer == null ? line : normalizer.normalizeText(line);
            if (preTokenizer instanceof LineEndMarking marking) {
                return marking.prepareText(s);
            }
            return defaultPrepare ? s : preTokenizer.prepare(NormalizedText.of(s)).text();
        }
        NormalizedText text = normalizer.normalize(NormalizedText.of(line));
        return preTokenizer.prepare(text).text();
    }

    /**
     * Whether {@code p}'s {@link PreTokenizer#prepare} is a function of the text alone, so that a line may be
     * normalized without the alignment arrays that counting never reads: the default (no change), ByteLevel's
     * prefix space and the Unigram counter's line-end marking (Metaspace's 'never' and 'always' schemes) are;
     * Metaspace's "first" scheme reads where the text starts in the original, so pre-tokenizers that override
     * {@code prepare} otherwise keep the aligned path.
     */
    static boolean preparesFromTextAlone(PreTokenizer p) {
        return p instanceof ByteLevelPreTokenizer || keepsDefaultPrepare(p)
                || p instanceof LineEndMarking marking && marking.preparesFromTextAlone();
    }

    private static boolean keepsDefaultPrepare(PreTokenizer p) {
        try {
            return p.getClass().getMethod("prepare", NormalizedText.class).getDeclaringClass() == PreTokenizer.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e); // an interface method: every implementation has it
        }
    }

    /** Prunes the one table of an ordered count at the deterministic points after each chunk. */
    private final class Pruner {
        final TrainingListener listener;
        long lines;
        long minCount;

        Pruner(TrainingListener listener) {
            this.listener = listener;
        }

        void chunkAdded(WordTable table, int chunkLineCount) {
            lines += chunkLineCount;
            if (table.size() > maxEntries) {
                prune(table);
            }
            listener.wordsCounted(lines, table.size());
        }

        private void prune(WordTable table) {
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
