package io.subword.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The EM loop of {@link UnigramTrainer}, step by step as SentencePiece's {@code unigram_model_trainer.cc}:
 * <ol>
 *   <li>seed pieces ({@link SeedPieces}), scored by the log of their share of the seed scores;</li>
 *   <li>{@code subIterations} EM steps: the E-step sums, over every word, the posterior count of each piece
 *       (forward-backward over the word's lattice, {@link PieceLattice#marginals}); the M-step drops pieces
 *       expected fewer than 0.5 times and scores the rest by SentencePiece's Bayesian update
 *       {@code digamma(count) - digamma(total)};</li>
 *   <li>if more than {@code 1.1 * vocabSize} pieces remain, prune: each piece that is its own best segmentation
 *       is scored by the likelihood lost if its occurrences took their second-best segmentation instead; pieces
 *       that are not their own best segmentation go; the pieces losing most are kept until
 *       {@code max(1.1 * vocabSize, shrinkingFactor * size)} remain; and back to 2;</li>
 *   <li>finally the required characters and then the best-scored pieces, up to the vocabulary size.</li>
 * </ol>
 *
 * <p>Expected counts are summed as fixed-point {@code long}s ({@value #FIXED_POINT_BITS} fractional bits):
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

    UnigramEm(int[][] words, long[] counts, int threads) {
        this.words = words;
        this.counts = counts;
        this.threads = threads;
    }

    /** Pieces with scores, in any order. */
    record Pieces(int[][] pieces, double[] scores) {
        int size() {
            return pieces.length;
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
        PieceLattice lattice = new PieceLattice(model.pieces(), model.scores());
        long[][] parts = runParts((from, to) -> {
            long[] expected = new long[model.size()];
            PieceLattice.Scratch s = new PieceLattice.Scratch();
            for (int w = from; w < to; w++) {
                lattice.populate(words[w], s, -1);
                lattice.marginals(s, words[w].length, counts[w], expected, FIXED_POINT_SCALE);
            }
            return expected;
        });
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
        List<Integer> kept = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            double freq = expected[i] / FIXED_POINT_SCALE;
            if (freq >= MIN_EXPECTED) {
                kept.add(i);
                sum += freq;
            }
        }
        double logSum = digamma(sum);
        int[][] p = new int[kept.size()][];
        double[] s = new double[kept.size()];
        for (int k = 0; k < p.length; k++) {
            int i = kept.get(k);
            p[k] = model.pieces()[i];
            s[k] = digamma(expected[i] / FIXED_POINT_SCALE) - logSum;
        }
        return new Pieces(p, s);
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

    /** One pruning round: keeps at least {@code desired} and about {@code shrinkingFactor} of the pieces. */
    Pieces prune(Pieces model, int desired, double shrinkingFactor) {
        int n = model.size();
        PieceLattice lattice = new PieceLattice(model.pieces(), model.scores());
        // 1. How each piece would be segmented without itself.
        boolean[] alwaysKeep = new boolean[n];
        int[][] alternatives = new int[n][];
        PieceLattice.Scratch s = new PieceLattice.Scratch();
        int[] path = new int[64];
        for (int i = 0; i < n; i++) {
            int[] piece = model.pieces()[i];
            if (path.length < piece.length) {
                path = new int[piece.length * 2];
            }
            lattice.populate(piece, s, -1);
            int best = lattice.viterbi(s, piece.length, path);
            if (best >= 2) {
                alwaysKeep[i] = false; // it is not its own best segmentation: it can go
                continue;
            }
            alwaysKeep[i] = true;
            lattice.populate(piece, s, i);
            int second = lattice.viterbi(s, piece.length, path);
            boolean unknown = false;
            for (int k = 0; k < second; k++) {
                unknown |= path[k] < 0;
            }
            alternatives[i] = second <= 0 || unknown ? new int[0] : Arrays.copyOf(path, second);
        }
        // 2. Viterbi counts over all words.
        long[][] parts = runParts((from, to) -> {
            long[] freq = new long[n];
            PieceLattice.Scratch sc = new PieceLattice.Scratch();
            int[] out = new int[64];
            for (int w = from; w < to; w++) {
                int[] word = words[w];
                if (out.length < word.length) {
                    out = new int[word.length * 2];
                }
                lattice.populate(word, sc, -1);
                int k = lattice.viterbi(sc, word.length, out);
                for (int t = 0; t < k; t++) {
                    if (out[t] >= 0) {
                        freq[out[t]] += counts[w];
                    }
                }
            }
            return freq;
        });
        long[] freq = parts[0];
        for (int p = 1; p < parts.length; p++) {
            for (int i = 0; i < n; i++) {
                freq[i] += parts[p][i];
            }
        }
        double vsum = 0;
        for (long c : counts) {
            vsum += c;
        }
        double sum = 0;
        for (long f : freq) {
            sum += f;
        }
        double logSum = Math.log(sum);
        // 3. The likelihood lost by removing each piece, assuming its occurrences take its alternative.
        List<Integer> keep = new ArrayList<>();
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (freq[i] == 0 || !alwaysKeep[i]) {
                continue;
            }
            if (alternatives[i].length == 0) {
                keep.add(i);
                continue;
            }
            double f = freq[i] / vsum;
            double logProb = Math.log(freq[i]) - logSum;
            double logSumAlt = Math.log(sum + (double) freq[i] * (alternatives[i].length - 1));
            double logProbAlt = 0;
            for (int alt : alternatives[i]) {
                logProbAlt += Math.log((double) freq[alt] + freq[i]) - logSumAlt;
            }
            candidates.add(new double[] {i, f * (logProb - logProbAlt)});
        }
        int target = Math.max(desired, (int) (shrinkingFactor * n));
        candidates.sort((x, y) -> x[1] != y[1] ? Double.compare(y[1], x[1]) : Double.compare(x[0], y[0]));
        for (double[] c : candidates) {
            if (keep.size() >= target) {
                break;
            }
            keep.add((int) c[0]);
        }
        keep.sort(null); // keep the model's order
        int[][] p = new int[keep.size()][];
        double[] sc = new double[keep.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = model.pieces()[keep.get(k)];
            sc[k] = model.scores()[keep.get(k)];
        }
        return new Pieces(p, sc);
    }

    @FunctionalInterface
    private interface Part {
        long[] run(int from, int to);
    }

    /** Runs {@code part} over ranges of the words, on the threads; the parts in range order. */
    private long[][] runParts(Part part) {
        int parts = Math.max(1, Math.min(threads, words.length / 256));
        if (parts == 1) {
            return new long[][] {part.run(0, words.length)};
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "subword-unigram");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) words.length * p / parts);
                int to = (int) ((long) words.length * (p + 1) / parts);
                futures.add(pool.submit(() -> part.run(from, to)));
            }
            long[][] out = new long[parts][];
            for (int p = 0; p < parts; p++) {
                out[p] = futures.get(p).get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
