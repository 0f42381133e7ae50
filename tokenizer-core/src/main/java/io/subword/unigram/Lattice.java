package io.subword.unigram;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The segmentation lattice of one word and the searches over it: the best path (Viterbi), a path sampled
 * from all paths (forward-filtering backward-sampling) and a path sampled from the n best. Positions are
 * UTF-16 offsets relative to the word's start; a path is left in {@link #pathStart}/{@link #pathEnd}/
 * {@link #pathId}. One per thread, reused; not thread-safe.
 *
 * <p>The best path follows SentencePiece's optimized encoder (and Hugging Face's copy of it): one pass over
 * the start positions in order, each trying the pieces that start there from shortest to longest, then the
 * unknown piece if no piece covers exactly one character; a node replaces the best path into its end only
 * with a strictly higher score, so among equal scores the one found first wins.
 */
final class Lattice {
    static final int UNKNOWN = -1;

    // best path into each position
    private double[] best = new double[64];
    private int[] from = new int[64];
    private int[] bestId = new int[64];

    // the path found, in order
    int[] pathStart = new int[32];
    int[] pathEnd = new int[32];
    int[] pathId = new int[32];
    int pathSize;

    // every node, for sampling: in insertion order, then indexed by end position
    private int[] nodeStart = new int[64];
    private int[] nodeEnd = new int[64];
    private int[] nodeId = new int[64];
    private double[] nodeScore = new double[64];
    private int nodeCount;
    private int[] byEnd = new int[64];
    private int[] endFrom = new int[65];
    private double[] forward = new double[64];
    private double[] probs = new double[16];

    // n-best lists: per position up to k entries (score, node, rank of the entry at the node's start)
    private double[] nbScore = new double[0];
    private int[] nbNode = new int[0];
    private int[] nbPrev = new int[0];
    private int[] nbCount = new int[0];

    /** Length in UTF-16 units of the code point at {@code i} (a surrogate pair is one character). */
    static int charLength(CharSequence text, int i, int end) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < end
                && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    /** Finds the best path through {@code text[start, end)} with the pieces of {@code m}. */
    void viterbi(Unigram m, CharSequence text, int start, int end) {
        int n = end - start;
        if (best.length <= n) {
            int size = Math.max(n + 1, best.length * 2);
            best = new double[size];
            from = new int[size];
            bestId = new int[size];
        }
        final double[] best = this.best;
        final int[] from = this.from;
        final int[] bestId = this.bestId;
        Arrays.fill(from, 0, n + 1, -1);
        best[0] = 0;
        final PieceTrie trie = m.trie;
        final double[] scores = m.latticeScores;
        final boolean floatSums = m.floatSums;
        final int root = trie.root();
        int i = 0;
        while (i < n) {
            final double till = best[i];
            final int charLen = charLength(text, start + i, end);
            boolean single = false;
            int node = root;
            for (int k = start + i; k < end; k++) {
                node = trie.child(node, text.charAt(k));
                if (node < 0) {
                    break;
                }
                int id = trie.id(node);
                if (id < 0) {
                    continue;
                }
                int target = k + 1 - start;
                // SentencePiece adds the float score and the float path score in double and compares that
                // with the stored (float) best; only the stored value is rounded
                double candidate = scores[id] + till;
                if (from[target] < 0 || candidate > best[target]) {
                    best[target] = floatSums ? (float) candidate : candidate;
                    from[target] = i;
                    bestId[target] = id;
                }
                if (target - i == charLen) {
                    single = true;
                }
            }
            if (!single) {
                int target = i + charLen;
                double candidate = m.unkScore + till;
                if (floatSums) {
                    candidate = (float) candidate;
                }
                if (from[target] < 0 || candidate > best[target]) {
                    best[target] = candidate;
                    from[target] = i;
                    bestId[target] = UNKNOWN;
                }
            }
            i += charLen;
        }
        // Backtrack, then reverse into order.
        pathSize = 0;
        int pos = n;
        while (pos > 0) {
            addPath(from[pos], pos, bestId[pos]);
            pos = from[pos];
        }
        reversePath();
    }

