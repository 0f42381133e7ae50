package io.subword.unigram;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import java.util.Arrays;

/**
 * The pieces of a Unigram vocabulary as a double-array trie over UTF-16 units, for the common-prefix search
 * that builds the lattice: walking from the root along the text, every node that carries an id is a piece
 * starting where the walk started, found in order of increasing length (the order both Hugging Face and
 * SentencePiece insert lattice nodes in, which decides ties).
 *
 * <p>The child of node {@code s} on char {@code c} is {@code t = base[s] + codes[c]} when {@code check[t] == s};
 * chars are coded densely, most frequent first, so a node's children sit close together. Same layout as the
 * WordPiece trie, without failure links. Immutable, hence thread-safe.
 */
final class PieceTrie {
    static final int NONE = -1;

    private final char[] codes;
    private final int[] base;
    private final int[] check;
    /** Per slot, the id of the piece ending there, or {@link #NONE}. */
    private final int[] ids;
    private final int root;

    private PieceTrie(char[] codes, int[] base, int[] check, int[] ids, int root) {
        this.codes = codes;
        this.base = base;
        this.check = check;
        this.ids = ids;
        this.root = root;
    }

    int root() {
        return root;
    }

    /** The child of {@code node} on {@code c}, or {@link #NONE}. */
    int child(int node, char c) {
        int code = codes[c];
        if (code == 0) {
            return NONE;
        }
        int t = base[node] + code;
        return t < check.length && check[t] == node ? t : NONE;
    }

    /** The id of the piece spelled by the path to {@code node}, or {@link #NONE}. */
    int id(int node) {
        return ids[node];
    }

    /** The id of {@code piece} if it is in the trie, else {@link #NONE}. */
    int exact(CharSequence piece) {
        int node = root;
        for (int i = 0; i < piece.length() && node >= 0; i++) {
            node = child(node, piece.charAt(i));
        }
        return node < 0 ? NONE : ids[node];
    }

    /**
     * A trie of {@code pieces[i]} for every {@code i} with {@code include[i]} (all when {@code include} is
     * {@code null}); a piece given twice keeps its last id, as Hugging Face's token map does. Empty pieces are
     * left out (they would match nothing).
     */
    static PieceTrie build(String[] pieces, boolean[] include) {
        // Pointer trie first: edges keyed by (parent + 1) << 16 | char.
        Long2IntOpenHashMap edges = new Long2IntOpenHashMap();
        edges.defaultReturnValue(NONE);
        IntArrayList nodeId = new IntArrayList();
        nodeId.add(NONE);
        int[] frequency = new int[Character.MAX_VALUE + 1];
        for (int id = 0; id < pieces.length; id++) {
            if (include != null && !include[id]) {
                continue;
            }
            String p = pieces[id];
            if (p.isEmpty()) {
                continue;
            }
            int node = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                long key = (long) (node + 1) << 16 | c;
                int child = edges.get(key);
                if (child == NONE) {
                    child = nodeId.size();
                    nodeId.add(NONE);
                    edges.put(key, child);
                    frequency[c]++;
                }
                node = child;
            }
            nodeId.set(node, id);
        }
        int n = nodeId.size();
        char[] codes = charCodes(frequency);

        // Edges grouped by parent (counting sort).
        int[] edgeStart = new int[n + 1];
        for (Long2IntOpenHashMap.Entry e : edges.long2IntEntrySet()) {
            edgeStart[(int) (e.getLongKey() >>> 16)]++;
        }
        for (int v = 0; v < n; v++) {
            edgeStart[v + 1] += edgeStart[v];
        }
        int[] labels = new int[edges.size()];
        int[] children = new int[edges.size()];
        int[] fill = Arrays.copyOf(edgeStart, n);
        for (Long2IntOpenHashMap.Entry e : edges.long2IntEntrySet()) {
            int parent = (int) (e.getLongKey() >>> 16) - 1;
            labels[fill[parent]] = codes[(char) e.getLongKey()];
            children[fill[parent]++] = e.getIntValue();
        }

        // Place breadth-first, each node's children at the first base where all their slots are free.
        int[] slotOf = new int[n];
        IntArrayList checkList = new IntArrayList();
        IntArrayList baseList = new IntArrayList();
        checkList.add(-2); // the root's slot
        baseList.add(0);
        slotOf[0] = 0;
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        int firstFree = 1;
        int multiFrom = 1;
        while (head < tail) {
            int v = queue[head++];
            int from = edgeStart[v];
            int count = edgeStart[v + 1] - from;
            if (count == 0) {
                continue;
            }
            int minCode = Integer.MAX_VALUE;
            for (int k = from; k < from + count; k++) {
                minCode = Math.min(minCode, labels[k]);
            }
            while (firstFree < checkList.size() && checkList.getInt(firstFree) != NONE) {
                firstFree++;
            }
            // Nodes with several children start their scan at multiFrom, which moves past a stretch of holes
            // once a scan through it was long, so the build stays linear on large vocabularies.
            int b = Math.max(1, (count == 1 ? firstFree : Math.max(firstFree, multiFrom)) - minCode);
            int tries = 0;
            while (!fits(checkList, b, labels, from, count)) {
                b++;
                tries++;
            }
            if (count > 1 && tries > 64) {
                multiFrom = b + minCode;
            }
            baseList.set(slotOf[v], b);
            for (int k = from; k < from + count; k++) {
                int slot = b + labels[k];
                while (checkList.size() <= slot) {
                    checkList.add(NONE);
                    baseList.add(0);
                }
                checkList.set(slot, slotOf[v]);
                slotOf[children[k]] = slot;
                queue[tail++] = children[k];
            }
        }
        int slots = checkList.size();
        int[] check = checkList.toIntArray();
        check[0] = NONE;
        int[] base = new int[slots];
        Arrays.fill(base, slots); // a leaf's children land past the end: no match
        int[] ids = new int[slots];
        Arrays.fill(ids, NONE);
        for (int v = 0; v < n; v++) {
            if (edgeStart[v + 1] > edgeStart[v]) {
                base[slotOf[v]] = baseList.getInt(slotOf[v]);
            }
            ids[slotOf[v]] = nodeId.getInt(v);
        }
        return new PieceTrie(codes, base, check, ids, 0);
    }

    private static boolean fits(IntArrayList check, int b, int[] labels, int from, int count) {
        for (int k = from; k < from + count; k++) {
            int slot = b + labels[k];
            if (slot < check.size() && check.getInt(slot) != NONE) {
                return false;
            }
        }
        return true;
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
        Arrays.sort(byFrequency);
        char[] codes = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i < distinct; i++) {
            codes[(int) (byFrequency[i] & 0xFFFF)] = (char) (i + 1);
        }
        return codes;
    }
}
