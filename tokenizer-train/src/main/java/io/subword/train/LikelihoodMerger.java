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
 * <p><b>Keeping it incremental.</b> The first three terms change only when the counts of {@code a}, {@code b},
 * {@code ab} or the pair change; those pairs are re-queued after each merge (the pairs next to the merged
 * symbols, and the other splits of the new symbol), as {@link BpeMerger} re-queues pairs whose counts changed.
 * The last term, {@code d(N, m)}, changes at every merge because {@code N} does, which would make every queued
 * gain stale. But {@code d(N, m)} grows with {@code N} (its derivative in {@code N} is
 * {@code log(N / (N - m)) > 0}) and {@code N} only falls, so a gain computed at an earlier {@code N} is an
 * <em>upper bound</em> of the current one. That makes lazy re-evaluation exact: pop the largest queued gain,
 * recompute it with today's counts and {@code N}; if it is unchanged it is the true maximum (every other pair's
 * true gain is at most its queued bound, which is at most this one); otherwise queue the fresh value and pop
 * again. Only the few entries near the top are recomputed per merge. Ties go to the smaller pair of ids.
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

    private long[] hPairs = new long[1024];
    private double[] hGains = new double[1024];
    private int hSize;

    LikelihoodMerger(BpeTrainer.Prepared prepared, String prefix) {
        this.words = prepared.symbols();
        this.counts = prepared.counts();
        this.idToToken = prepared.idToToken();
        this.tokenToId = prepared.tokenToId();
        this.prefix = prefix;
        this.wordLen = new int[words.length];
        this.symbolCounts = new long[Math.max(16, idToToken.size() * 2)];
        mergedIds.defaultReturnValue(Integer.MIN_VALUE);
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
            push(p, gain(p));
        }
        listener.phase("compute merges");
        long target = Math.max(0, vocabSize - tokenToId.size());
        List<Step> steps = new ArrayList<>();
        while (tokenToId.size() < vocabSize && hSize > 0) {
            long pair = hPairs[0];
            double queued = hGains[0];
            pop();
            long count = pairCounts.get(pair);
            if (count <= 0 || count < minFrequency) {
                continue;
            }
            double gain = gain(pair);
            if (gain != queued) {
                // A bound from an earlier N (or older counts): queue the true value and look again.
                push(pair, gain);
                continue;
            }
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
                    push(p, gain(p));
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
        // x log x - (x - k) log(x - k) = k log x - (x - k) log(1 - k / x)
        return k * Math.log(x) - (x - k) * Math.log1p(-k / x);
    }

    /** The exact change of the log-likelihood if {@code pair} were merged now. */
    double gain(long pair) {
        int a = BpeMerger.left(pair);
        int b = BpeMerger.right(pair);
        long m = a == b ? sameSymbolMerges(pair) : pairCounts.get(pair);
        int ab = mergedId(pair);
        long cab = ab >= 0 ? symbolCounts[ab] : 0;
        double g = d(cab + m, m) + d(total, m);
        if (a == b) {
            return g - d(symbolCounts[a], 2 * m);
        }
        return g - d(symbolCounts[a], m) - d(symbolCounts[b], m);
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
        for (int k = 0; list != null && k < list.size(); k++) {
            int w = list.getInt(k);
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

    private void push(long pair, double gain) {
        if (hSize == hPairs.length) {
            hPairs = Arrays.copyOf(hPairs, hSize * 2);
            hGains = Arrays.copyOf(hGains, hSize * 2);
        }
        int i = hSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(gain, pair, hGains[parent], hPairs[parent])) {
                break;
            }
            hPairs[i] = hPairs[parent];
            hGains[i] = hGains[parent];
            i = parent;
        }
        hPairs[i] = pair;
        hGains[i] = gain;
    }

    private void pop() {
        int last = --hSize;
        long pair = hPairs[last];
        double gain = hGains[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(hGains[child + 1], hPairs[child + 1], hGains[child], hPairs[child])) {
                child++;
            }
            if (!before(hGains[child], hPairs[child], gain, pair)) {
                break;
            }
            hPairs[i] = hPairs[child];
            hGains[i] = hGains[child];
            i = child;
        }
        if (last > 0) {
            hPairs[i] = pair;
            hGains[i] = gain;
        }
    }

    private static boolean before(double gx, long px, double gy, long py) {
        if (gx != gy) {
            return gx > gy;
        }
        return px < py;
    }
}
