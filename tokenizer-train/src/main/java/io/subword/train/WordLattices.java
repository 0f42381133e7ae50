package io.subword.train;

import java.util.Arrays;

/**
 * The lattices of all training words, built once from the seed pieces and then only thinned: every EM round
 * scores the same words over a shrinking set of pieces, so the nodes (begin, end, piece) of every word are found
 * once by walking the seed trie ({@link PieceLattice#populate}), and each round afterwards is a scan over flat
 * arrays. When pieces go, {@link #keep} drops their nodes; a position whose one-character piece went gets the
 * unknown node, as {@link PieceLattice#populate} would give it.
 *
 * <p>Nodes of a word are stored in order of their begin, so a forward pass over them finishes every position
 * before a node leaves it. The forward-backward runs in linear space with each piece's weight
 * {@code exp(score - length * rate)}: the {@code rate} per character cancels out of every posterior, keeps the
 * products near 1 for ordinary words, and needs no logarithm per node; a word whose sum leaves the safe range
 * (very long words, long runs of unknown characters) is done again in log space.
 */
final class WordLattices {
    private static final double SAFE_MIN = 1e-250;
    private static final double SAFE_MAX = 1e250;

    /** Nodes of word {@code w}: {@code [wordStart[w], wordStart[w + 1])}. */
    private final int[] wordStart;
    private int[] begin;
    private int[] end;
    /** Piece id of each node, or -1 for the unknown node. */
    private int[] piece;

    private WordLattices(int[] wordStart, int[] begin, int[] end, int[] piece) {
        this.wordStart = wordStart;
        this.begin = begin;
        this.end = end;
        this.piece = piece;
    }

    /** The lattices of {@code words[from, to)} over {@code lattice}'s pieces. */
    static WordLattices build(int[][] words, int from, int to, PieceLattice lattice) {
        int[] start = new int[to - from + 1];
        int capacity = 16;
        for (int w = from; w < to; w++) {
            capacity += words[w].length * 3;
        }
        int[] b = new int[capacity];
        int[] e = new int[capacity];
        int[] p = new int[capacity];
        int n = 0;
        PieceLattice.Scratch s = new PieceLattice.Scratch();
        for (int w = from; w < to; w++) {
            lattice.populate(words[w], s, -1);
            if (n + s.nodes > b.length) {
                int grown = Math.max(n + s.nodes, b.length + (b.length >> 1));
                b = Arrays.copyOf(b, grown);
                e = Arrays.copyOf(e, grown);
                p = Arrays.copyOf(p, grown);
            }
            System.arraycopy(s.begin, 0, b, n, s.nodes);
            System.arraycopy(s.end, 0, e, n, s.nodes);
            System.arraycopy(s.id, 0, p, n, s.nodes);
            n += s.nodes;
            start[w - from + 1] = n;
        }
        return new WordLattices(start, Arrays.copyOf(b, n), Arrays.copyOf(e, n), Arrays.copyOf(p, n));
    }

    int nodes() {
        return wordStart[wordStart.length - 1];
    }

    /**
     * Renumbers the pieces by {@code newId} (old id to new id, -1 for a piece that went) and drops the nodes of the
     * pieces that went; a position left without a one-character node gets the unknown node.
     */
    void keep(int[] newId) {
        int write = 0;
        int words = wordStart.length - 1;
        int read = 0;
        for (int w = 0; w < words; w++) {
            int stop = wordStart[w + 1];
            wordStart[w] = write;
            while (read < stop) {
                // one group: the nodes that begin at the same position
                int pos = begin[read];
                int groupEnd = read;
                boolean single = false;
                while (groupEnd < stop && begin[groupEnd] == pos) {
                    int id = piece[groupEnd];
                    if (end[groupEnd] == pos + 1 && (id < 0 || newId[id] >= 0)) {
                        single = true;
                    }
                    groupEnd++;
                }
                // a group always had a one-character node and loses at most that one to the unknown node, so
                // write never passes read: the unknown node takes the place of a node that went
                int firstWrite = write;
                if (!single) {
                    write++; // filled below, once the group has been read
                }
                for (int k = read; k < groupEnd; k++) {
                    int id = piece[k];
                    int mapped = id < 0 ? -1 : newId[id];
                    if (id < 0 || mapped >= 0) {
                        begin[write] = begin[k];
                        end[write] = end[k];
                        piece[write] = mapped;
                        write++;
                    }
                }
                if (!single) {
                    begin[firstWrite] = pos;
                    end[firstWrite] = pos + 1;
                    piece[firstWrite] = -1;
                }
                read = groupEnd;
            }
        }
        wordStart[words] = write;
        if (write < begin.length / 2) {
            begin = Arrays.copyOf(begin, write);
            end = Arrays.copyOf(end, write);
            piece = Arrays.copyOf(piece, write);
        }
    }

