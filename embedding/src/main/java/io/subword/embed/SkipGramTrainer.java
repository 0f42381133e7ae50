package io.subword.embed;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.progress.SkipGramStatus;
import io.subword.progress.TrainingListener;
import io.subword.vocab.Require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;

/**
 * Trains subword embeddings with word2vec's skip-gram with negative sampling (SGNS) over the token ids a
 * {@link Tokenizer} makes of a corpus.
 *
 * <pre>{@code
 * SkipGramTrainer trainer = SkipGramTrainer.builder().dim(100).window(5).negative(5).epochs(5).seed(1).build();
 * SkipGramResult result = trainer.train(tokenizer, lines, TrainingListener.NONE);
 * SubwordVectors vectors = SubwordVectors.trained(tokenizer, result);
 * }</pre>
 *
 * <p>The steps, as in word2vec's {@code word2vec.c}:
 * <ol>
 *   <li>Count: one pass over the corpus, tokenized in batches of {@link Builder#batchLines} lines with
 *       {@link Tokenizer#encodeBatch(List, boolean)} without special tokens (or given as ids, see
 *       {@link #train(int, Iterable, IntPredicate, TrainingListener)}), counting each id. Ids with fewer than
 *       {@code minCount} occurrences, special tokens and the model's unknown token are dropped from the stream
 *       from then on (word2vec drops out-of-vocabulary words the same way).</li>
 *   <li>Noise: kept ids are drawn with probability proportional to {@code count^0.75}, by an alias table
 *       ({@link NoiseSampler}: exact, 8 bytes per kept id, where word2vec's table takes 400 MB).</li>
 *   <li>Rows: the kept ids get rows in order of decreasing count while training (word2vec and gensim sort their
 *       vocabulary the same way), so the frequent tokens that most windows and noise draws touch share cache
 *       lines and pages; the result is put back in id order.</li>
 *   <li>Subsampling: a kept token with frequency {@code f} (count over all kept tokens) survives with probability
 *       {@code (sqrt(f/sample) + 1) * sample/f}, word2vec's formula; {@code sample = 0} keeps everything.</li>
 *   <li>Train {@code epochs} passes. Each line is a sentence (split every 1000 tokens, as word2vec); windows
 *       never cross sentences. For each center token, a reduced window {@code b} is drawn uniformly from
 *       {@code [0, window)} and the context is the {@code window - b} tokens on each side. The learning rate falls
 *       linearly from {@code learningRate} to {@code learningRate * 1e-4} over {@code epochs x} the kept tokens,
 *       updated every 10,000 tokens. Random draws use the high bits of word2vec's LCG: the reduced window and the
 *       noise cell take the top 32 bits scaled to {@code [0, n)} by a multiply ({@code (bits * n) >>> 32}, not a
 *       64-bit division), the noise coin and the subsampling draw the top 24 and 16 bits. The sigmoid is read from word2vec's table (1000 cells over [-6, 6], values
 *       beyond clamp the gradient to {@code label - 0} or {@code label - 1}), not computed exactly.</li>
 * </ol>
 *
 * <p>Speed: the dot products and updates over the vectors run on the Vector API when the JVM has
 * {@code jdk.incubator.vector} ({@code --add-modules jdk.incubator.vector}; {@code bin/subword} adds it for
 * {@code embed} and {@code demo}), about 1.7 times faster than the scalar loops, which C2 cannot vectorize
 * because Java fixes the order of float additions; see {@link Builder#vectorApi}.
 *
 * <p>Threads: the calling thread reads and tokenizes the corpus and hands chunks of ids (whole lines, about
 * {@value #CHUNK_TOKENS} tokens or {@link Builder#batchLines} lines, whichever comes first) to {@code threads}
 * workers, which update the shared {@code float[]} weights without locks (Hogwild). Each worker has its own
 * word2vec LCG seeded with {@code seed + workerIndex}. With more than one worker, each trains the most frequent
 * rows (up to {@value #HOT_BYTES} bytes per table) on private copies that it merges into the shared tables every
 * {@value #MERGE_EVERY} tokens ({@link HotRows}): the rows both workers write all the time would otherwise move
 * between the cores' caches on every write, which doubled the CPU time per token on a machine whose two cores are
 * far apart. With {@code threads = 1} the result is a function of the seed and the corpus alone, bit for bit;
 * with more threads it varies from run to run, as word2vec's does.
 *
 * <p>The corpus is iterated {@code epochs + 1} times and must give the same lines each time; a corpus that is a
 * {@link java.util.Collection} (in memory already) is tokenized once and its ids kept for the epochs.
 * Instances are immutable and may train several corpora at once.
 */
