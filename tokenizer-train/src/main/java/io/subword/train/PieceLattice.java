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
     * The trie, in arrays: node {@code v} is {@code node[3v, 3v + 3)}, the start of its edges, their number and the
     * piece that ends there (or -1); edge {@code e} is {@code edge[2e, 2e + 2)}, its code point and the child. A
     * node's edges are sorted by code point, and nodes are numbered depth first, so a walk down stays in nearby
     * memory and touches one or two cache lines per step (a hash of (node, code point) edges costs a cache miss
     * per step on the half a million seeds). The root's children, the widest node, are looked up in a table by
     * code point instead.
     */
    private final int[] node;
    private final int[] edge;
    /** The root's child by code point, or -1; code points from its length on have none. */
    private final int[] rootChild;
    /** The children's tables of the nodes with many children (see {@link #hashChildren}). */
    private final int[] hashed;
    private int nodeCount;
    private int edgeCount;

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
        node = new int[3 * (totalLength + 1)];
        edge = new int[2 * totalLength];
        int[] order = sorted(pieces, threads);
        nodeCount = 1;
        build(0, order, 0, order.length, 0);
        int rootEdges = node[1];
        int maxFirst = rootEdges == 0 ? -1 : edge[2 * (node[0] + rootEdges - 1)];
        rootChild = new int[maxFirst + 1];
        Arrays.fill(rootChild, -1);
        for (int e = node[0]; e < node[0] + rootEdges; e++) {
            rootChild[edge[2 * e]] = edge[2 * e + 1];
        }
        hashed = hashChildren();
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

    /** Fills node {@code v}, the prefix of length {@code depth} shared by the pieces {@code order[lo, hi)}. */
    private void build(int v, int[] order, int lo, int hi, int depth) {
        node[3 * v + 2] = -1;
        if (lo < hi && pieces[order[hi - 1]].length == depth) {
            // the piece that ends here, last after its extensions; a duplicate piece keeps the lowest id
            int id = order[--hi];
            while (lo < hi && pieces[order[hi - 1]].length == depth) {
                id = Math.min(id, order[--hi]);
            }
            node[3 * v + 2] = id;
        }
        int groups = 0;
        for (int i = lo; i < hi; i++) {
            if (i == lo || pieces[order[i]][depth] != pieces[order[i - 1]][depth]) {
                groups++;
            }
        }
        int start = edgeCount;
        edgeCount += groups;
        node[3 * v] = start;
        node[3 * v + 1] = groups;
        int g = 0;
        int groupLo = lo;
        for (int i = lo; i <= hi; i++) {
            if (i > lo && (i == hi || pieces[order[i]][depth] != pieces[order[i - 1]][depth])) {
                int child = nodeCount++;
                edge[2 * (start + g)] = pieces[order[groupLo]][depth];
                edge[2 * (start + g) + 1] = child;
                g++;
                build(child, order, groupLo, i, depth + 1);
                groupLo = i;
            }
        }
    }

    /** Nodes with more children than this find them in a hash table of their own, not by binary search. */
    private static final int MAX_SCANNED = 8;

    /**
     * Gives each node with more than {@link #MAX_SCANNED} children a table of them, open addressing over (code
     * point, child) slots, a power of two at least twice their number: one or two probes near each other instead
     * of a binary search of unpredictable branches (the nodes one character deep have hundreds of children). Such
     * a node's edge count is then minus its table size, and its edge start the table's first slot.
     */
    private int[] hashChildren() {
        int slots = 0;
        for (int v = 1; v < nodeCount; v++) {
            if (node[3 * v + 1] > MAX_SCANNED) {
                slots += Integer.highestOneBit(node[3 * v + 1] * 2 - 1) << 1;
            }
        }
        int[] table = new int[2 * slots];
        Arrays.fill(table, -1);
        int next = 0;
        for (int v = 1; v < nodeCount; v++) {
            int count = node[3 * v + 1];
            if (count <= MAX_SCANNED) {
                continue;
            }
            int size = Integer.highestOneBit(count * 2 - 1) << 1;
            int mask = size - 1;
            for (int e = node[3 * v]; e < node[3 * v] + count; e++) {
                int h = slot(edge[2 * e], mask);
                while (table[2 * (next + h)] >= 0) {
                    h = (h + 1) & mask;
                }
                table[2 * (next + h)] = edge[2 * e];
                table[2 * (next + h) + 1] = edge[2 * e + 1];
            }
            node[3 * v] = next;
            node[3 * v + 1] = -size;
            next += size;
        }
        return table;
    }

    private static int slot(int cp, int mask) {
        return (cp * 0x9E3779B1 >>> 16) & mask;
    }

    /** The child of node {@code v} (not the root) by {@code cp}, or -1. */
    private int child(int v, int cp) {
        int lo = node[3 * v];
        int count = node[3 * v + 1];
        if (count < 0) {
            int mask = -count - 1;
            int[] table = hashed;
            for (int h = slot(cp, mask); ; h = (h + 1) & mask) {
                int c = table[2 * (lo + h)];
                if (c == cp) {
                    return table[2 * (lo + h) + 1];
                }
                if (c < 0) {
                    return -1;
                }
            }
        }
        int hi = lo + count - 1;
        for (int e = lo; e <= hi; e++) {
            if (edge[2 * e] == cp) {
                return edge[2 * e + 1];
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
                int piece = node[3 * v + 2];
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
     * of a piece without itself.
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