    /** Builds every node of the lattice of {@code text[start, end)}, as SentencePiece's PopulateNodes does. */
    private void populate(Unigram m, CharSequence text, int start, int end) {
        nodeCount = 0;
        final PieceTrie trie = m.trie;
        int n = end - start;
        int i = 0;
        while (i < n) {
            int charLen = charLength(text, start + i, end);
            boolean single = false;
            int node = trie.root();
            for (int k = start + i; k < end; k++) {
                node = trie.child(node, text.charAt(k));
                if (node < 0) {
                    break;
                }
                int id = trie.id(node);
                if (id >= 0) {
                    addNode(i, k + 1 - start, id, m.latticeScores[id]);
                    single |= k + 1 - start - i == charLen;
                }
            }
            if (!single) {
                addNode(i, i + charLen, UNKNOWN, m.unkScore);
            }
            i += charLen;
        }
        // index nodes by end position (counting sort keeps insertion order within an end)
        if (endFrom.length < n + 2) {
            endFrom = new int[n + 2];
        }
        Arrays.fill(endFrom, 0, n + 2, 0);
        for (int k = 0; k < nodeCount; k++) {
            endFrom[nodeEnd[k] + 1]++;
        }
        for (int p = 0; p <= n; p++) {
            endFrom[p + 1] += endFrom[p];
        }
        if (byEnd.length < nodeCount) {
            byEnd = new int[nodeStart.length];
        }
        int[] fill = Arrays.copyOf(endFrom, n + 1);
        for (int k = 0; k < nodeCount; k++) {
            byEnd[fill[nodeEnd[k]]++] = k;
        }
    }

    private void addNode(int s, int e, int id, double score) {
        if (nodeCount == nodeStart.length) {
            int size = nodeCount * 2;
            nodeStart = Arrays.copyOf(nodeStart, size);
            nodeEnd = Arrays.copyOf(nodeEnd, size);
            nodeId = Arrays.copyOf(nodeId, size);
            nodeScore = Arrays.copyOf(nodeScore, size);
        }
        nodeStart[nodeCount] = s;
        nodeEnd[nodeCount] = e;
        nodeId[nodeCount] = id;
        nodeScore[nodeCount] = score;
        nodeCount++;
    }

    /**
     * Samples a path with probability proportional to {@code exp(theta * score(path))}: forward pass of
     * log-sums into each position, then backwards, at each position one of the nodes ending there drawn by
     * its share of the paths through it.
     */
    void sample(Unigram m, CharSequence text, int start, int end, double theta, SplittableRandom random) {
        populate(m, text, start, end);
        int n = end - start;
        if (forward.length <= n) {
            forward = new double[Math.max(n + 1, forward.length * 2)];
        }
        Arrays.fill(forward, 0, n + 1, Double.NEGATIVE_INFINITY);
        forward[0] = 0;
        for (int p = 1; p <= n; p++) {
            double acc = Double.NEGATIVE_INFINITY;
            for (int k = endFrom[p]; k < endFrom[p + 1]; k++) {
                int node = byEnd[k];
                acc = logSumExp(acc, forward[nodeStart[node]] + theta * nodeScore[node]);
            }
            forward[p] = acc;
        }
        pathSize = 0;
        int pos = n;
        while (pos > 0) {
            int count = endFrom[pos + 1] - endFrom[pos];
            if (probs.length < count) {
                probs = new double[count * 2];
            }
            double total = 0;
            for (int k = 0; k < count; k++) {
                int node = byEnd[endFrom[pos] + k];
                double p = Math.exp(forward[nodeStart[node]] + theta * nodeScore[node] - forward[pos]);
                probs[k] = p;
                total += p;
            }
            int node = byEnd[endFrom[pos] + draw(probs, count, total, random)];
            addPath(nodeStart[node], pos, nodeId[node]);
            pos = nodeStart[node];
        }
        reversePath();
    }