public final class SkipGramTrainer {
    /** word2vec's limit on a sentence; longer lines are split. */
    static final int MAX_SENTENCE_LENGTH = 1000;
    /**
     * Tokens dealt to a worker at a time, as gensim's jobs of 10,000 words. With chunks of 1,000 lines (up to
     * 190,000 tokens of Europarl paragraphs) two threads lost 0.007 WordNet AUC against one thread (0.6673 against
     * 0.6727, seed 1); with chunks of about 10,000 tokens they score as one thread does (0.6741), as gensim does.
     */
    static final int CHUNK_TOKENS = 10_000;
    /**
     * With more than one worker, each keeps private copies of the most frequent rows of both tables, up to this many
     * bytes per table ({@link HotRows}): 10,485 rows of 100 floats, which covers the 13,100 rows of the benchmark's
     * 1.9 million English pieces all but their rarest fifth.
     */
    static final int HOT_BYTES = 4 << 20;
    /**
     * Tokens a worker trains between two merges of its private rows: about one chunk. It changes the vectors, not
     * only the speed (2 threads, English benchmark, centered WordNet AUC): Hogwild on all rows 0.6743, merged every
     * 1,000 tokens 0.6781, every 10,000 0.6817, every 100,000 0.6526; merging every 1,000 also costs 60% more CPU.
     * Measured with 2 threads only. Each worker holds four copies of up to {@link #HOT_BYTES} (16 MB).
     */
    static final int MERGE_EVERY = CHUNK_TOKENS;

    /** Rows each worker keeps private copies of: none with one worker (nothing to share), else see {@link #HOT_BYTES}. */
    static int hotRows(int threads, int rows, int dim) {
        return threads == 1 ? 0 : Math.min(rows, HOT_BYTES / (Float.BYTES * dim));
    }

    private final int dim;
    private final int window;
    private final int negative;
    private final int epochs;
    private final int minCount;
    private final double sample;
    private final float learningRate;
    private final int threads;
    private final long seed;
    private final int batchLines;
    private final Duration reportEvery;
    private final boolean vectorApi;

