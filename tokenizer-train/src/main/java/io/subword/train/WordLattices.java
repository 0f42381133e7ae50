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
            lattice.populate(words[w], s);
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

    /** Piece id of a node whose piece went but which is still stored: it weighs nothing. */
    static final int GONE = -2;

    /**
     * Renumbers the pieces by {@code newId} (old id to new id, -1 for a piece that went). The nodes of pieces that
     * went are marked {@link #GONE} and only dropped once they are an eighth of all nodes, or at once if a position
     * lost its one-character node (it needs the unknown node then).
     */
    void keep(int[] newId) {
        int n = nodes();
        int gone = 0;
        boolean lostSingle = false;
        for (int k = 0; k < n; k++) {
            int id = piece[k];
            if (id >= 0) {
                id = newId[id];
                if (id < 0) {
                    id = GONE;
                    lostSingle |= end[k] - begin[k] == 1;
                }
                piece[k] = id;
            }
            if (id == GONE) {
                gone++;
            }
        }
        // Every E-step and Viterbi pass still walks the gone nodes; from the second round on they grow from about
        // 16% to 29% of all (10 MB of Europarl) and each round makes 5 passes, so one compacting pass pays early.
        if (lostSingle || gone * 8 > n) {
            compact();
        }
    }

    /** Drops the {@link #GONE} nodes; a position left without a one-character node gets the unknown node. */
    private void compact() {
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
                    if (end[groupEnd] == pos + 1 && piece[groupEnd] != GONE) {
                        single = true;
                    }
                    groupEnd++;
                }
                // a group always had a one-character node, first in the group, and loses at most that one to the
                // unknown node, so write never passes read: the unknown node takes the place of the node that went
                int firstWrite = write;
                if (!single) {
                    write++; // filled below, once the group has been read
                }
                for (int k = read; k < groupEnd; k++) {
                    if (piece[k] != GONE) {
                        begin[write] = begin[k];
                        end[write] = end[k];
                        piece[write] = piece[k];
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

    /**
     * Weights of one E-step: {@code weight[id + 2] = exp(score - length * rate)} for piece {@code id},
     * {@code weight[1]} the unknown node's, {@code weight[0] = 0} for a {@link #GONE} node; and the scores, laid
     * out the same way ({@code -infinity} for a gone node).
     */
    record Weights(double[] weight, double[] score) {
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
            double[] w = new double[pieces.length + 2];
            double[] sc = new double[pieces.length + 2];
            w[1] = Math.exp(unknownScore - rate);
            sc[0] = Double.NEGATIVE_INFINITY;
            sc[1] = unknownScore;
            for (int i = 0; i < pieces.length; i++) {
                w[i + 2] = Math.exp(scores[i] - pieces[i].length * rate);
                sc[i + 2] = scores[i];
            }
            return new Weights(w, sc);
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
        alpha[0] = 1;
        for (int k = from; k < to; k++) {
            alpha[end[k]] += alpha[begin[k]] * weight[piece[k] + 2];
        }
        double z = alpha[len];
        if (!(z >= SAFE_MIN && z <= SAFE_MAX)) {
            marginalsInLogSpace(from, to, len, freq, m, s, expected, scale);
            return;
        }
        // The backward pass adds up each node's posterior as it goes: nodes are in order of their begin, so when
        // the pass reaches node k every node after its end has been done, and beta[end[k]] is final.
        double factor = freq * scale / z;
        beta[len] = 1;
        for (int k = to - 1; k >= from; k--) {
            int id = piece[k];
            double pieceWeight = weight[id + 2];
            double after = beta[end[k]];
            beta[begin[k]] += after * pieceWeight;
            if (id != GONE) {
                // p >= 0, so the cast rounds as Math.round does, at a fraction of its cost
                expected[countedAs(id)] += (long) (alpha[begin[k]] * pieceWeight * after * factor + 0.5);
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
            alpha[end[k]] = PieceLattice.logAdd(alpha[end[k]], alpha[begin[k]] + m.score[piece[k] + 2]);
        }
        beta[len] = 0;
        for (int k = to - 1; k >= from; k--) {
            beta[begin[k]] = PieceLattice.logAdd(beta[begin[k]], beta[end[k]] + m.score[piece[k] + 2]);
        }
        double z = alpha[len];
        double factor = freq * scale;
        for (int k = from; k < to; k++) {
            int id = piece[k];
            if (id != GONE) {
                expected[countedAs(id)] += (long) (Math.exp(alpha[begin[k]] + m.score[id + 2] + beta[end[k]] - z)
                        * factor + 0.5);
            }
        }
    }

    /**
     * Adds {@code freq} to each piece on the best segmentation of word {@code w} (local index) of {@code len}
     * code points under {@code m}'s scores (ties: the node found first, as {@link PieceLattice#viterbi}).
     */
    void viterbiCounts(int w, int len, long freq, Weights m, Scratch s, long[] counts) {
        int from = wordStart[w];
        int to = wordStart[w + 1];
        s.size(len);
        double[] best = s.alpha;
        int[] back = s.back;
        Arrays.fill(best, 0, len + 1, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int k = from; k < to; k++) {
            double v = best[begin[k]] + m.score[piece[k] + 2];
            if (v > best[end[k]]) {
                best[end[k]] = v;
                back[end[k]] = k;
            }
        }
        for (int pos = len; pos > 0; pos = begin[back[pos]]) {
            counts[countedAs(piece[back[pos]])] += freq;
        }
    }

    /**
     * The piece whose counts a node adds to: its own, or for the unknown node piece 0, as in {@code spm_train}. Its
     * trainer gives the unknown node the id of the unknown piece, which the trainer's model leaves at its default,
     * 0: the piece first in the model's order, the most frequent character (the seeds list the characters first,
     * and pruning keeps them first). So the occurrences of characters outside the alphabet count for that piece
     * in every E-step and pruning round; we do the same to learn the same vocabulary.
     */
    static int countedAs(int id) {
        return id < 0 ? 0 : id;
    }
}
