package io.subword.train;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;
import java.util.List;

/**
 * The merge loop of {@link WordPieceTrainer.Mode#RATIO}: merge the pair with the highest score
 * {@code count(ab) / (count(a) * count(b))}, where a symbol's count is the number of its occurrences in the
 * corpus. This ratio leaves out how often the pair occurs, so it prefers pairs of rare symbols; the exact
 * likelihood gain is {@link LikelihoodMerger}'s. Ties go to the smaller pair of ids. Unlike {@link BpeMerger} this is exact: every word holding
 * the pair is merged and the pair's own count drops to zero.
 *
 * <p>A merge changes the score of every pair next to the merged symbols, so each such pair is queued again
 * with its new score; an entry whose score is no longer current is dropped when it reaches the top (a
 * current entry for the same pair is in the queue).
 */
final class RatioMerger {
    private final int[][] words;
    private final int[] wordLen;
    private final long[] counts;
    private final List<String> idToToken;
    private final Object2IntOpenHashMap<String> tokenToId;
    private final String prefix;

    private final Long2LongOpenHashMap pairCounts = new Long2LongOpenHashMap();
    private long[] symbolCounts;
    /** Per pair, words that held it when it was counted (may be stale, never missing one). */
    private final Long2ObjectOpenHashMap<IntArrayList> where = new Long2ObjectOpenHashMap<>();
    /** Per symbol, the pairs with a positive count it is part of. */
    private final Int2ObjectOpenHashMap<LongOpenHashSet> pairsOf = new Int2ObjectOpenHashMap<>();
    private final LongOpenHashSet touched = new LongOpenHashSet();

    private long[] hPairs = new long[1024];
    private double[] hScores = new double[1024];
    private int hSize;

    RatioMerger(BpeTrainer.Prepared prepared, String prefix) {
        this.words = prepared.symbols();
        this.counts = prepared.counts();
        this.idToToken = prepared.idToToken();
        this.tokenToId = prepared.tokenToId();
        this.prefix = prefix;
        this.wordLen = new int[words.length];
        this.symbolCounts = new long[Math.max(16, idToToken.size() * 2)];
    }

    void run(int vocabSize, long minFrequency, TrainingListener listener) {
        listener.phase("count pairs");
        for (int w = 0; w < words.length; w++) {
            int[] s = words[w];
            wordLen[w] = s.length;
            for (int i = 0; i < s.length; i++) {
                symbolCounts[s[i]] += counts[w];
                if (i + 1 < s.length) {
                    long p = BpeMerger.pair(s[i], s[i + 1]);
                    addPairCount(p, counts[w]);
                    addWhere(p, w);
                }
            }
        }
        for (long p : pairCounts.keySet()) {
            push(p);
        }
        listener.phase("compute merges");
        long target = Math.max(0, vocabSize - tokenToId.size());
        long done = 0;
        while (tokenToId.size() < vocabSize && hSize > 0) {
            long pair = hPairs[0];
            double score = hScores[0];
            pop();
            long count = pairCounts.get(pair);
            if (count <= 0 || score != score(pair) || count < minFrequency) {
                continue;
            }
            int a = BpeMerger.left(pair);
            int b = BpeMerger.right(pair);
            String partB = idToToken.get(b);
            if (partB.startsWith(prefix)) {
                partB = partB.substring(prefix.length());
            }
            int newId = BpeTrainer.addToken(idToToken.get(a) + partB, idToToken, tokenToId);
            if (newId >= symbolCounts.length) {
                symbolCounts = Arrays.copyOf(symbolCounts, newId * 2);
            }
            touched.clear();
            IntArrayList positions = where.remove(pair);
            for (int i = 0; i < positions.size(); i++) {
                mergeWord(positions.getInt(i), a, b, newId);
            }
            // Scores of all pairs next to a, b or the new symbol changed with their counts.
            addTouching(a);
            addTouching(b);
            addTouching(newId);
            LongIterator it = touched.iterator();
            while (it.hasNext()) {
                long p = it.nextLong();
                if (pairCounts.get(p) > 0) {
                    push(p);
                }
            }
            if ((++done & 63) == 0) {
                listener.merges(done, target);
            }
        }
        listener.merges(done, target);
    }

    private void addTouching(int symbol) {
        LongOpenHashSet set = pairsOf.get(symbol);
        if (set != null) {
            touched.addAll(set);
        }
    }

    private double score(long pair) {
        double ca = symbolCounts[BpeMerger.left(pair)];
        double cb = symbolCounts[BpeMerger.right(pair)];
        return pairCounts.get(pair) / (ca * cb);
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

    private void push(long pair) {
        double score = score(pair);
        if (hSize == hPairs.length) {
            hPairs = Arrays.copyOf(hPairs, hSize * 2);
            hScores = Arrays.copyOf(hScores, hSize * 2);
        }
        int i = hSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(score, pair, hScores[parent], hPairs[parent])) {
                break;
            }
            hPairs[i] = hPairs[parent];
            hScores[i] = hScores[parent];
            i = parent;
        }
        hPairs[i] = pair;
        hScores[i] = score;
    }

    private void pop() {
        int last = --hSize;
        long pair = hPairs[last];
        double score = hScores[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(hScores[child + 1], hPairs[child + 1], hScores[child], hPairs[child])) {
                child++;
            }
            if (!before(hScores[child], hPairs[child], score, pair)) {
                break;
            }
            hPairs[i] = hPairs[child];
            hScores[i] = hScores[child];
            i = child;
        }
        if (last > 0) {
            hPairs[i] = pair;
            hScores[i] = score;
        }
    }

    private static boolean before(double sx, long px, double sy, long py) {
        if (sx != sy) {
            return sx > sy;
        }
        return px < py;
    }
}
