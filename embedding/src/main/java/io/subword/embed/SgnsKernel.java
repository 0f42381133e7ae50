package io.subword.embed;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The skip-gram negative-sampling update of word2vec, for one worker thread: all state that changes per thread
 * (random number generator, gradient buffer, sentence buffer, learning rate) is here, and the weight arrays are
 * shared with the other workers and updated without locks (Hogwild), as word2vec and fastText do.
 *
 * <p>Per kept sentence position {@code pos} with center token {@code w}: draw a reduced window {@code b} in
 * {@code [0, window)}, and for every context position {@code c} within {@code window - b} of {@code pos}, update
 * the input vector of {@code sentence[c]} and the output vectors of {@code w} (label 1) and of {@code negative}
 * noise tokens (label 0) with {@code g = (label - sigmoid(in . out)) * alpha}.
 *
 * <p>Nothing a worker writes per token shares a cache line with what another worker writes, beyond the rows
 * themselves: the random state and the word count live in locals of {@link #trainSentence} (stored back once per
 * sentence), and the gradient, target and sentence buffers keep {@value #PAD} unused cells at both ends (a garbage
 * collection may copy two workers' objects next to each other). This was the first suspect for the 1.5-2.5x spread
 * of CPU time between identical 2-thread runs, but alone it did not change the spread; the rows did
 * ({@link HotRows}).
 */
final class SgnsKernel {
    /** word2vec's sigmoid table: {@code EXP_TABLE_SIZE} cells over {@code [-MAX_EXP, MAX_EXP]}. */
    static final int EXP_TABLE_SIZE = 1000;
    static final int MAX_EXP = 6;
    private static final float[] SIGMOID = new float[EXP_TABLE_SIZE];
    /** {@code EXP_TABLE_SIZE / (2 * MAX_EXP)} in float, not word2vec's integer 83, so the table is hit evenly. */
    private static final float EXP_SCALE = (float) EXP_TABLE_SIZE / (2 * MAX_EXP);
    /** Words read between learning-rate updates, as word2vec. */
    static final int LR_UPDATE_EVERY = 10_000;
    /**
     * Unused cells at each end of the per-thread buffers: 32 floats or ints = 128 bytes, a pair of cache lines (the
     * unit the adjacent-line prefetcher moves), so no other object can share a line with the written cells.
     */
    static final int PAD = 32;
    /**
     * Whether {@link SgnsVectorMath} can be used: the JVM was started with {@code --add-modules
     * jdk.incubator.vector} and {@code -Dsubword.vectorApi=false} does not turn it off.
     */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("subword.vectorApi"));

    static {
        for (int i = 0; i < EXP_TABLE_SIZE; i++) {
            double e = Math.exp((i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP);
            SIGMOID[i] = (float) (e / (e + 1));
        }
    }

    private final float[] syn0;
    private final float[] syn1neg;
    private final int dim;
    private final int window;
    private final int negative;
    private final NoiseSampler noise;
    private final int noiseSize;
    private final float[] keepProbability;
    private final float startAlpha;
    private final float minAlpha;
    private final double totalWords;
    private final AtomicLong wordsDone;

    private final float[] neu1e;
    /** The rows of a pair's targets (the word, then the noise) and their dot products, from {@link #PAD} on. */
    private final int[] targets;
    private final float[] dots;
    /** Private copies of the most frequent rows (see {@link HotRows}), or null: rows below {@code hotRows}. */
    private final HotRows hot;
    private final int hotRows;
    private final int mergeEvery;
    private long lastMerge;
    private final boolean vectorApi;
    /** The kept tokens of the current sentence, from index {@link #PAD} on. */
    private int[] sentence = new int[1024 + 2 * PAD];
    private long random;
    private float alpha;
    private long localWords;
    private long lastReported;

    SgnsKernel(float[] syn0, float[] syn1neg, int dim, int window, int negative, NoiseSampler noise,
               float[] keepProbability, float startAlpha, long totalWords, AtomicLong wordsDone, long seed,
               boolean vectorApi, int hotRows, int mergeEvery) {
        if (vectorApi && !VECTOR_API) {
            throw new IllegalStateException("the Vector API is not available (start Java with --add-modules"
                    + " jdk.incubator.vector)");
        }
        this.vectorApi = vectorApi;
        this.syn0 = syn0;
        this.syn1neg = syn1neg;
        this.dim = dim;
        this.window = window;
        this.negative = negative;
        this.noise = noise;
        this.noiseSize = noise.size();
        this.keepProbability = keepProbability;
        this.startAlpha = startAlpha;
        this.minAlpha = startAlpha * 0.0001f;
        this.totalWords = totalWords;
        this.wordsDone = wordsDone;
        this.neu1e = new float[dim + 2 * PAD];
        this.targets = new int[negative + 1 + 2 * PAD];
        this.dots = new float[negative + 3 + 2 * PAD];
        this.random = seed;
        this.alpha = startAlpha;
        this.hot = hotRows > 0 ? new HotRows(hotRows, dim, syn0, syn1neg) : null;
        this.hotRows = hotRows;
        this.mergeEvery = mergeEvery;
    }

    /** The learning rate after {@code done} of {@code total} words: linear from {@code start} to {@code start*1e-4}. */
    static float learningRate(float start, long done, double total) {
        float a = (float) (start * (1 - done / (total + 1)));
        return Math.max(a, start * 0.0001f);
    }

    /** word2vec's linear congruential generator ({@code next = next * 25214903917 + 11}, mod 2^64). */
    private static long next(long random) {
        return random * 25214903917L + 11;
    }

    /**
     * Trains on the sentences of a chunk: {@code ids[sentenceEnds[s-1], sentenceEnds[s])} is sentence {@code s}
     * (the first starts at 0); every id is a kept token.
     */
    void train(int[] ids, int[] sentenceEnds, int sentences) {
        int from = 0;
        for (int s = 0; s < sentences; s++) {
            int to = sentenceEnds[s];
            trainSentence(ids, from, to);
            from = to;
        }
    }

    /** Reports the words not yet added to the shared counter (call at the end of the worker's life). */
    void flush() {
        if (hot != null) {
            hot.merge(syn0, syn1neg);
        }
        wordsDone.addAndGet(localWords - lastReported);
        lastReported = localWords;
    }

    private void trainSentence(int[] ids, int from, int to) {
        if (localWords - lastReported > LR_UPDATE_EVERY) {
            long done = wordsDone.addAndGet(localWords - lastReported);
            lastReported = localWords;
            alpha = learningRate(startAlpha, done, totalWords);
        }
        if (hot != null && localWords - lastMerge >= mergeEvery) {
            lastMerge = localWords;
            hot.merge(syn0, syn1neg);
        }
        if (sentence.length - 2 * PAD < to - from) {
            sentence = new int[Math.max(to - from, sentence.length * 2) + 2 * PAD];
        }
        localWords += to - from;
        long rnd = random;
        int[] sen = sentence;
        // sen[PAD, end) holds the kept tokens
        int end = PAD;
        for (int i = from; i < to; i++) {
            int id = ids[i];
            float keep = keepProbability[id];
            if (keep < 1f && keep < ((rnd = next(rnd)) >>> 48) / 65536f) {
                continue;
            }
            sen[end++] = id;
        }
        final int dim = this.dim;
        final float[] sharedIn = this.syn0;
        final float[] sharedOut = this.syn1neg;
        final float[] hotIn = hot == null ? null : hot.input;
        final float[] hotOut = hot == null ? null : hot.output;
        final int hotRows = this.hotRows;
        final float[] err = this.neu1e;
        final float a = this.alpha;
        final boolean simd = this.vectorApi;
        for (int pos = PAD; pos < end; pos++) {
            int word = sen[pos];
            int b = (int) ((((rnd = next(rnd)) >>> 32) * window) >>> 32);
            int lo = Math.max(PAD, pos - window + b);
            int hi = Math.min(end - 1, pos + window - b);
            for (int c = lo; c <= hi; c++) {
                if (c == pos) {
                    continue;
                }
                int r1 = sen[c];
                // the private copy of a hot row, else the shared row
                final float[] syn0 = r1 < hotRows ? hotIn : sharedIn;
                int l1 = r1 < hotRows ? PAD + r1 * dim : r1 * dim;
                java.util.Arrays.fill(err, PAD, PAD + dim, 0f);
                // The targets first, in word2vec's order of draws: the word (label 1), then the noise (label 0).
                final int[] tg = targets;
                tg[PAD] = word;
                int n = 1;
                boolean distinct = true;
                for (int d = 1; d <= negative; d++) {
                    // cell: the high 32 bits scaled to [0, n) by a multiply, not a 64-bit division
                    int cell = (int) ((((rnd = next(rnd)) >>> 32) * noiseSize) >>> 32);
                    int target = noise.sample(cell, ((rnd = next(rnd)) >>> 40) * 0x1.0p-24f);
                    if (target == word) {
                        continue;
                    }
                    for (int e = PAD + 1; e < PAD + n; e++) {
                        distinct &= tg[e] != target;
                    }
                    tg[PAD + n++] = target;
                }
                final float[] dots = this.dots;
                final boolean dotsFirst = simd && distinct;
                if (dotsFirst) {
                    // No row comes twice, so no update below changes a row that a later dot reads: all dots can be
                    // taken first, three rows per pass over the input row, each summed as dot() sums it. Three
                    // independent sums (and cache misses) in flight instead of one chain at a time.
                    for (int i = 0; i < n; i += 3) {
                        int t0 = tg[PAD + i];
                        int t1 = tg[PAD + Math.min(i + 1, n - 1)];
                        int t2 = tg[PAD + Math.min(i + 2, n - 1)];
                        SgnsVectorMath.dot3(syn0, l1,
                                t0 < hotRows ? hotOut : sharedOut, t0 < hotRows ? PAD + t0 * dim : t0 * dim,
                                t1 < hotRows ? hotOut : sharedOut, t1 < hotRows ? PAD + t1 * dim : t1 * dim,
                                t2 < hotRows ? hotOut : sharedOut, t2 < hotRows ? PAD + t2 * dim : t2 * dim,
                                dim, dots, PAD + i);
                    }
                }
                for (int i = 0; i < n; i++) {
                    int target = tg[PAD + i];
                    float label = i == 0 ? 1f : 0f;
                    final float[] syn1 = target < hotRows ? hotOut : sharedOut;
                    int l2 = target < hotRows ? PAD + target * dim : target * dim;
                    float f = dotsFirst ? dots[PAD + i]
                            : simd ? SgnsVectorMath.dot(syn0, l1, syn1, l2, dim) : dot(syn0, l1, syn1, l2, dim);
                    float g;
                    if (f >= MAX_EXP) {
                        g = (label - 1f) * a;
                    } else if (f <= -MAX_EXP) {
                        g = label * a;
                    } else {
                        g = (label - SIGMOID[(int) ((f + MAX_EXP) * EXP_SCALE)]) * a;
                    }
                    if (simd) {
                        SgnsVectorMath.update(syn0, l1, syn1, l2, err, PAD, g, dim);
                        continue;
                    }
                    // One pass: the error takes the output vector before its update, as word2vec's two loops.
                    for (int k = 0; k < dim; k++) {
                        float out = syn1[l2 + k];
                        err[PAD + k] += g * out;
                        syn1[l2 + k] = out + g * syn0[l1 + k];
                    }
                }
                if (simd) {
                    SgnsVectorMath.add(syn0, l1, err, PAD, dim);
                    continue;
                }
                for (int k = 0; k < dim; k++) {
                    syn0[l1 + k] += err[PAD + k];
                }
            }
        }
        random = rnd;
    }

    /** Dot product with four partial sums (fixed order, so the result is the same on every run). */
    private static float dot(float[] x, int xi, float[] y, int yi, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += x[xi + k] * y[yi + k];
            s1 += x[xi + k + 1] * y[yi + k + 1];
            s2 += x[xi + k + 2] * y[yi + k + 2];
            s3 += x[xi + k + 3] * y[yi + k + 3];
        }
        for (; k < n; k++) {
            s0 += x[xi + k] * y[yi + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    float alpha() {
        return alpha;
    }
}