    private SkipGramTrainer(Builder b) {
        this.dim = b.dim;
        this.window = b.window;
        this.negative = b.negative;
        this.epochs = b.epochs;
        this.minCount = b.minCount;
        this.sample = b.sample;
        this.learningRate = b.learningRate;
        this.threads = b.threads;
        this.seed = b.seed;
        this.batchLines = b.batchLines;
        this.reportEvery = b.reportEvery;
        this.vectorApi = b.vectorApi;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains on {@code corpus} (iterated {@code epochs + 1} times) tokenized by {@code tokenizer}, reporting to
     * {@code progress}.
     *
     * @throws IllegalArgumentException if no token of the corpus occurs {@code minCount} times
     * @throws CancellationException    if the calling thread is interrupted (the interrupt flag stays set)
     * @throws RuntimeException         what the tokenizer, the corpus or a worker threw
     */
    public SkipGramResult train(Tokenizer tokenizer, Iterable<String> corpus, TrainingListener progress) {
        int unk = tokenizer.model().unknownId();
        Iterable<int[]> ids = () -> new TokenizingIterator(tokenizer, corpus.iterator(), batchLines);
        if (corpus instanceof java.util.Collection<String> inMemory) {
            // The text is in memory already: tokenize it once, not once per epoch (the ids take about as much
            // memory as the text).
            List<int[]> encoded = new ArrayList<>(inMemory.size());
            ids.forEach(encoded::add);
            ids = encoded;
        }
        return train(tokenizer.vocabulary().size(), ids, id -> tokenizer.isSpecial(id) || id == unk, progress);
    }

    /**
     * Trains on sentences that are already token ids in {@code [0, vocabSize)}, each {@code int[]} one sentence
     * (iterated {@code epochs + 1} times, the same each time). Ids for which {@code excluded} holds, and ids seen
     * fewer than {@code minCount} times, are dropped from the stream. The result has {@code vocabSize} rows.
     *
     * @throws IllegalArgumentException if an id is outside the vocabulary or nothing is left to train on
     */
    public SkipGramResult train(int vocabSize, Iterable<int[]> sentences, IntPredicate excluded,
                                TrainingListener progress) {
        long start = System.nanoTime();

        // 1. Count.
        long[] counts = new long[vocabSize];
        long counted = 0;
        long lastReport = start;
        for (int[] sentence : sentences) {
            for (int id : sentence) {
                if (id < 0 || id >= vocabSize) {
                    throw new IllegalArgumentException("id " + id + " is outside the vocabulary [0, " + vocabSize
                            + ")");
                }
                counts[id]++;
            }
            counted += sentence.length;
            long now = System.nanoTime();
            if (now - lastReport >= reportEvery.toNanos()) {
                lastReport = now;
                progress.skipGram(new SkipGramStatus(SkipGramStatus.Phase.COUNTING, counted, 0, 0,
                        epochs, learningRate, Duration.ofNanos(now - start), null));
            }
        }
        progress.skipGram(new SkipGramStatus(SkipGramStatus.Phase.COUNTING, counted, 0, 0, epochs,
                learningRate, Duration.ofNanos(System.nanoTime() - start), null));

        // 2. Keep, noise table, subsampling.
        boolean[] kept = new boolean[vocabSize];
        long trainWords = 0;
        int keptCount = 0;
        for (int id = 0; id < vocabSize; id++) {
            if (counts[id] >= minCount && counts[id] > 0 && !excluded.test(id)) {
                kept[id] = true;
                trainWords += counts[id];
                keptCount++;
            }
        }
        if (keptCount == 0) {
            throw new IllegalArgumentException("no token of the corpus occurs minCount=" + minCount
                    + " times (" + counted + " tokens counted)");
        }
        // 3. Rows in order of frequency, as word2vec and gensim sort their vocabulary: the few tokens that most
        // windows and noise draws touch then share cache lines and pages, which halves the time per token on a
        // vocabulary of 30,000 rows of 400 bytes. byRank[r] is the id of row r.
        int[] byRank = new int[keptCount];
        for (int id = 0, r = 0; id < vocabSize; id++) {
            if (kept[id]) {
                byRank[r++] = id;
            }
        }
        byRank = java.util.Arrays.stream(byRank).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        int[] rankOf = new int[vocabSize];
        java.util.Arrays.fill(rankOf, -1);
        long[] rankCounts = new long[keptCount];
        for (int r = 0; r < keptCount; r++) {
            rankOf[byRank[r]] = r;
            rankCounts[r] = counts[byRank[r]];
        }
        boolean[] all = new boolean[keptCount];
        java.util.Arrays.fill(all, true);
        NoiseSampler noise = NoiseSampler.of(rankCounts);
        float[] keepProbability = keepProbabilities(rankCounts, all, trainWords, sample);

        // 4. Train, on rows in rank order; the input rows start as they would in id order.
        EmbeddingTable initial = EmbeddingTable.initialized(vocabSize, dim, Initialization.WORD2VEC_UNIFORM, seed);
        float[] syn0 = new float[keptCount * dim];
        for (int r = 0; r < keptCount; r++) {
            System.arraycopy(initial.data(), byRank[r] * dim, syn0, r * dim, dim);
        }
        float[] syn1 = new float[keptCount * dim];
        long total = trainWords * epochs;
        AtomicLong done = new AtomicLong();
        runWorkers(sentences, rankOf, noise, keepProbability, syn0, syn1, total, done, progress);

        // Back to id order. Rows the training never touched keep no meaning: they are zero, which cosine search
        // skips.
        EmbeddingTable input = EmbeddingTable.zeros(vocabSize, dim);
        EmbeddingTable output = EmbeddingTable.zeros(vocabSize, dim);
        for (int r = 0; r < keptCount; r++) {
            System.arraycopy(syn0, r * dim, input.data(), byRank[r] * dim, dim);
            System.arraycopy(syn1, r * dim, output.data(), byRank[r] * dim, dim);
        }
        return new SkipGramResult(input, output, counts, kept, trainWords);
    }

    /** Lines to id arrays, tokenizing {@code batchLines} lines at a time with {@link Tokenizer#encodeBatch}. */
    private static final class TokenizingIterator implements Iterator<int[]> {
        private final Tokenizer tokenizer;
        private final Iterator<String> lines;
        private final List<String> batch;
        private final int batchLines;
        private List<Encoding> encoded = List.of();
        private int next;

        TokenizingIterator(Tokenizer tokenizer, Iterator<String> lines, int batchLines) {
            this.tokenizer = tokenizer;
            this.lines = lines;
            this.batchLines = batchLines;
            this.batch = new ArrayList<>(batchLines);
        }

        @Override
        public boolean hasNext() {
            if (next < encoded.size()) {
                return true;
            }
            batch.clear();
            while (batch.size() < batchLines && lines.hasNext()) {
                batch.add(lines.next());
            }
            encoded = batch.isEmpty() ? List.of() : tokenizer.encodeBatch(batch, false);
            next = 0;
            return !encoded.isEmpty();
        }

        @Override
        public int[] next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return encoded.get(next++).ids();
        }
    }

