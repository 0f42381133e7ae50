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
    /** Stride of {@link #nodes}: failure link, pop offset, pop count. */
    private static final int STRIDE = 3;

    /*
     * Transitions live in a double array: the child of node s on char c is t = base[s] + code[c] when
     * check[t] == s. Node ids are double-array slots, so one step is three array reads, and chars are coded
     * densely by frequency in the vocabulary so that the children of a node sit close together. (A hashed
     * edge table cost a cache miss per character on real text.)
     */
    private final char[] codes;
    private final int[] base;
    private final int[] check;
    private final int nodeCount;
    /** Per slot, stride {@link #STRIDE}: failure link, offset of its pops, number of pops. */
    private final int[] nodes;
    private final int[] popIds;
    private final int[] popLengths;
    private final int wordRoot;
    private final int suffixRoot;

    private LinMaxMatchTrie(char[] codes, int[] base, int[] check, int nodeCount, int[] nodes, int[] popIds,
                            int[] popLengths, int wordRoot, int suffixRoot) {
        this.codes = codes;
        this.base = base;
        this.check = check;
        this.nodeCount = nodeCount;
        this.nodes = nodes;
        this.popIds = popIds;
        this.popLengths = popLengths;
        this.wordRoot = wordRoot;
        this.suffixRoot = suffixRoot;
    }

    /**
     * Tokenizes {@code text[start, end)} greedily, appending (id, start, end) of each piece to {@code out}. A
     * {@code String}, not a {@code CharSequence}: the command line runs the quick compiler (C1), which calls an
     * interface's {@code charAt} per char instead of inlining it.
     *
     * @return the number of steps taken (successful transitions plus failure-link follows), at most
     *     {@code 2 * (end - start)}; or a negative number, {@code ~steps}, if the word cannot be covered, in
     *     which case {@code out} holds a partial result the caller must drop
     */
    int walk(String text, int start, int end, TokenBuffer out) {
        final int[] nodes = this.nodes;
        final char[] codes = this.codes;
        final int[] base = this.base;
        final int[] check = this.check;
        int node = wordRoot;
        int pos = start;
        int steps = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int code = codes[c];
            int child;
            // child(node, c), written out: C1 (the command line's compiler) does not inline it
            while ((child = code == 0 ? NONE : base[node] + code) < 0 || child >= check.length
                    || check[child] != node) {
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
        int code = codes[c];
        if (code == 0) {
            return NONE;
        }
        int t = base[node] + code;
        return t < check.length && check[t] == node ? t : NONE;
    }

    /** Number of trie nodes (both roots included). */
    int nodeCount() {
        return nodeCount;
    }

    /** Size of the shared failure-pop pool. */
    int popPoolSize() {
        return popIds.length;
    }

    /**
     * The version of the layout that {@link #writeTo} writes: raise it whenever the arrays or what {@link #walk}
     * makes of them change, so that a stored trie of another layout is rebuilt rather than read.
     */
    static final int LAYOUT_VERSION = 1;

    /** Writes the arrays (for a start-up cache), so that {@link #read} gives back an equal automaton. */
    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(LAYOUT_VERSION);
        out.writeInt(nodeCount);
        out.writeInt(wordRoot);
        out.writeInt(suffixRoot);
        for (int[] column : new int[][] {base, check, nodes, popIds, popLengths}) {
            out.writeInt(column.length);
            for (int v : column) {
                out.writeInt(v);
            }
        }
        int coded = 0;
        for (char code : codes) {
            coded += code != 0 ? 1 : 0;
        }
        out.writeInt(coded);
        for (int c = 0; c < codes.length; c++) {
            if (codes[c] != 0) {
                out.writeChar(c);
                out.writeChar(codes[c]);
            }
        }
    }

    /**
     * The automaton {@link #writeTo} wrote, read from {@code in}'s position on. Checks that every array index
     * {@link #walk} can take is in bounds, so a damaged input fails here, with an {@link IllegalArgumentException}
     * (or a {@link java.nio.BufferUnderflowException}), never later while encoding.
     */
    static LinMaxMatchTrie read(java.nio.ByteBuffer in) {
        if (in.getInt() != LAYOUT_VERSION) {
            throw new IllegalArgumentException("a trie of another layout");
        }
        int nodeCount = in.getInt();
        int wordRoot = in.getInt();
        int suffixRoot = in.getInt();
        int[][] columns = new int[5][];
        for (int k = 0; k < columns.length; k++) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() / 4) {
                throw new IllegalArgumentException("an array longer than the input");
            }
            columns[k] = new int[length];
            in.asIntBuffer().get(columns[k]);
            in.position(in.position() + 4 * length);
        }
        int[] base = columns[0];
        int[] check = columns[1];
        int[] nodes = columns[2];
        int[] popIds = columns[3];
        int[] popLengths = columns[4];
        char[] codes = new char[Character.MAX_VALUE + 1];
        int coded = in.getInt();
        for (int i = 0; i < coded; i++) {
            codes[in.getChar()] = in.getChar();
        }
        int slots = check.length;
        boolean ok = base.length == slots && nodes.length == STRIDE * slots && popIds.length == popLengths.length
                && wordRoot >= 0 && wordRoot < slots && suffixRoot >= 0 && suffixRoot < slots;
        for (int t = 0; ok && t < slots; t++) {
            int fail = nodes[STRIDE * t];
            int from = nodes[STRIDE * t + 1];
            int count = nodes[STRIDE * t + 2];
            ok = base[t] >= 0 && base[t] <= slots && check[t] >= NONE && check[t] < slots && fail >= NONE && fail < slots
                    // pops are only read behind a failure link (slots that hold no node have none)
                    && (fail == NONE || count == 0 || (count > 0 && from >= 0 && from <= popIds.length - count));
        }
        if (!ok) {
            throw new IllegalArgumentException("an inconsistent trie");
        }
        return new LinMaxMatchTrie(codes, base, check, nodeCount, nodes, popIds, popLengths, wordRoot, suffixRoot);
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

            // Edges grouped by parent (counting sort).
            int[] edgeStart = new int[n + 1];
            for (Long2IntOpenHashMap.Entry e : children.long2IntEntrySet()) {
                edgeStart[(int) (e.getLongKey() >>> 16)]++;
            }
            for (int v = 0; v < n; v++) {
                edgeStart[v + 1] += edgeStart[v];
            }
            char[] labels = new char[children.size()];
            int[] childIds = new int[children.size()];
            int[] fill = java.util.Arrays.copyOf(edgeStart, n);
            int[] frequency = new int[Character.MAX_VALUE + 1];
            for (Long2IntOpenHashMap.Entry e : children.long2IntEntrySet()) {
                int parentNode = (int) (e.getLongKey() >>> 16) - 1;
                char c = (char) e.getLongKey();
                labels[fill[parentNode]] = c;
                childIds[fill[parentNode]++] = e.getIntValue();
                frequency[c]++;
            }
            char[] codes = charCodes(frequency);

            // Place nodes breadth-first, each node's children at the first base where all their slots are free.
            int[] slotOf = new int[n];
            java.util.Arrays.fill(slotOf, NONE);
            IntArrayList baseList = new IntArrayList();
            IntArrayList checkList = new IntArrayList();
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            int firstFree = 0;
            int multiFrom = 0;
            for (int root : wordRoot == suffixRoot ? new int[] {suffixRoot} : new int[] {suffixRoot, wordRoot}) {
                firstFree = occupy(checkList, baseList, firstFree, -2);
                slotOf[root] = firstFree;
                queue[tail++] = root;
            }
            int[] childCodes = new int[16];
            while (head < tail) {
                int v = queue[head++];
                int from = edgeStart[v];
                int count = edgeStart[v + 1] - from;
                if (count == 0) {
                    continue;
                }
                if (childCodes.length < count) {
                    childCodes = new int[count];
                }
                int minCode = Integer.MAX_VALUE;
                for (int k = 0; k < count; k++) {
                    childCodes[k] = codes[labels[from + k]];
                    minCode = Math.min(minCode, childCodes[k]);
                }
                while (firstFree < checkList.size() && checkList.getInt(firstFree) != NONE) {
                    firstFree++;
                }
                // A node with one child fits the first hole. Nodes with more children start at multiFrom, which
                // moves past a stretch of holes once a scan through it was long: rescanning the same fragmented
                // stretch for every node made the build quadratic (minutes for a 1,000,000-token vocabulary).
                int b = Math.max(1, (count == 1 ? firstFree : Math.max(firstFree, multiFrom)) - minCode);
                int tries = 0;
                while (!fits(checkList, b, childCodes, count)) {
                    b++;
                    tries++;
                }
                if (count > 1 && tries > MAX_PLACEMENT_SCAN) {
                    multiFrom = b + minCode;
                }
                setBase(baseList, slotOf[v], b);
                for (int k = 0; k < count; k++) {
                    int slot = b + childCodes[k];
                    ensure(checkList, baseList, slot);
                    checkList.set(slot, slotOf[v]);
                    slotOf[childIds[from + k]] = slot;
                    queue[tail++] = childIds[from + k];
                }
            }
            int slots = checkList.size();
            int[] base = new int[slots];
            int[] check = checkList.toIntArray();
            java.util.Arrays.fill(base, slots); // a leaf's children land past the end: no match
            for (int v = 0; v < n; v++) {
                if (edgeStart[v + 1] > edgeStart[v]) {
                    base[slotOf[v]] = baseList.getInt(slotOf[v]);
                }
            }
            for (int t = 0; t < slots; t++) {
                if (check[t] == -2) {
                    check[t] = NONE; // a root's slot: no node is its parent
                }
            }
            int[] flat = new int[STRIDE * slots];
            java.util.Arrays.fill(flat, NONE);
            for (int v = 0; v < n; v++) {
                int t = slotOf[v];
                flat[STRIDE * t] = fail[v] == NONE ? NONE : slotOf[fail[v]];
                flat[STRIDE * t + 1] = popFrom[v];
                flat[STRIDE * t + 2] = fail[v] == NONE ? 0 : popCount[v];
            }
            return new LinMaxMatchTrie(codes, base, check, n, flat, poolIds.toIntArray(), poolLengths.toIntArray(),
                    slotOf[wordRoot], slotOf[suffixRoot]);
        }

        /** Codes 1.. for the chars that label edges, most frequent first; 0 for all others. */
        private static char[] charCodes(int[] frequency) {
            int distinct = 0;
            for (int f : frequency) {
                if (f > 0) {
                    distinct++;
                }
            }
            long[] byFrequency = new long[distinct];
            int k = 0;
            for (int c = 0; c < frequency.length; c++) {
                if (frequency[c] > 0) {
                    byFrequency[k++] = (long) (Integer.MAX_VALUE - frequency[c]) << 16 | c;
                }
            }
            java.util.Arrays.sort(byFrequency);
            char[] codes = new char[Character.MAX_VALUE + 1];
            for (int i = 0; i < distinct; i++) {
                codes[(int) (byFrequency[i] & 0xFFFF)] = (char) (i + 1);
            }
            return codes;
        }

        /** A placement scan longer than this moves the start of later multi-child scans past it. */
        private static final int MAX_PLACEMENT_SCAN = 64;

        private static boolean fits(IntArrayList check, int b, int[] childCodes, int count) {
            for (int k = 0; k < count; k++) {
                int slot = b + childCodes[k];
                if (slot < check.size() && check.getInt(slot) != NONE) {
                    return false;
                }
            }
            return true;
        }

        private static void ensure(IntArrayList check, IntArrayList base, int slot) {
            while (check.size() <= slot) {
                check.add(NONE);
                base.add(0);
            }
        }

        private static void setBase(IntArrayList base, int slot, int value) {
            base.set(slot, value);
        }

        /** Takes the first free slot at or after {@code from} for a root, marking it with {@code marker}. */
        private static int occupy(IntArrayList check, IntArrayList base, int from, int marker) {
            int slot = from;
            while (slot < check.size() && check.getInt(slot) != NONE) {
                slot++;
            }
            ensure(check, base, slot);
            check.set(slot, marker);
            return slot;
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
