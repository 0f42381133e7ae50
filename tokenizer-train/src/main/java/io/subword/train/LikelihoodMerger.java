package io.subword.train;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The merge loop of {@link WordPieceTrainer.Mode#LIKELIHOOD}: WordPiece as Schuster and Nakajima (2012) define it.
 * The training words, each split into the current symbols, are scored by a unigram model of those symbols:
 * {@code L = Σ_s c(s) log(c(s) / N)}, where {@code c(s)} is how often symbol {@code s} occurs and
 * {@code N = Σ_s c(s)}. Each step merges the pair whose merge raises {@code L} the most.
 *
 * <p><b>The exact gain.</b> Write {@code f(x) = x log x}, so that {@code L = Σ_s f(c(s)) - f(N)}. Merging the
 * {@code m} occurrences of {@code a b} (merged left to right, so {@code m} is the pair count when {@code a != b}
 * and the number of non-overlapping occurrences when {@code a == b}) into {@code ab} changes only four terms:
 * {@code c(a)} and {@code c(b)} drop by {@code m} (or {@code c(a)} by {@code 2m} when {@code a == b}),
 * {@code c(ab)} rises by {@code m} ({@code ab} may already be a symbol, made from another split), and {@code N}
 * drops by {@code m}. With {@code d(x, k) = f(x) - f(x - k)},
 * <pre>
 *   gain = d(c(ab) + m, m) - d(c(a), m) - d(c(b), m) + d(N, m)          (a != b)
 *   gain = d(c(aa) + m, m) - d(c(a), 2m) + d(N, m)                       (a == b)
 * </pre>
 *
 * <p><b>Keeping it incremental.</b> Write {@code gain = local + d(N, m)}: {@code local} (the first three terms)
 * changes only when the counts of {@code a}, {@code b}, {@code ab} or the pair change, and those pairs are
 * re-queued after each merge (the pairs next to the merged symbols, and the other splits of the new symbol), as
 * {@link BpeMerger} re-queues pairs whose counts changed. The last term changes at every merge, because {@code N}
 * does, but it depends on nothing else than {@code m} and {@code N}. So pairs are queued by {@code local} in one
 * heap per merge count {@code m} (for {@code m} up to {@value #BUCKETS}): within a heap the order never depends on
 * {@code N}, and each merge compares the tops of the heaps plus their {@code d(N, m)}, which is exact. Pairs
 * merged more often than that are few and sit in one more heap by their whole gain, evaluated lazily: since
 * {@code d(N, m)} grows with {@code N} (its derivative in {@code N} is {@code log(N / (N - m)) > 0}) and {@code N}
 * only falls, a gain queued at an earlier {@code N} is an upper bound of the current one; the top is recomputed, and
 * if it is unchanged it is that heap's true maximum, otherwise it is queued again with its fresh value. (Doing this
 * for every pair would be exact too, but slow: thousands of rare pairs have the same gain, and each merge would
 * recompute them all.) Queue entries carry a version; an entry whose pair was re-queued since is skipped. Ties go
 * to the smaller pair of ids.
 */
final class LikelihoodMerger {
    /** One merge made: the pair, the new symbol, and the gain in log-likelihood (natural log). */
    record Step(int left, int right, int merged, double gain) {
    }

    private final int[][] words;
    private final int[] wordLen;
    private final long[] counts;
    private final List<String> idToToken;
    private final Object2IntOpenHashMap<String> tokenToId;
    private final String prefix;

    private final Long2LongOpenHashMap pairCounts = new Long2LongOpenHashMap();
    private long[] symbolCounts;
    /** The number of symbol occurrences in the corpus, N. */
    private long total;
    /** Per pair, words that held it when it was counted (may be stale, never missing one). */
    private final Long2ObjectOpenHashMap<IntArrayList> where = new Long2ObjectOpenHashMap<>();
    /** Per symbol, the pairs with a positive count it is part of. */
    private final Int2ObjectOpenHashMap<LongOpenHashSet> pairsOf = new Int2ObjectOpenHashMap<>();
    private final LongOpenHashSet touched = new LongOpenHashSet();
    /** Per pair, the id of the symbol its merge makes, or -1 while that string is not a symbol. */
    private final Long2IntOpenHashMap mergedIds = new Long2IntOpenHashMap();
    /** Per pair {@code (a, a)}, its non-overlapping occurrences; dropped whenever the pair's count changes. */
    private final Long2LongOpenHashMap sameSymbolMerges = new Long2LongOpenHashMap();

    /** Merge counts up to this have a heap of their own, ordered by the local part of the gain. */
    static final int BUCKETS = 64;
    private final Heap[] byCount = new Heap[BUCKETS + 1];
    /** Pairs merged more than {@value #BUCKETS} times, by their whole gain as of when they were queued. */
    private final Heap frequent = new Heap();
    /** Per pair, the version of its newest queue entry. */
    private final Long2IntOpenHashMap versions = new Long2IntOpenHashMap();

    LikelihoodMerger(BpeTrainer.Prepared prepared, String prefix) {
        this.words = prepared.symbols();
        this.counts = prepared.counts();
        this.idToToken = prepared.idToToken();
        this.tokenToId = prepared.tokenToId();
        this.prefix = prefix;
        this.wordLen = new int[words.length];
        this.symbolCounts = new long[Math.max(16, idToToken.size() * 2)];
        mergedIds.defaultReturnValue(Integer.MIN_VALUE);
        for (int m = 1; m <= BUCKETS; m++) {
            byCount[m] = new Heap();
        }
        sameSymbolMerges.defaultReturnValue(-1);
    }

    /** Merges until the vocabulary has {@code vocabSize} tokens or no pair of at least {@code minFrequency} is left. */
    List<Step> run(int vocabSize, long minFrequency, TrainingListener listener) {
        listener.phase("count pairs");
        for (int w = 0; w < words.length; w++) {
            int[] s = words[w];
            wordLen[w] = s.length;
            for (int i = 0; i < s.length; i++) {
                symbolCounts[s[i]] += counts[w];
                total += counts[w];
                if (i + 1 < s.length) {
                    long p = BpeMerger.pair(s[i], s[i + 1]);
                    addPairCount(p, counts[w]);
                    addWhere(p, w);
                }
            }
        }
        for (long p : pairCounts.keySet()) {
            queue(p);
        }
        listener.phase("compute merges");
        long target = Math.max(0, vocabSize - tokenToId.size());
        List<Step> steps = new ArrayList<>();
        while (tokenToId.size() < vocabSize) {
            long pair = best(minFrequency);
            if (pair == NONE) {
                break;
            }
            double gain = gain(pair);
            int a = BpeMerger.left(pair);
            int b = BpeMerger.right(pair);
            int before = idToToken.size();
            int newId = BpeTrainer.addToken(mergedString(a, b), idToToken, tokenToId);
            if (newId >= symbolCounts.length) {
                symbolCounts = Arrays.copyOf(symbolCounts, Math.max(newId + 1, symbolCounts.length * 2));
            }
            touched.clear();
            IntArrayList positions = where.remove(pair);
            for (int i = 0; i < positions.size(); i++) {
                mergeWord(positions.getInt(i), a, b, newId);
            }
            steps.add(new Step(a, b, newId, gain));
            // Gains of all pairs next to a, b or the new symbol changed with their counts ...
            addTouching(a);
            addTouching(b);
            addTouching(newId);
            // ... and so did those of the pairs that make the new symbol from another split.
            addProducers(newId, idToToken.size() > before);
            LongIterator it = touched.iterator();
            while (it.hasNext()) {
                long p = it.nextLong();
                if (pairCounts.get(p) > 0) {
                    queue(p);
                }
            }
            if ((steps.size() & 63) == 0) {
                listener.merges(steps.size(), target);
            }
        }
        listener.merges(steps.size(), target);
        return steps;
    }

    private String mergedString(int a, int b) {
        String partB = idToToken.get(b);
        if (partB.startsWith(prefix)) {
            partB = partB.substring(prefix.length());
        }
        return idToToken.get(a) + partB;
    }

    /** {@code f(x) - f(x - k)} with {@code f(x) = x log x}, without cancelling two large numbers. */
    static double d(double x, double k) {
        if (k == 0) {
            return 0;
        }
        if (k == x) {
            return x * Math.log(x); // f(0) = 0
        }
        // x log x - (x - k) log(x - k) = k log x - (x - k) log(1 - k / x)
        return k * Math.log(x) - (x - k) * Math.log1p(-k / x);
    }

    /** The exact change of the log-likelihood if {@code pair} were merged now. */
    double gain(long pair) {
        return localGain(pair) + d(total, mergeCount(pair));
    }

    /** The gain without its {@code d(N, m)} term: what only the counts of a, b, ab and the pair decide. */
    private double localGain(long pair) {
        int a = BpeMerger.left(pair);
        int b = BpeMerger.right(pair);
        long m = mergeCount(pair);
        int ab = mergedId(pair);
        long cab = ab >= 0 ? symbolCounts[ab] : 0;
        if (a == b) {
            return d(cab + m, m) - d(symbolCounts[a], 2 * m);
        }
        return d(cab + m, m) - d(symbolCounts[a], m) - d(symbolCounts[b], m);
    }

    private int mergedId(long pair) {
        int id = mergedIds.get(pair);
        if (id == Integer.MIN_VALUE) {
            id = tokenToId.getInt(mergedString(BpeMerger.left(pair), BpeMerger.right(pair)));
            id = id < 0 ? -1 : id;
            mergedIds.put(pair, id);
        }
        return id;
    }

    /** The non-overlapping occurrences of {@code (a, a)}, as a left-to-right merge takes them. */
    private long sameSymbolMerges(long pair) {
        long m = sameSymbolMerges.get(pair);
        if (m >= 0) {
            return m;
        }
        int a = BpeMerger.left(pair);
        m = 0;
        IntArrayList list = where.get(pair);
        // the position lists may name a word more than once (it gained the pair in two merges): count it once
        int[] ws = list == null ? new int[0] : list.toIntArray();
        Arrays.sort(ws);
        for (int k = 0; k < ws.length; k++) {
            int w = ws[k];
            if (k > 0 && ws[k - 1] == w) {
                continue;
            }
            int[] s = words[w];
            int run = 0;
            long inWord = 0;
            for (int i = 0; i <= wordLen[w]; i++) {
                if (i < wordLen[w] && s[i] == a) {
                    run++;
                } else {
                    inWord += run / 2;
                    run = 0;
                }
            }
            m += inWord * counts[w];
        }
        sameSymbolMerges.put(pair, m);
        return m;
    }

    /**
     * Queues the pairs whose merge makes the same string as {@code merged}: {@code ab} from {@code (a, b)} is also
     * {@code (a', b')} for every other split point, and their gains depend on {@code c(ab)}.
     */
    private void addProducers(int merged, boolean isNew) {
        String t = idToToken.get(merged);
        int from = t.startsWith(prefix) ? prefix.length() : 0;
        for (int i = from + 1; i < t.length(); i++) {
            if (Character.isLowSurrogate(t.charAt(i))) {
                continue;
            }
            int l = tokenToId.getInt(t.substring(0, i));
            int r = tokenToId.getInt(prefix + t.substring(i));
            if (l >= 0 && r >= 0) {
                long p = BpeMerger.pair(l, r);
                if (isNew) {
                    mergedIds.put(p, merged);
                }
                touched.add(p);
            }
        }
    }

    private void addTouching(int symbol) {
        LongOpenHashSet set = pairsOf.get(symbol);
        if (set != null) {
            touched.addAll(set);
        }
    }

    private void mergeWord(int w, int a, int b, int newId) {
        int[] s = words[w];
        int n = wordLen[w];
        long c = counts[w];
        int out = 0;
        int in = 0;
        while (in < n) {
            if (in + 1 < n && s[in] == a && s[in + 1] == b) {
                change(BpeMerger.pair(a, b), -c, w);
                symbolCounts[a] -= c;
                symbolCounts[b] -= c;
                symbolCounts[newId] += c;
                total -= c;
                if (out > 0) {
                    change(BpeMerger.pair(s[out - 1], a), -c, w);
                    change(BpeMerger.pair(s[out - 1], newId), c, w);
                }
                if (in + 2 < n) {
                    change(BpeMerger.pair(b, s[in + 2]), -c, w);
                    change(BpeMerger.pair(newId, s[in + 2]), c, w);
                }
                s[out++] = newId;
                in += 2;
            } else {
                s[out++] = s[in++];
            }
        }
        wordLen[w] = out;
    }

    private void change(long pair, long delta, int w) {
        addPairCount(pair, delta);
        touched.add(pair);
        if (BpeMerger.left(pair) == BpeMerger.right(pair)) {
            sameSymbolMerges.remove(pair);
        }
        if (delta > 0) {
            addWhere(pair, w);
        }
    }

    private void addPairCount(long pair, long delta) {
        long before = pairCounts.addTo(pair, delta);
        long after = before + delta;
        if (before <= 0 && after > 0) {
            pairsOf.computeIfAbsent(BpeMerger.left(pair), k -> new LongOpenHashSet()).add(pair);
            pairsOf.computeIfAbsent(BpeMerger.right(pair), k -> new LongOpenHashSet()).add(pair);
        } else if (before > 0 && after <= 0) {
            LongOpenHashSet l = pairsOf.get(BpeMerger.left(pair));
            if (l != null) {
                l.remove(pair);
            }
            LongOpenHashSet r = pairsOf.get(BpeMerger.right(pair));
            if (r != null) {
                r.remove(pair);
            }
        }
        if (after == 0) {
            pairCounts.remove(pair);
        }
    }

    private void addWhere(long pair, int w) {
        IntArrayList list = where.get(pair);
        if (list == null) {
            list = new IntArrayList(4);
            where.put(pair, list);
        }
        if (list.isEmpty() || list.getInt(list.size() - 1) != w) {
            list.add(w);
        }
    }

    private static final long NONE = Long.MIN_VALUE;

    /** The merge count of {@code pair}: its count, or its non-overlapping occurrences when both sides are equal. */
    private long mergeCount(long pair) {
        return BpeMerger.left(pair) == BpeMerger.right(pair) ? sameSymbolMerges(pair) : pairCounts.get(pair);
    }

    /** Queues {@code pair} with its current counts, superseding its older entries. */
    private void queue(long pair) {
        int version = versions.addTo(pair, 1) + 1;
        long m = mergeCount(pair);
        if (m <= 0) {
            return;
        }
        if (m <= BUCKETS) {
            byCount[(int) m].push(pair, localGain(pair), version);
        } else {
            frequent.push(pair, gain(pair), version);
        }
    }

    private boolean current(Heap h) {
        while (!h.isEmpty()) {
            long p = h.topPair();
            if (h.topVersion() == versions.get(p) && pairCounts.get(p) > 0) {
                return true;
            }
            h.pop();
        }
        return false;
    }

    /** Removes and returns the pair of largest gain now (ties: smaller pair), or {@link #NONE}. */
    private long best(long minFrequency) {
        while (true) {
            Heap from = null;
            long bestPair = NONE;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int m = 1; m <= BUCKETS; m++) {
                Heap h = byCount[m];
                if (current(h)) {
                    double g = h.topValue() + d(total, m);
                    if (from == null || g > bestGain || g == bestGain && h.topPair() < bestPair) {
                        from = h;
                        bestPair = h.topPair();
                        bestGain = g;
                    }
                }
            }
            while (current(frequent)) {
                long p = frequent.topPair();
                double g = gain(p);
                assert !Double.isNaN(g) : "gain of a pair is NaN";
                if (g == frequent.topValue()) {
                    if (from == null || g > bestGain || g == bestGain && p < bestPair) {
                        from = frequent;
                        bestPair = p;
                        bestGain = g;
                    }
                    break;
                }
                // queued at an earlier N: an upper bound; queue the true value under the same version
                int version = frequent.topVersion();
                frequent.pop();
                frequent.push(p, g, version);
            }
            if (from == null) {
                return NONE;
            }
            from.pop();
            if (pairCounts.get(bestPair) >= minFrequency) {
                return bestPair;
            }
            // below the minimum frequency: dropped until its count changes (then it is queued again)
        }
    }

    /** A max-heap of (value, pair, version) entries: larger value first, then the smaller pair. */
    static final class Heap {
        private long[] pairs = new long[64];
        private double[] values = new double[64];
        private int[] vers = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        long topPair() {
            return pairs[0];
        }

        double topValue() {
            return values[0];
        }

        int topVersion() {
            return vers[0];
        }

        void push(long pair, double value, int version) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
                values = Arrays.copyOf(values, size * 2);
                vers = Arrays.copyOf(vers, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(value, pair, values[parent], pairs[parent])) {
                    break;
                }
                pairs[i] = pairs[parent];
                values[i] = values[parent];
                vers[i] = vers[parent];
                i = parent;
            }
            pairs[i] = pair;
            values[i] = value;
            vers[i] = version;
        }

        void pop() {
            int last = --size;
            long pair = pairs[last];
            double value = values[last];
            int version = vers[last];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && before(values[child + 1], pairs[child + 1], values[child], pairs[child])) {
                    child++;
                }
                if (!before(values[child], pairs[child], value, pair)) {
                    break;
                }
                pairs[i] = pairs[child];
                values[i] = values[child];
                vers[i] = vers[child];
                i = child;
            }
            if (last > 0) {
                pairs[i] = pair;
                values[i] = value;
                vers[i] = version;
            }
        }

        private static boolean before(double vx, long px, double vy, long py) {
            if (vx != vy) {
                return vx > vy;
            }
            return px < py;
        }
    }
}