    /** word2vec's subsampling: the probability of keeping each token (values above 1 mean always). */
    static float[] keepProbabilities(long[] counts, boolean[] kept, long trainWords, double sample) {
        float[] keep = new float[counts.length];
        double threshold = sample * trainWords;
        for (int id = 0; id < counts.length; id++) {
            if (!kept[id]) {
                continue;
            }
            keep[id] = sample <= 0 ? 1f
                    : (float) ((Math.sqrt(counts[id] / threshold) + 1) * threshold / counts[id]);
        }
        return keep;
    }

    /** A piece of the id stream: kept ids of whole sentences. */
    private record Chunk(int[] ids, int[] sentenceEnds, int sentences) {
    }

    private static final Chunk END = new Chunk(new int[0], new int[0], 0);

    private void runWorkers(Iterable<int[]> sentences, int[] rankOf, NoiseSampler noise,
                            float[] keepProbability, float[] syn0, float[] syn1, long total,
                            AtomicLong done, TrainingListener progress) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2 * threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            SgnsKernel kernel = new SgnsKernel(syn0, syn1, dim, window, negative, noise,
                    keepProbability, learningRate, total, done, seed + t, vectorApi,
                    hotRows(threads, noise.size(), dim), MERGE_EVERY);
            Thread worker = new Thread(() -> {
                try {
                    for (Chunk c = queue.take(); c != END; c = queue.take()) {
                        kernel.train(c.ids, c.sentenceEnds, c.sentences);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    kernel.flush();
                }
            }, "skipgram-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);

        long start = System.nanoTime();
        long lastReport = start;
        boolean finished = false;
        try {
            List<int[]> batch = new ArrayList<>(batchLines);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                Iterator<int[]> it = sentences.iterator();
                while (it.hasNext()) {
                    batch.clear();
                    int tokens = 0;
                    while (batch.size() < batchLines && tokens < CHUNK_TOKENS && it.hasNext()) {
                        int[] line = it.next();
                        batch.add(line);
                        tokens += line.length;
                    }
                    Chunk chunk = toChunk(batch, rankOf);
                    while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                        rethrow(failure.get());
                    }
                    rethrow(failure.get());
                    long now = System.nanoTime();
                    if (now - lastReport >= reportEvery.toNanos()) {
                        lastReport = now;
                        progress.skipGram(status(done.get(), total, epoch, now - start));
                    }
                }
            }
            for (int t = 0; t < threads; t++) {
                queue.put(END);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            rethrow(failure.get());
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("skip-gram training interrupted");
        } finally {
            if (!finished) {
                queue.clear();
                for (Thread worker : workers) {
                    worker.interrupt();
                }
            }
        }
        progress.skipGram(status(done.get(), total, epochs, System.nanoTime() - start));
    }

    private SkipGramStatus status(long processed, long total, int epoch, long elapsedNanos) {
        Duration elapsed = Duration.ofNanos(elapsedNanos);
        Duration eta = processed == 0 ? null
                : Duration.ofNanos((long) (elapsedNanos * (double) Math.max(0, total - processed) / processed));
        return new SkipGramStatus(SkipGramStatus.Phase.TRAINING, processed, total, epoch, epochs,
                SgnsKernel.learningRate(learningRate, processed, total), elapsed, eta);
    }

