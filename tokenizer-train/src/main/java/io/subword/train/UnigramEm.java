package io.subword.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The EM loop of {@link UnigramTrainer}, step by step as SentencePiece's {@code unigram_model_trainer.cc}:
 * <ol>
 *   <li>seed pieces ({@link SeedPieces}), scored by the log of their share of the seed scores;</li>
 *   <li>{@code subIterations} EM steps: the E-step sums, over every word, the posterior count of each piece
 *       (forward-backward over the word's lattice, {@link WordLattices#marginals}); the M-step drops pieces
 *       expected fewer than 0.5 times and scores the rest by SentencePiece's Bayesian update
 *       {@code digamma(count) - digamma(total)};</li>
 *   <li>if more than {@code 1.1 * vocabSize} pieces remain, prune: each piece that is its own best segmentation
 *       is scored by the likelihood lost if its occurrences took their second-best segmentation instead (with
 *       spm_train 0.1.97's sum of counts, see {@link #prune}); pieces that are not their own best segmentation
 *       go; the pieces losing most are kept until
 *       {@code max(1.1 * vocabSize, shrinkingFactor * size)} remain; and back to 2;</li>
 *   <li>finally the required characters and then the best-scored pieces, up to the vocabulary size.</li>
 * </ol>
 *
 * <p>The words' lattices are found once, over the seed pieces, and thinned as pieces go ({@link WordLattices}).
 * Expected counts are summed as fixed-point {@code long}s ({@value #FIXED_POINT_BITS} fractional bits):
 * integer addition does not depend on the order, so the result is the same for any number of threads.
 */
final class UnigramEm {
    static final int FIXED_POINT_BITS = 24;
    static final double FIXED_POINT_SCALE = 1L << FIXED_POINT_BITS;
    /** SentencePiece's threshold below which the M-step drops a piece. */
    static final double MIN_EXPECTED = 0.5;

    private final int[][] words;
    private final long[] counts;
    private final int threads;
    /** Word ranges, one per worker: part {@code p} holds words {@code [partStart[p], partStart[p + 1])}. */
    private final int[] partStart;
    /** The lattices of each part over the pieces of {@link #latticeModel}; built at the first E-step. */
    private WordLattices[] lattices;
    private Pieces latticeModel;

    UnigramEm(int[][] words, long[] counts, int threads) {
        this.words = words;
        this.counts = counts;
        this.threads = threads;
        int parts = Math.max(1, Math.min(threads, words.length / 256));
        this.partStart = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            partStart[p] = (int) ((long) words.length * p / parts);
        }
    }

    /** Makes the word lattices hold the nodes of {@code model}'s pieces, numbered as in {@code model}. */
    void follow(Pieces model) {
        if (model == latticeModel) {
            return;
        }
        List<int[]> steps = new ArrayList<>();
        Pieces m = model;
        while (m != null && m != latticeModel) {
            steps.add(m.kept);
            m = m.parent;
        }
        if (lattices == null || m == null || steps.contains(null)) {
            PieceLattice trie = new PieceLattice(model.pieces(), model.scores(), threads);
            lattices = new WordLattices[partStart.length - 1];
            WordLattices[] built = runParts((p, from, to) -> WordLattices.build(words, from, to, trie),
                    WordLattices[]::new);
            System.arraycopy(built, 0, lattices, 0, built.length);
        } else {
            // compose the renumberings from the lattices' model down to this one
            int[] newId = new int[latticeModel.size()];
            for (int i = 0; i < newId.length; i++) {
                newId[i] = i;
            }
            for (int k = steps.size() - 1; k >= 0; k--) {
                int[] kept = steps.get(k);
                int parentSize = k == steps.size() - 1 ? latticeModel.size() : steps.get(k + 1).length;
                int[] step = new int[parentSize];
                Arrays.fill(step, -1);
                for (int c = 0; c < kept.length; c++) {
                    step[kept[c]] = c;
                }
                for (int i = 0; i < newId.length; i++) {
                    newId[i] = newId[i] < 0 ? -1 : step[newId[i]];
                }
            }
            boolean same = isIdentity(newId);
            runParts((p, from, to) -> {
                if (!same) {
                    lattices[p].keep(newId);
                }
                return lattices[p];
            }, WordLattices[]::new);
        }
        for (Pieces c = model; c != null; ) {
            Pieces next = c.parent;
            c.parent = null; // the chain is no longer needed: let old models go
            c = next;
        }
        latticeModel = model;
    }

    /**
     * Pieces with scores, in any order. A model made from another by {@link #maximize} or {@link #prune} knows
     * which of its parent's pieces it kept, so that the word lattices can follow it without being rebuilt.
     */
    static final class Pieces {
        private final int[][] pieces;
        private final double[] scores;
        /** The model this one was made from, until the lattices have followed (then null). */
        private Pieces parent;
        /** For each piece, its index in {@code parent}. */
        private final int[] kept;

        Pieces(int[][] pieces, double[] scores) {
            this(pieces, scores, null, null);
        }

        private Pieces(int[][] pieces, double[] scores, Pieces parent, int[] kept) {
            this.pieces = pieces;
            this.scores = scores;
            this.parent = parent;
            this.kept = kept;
        }

        int[][] pieces() {
            return pieces;
        }

        double[] scores() {
            return scores;
        }

        int size() {
            return pieces.length;
        }

        /** The pieces of this model at {@code indices} (in any order), with {@code newScores}, as its child. */
        Pieces child(int[] indices, double[] newScores) {
            int[][] p = new int[indices.length][];
            for (int k = 0; k < p.length; k++) {
                p[k] = pieces[indices[k]];
            }
            return new Pieces(p, newScores, this, indices);
        }
    }

    /** The seeds as pieces scored by log of their share: SentencePiece's {@code ToLogProb}. */
    static Pieces fromSeeds(List<SeedPieces.Seed> seeds) {
        int[][] p = new int[seeds.size()][];
        double[] s = new double[seeds.size()];
        double sum = 0;
        for (SeedPieces.Seed seed : seeds) {
            sum += seed.score();
        }
        double logSum = Math.log(sum);
        for (int i = 0; i < p.length; i++) {
            p[i] = seeds.get(i).codePoints();
            s[i] = Math.log(seeds.get(i).score()) - logSum;
        }
        return new Pieces(p, s);
    }

    /** The E-step: each piece's expected count over all words (not yet divided by the fixed-point scale). */
    long[] expectedCounts(Pieces model) {
        follow(model);
        double unknownScore = unknownScore(model);
        WordLattices.Weights weights = WordLattices.Weights.of(model.pieces(), model.scores(), unknownScore);
        long[][] parts = runParts((p, from, to) -> {
            long[] expected = new long[model.size()];
            WordLattices.Scratch s = new WordLattices.Scratch();
            WordLattices l = lattices[p];
            for (int w = from; w < to; w++) {
                l.marginals(w - from, words[w].length, counts[w], weights, s, expected, FIXED_POINT_SCALE);
            }
            return expected;
        }, long[][]::new);
        return sum(parts);
    }

    private static long[] sum(long[][] parts) {
        long[] total = parts[0];
        for (int p = 1; p < parts.length; p++) {
            for (int i = 0; i < total.length; i++) {
                total[i] += parts[p][i];
            }
        }
        return total;
    }

    /** The M-step: drop pieces expected fewer than 0.5 times, score the rest by digamma. */
    static Pieces maximize(Pieces model, long[] expected) {
        int[] kept = new int[expected.length];
        int n = 0;
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            double freq = expected[i] / FIXED_POINT_SCALE;
            if (freq >= MIN_EXPECTED) {
                kept[n++] = i;
                sum += freq;
            }
        }
        double logSum = digamma(sum);
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = digamma(expected[kept[k]] / FIXED_POINT_SCALE) - logSum;
        }
        return model.child(Arrays.copyOf(kept, n), s);
    }

    /** SentencePiece's digamma: the recurrence up to 7, then the asymptotic series. */
    static double digamma(double x) {
        double result = 0;
        for (; x < 7; ++x) {
            result -= 1 / x;
        }
        x -= 1.0 / 2.0;
        double xx = 1.0 / x;
        double xx2 = xx * xx;
        double xx4 = xx2 * xx2;
        result += Math.log(x) + (1.0 / 24.0) * xx2 - (7.0 / 960.0) * xx4 + (31.0 / 8064.0) * xx4 * xx2
                - (127.0 / 30720.0) * xx4 * xx4;
        return result;
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) {
            if (map[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The score of the unknown node: the lowest piece score minus 10, as in SentencePiece. */
    private static double unknownScore(Pieces model) {
        double min = Double.POSITIVE_INFINITY;
        for (double sc : model.scores()) {
            min = Math.min(min, sc);
        }
        return (model.size() == 0 ? 0 : min) - PieceLattice.UNKNOWN_PENALTY;
    }

    /** One pruning round: keeps at least {@code desired} and about {@code shrinkingFactor} of the pieces. */
    Pieces prune(Pieces model, int desired, double shrinkingFactor) {
        follow(model);
        int n = model.size();
        PieceLattice lattice = new PieceLattice(model.pieces(), model.scores(), threads);
        // 1. How each piece would be segmented without itself: null if it is not its own best segmentation (it
        //    can go), empty if it has no alternative (it stays), else the pieces of its second-best segmentation.
        int[][] alternatives = new int[n][];
        int chunks = Math.max(1, Math.min(threads, n / 1024));
        runRanges(n, chunks, (c, from, to) -> {
            PieceLattice.Scratch s = new PieceLattice.Scratch();
            int[] path = new int[64];
            for (int i = from; i < to; i++) {
                int[] piece = model.pieces()[i];
                if (path.length < piece.length) {
                    path = new int[piece.length * 2];
                }
                if (piece.length == 1) {
                    alternatives[i] = new int[0]; // a character: its one segmentation
                    continue;
                }
                lattice.populate(piece, s);
                int second = lattice.viterbi(s, piece.length, i, path);
                // The piece is its own best segmentation unless a path without it scores higher: in the whole
                // lattice its node, the only one from the start to the end, comes first among the nodes that end
                // there, and Viterbi keeps the node found first on a tie.
                if (second >= 0 && s.alpha[piece.length] > model.scores()[i]) {
                    continue;
                }
                alternatives[i] = new int[Math.max(second, 0)];
                for (int k = 0; k < second; k++) {
                    alternatives[i][k] = WordLattices.countedAs(path[k]); // an unknown character: piece 0, as spm
                }
            }
            return null;
        }, Object[]::new);
        // 2. Viterbi counts over all words.
        WordLattices.Weights weights = WordLattices.Weights.of(model.pieces(), model.scores(), unknownScore(model));
        long[] freq = sum(runParts((p, from, to) -> {
            long[] f = new long[n];
            WordLattices.Scratch sc = new WordLattices.Scratch();
            WordLattices l = lattices[p];
            for (int w = from; w < to; w++) {
                l.viterbiCounts(w - from, words[w].length, counts[w], weights, sc, f);
            }
            return f;
        }, long[][]::new));
        // 3. The likelihood lost by removing each piece, assuming its occurrences take its alternative. In float,
        //    step by step as SentencePiece computes it: close losses that are equal in float tie there, and ties go
        //    to the piece first in the model's order, which decides which pieces a round keeps.
        double vsum = 0;
        for (long c : counts) {
            vsum += c;
        }
        double sum = 0;
        for (long f : freq) {
            sum += f;
        }
        float vsumF = (float) vsum;
        float sumF = (float) sum;
        float logSum = (float) Math.log(sumF);
        boolean[] keep = new boolean[n];
        int kept = 0;
        int candidates = 0;
        int[] candidate = new int[n];
        float[] loss = new float[n];
        for (int i = 0; i < n; i++) {
            if (freq[i] == 0 || alternatives[i] == null) {
                continue;
            }
            if (alternatives[i].length == 0) {
                keep[i] = true;
                kept++;
                continue;
            }
            float fi = freq[i];
            float f = fi / vsumF;
            float logProb = (float) (Math.log(fi) - logSum);
            // The sum of counts once piece i is gone: sum + freq[i] * (k - 1) if its freq[i] occurrences became
            // its k alternative pieces. SentencePiece up to 0.1.98 (Debian's spm_train 0.1.97 included) takes k
            // to be the number of pieces n, not the alternative's length; we do the same, because that is what
            // spm_train's vocabularies are, and it is the better vocabulary by the measure that counts here:
            // every alternative piece then adds about log(n) to the loss, so pieces that stand for long splits
            // are kept, and held-out text takes 1% fewer tokens per word at the same likelihood
            // (benchmarks/unigram-vs-spm, README "Unigram").
            float logSumAlt = (float) Math.log(sumF + fi * (float) (n - 1));
            float logProbAlt = 0;
            for (int alt : alternatives[i]) {
                logProbAlt = (float) (logProbAlt + (Math.log((float) freq[alt] + fi) - logSumAlt));
            }
            loss[i] = f * (logProb - logProbAlt);
            candidate[candidates++] = i;
        }
        int target = Math.max(desired, (int) (shrinkingFactor * n));
        int[] order = sortByFallingLoss(Arrays.copyOf(candidate, candidates), loss);
        int taken = Math.max(0, Math.min(order.length, target - kept));
        // In SentencePiece's order, which breaks the next round's ties: the pieces without an alternative in the
        // model's order, then the others by falling loss.
        int[] indices = new int[kept + taken];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                indices[k++] = i;
            }
        }
        System.arraycopy(order, 0, indices, k, taken);
        double[] scores = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            scores[j] = model.scores()[indices[j]];
        }
        return model.child(indices, scores);
    }

    /**
     * {@code ids} by falling {@code loss[id]} (as {@link Float#compare} orders them), ties by id: a radix sort of
     * (key, id) pairs, the key being the loss's bits made to sort as signed ints in falling order.
     */
    private static int[] sortByFallingLoss(int[] ids, float[] loss) {
        int[] key = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            int bits = Float.floatToIntBits(loss[ids[k]]);
            key[k] = ~(bits ^ ((bits >> 31) & 0x7fffffff));
        }
        it.unimi.dsi.fastutil.ints.IntArrays.radixSort(key, ids);
        return ids;
    }

    @FunctionalInterface
    private interface Part<T> {
        T run(int part, int from, int to);
    }

    /** Runs {@code part} over the word ranges of the parts, one thread each; the results in part order. */
    private <T> T[] runParts(Part<T> part, java.util.function.IntFunction<T[]> array) {
        int parts = partStart.length - 1;
        T[] out = array.apply(parts);
        run(parts, p -> out[p] = part.run(p, partStart[p], partStart[p + 1]));
        return out;
    }

    /** Runs {@code part} over {@code chunks} equal ranges of {@code [0, n)}; the results in range order. */
    private <T> T[] runRanges(int n, int chunks, Part<T> part, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(chunks);
        run(chunks, c -> out[c] = part.run(c, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
        return out;
    }

    private void run(int tasks, java.util.function.IntConsumer task) {
        if (tasks == 1) {
            task.accept(0);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks, r -> {
            Thread t = new Thread(r, "subword-unigram");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int id = t;
                futures.add(pool.submit(() -> task.accept(id)));
            }
            for (Future<?> f : futures) {
                Await.result(f, "training");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
