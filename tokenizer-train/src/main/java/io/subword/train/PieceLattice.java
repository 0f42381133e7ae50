package io.subword.train;

import java.util.Arrays;

/**
 * The pieces of a Unigram model in training, and the lattice of one word over them: every piece that matches at
 * every position, found by walking a trie. A position that no one-character piece covers gets an unknown node
 * whose score is the lowest piece score minus 10, as in SentencePiece. Forward-backward gives the expected count of
 * each piece in the word (the E-step); Viterbi gives the best segmentation (pruning).
 *
 * <p>The trie is shared and read-only once built; a {@link Scratch} holds one thread's lattice buffers.
 */
final class PieceLattice {
    /** SentencePiece's penalty of the unknown node below the lowest piece score. */
    static final double UNKNOWN_PENALTY = 10.0;

    final int[][] pieces;
    final double[] scores;
    final double unknownScore;
    /**
     * The trie, one record of four ints per node but the root, {@code rec[4r, 4r + 4)}: the code point of the edge
     * into it, where its children's records start, how many there are, and the piece that ends there (or -1). The
     * children of a node are consecutive records sorted by code point, so a walk down reads the next step's code
     * points, children and piece from the one place: about one cache miss per step, where separate node and edge
     * arrays cost two (and a hash of (node, code point) edges one per step with no locality). The root's
     * children, the widest node, are looked up in a table by code point, and other nodes with many children in
     * small hash tables of their own ({@link #hashChildren}).
     */
    private final int[] rec;
    /** The root's child record by code point, or -1; code points from its length on have none. */
    private final int[] rootChild;
    /** The children's tables of the nodes with many children (see {@link #hashChildren}). */
    private final int[] hashed;
    private int recCount;

    /** The trie of {@code pieces}, its pieces sorted on {@code threads} threads. */
    PieceLattice(int[][] pieces, double[] scores, int threads) {
        this.pieces = pieces;
        this.scores = scores;
        double min = Double.POSITIVE_INFINITY;
        for (double s : scores) {
            min = Math.min(min, s);
        }
        this.unknownScore = (pieces.length == 0 ? 0 : min) - UNKNOWN_PENALTY;
        int totalLength = 0;
        for (int[] p : pieces) {
            totalLength += p.length;
        }
        rec = new int[4 * totalLength + 4];
        int[] order = sorted(pieces, threads);
        // the root's record is the extra one at the end: it is never a child
        int root = totalLength;
        build(root, order, 0, order.length, 0);
        int rootStart = rec[4 * root + 1];
        int rootCount = rec[4 * root + 2];
        int maxFirst = rootCount == 0 ? -1 : rec[4 * (rootStart + rootCount - 1)];
        rootChild = new int[maxFirst + 1];
        Arrays.fill(rootChild, -1);
        for (int r = rootStart; r < rootStart + rootCount; r++) {
            rootChild[rec[4 * r]] = r;
        }
        hashed = hashChildren(recCount);
    }

    /**
     * The piece ids in the order of their code points, a piece after its extensions (equal pieces, which the
     * trainer never makes, in no particular order): the pieces laid out in one text, each followed by a separator,
     * and their suffixes sorted as the seeds' are (a separator sorts after every code point).
     */
    private static int[] sorted(int[][] pieces, int threads) {
        int length = 0;
        int depth = 1;
        for (int[] p : pieces) {
            length += p.length + 1;
            depth = Math.max(depth, p.length + 1);
        }
        int[] text = new int[length];
        int[] starts = new int[pieces.length];
        int[] idAt = new int[length];
        int pos = 0;
        for (int i = 0; i < pieces.length; i++) {
            starts[i] = pos;
            idAt[pos] = i;
            System.arraycopy(pieces[i], 0, text, pos, pieces[i].length);
            pos += pieces[i].length;
            text[pos++] = SeedPieces.SEPARATOR;
        }
        int[] order = SeedPieces.sortSuffixes(text, starts, depth, threads);
        for (int k = 0; k < order.length; k++) {
            order[k] = idAt[order[k]];
        }
        return order;
    }

    /** Fills record {@code r}, the prefix of length {@code depth} shared by the pieces {@code order[lo, hi)}. */
    private void build(int r, int[] order, int lo, int hi, int depth) {
        rec[4 * r + 3] = -1;
        if (lo < hi && pieces[order[hi - 1]].length == depth) {
            // the piece that ends here, last after its extensions; a duplicate piece keeps the lowest id
            int id = order[--hi];
            while (lo < hi && pieces[order[hi - 1]].length == depth) {
                id = Math.min(id, order[--hi]);
            }
            rec[4 * r + 3] = id;
        }
        int groups = 0;
        for (int i = lo; i < hi; i++) {
            if (i == lo || pieces[order[i]][depth] != pieces[order[i - 1]][depth]) {
                groups++;
            }
        }
        int start = recCount;
        recCount += groups;
        rec[4 * r + 1] = start;
        rec[4 * r + 2] = groups;
        int child = start;
        int groupLo = lo;
        for (int i = lo; i <= hi; i++) {
            if (i > lo && (i == hi || pieces[order[i]][depth] != pieces[order[i - 1]][depth])) {
                rec[4 * child] = pieces[order[groupLo]][depth];
                build(child, order, groupLo, i, depth + 1);
                child++;
                groupLo = i;
            }
        }
    }

    /** Nodes with more children than this find them in a hash table of their own, not by a scan. */
    private static final int MAX_SCANNED = 8;