    private static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("a skip-gram worker failed", t);
    }

    /**
     * The rows of the kept ids of a batch ({@code rankOf[id]}, -1 for ids not kept), each line one or more
     * sentences of at most {@link #MAX_SENTENCE_LENGTH}.
     */
    private static Chunk toChunk(List<int[]> lines, int[] rankOf) {
        int total = 0;
        for (int[] line : lines) {
            total += line.length;
        }
        int[] ids = new int[total];
        int[] ends = new int[lines.size() + total / MAX_SENTENCE_LENGTH + 1];
        int n = 0;
        int sentences = 0;
        for (int[] line : lines) {
            int sentenceStart = n;
            for (int id : line) {
                int row = rankOf[id];
                if (row < 0) {
                    continue;
                }
                ids[n++] = row;
                if (n - sentenceStart == MAX_SENTENCE_LENGTH) {
                    ends[sentences++] = n;
                    sentenceStart = n;
                }
            }
            if (n > sentenceStart) {
                ends[sentences++] = n;
            }
        }
        return new Chunk(ids, ends, sentences);
    }

    public int dim() {
        return dim;
    }

    public int window() {
        return window;
    }

    public int negative() {
        return negative;
    }

    public int epochs() {
        return epochs;
    }

    public int minCount() {
        return minCount;
    }

    public double sample() {
        return sample;
    }

    public float learningRate() {
        return learningRate;
    }

    public int threads() {
        return threads;
    }

    public long seed() {
        return seed;
    }

    /**
     * The options; defaults are word2vec's for skip-gram: {@code dim 100, window 5, negative 5, epochs 5,
     * minCount 5, sample 1e-3, learningRate 0.025}, one thread per available processor, seed 1.
     */
    public static final class Builder {
        private int dim = 100;
        private int window = 5;
        private int negative = 5;
        private int epochs = 5;
        private int minCount = 5;
        private double sample = 1e-3;
        private float learningRate = 0.025f;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = 1;
        private int batchLines = 1000;
        private Duration reportEvery = Duration.ofMillis(500);
        private boolean vectorApi = SgnsKernel.VECTOR_API;

        private Builder() {
        }

        /**
         * Whether the kernel uses the Vector API ({@code jdk.incubator.vector}, about twice as fast); the default
         * is yes when the JVM was started with {@code --add-modules jdk.incubator.vector}. Results differ from the
         * scalar kernel's in the last bits (fused multiply-adds, another order of additions).
         *
         * @throws IllegalArgumentException if {@code true} and the module is not in the JVM
         */
        public Builder vectorApi(boolean vectorApi) {
            if (vectorApi && !SgnsKernel.VECTOR_API) {
                throw new IllegalArgumentException("the Vector API needs Java started with --add-modules"
                        + " jdk.incubator.vector");
            }
            this.vectorApi = vectorApi;
            return this;
        }

        /** Vector size, at least 1. */
        public Builder dim(int dim) {
            this.dim = Require.atLeast("dim", dim, 1);
            return this;
        }

        /** Maximum distance between a center token and a context token, at least 1. */
        public Builder window(int window) {
            this.window = Require.atLeast("window", window, 1);
            return this;
        }

        /** Noise tokens per positive pair, at least 1. */
        public Builder negative(int negative) {
            this.negative = Require.atLeast("negative", negative, 1);
            return this;
        }

        /** Passes over the corpus, at least 1. */
        public Builder epochs(int epochs) {
            this.epochs = Require.atLeast("epochs", epochs, 1);
            return this;
        }

        /** Tokens seen fewer times are dropped, at least 1. */
        public Builder minCount(int minCount) {
            this.minCount = Require.atLeast("minCount", minCount, 1);
            return this;
        }

        /** Subsampling threshold (word2vec's {@code -sample}, typically 1e-3 to 1e-5); 0 turns it off. */
        public Builder sample(double sample) {
            if (!(sample >= 0 && sample < 1)) {
                throw new IllegalArgumentException("sample must be in [0, 1), got " + sample);
            }
            this.sample = sample;
            return this;
        }

        /** The starting learning rate, positive. */
        public Builder learningRate(float learningRate) {
            if (!(learningRate > 0 && learningRate < 10)) {
                throw new IllegalArgumentException("learningRate must be in (0, 10), got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /** Worker threads, at least 1. */
        public Builder threads(int threads) {
            this.threads = Require.atLeast("threads", threads, 1);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Lines tokenized together (and the most lines in a work chunk), at least 1; the default is 1000. */
        public Builder batchLines(int batchLines) {
            this.batchLines = Require.atLeast("batchLines", batchLines, 1);
            return this;
        }

        /** The least time between two progress reports within a phase; the default is 500 ms. */
        public Builder reportEvery(Duration reportEvery) {
            if (reportEvery.isNegative()) {
                throw new IllegalArgumentException("reportEvery must not be negative, got " + reportEvery);
            }
            this.reportEvery = reportEvery;
            return this;
        }


        public SkipGramTrainer build() {
            return new SkipGramTrainer(this);
        }
    }
}