    /** Per-piece weights of one E-step: {@code exp(score - length * rate)}. */
    record Weights(double[] weight, double unknownWeight, double rate, double[] score, double unknownScore) {
        static Weights of(int[][] pieces, double[] scores, double unknownScore) {
            // the rate: the score per character of a piece drawn from the model, so that weights centre on 1
            double mass = 0;
            double num = 0;
            double den = 0;
            for (int i = 0; i < pieces.length; i++) {
                double p = Math.exp(scores[i]);
                mass += p;
                num += p * scores[i];
                den += p * pieces[i].length;
            }
            double rate = mass > 0 && den > 0 ? num / den : 0;
            double[] w = new double[pieces.length];
            for (int i = 0; i < pieces.length; i++) {
                w[i] = Math.exp(scores[i] - pieces[i].length * rate);
            }
            return new Weights(w, Math.exp(unknownScore - rate), rate, scores, unknownScore);
        }
    }

    /** One thread's forward and backward buffers. */
    static final class Scratch {
        double[] alpha = new double[64];
        double[] beta = new double[64];
        int[] back = new int[64];

        void size(int len) {
            if (alpha.length <= len) {
                alpha = new double[len * 2 + 1];
                beta = new double[len * 2 + 1];
                back = new int[len * 2 + 1];
            }
        }
    }

    /**
     * Adds {@code freq} times the posterior count of each piece in word {@code w} (local index) of {@code len}
     * code points to {@code expected}, in fixed point ({@code scale} per count).
     */
    void marginals(int w, int len, long freq, Weights m, Scratch s, long[] expected, double scale) {
        int from = wordStart[w];
        int to = wordStart[w + 1];
        s.size(len);
        double[] alpha = s.alpha;
        double[] beta = s.beta;
        Arrays.fill(alpha, 0, len + 1, 0);
        Arrays.fill(beta, 0, len + 1, 0);
        double[] weight = m.weight;
        double unk = m.unknownWeight;
        alpha[0] = 1;
        for (int k = from; k < to; k++) {
            int id = piece[k];
            alpha[end[k]] += alpha[begin[k]] * (id < 0 ? unk : weight[id]);
        }
        double z = alpha[len];
        if (!(z >= SAFE_MIN && z <= SAFE_MAX)) {
            marginalsInLogSpace(from, to, len, freq, m, s, expected, scale);
            return;
        }
        beta[len] = 1;
        for (int k = to - 1; k >= from; k--) {
            int id = piece[k];
            beta[begin[k]] += beta[end[k]] * (id < 0 ? unk : weight[id]);
        }
        double factor = freq * scale / z;
        for (int k = from; k < to; k++) {
            int id = piece[k];
            if (id >= 0) {
                expected[id] += Math.round(alpha[begin[k]] * weight[id] * beta[end[k]] * factor);
            }
        }
    }

    private void marginalsInLogSpace(int from, int to, int len, long freq, Weights m, Scratch s, long[] expected,
                                     double scale) {
        double[] alpha = s.alpha;
        double[] beta = s.beta;
        Arrays.fill(alpha, 0, len + 1, Double.NEGATIVE_INFINITY);
        Arrays.fill(beta, 0, len + 1, Double.NEGATIVE_INFINITY);
        alpha[0] = 0;
        for (int k = from; k < to; k++) {
            alpha[end[k]] = PieceLattice.logAdd(alpha[end[k]], alpha[begin[k]] + score(piece[k], m));
        }
        beta[len] = 0;
        for (int k = to - 1; k >= from; k--) {
            beta[begin[k]] = PieceLattice.logAdd(beta[begin[k]], beta[end[k]] + score(piece[k], m));
        }
        double z = alpha[len];
        double factor = freq * scale;
        for (int k = from; k < to; k++) {
            int id = piece[k];
            if (id >= 0) {
                expected[id] += Math.round(Math.exp(alpha[begin[k]] + m.score[id] + beta[end[k]] - z) * factor);
            }
        }
    }

    private static double score(int id, Weights m) {
        return id < 0 ? m.unknownScore : m.score[id];
    }

    /**
     * Adds {@code freq} to each piece on the best segmentation of word {@code w} (local index) of {@code len}
     * code points under {@code scores} (ties: the node found first, as {@link PieceLattice#viterbi}).
     */
    void viterbiCounts(int w, int len, long freq, double[] scores, double unknownScore, Scratch s, long[] counts) {
        int from = wordStart[w];
        int to = wordStart[w + 1];
        s.size(len);
        double[] best = s.alpha;
        int[] back = s.back;
        Arrays.fill(best, 0, len + 1, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int k = from; k < to; k++) {
            int id = piece[k];
            double v = best[begin[k]] + (id < 0 ? unknownScore : scores[id]);
            if (v > best[end[k]]) {
                best[end[k]] = v;
                back[end[k]] = k;
            }
        }
        for (int pos = len; pos > 0; pos = begin[back[pos]]) {
            int id = piece[back[pos]];
            if (id >= 0) {
                counts[id] += freq;
            }
        }
    }
}
