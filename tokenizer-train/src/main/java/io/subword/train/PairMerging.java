package io.subword.train;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.Arrays;
import java.util.List;

/**
 * The bookkeeping that WordPiece's scored merge loops ({@link LikelihoodMerger}, {@link RatioMerger}) share: the
 * training words as symbols, how often each symbol and each adjacent pair occurs (weighted by word counts), which
 * words hold a pair, and which pairs a symbol is part of. A merge rewrites only the words that hold the pair and
 * reports the pairs whose counts or neighbours changed, so a merger re-scores just those. The mergers differ only
 * in how they score a pair. Unlike {@link BpeMerger}, every occurrence is merged, left to right, and the pair's own
 * count drops to zero. Pairs are packed as {@link BpeMerger#pair(int, int)}.
 */
final class PairMerging {
    private final int[][] words;
    private final int[] wordLen;
    private final long[] counts;
    private final List<String> idToToken;
    private final Object2IntOpenHashMap<String> tokenToId;
    private final String prefix;
    /** Ids below this are special tokens and the alphabet; the ids from here on are made by merges. */
    private final int initialSize;

    private final Long2LongOpenHashMap pairCounts = new Long2LongOpenHashMap();
    private long[] symbolCounts;
    /** The number of symbol occurrences in the corpus. */
    private long total;
    /** Merged symbols whose count is positive. */
    private int mergedInUse;
    /** Per pair, words that held it when it was counted (may be stale, never missing one). */
    private final Long2ObjectOpenHashMap<IntArrayList> where = new Long2ObjectOpenHashMap<>();
    /** Per symbol, the pairs with a positive count it is part of. */
    private final Int2ObjectOpenHashMap<LongOpenHashSet> pairsOf = new Int2ObjectOpenHashMap<>();
    private final LongOpenHashSet touched = new LongOpenHashSet();

    /** Counts the symbols and pairs of {@code prepared}'s words; merged tokens continue words after {@code prefix}. */
    PairMerging(BpeTrainer.Prepared prepared, String prefix) {
        this.words = prepared.symbols();
        this.counts = prepared.counts();
        this.idToToken = prepared.idToToken();
        this.tokenToId = prepared.tokenToId();
        this.prefix = prefix;
        this.initialSize = idToToken.size();
        this.wordLen = new int[words.length];
        this.symbolCounts = new long[Math.max(16, idToToken.size() * 2)];
        for (int w = 0; w < words.length; w++) {
            int[] s = words[w];
            wordLen[w] = s.length;
            for (int i = 0; i < s.length; i++) {
                symbolCounts[s[i]] += counts[w];
                total += counts[w];
                if (i + 1 < s.length) {
                    long p = BpeMerger.pair(s[i], s[i + 1]);
                    addPairCount(p, counts[w]);
                    BpeMerger.addPosition(where, p, w);
                }
            }
        }
    }

    /** Every pair with a positive count. */
    long[] pairs() {
        return pairCounts.keySet().toLongArray();
    }

    long pairCount(long pair) {
        return pairCounts.get(pair);
    }

    long symbolCount(int symbol) {
        return symbolCount(symbolCounts, symbol);
    }

    private static long symbolCount(long[] counts, int symbol) {
        return symbol < counts.length ? counts[symbol] : 0;
    }

    /** The number of symbol occurrences in the corpus, N. */
    long total() {
        return total;
    }

    /** The size of the vocabulary if merged symbols no longer used were dropped. */
    int sizeInUse() {
        return initialSize + mergedInUse;
    }

    /** The words that held {@code pair} when it was counted: may name a word twice or one that lost it since. */
    IntArrayList wordsWith(long pair) {
        return where.get(pair);
    }

    int[] symbols(int word) {
        return words[word];
    }

    int length(int word) {
        return wordLen[word];
    }

    long count(int word) {
        return counts[word];
    }

    /** The token that merging {@code a} and {@code b} makes: {@code b} without its continuing-subword prefix. */
    String mergedToken(int a, int b) {
        String partB = idToToken.get(b);
        if (partB.startsWith(prefix)) {
            partB = partB.substring(prefix.length());
        }
        return idToToken.get(a) + partB;
    }

    /**
     * Merges every occurrence of {@code a b}, left to right, into one symbol (added to the vocabulary unless a
     * merge made that token before), and returns its id. {@link #touched()} then holds the pairs whose count
     * changed and every pair next to {@code a}, {@code b} or the new symbol.
     */
    int merge(int a, int b) {
        int merged = BpeTrainer.addToken(mergedToken(a, b), idToToken, tokenToId);
        if (merged >= symbolCounts.length) {
            symbolCounts = Arrays.copyOf(symbolCounts, Math.max(merged + 1, symbolCounts.length * 2));
        }
        touched.clear();
        IntArrayList positions = where.remove(BpeMerger.pair(a, b));
        for (int i = 0; i < positions.size(); i++) {
            mergeWord(positions.getInt(i), a, b, merged);
        }
        addTouching(a);
        addTouching(b);
        addTouching(merged);
        return merged;
    }

    /** The pairs the last {@link #merge} changed, for the merger to re-score; it may add more. */
    LongOpenHashSet touched() {
        return touched;
    }

    /**
     * The tokens to keep, in id order: special tokens, the alphabet, the merged symbols still in use, and then,
     * while fewer than {@code vocabSize}, merged symbols no longer in use, oldest first.
     */
    List<String> tokensInUse(int vocabSize) {
        int room = vocabSize - sizeInUse();
        List<String> kept = new java.util.ArrayList<>(Math.min(idToToken.size(), Math.max(vocabSize, 0)));
        for (int id = 0; id < idToToken.size(); id++) {
            boolean inUse = id < initialSize || symbolCount(id) > 0;
            if (inUse || room-- > 0) {
                kept.add(idToToken.get(id));
            }
        }
        return kept;
    }

    private void addTouching(int symbol) {
        LongOpenHashSet set = pairsOf.get(symbol);
        if (set != null) {
            touched.addAll(set);
        }
    }

    private void mergeWord(int w, int a, int b, int merged) {
        int[] s = words[w];
        int n = wordLen[w];
        long c = counts[w];
        int out = 0;
        int in = 0;
        while (in < n) {
            if (in + 1 < n && s[in] == a && s[in + 1] == b) {
                change(BpeMerger.pair(a, b), -c, w);
                addSymbolCount(a, -c);
                addSymbolCount(b, -c);
                addSymbolCount(merged, c);
                total -= c;
                if (out > 0) {
                    change(BpeMerger.pair(s[out - 1], a), -c, w);
                    change(BpeMerger.pair(s[out - 1], merged), c, w);
                }
                if (in + 2 < n) {
                    change(BpeMerger.pair(b, s[in + 2]), -c, w);
                    change(BpeMerger.pair(merged, s[in + 2]), c, w);
                }
                s[out++] = merged;
                in += 2;
            } else {
                s[out++] = s[in++];
            }
        }
        wordLen[w] = out;
    }

    private void addSymbolCount(int symbol, long delta) {
        long before = symbolCounts[symbol];
        long after = before + delta;
        symbolCounts[symbol] = after;
        if (symbol >= initialSize && (before > 0) != (after > 0)) {
            mergedInUse += after > 0 ? 1 : -1;
        }
    }

    private void change(long pair, long delta, int w) {
        addPairCount(pair, delta);
        touched.add(pair);
        if (delta > 0) {
            BpeMerger.addPosition(where, pair, w);
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
}