    /**
     * Samples one of the {@code nbest} best paths with probability proportional to {@code exp(alpha * score)},
     * as SentencePiece's n-best sampling does. The n best are found exactly: each position keeps the k best
     * paths into it, each extended by every node that starts there.
     */
    void sampleNBest(Unigram m, CharSequence text, int start, int end, int nbest, double alpha,
                     SplittableRandom random) {
        populate(m, text, start, end);
        int n = end - start;
        int k = nbest;
        long cells = (long) (n + 1) * k;
        if (cells > 1 << 26) {
            // a huge word: fall back to the best path rather than an enormous table
            viterbi(m, text, start, end);
            return;
        }
        if (nbScore.length < cells) {
            nbScore = new double[(int) cells];
            nbNode = new int[(int) cells];
            nbPrev = new int[(int) cells];
        }
        if (nbCount.length < n + 1) {
            nbCount = new int[n + 1];
        }
        Arrays.fill(nbCount, 0, n + 1, 0);
        nbCount[0] = 1;
        nbScore[0] = 0;
        nbNode[0] = -1;
        for (int p = 1; p <= n; p++) {
            int base = p * k;
            for (int e = endFrom[p]; e < endFrom[p + 1]; e++) {
                int node = byEnd[e];
                int s = nodeStart[node];
                for (int r = 0; r < nbCount[s]; r++) {
                    insertNBest(base, p, k, nbScore[s * k + r] + nodeScore[node], node, r);
                }
            }
        }
        int found = nbCount[n];
        if (probs.length < found) {
            probs = new double[found * 2];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < found; r++) {
            max = Math.max(max, alpha * nbScore[n * k + r]);
        }
        double total = 0;
        for (int r = 0; r < found; r++) {
            probs[r] = Math.exp(alpha * nbScore[n * k + r] - max);
            total += probs[r];
        }
        int rank = draw(probs, found, total, random);
        pathSize = 0;
        int pos = n;
        while (pos > 0) {
            int cell = pos * k + rank;
            int node = nbNode[cell];
            addPath(nodeStart[node], pos, nodeId[node]);
            rank = nbPrev[cell];
            pos = nodeStart[node];
        }
        reversePath();
    }

    /** Inserts a path into the sorted k-best list of position {@code p}, if it is among the k best. */
    private void insertNBest(int base, int p, int k, double score, int node, int prevRank) {
        int count = nbCount[p];
        int at = count;
        while (at > 0 && nbScore[base + at - 1] < score) {
            at--;
        }
        if (at >= k) {
            return;
        }
        int last = Math.min(count, k - 1);
        for (int j = last; j > at; j--) {
            nbScore[base + j] = nbScore[base + j - 1];
            nbNode[base + j] = nbNode[base + j - 1];
            nbPrev[base + j] = nbPrev[base + j - 1];
        }
        nbScore[base + at] = score;
        nbNode[base + at] = node;
        nbPrev[base + at] = prevRank;
        nbCount[p] = Math.min(count + 1, k);
    }

    private static int draw(double[] weights, int count, double total, SplittableRandom random) {
        double u = random.nextDouble() * total;
        for (int k = 0; k < count; k++) {
            u -= weights[k];
            if (u < 0) {
                return k;
            }
        }
        // rounding left a sliver: the last node with any weight
        for (int k = count - 1; k > 0; k--) {
            if (weights[k] > 0) {
                return k;
            }
        }
        return 0;
    }

    private static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double hi = Math.max(a, b);
        return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
    }

    private void addPath(int s, int e, int id) {
        if (pathSize == pathStart.length) {
            int size = pathSize * 2;
            pathStart = Arrays.copyOf(pathStart, size);
            pathEnd = Arrays.copyOf(pathEnd, size);
            pathId = Arrays.copyOf(pathId, size);
        }
        pathStart[pathSize] = s;
        pathEnd[pathSize] = e;
        pathId[pathSize] = id;
        pathSize++;
    }

    private void reversePath() {
        for (int a = 0, b = pathSize - 1; a < b; a++, b--) {
            int t = pathStart[a];
            pathStart[a] = pathStart[b];
            pathStart[b] = t;
            t = pathEnd[a];
            pathEnd[a] = pathEnd[b];
            pathEnd[b] = t;
            t = pathId[a];
            pathId[a] = pathId[b];
            pathId[b] = t;
        }
    }

    /** Approximate retained size, to drop a lattice that grew to one huge input. */
    int capacity() {
        return Math.max(best.length, Math.max(nodeStart.length, nbScore.length));
    }
}