    /**
     * Gives each node (among the first {@code count} records) with more than {@link #MAX_SCANNED} children a table
     * of them, open addressing over (code point, record) slots, a power of two at least twice their number: one or
     * two probes near each other instead of a long scan (the nodes one character deep have hundreds of children).
     * Such a node's child count is then minus its table size, and its children's start the table's first slot.
     */
    private int[] hashChildren(int count) {
        int slots = 0;
        for (int r = 0; r < count; r++) {
            if (rec[4 * r + 2] > MAX_SCANNED) {
                slots += Integer.highestOneBit(rec[4 * r + 2] * 2 - 1) << 1;
            }
        }
        int[] table = new int[2 * slots];
        Arrays.fill(table, -1);
        int next = 0;
        for (int r = 0; r < count; r++) {
            int children = rec[4 * r + 2];
            if (children <= MAX_SCANNED) {
                continue;
            }
            int size = Integer.highestOneBit(children * 2 - 1) << 1;
            int mask = size - 1;
            for (int c = rec[4 * r + 1]; c < rec[4 * r + 1] + children; c++) {
                int h = slot(rec[4 * c], mask);
                while (table[2 * (next + h)] >= 0) {
                    h = (h + 1) & mask;
                }
                table[2 * (next + h)] = rec[4 * c];
                table[2 * (next + h) + 1] = c;
            }
            rec[4 * r + 1] = next;
            rec[4 * r + 2] = -size;
            next += size;
        }
        return table;
    }

    private static int slot(int cp, int mask) {
        return (cp * 0x9E3779B1 >>> 16) & mask;
    }

    /** The child record of record {@code r} by {@code cp}, or -1. */
    private int child(int r, int cp) {
        int start = rec[4 * r + 1];
        int count = rec[4 * r + 2];
        if (count < 0) {
            int mask = -count - 1;
            int[] table = hashed;
            for (int h = slot(cp, mask); ; h = (h + 1) & mask) {
                int c = table[2 * (start + h)];
                if (c == cp) {
                    return table[2 * (start + h) + 1];
                }
                if (c < 0) {
                    return -1;
                }
            }
        }
        for (int c = start; c < start + count; c++) {
            if (rec[4 * c] == cp) {
                return c;
            }
        }
        return -1;
    }

    int size() {
        return pieces.length;
    }

    /** One thread's buffers: the nodes of the current word and the forward/backward arrays. */
    static final class Scratch {
        int[] begin = new int[256];
        int[] end = new int[256];
        int[] id = new int[256];
        int nodes;
        double[] alpha = new double[64];
        double[] beta = new double[64];
        int[] back = new int[64];

        void add(int b, int e, int piece) {
            if (nodes == begin.length) {
                begin = Arrays.copyOf(begin, nodes * 2);
                end = Arrays.copyOf(end, nodes * 2);
                id = Arrays.copyOf(id, nodes * 2);
            }
            begin[nodes] = b;
            end[nodes] = e;
            id[nodes] = piece;
            nodes++;
        }

        void size(int len) {
            if (alpha.length <= len) {
                alpha = new double[len * 2 + 1];
                beta = new double[len * 2 + 1];
                back = new int[len * 2 + 1];
            }
        }
    }

    /**
     * Fills {@code s} with the nodes of {@code word} in order of their start (at the same start, shorter first),
     * and an unknown node where no one-character piece starts.
     */
    void populate(int[] word, Scratch s) {
        s.nodes = 0;
        int n = word.length;
        int[] root = rootChild;
        for (int i = 0; i < n; i++) {
            boolean single = false;
            int cp = word[i];
            int v = cp < root.length ? root[cp] : -1;
            for (int j = i + 1; v >= 0; ) {
                int piece = rec[4 * v + 3];
                if (piece >= 0) {
                    s.add(i, j, piece);
                    single |= j == i + 1;
                }
                if (j == n) {
                    break;
                }
                v = child(v, word[j++]);
            }
            if (!single) {
                s.add(i, i + 1, -1);
            }
        }
    }

    private double score(int piece) {
        return piece < 0 ? unknownScore : scores[piece];
    }

    /**
     * The best segmentation of the populated lattice of a word of {@code len} code points, as piece ids (-1 for
     * an unknown character) written into {@code out}; returns how many, or -1 if there is no path. The node of
     * piece {@code excluded} that spans the whole word is left out (-1 to leave out nothing): the segmentations
     * of a piece without itself. The best path's score is left in {@code s.alpha[len]}.
     */
    int viterbi(Scratch s, int len, int excluded, int[] out) {
        s.size(len);
        double[] best = s.alpha;
        int[] back = s.back;
        Arrays.fill(best, 0, len + 1, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int k = 0; k < s.nodes; k++) {
            int b = s.begin[k];
            int e = s.end[k];
            if (s.id[k] == excluded && b == 0 && e == len) {
                continue;
            }
            double v = best[b] + score(s.id[k]);
            // ties: the node found first (shorter at the same start), as SentencePiece's lattice keeps the first
            if (v > best[e]) {
                best[e] = v;
                back[e] = k;
            }
        }
        if (best[len] == Double.NEGATIVE_INFINITY) {
            return -1;
        }
        int count = 0;
        for (int pos = len; pos > 0; pos = s.begin[back[pos]]) {
            count++;
        }
        int i = count;
        for (int pos = len; pos > 0; pos = s.begin[back[pos]]) {
            out[--i] = s.id[back[pos]];
        }
        return count;
    }

    static double logAdd(double x, double y) {
        if (x == Double.NEGATIVE_INFINITY) {
            return y;
        }
        if (y == Double.NEGATIVE_INFINITY) {
            return x;
        }
        return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
    }
}
