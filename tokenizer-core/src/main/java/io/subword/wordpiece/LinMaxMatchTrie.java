package io.subword.wordpiece;

import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The LinMaxMatch automaton of Song et al., "Fast WordPiece Tokenization" (EMNLP 2021): a trie over the
 * vocabulary whose nodes carry a failure link {@code f(v)} and failure pops {@code F(v)}, so that greedy
 * longest-match-first tokenization of a word takes one left-to-right pass with at most {@code 2n} steps
 * (successful transitions plus failure-link follows) for a word of {@code n} chars.
 *
 * <h2>Two tries in one node space</h2>
 * Hugging Face's WordPiece looks up the raw substring at the start of a word and {@code prefix + substring}
 * everywhere else. The trie therefore has two roots:
 * <ul>
 *   <li>the <em>suffix root</em> {@code rS}, whose subtree holds every token that starts with the
 *       continuation prefix, with the prefix stripped (a token equal to the prefix itself is left out:
 *       a continuation is never empty);</li>
 *   <li>the <em>word root</em> {@code r}, whose subtree holds every token as it is spelled, including the
 *       ones that start with the prefix: a word such as {@code "##b"} is matched literally at its start,
 *       as Hugging Face does.</li>
 * </ul>
 * Keeping the two apart (rather than reaching {@code rS} from {@code r} along the prefix, as TensorFlow
 * Text does) gives the nodes under {@code "##"} the right failure links in both roles. With an empty
 * prefix both tries have the same content and are one trie ({@code r == rS}).
 *
 * <h2>Failure links and pops</h2>
 * For a node {@code v} spelling {@code s}: if {@code s} is a token, {@code F(v) = [s]} and {@code f(v) = rS}.
 * Otherwise {@code F(v)} is the shortest non-empty run of greedy tokens taken off the front of {@code s} after
 * which the rest, as a continuation, spells a node of the suffix trie, and {@code f(v)} is that node; or
 * {@code f(v)} is null when greedy matching of {@code s} gets stuck, in which case no word passing
 * through {@code v} and leaving it there can be covered. Both are computed breadth-first from the parent's
 * values, the suffix trie first because every failure link points into it. Each pop list is a range of one
 * shared pool of (id, length) pairs; a node whose pops equal its parent's shares the parent's range.
 *
 * <h2>UTF-16</h2>
 * Transitions are by UTF-16 unit. Tokens whose last unit is a high surrogate are left out, so on
 * well-formed text a match never ends inside a surrogate pair and the result is the same as Hugging
 * Face's walk by code points.
 *
 * <p>Immutable after construction, hence thread-safe; {@link #walk} allocates nothing.
 */
final class LinMaxMatchTrie {
    static final int NONE = -1;

    /** Nodes are numbered below this. */
    private static final int MAX_NODES = (1 << 24) - 2;
    /** Stride of {@link #nodes}: failure link, pop offset, pop count, first edge, end of edges. */
    private static final int STRIDE = 5;
    /** Up to this many children are scanned linearly; more are binary-searched. */
    private static final int LINEAR_SCAN = 8;

    /*
     * Edges are stored per node, contiguous and sorted by label (compressed sparse rows): a node's label run
     * is a few bytes in one cache line, where a hashed edge table costs a cache miss per character. The two
     * roots, whose fan-out is the whole alphabet, get a direct table indexed by char.
     */
    private final char[] edgeLabels;
    private final int[] edgeChildren;
    private final int[] wordRootChildren;
    private final int[] suffixRootChildren;
    /** Per node, stride {@link #STRIDE}: failure link, offset of its pops, number of pops, edge range. */
    private final int[] nodes;
    private final int[] popIds;
    private final int[] popLengths;
    private final int wordRoot;
    private final int suffixRoot;

    private LinMaxMatchTrie(char[] edgeLabels, int[] edgeChildren, int[] nodes, int[] popIds, int[] popLengths,
                            int wordRoot, int suffixRoot) {
        this.edgeLabels = edgeLabels;
        this.edgeChildren = edgeChildren;
        this.nodes = nodes;
        this.wordRootChildren = rootTable(wordRoot);
        this.suffixRootChildren = wordRoot == suffixRoot ? wordRootChildren : rootTable(suffixRoot);
        this.popIds = popIds;
        this.popLengths = popLengths;
        this.wordRoot = wordRoot;
        this.suffixRoot = suffixRoot;
    }

    /**
     * Tokenizes {@code text[start, end)} greedily, appending (id, start, end) of each piece to {@code out}.
     *
     * @return the number of steps taken (successful transitions plus failure-link follows), at most
     *     {@code 2 * (end - start)}; or a negative number, {@code ~steps}, if the word cannot be covered, in
     *     which case {@code out} holds a partial result the caller must drop
     */
    int walk(CharSequence text, int start, int end, TokenBuffer out) {
        final int[] nodes = this.nodes;
        int node = wordRoot;
        int pos = start;
        int steps = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int child;
            while ((child = child(node, c)) < 0) {
                int fail = nodes[STRIDE * node];
                if (fail < 0) {
                    return ~steps;
                }
                pos = emit(node, pos, out);
                node = fail;
                steps++;
            }
            node = child;
            steps++;
        }
        // End of word: pop whatever the current node still holds, as if a char no node accepts followed.
        while (node != suffixRoot && node != wordRoot) {
            int fail = nodes[STRIDE * node];
            if (fail < 0) {
                return ~steps;
            }
            pos = emit(node, pos, out);
            node = fail;
            steps++;
        }
        assert pos == end || start == end : "pieces end at " + pos + ", word at " + end;
        return steps;
    }

    private int emit(int node, int pos, TokenBuffer out) {
        int from = nodes[STRIDE * node + 1];
        int to = from + nodes[STRIDE * node + 2];
        for (int k = from; k < to; k++) {
            int next = pos + popLengths[k];
            out.add(popIds[k], pos, next);
            pos = next;
        }
        return pos;
    }

    private int child(int node, char c) {
        if (node == wordRoot) {
            return wordRootChildren[c];
        }
        if (node == suffixRoot) {
            return suffixRootChildren[c];
        }
        int lo = nodes[STRIDE * node + 3];
        int hi = nodes[STRIDE * node + 4];
        final char[] labels = edgeLabels;
        if (hi - lo <= LINEAR_SCAN) {
            for (int e = lo; e < hi; e++) {
                if (labels[e] == c) {
                    return edgeChildren[e];
                }
            }
            return NONE;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = labels[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeChildren[mid];
            }
        }
        return NONE;
    }

    private int[] rootTable(int root) {
        int[] table = new int[Character.MAX_VALUE + 1];
        java.util.Arrays.fill(table, NONE);
        for (int e = nodes[STRIDE * root + 3]; e < nodes[STRIDE * root + 4]; e++) {
            table[edgeLabels[e]] = edgeChildren[e];
        }
        return table;
    }

    /** Number of trie nodes (both roots included). */
    int nodeCount() {
        return nodes.length / STRIDE;
    }

    /** Size of the shared failure-pop pool. */
    int popPoolSize() {
        return popIds.length;
    }

    /**
     * Builds the automaton for {@code vocab}: every token is a word-start entry, and every token starting
     * with {@code prefix} (and longer than it) is also a continuation entry.
     */
    static LinMaxMatchTrie build(Vocabulary vocab, String prefix) {
        Builder b = new Builder();
        int suffixRoot = b.newNode(NONE, '\0', 0);
        int wordRoot;
        if (prefix.isEmpty()) {
            wordRoot = suffixRoot;
        } else {
            for (int id = 0; id < vocab.size(); id++) {
                String token = vocab.token(id);
                if (token != null && token.length() > prefix.length() && token.startsWith(prefix)) {
                    b.insert(suffixRoot, token, prefix.length(), id);
                }
            }
            wordRoot = b.newNode(NONE, '\0', 0);
        }
        int firstWordNode = b.size();
        for (int id = 0; id < vocab.size(); id++) {
            String token = vocab.token(id);
            if (token != null && !token.isEmpty()) {
                b.insert(wordRoot, token, 0, id);
            }
        }
        return b.finish(wordRoot, suffixRoot, firstWordNode);
    }

    /** Mutable construction state; thrown away once the flat arrays are built. */
    private static final class Builder {
        private final IntArrayList parent = new IntArrayList();
        private final IntArrayList label = new IntArrayList();
        private final IntArrayList depth = new IntArrayList();
        private final IntArrayList tokenId = new IntArrayList();
        private final Long2IntOpenHashMap children = new Long2IntOpenHashMap();

        Builder() {
            children.defaultReturnValue(NONE);
        }

        int size() {
            return parent.size();
        }

        int newNode(int parentNode, char c, int d) {
            int n = parent.size();
            if (n >= MAX_NODES) {
                throw new IllegalArgumentException("vocabulary too large: the trie needs more than "
                        + MAX_NODES + " nodes");
            }
            parent.add(parentNode);
            label.add(c);
            depth.add(d);
            tokenId.add(NONE);
            return n;
        }

        void insert(int root, String token, int from, int id) {
            if (Character.isHighSurrogate(token.charAt(token.length() - 1))) {
                return; // could only ever match half of a surrogate pair
            }
            int node = root;
            for (int i = from; i < token.length(); i++) {
                char c = token.charAt(i);
                long key = ((long) (node + 1) << 16) | c;
                int child = children.get(key);
                if (child == NONE) {
                    child = newNode(node, c, depth.getInt(node) + 1);
                    children.put(key, child);
                }
                node = child;
            }
            assert tokenId.getInt(node) == NONE : "token " + Vocabulary.quote(token) + " inserted twice";
            tokenId.set(node, id);
        }

        private int edge(int node, char c) {
            return children.get(((long) (node + 1) << 16) | c);
        }

        LinMaxMatchTrie finish(int wordRoot, int suffixRoot, int firstWordNode) {
            int n = size();
            int[] fail = new int[n];
            int[] popFrom = new int[n];
            int[] popCount = new int[n];
            IntArrayList poolIds = new IntArrayList();
            IntArrayList poolLengths = new IntArrayList();
            IntArrayList scratchIds = new IntArrayList();
            IntArrayList scratchLengths = new IntArrayList();
            fail[wordRoot] = NONE;
            fail[suffixRoot] = NONE;

            // Suffix trie first (all failure links point into it), then the word trie; each by depth.
            int[] order = byDepth(0, firstWordNode);
            int[] wordOrder = byDepth(firstWordNode, n);
            for (int[] part : new int[][] {order, wordOrder}) {
                for (int v : part) {
                    if (v == wordRoot || v == suffixRoot) {
                        continue;
                    }
                    int id = tokenId.getInt(v);
                    if (id != NONE) {
                        // str(v) is a token: it is the longest match, and what follows is a continuation.
                        fail[v] = suffixRoot;
                        popFrom[v] = poolIds.size();
                        popCount[v] = 1;
                        poolIds.add(id);
                        poolLengths.add(depth.getInt(v));
                        continue;
                    }
                    int u = parent.getInt(v);
                    char c = (char) label.getInt(v);
                    fail[v] = NONE;
                    int z = fail[u];
                    if (z == NONE) {
                        continue;
                    }
                    // F(v) = F(u) + F(z1) + F(z2) + ... following u's failure chain until some z accepts c.
                    scratchIds.clear();
                    scratchLengths.clear();
                    while (true) {
                        int next = edge(z, c);
                        if (next != NONE) {
                            fail[v] = next;
                            if (scratchIds.isEmpty()) {
                                popFrom[v] = popFrom[u];
                                popCount[v] = popCount[u];
                            } else {
                                popFrom[v] = poolIds.size();
                                popCount[v] = popCount[u] + scratchIds.size();
                                for (int k = popFrom[u]; k < popFrom[u] + popCount[u]; k++) {
                                    poolIds.add(poolIds.getInt(k));
                                    poolLengths.add(poolLengths.getInt(k));
                                }
                                poolIds.addAll(scratchIds);
                                poolLengths.addAll(scratchLengths);
                            }
                            break;
                        }
                        if (fail[z] == NONE) {
                            break;
                        }
                        for (int k = popFrom[z]; k < popFrom[z] + popCount[z]; k++) {
                            scratchIds.add(poolIds.getInt(k));
                            scratchLengths.add(poolLengths.getInt(k));
                        }
                        z = fail[z];
                    }
                }
            }

            // Edges grouped by parent (counting sort), each group sorted by label.
            int[] edgeStart = new int[n + 1];
            for (Long2IntOpenHashMap.Entry e : children.long2IntEntrySet()) {
                edgeStart[(int) (e.getLongKey() >>> 16) - 1 + 1]++;
            }
            for (int v = 0; v < n; v++) {
                edgeStart[v + 1] += edgeStart[v];
            }
            long[] packed = new long[children.size()];
            int[] fill = java.util.Arrays.copyOf(edgeStart, n);
            for (Long2IntOpenHashMap.Entry e : children.long2IntEntrySet()) {
                int parentNode = (int) (e.getLongKey() >>> 16) - 1;
                long c = e.getLongKey() & 0xFFFF;
                packed[fill[parentNode]++] = c << 32 | e.getIntValue();
            }
            char[] labels = new char[packed.length];
            int[] childIds = new int[packed.length];
            for (int v = 0; v < n; v++) {
                java.util.Arrays.sort(packed, edgeStart[v], edgeStart[v + 1]);
            }
            for (int e = 0; e < packed.length; e++) {
                labels[e] = (char) (packed[e] >>> 32);
                childIds[e] = (int) packed[e];
            }

            int[] flat = new int[STRIDE * n];
            for (int v = 0; v < n; v++) {
                flat[STRIDE * v] = fail[v];
                flat[STRIDE * v + 1] = popFrom[v];
                flat[STRIDE * v + 2] = fail[v] == NONE ? 0 : popCount[v];
                flat[STRIDE * v + 3] = edgeStart[v];
                flat[STRIDE * v + 4] = edgeStart[v + 1];
            }
            return new LinMaxMatchTrie(labels, childIds, flat, poolIds.toIntArray(), poolLengths.toIntArray(),
                    wordRoot, suffixRoot);
        }

        /** Node ids in {@code [from, to)} ordered by depth (counting sort; stable). */
        private int[] byDepth(int from, int to) {
            int maxDepth = 0;
            for (int v = from; v < to; v++) {
                maxDepth = Math.max(maxDepth, depth.getInt(v));
            }
            int[] start = new int[maxDepth + 2];
            for (int v = from; v < to; v++) {
                start[depth.getInt(v) + 1]++;
            }
            for (int d = 1; d < start.length; d++) {
                start[d] += start[d - 1];
            }
            int[] order = new int[to - from];
            for (int v = from; v < to; v++) {
                order[start[depth.getInt(v)]++] = v;
            }
            return order;
        }
    }
}
