package io.subword.train;

import io.subword.progress.TrainingListener;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
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
 * <p><b>The same likelihood, as a model of words.</b> A WordPiece word is one initial piece and then
 * continuations. Let the initial piece come from its own unigram distribution ({@code c(s) / W}, with {@code W}
 * the number of words) and each continuation, or the end of the word, from another ({@code c(s) / N}: the
 * continuations plus the {@code W} word ends make {@code N}). That model gives every segmented training word
 * its probability, ends included, and its log-likelihood is
 * {@code Σ_init c ln(c/W) + Σ_cont c ln(c/N) + W ln(W/N) = Σ_s c(s) ln c(s) - N ln N}, exactly {@code L}. So
 * {@code L} is already the faithful two-distribution likelihood of WordPiece. (Two distributions without the word
 * end, {@code N} replaced by the number of continuations, would not charge for where a word ends; measured, it
 * is far worse: README, "WordPiece modes".)
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
 *
 * <p><b>The vocabulary.</b> A merged symbol can be used up by later merges ({@code presiden} once every
 * {@code presiden ##te} became {@code presidente}); its count is then 0, so it adds nothing to {@code L}. Such
 * symbols do not count towards the vocabulary size: the merges go on until {@code vocabSize} symbols are in use,
 * and the vocabulary is those (see {@link #tokens}). The counts, pairs and merging are {@link PairMerging}'s; this
 * class only scores.
 */
final class LikelihoodMerger {
    /** One merge made: the pair, the new symbol, and the gain in log-likelihood (natural log). */
    record Step(int left, int right, int merged, double gain) {
    }

    private final BpeTrainer.Prepared prepared;
    private final List<String> idToToken;
    private final Object2IntOpenHashMap<String> tokenToId;
    private final String prefix;
    private PairMerging state;

    /** Per pair, the id of the symbol its merge makes, or -1 while that string is not a symbol. */
    private final Long2IntOpenHashMap mergedIds = new Long2IntOpenHashMap();
    /** Per pair {@code (a, a)}, its non-overlapping occurrences; dropped whenever the pair's count changes. */
    private final Long2LongOpenHashMap sameSymbolMerges = new Long2LongOpenHashMap();

    /** Merge counts up to this have a heap of their own, ordered by the local part of the gain. */
    static final int BUCKETS = 64;
    private final PairHeap[] byCount = new PairHeap[BUCKETS + 1];
    /** Pairs merged more than {@value #BUCKETS} times, by their whole gain as of when they were queued. */
    private final PairHeap frequent = new PairHeap();
    /** Per pair, the version of its newest queue entry. */
    private final Long2IntOpenHashMap versions = new Long2IntOpenHashMap();

    LikelihoodMerger(BpeTrainer.Prepared prepared, String prefix) {
        this.prepared = prepared;
        this.idToToken = prepared.idToToken();
        this.tokenToId = prepared.tokenToId();
        this.prefix = prefix;
        mergedIds.defaultReturnValue(Integer.MIN_VALUE);
        for (int m = 1; m <= BUCKETS; m++) {
            byCount[m] = new PairHeap();
        }
        sameSymbolMerges.defaultReturnValue(-1);
    }

    /**
     * Merges until {@code vocabSize} tokens are in use (symbols that later merges used up entirely do not count,
     * see {@link #tokens}) or no pair of at least {@code minFrequency} is left.
     */
    List<Step> run(int vocabSize, long minFrequency, TrainingListener listener) {
        listener.phase("count pairs");
        state = new PairMerging(prepared, prefix);
        for (long p : state.pairs()) {
            queue(p);
        }
        listener.phase("compute merges");
        long target = Math.max(0, vocabSize - state.sizeInUse());
        List<Step> steps = new ArrayList<>();
        while (state.sizeInUse() < vocabSize) {
            long pair = best(minFrequency);
            if (pair == NONE) {
                break;
            }
            double gain = gain(pair);
            int a = BpeMerger.left(pair);
            int b = BpeMerger.right(pair);
            int before = idToToken.size();
            int merged = state.merge(a, b);
            steps.add(new Step(a, b, merged, gain));
            // Gains of all pairs next to a, b or the new symbol changed with their counts (the engine's touched
            // set) ... and so did those of the pairs that make the new symbol from another split.
            LongOpenHashSet touched = state.touched();
            addProducers(merged, idToToken.size() > before, touched);
            LongIterator it = touched.iterator();
            while (it.hasNext()) {
                long p = it.nextLong();
                if (BpeMerger.left(p) == BpeMerger.right(p)) {
                    sameSymbolMerges.remove(p);
                }
            }
            it = touched.iterator();
            while (it.hasNext()) {
                long p = it.nextLong();
                if (state.pairCount(p) > 0) {
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

    /**
     * The vocabulary after {@link #run}: special tokens, the alphabet and the merged symbols still in use; merged
     * symbols that later merges used up entirely (such as {@code presiden} once every {@code presiden ##te} is
     * merged) have count 0, so dropping them leaves the likelihood as it is, and their places go to more merges.
     * Only if the merges stop short of {@code vocabSize} are such symbols kept, oldest first, to fill it.
     */
    List<String> tokens(int vocabSize) {
        return state.tokensInUse(vocabSize);
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
        return localGain(pair) + d(state.total(), mergeCount(pair));
    }

    /** The gain without its {@code d(N, m)} term: what only the counts of a, b, ab and the pair decide. */
    private double localGain(long pair) {
        int a = BpeMerger.left(pair);
        int b = BpeMerger.right(pair);
        long m = mergeCount(pair);
        int ab = mergedId(pair);
        long cab = ab >= 0 ? state.symbolCount(ab) : 0;
        if (a == b) {
            return d(cab + m, m) - d(state.symbolCount(a), 2 * m);
        }
        return d(cab + m, m) - d(state.symbolCount(a), m) - d(state.symbolCount(b), m);
    }

    private int mergedId(long pair) {
        int id = mergedIds.get(pair);
        if (id == Integer.MIN_VALUE) {
            id = tokenToId.getInt(state.mergedToken(BpeMerger.left(pair), BpeMerger.right(pair)));
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
        IntArrayList list = state.wordsWith(pair);
        // the position lists may name a word more than once (it gained the pair in two merges): count it once
        int[] ws = list == null ? new int[0] : list.toIntArray();
        Arrays.sort(ws);
        for (int k = 0; k < ws.length; k++) {
            int w = ws[k];
            if (k > 0 && ws[k - 1] == w) {
                continue;
            }
            int[] s = state.symbols(w);
            int len = state.length(w);
            int run = 0;
            long inWord = 0;
            for (int i = 0; i <= len; i++) {
                if (i < len && s[i] == a) {
                    run++;
                } else {
                    inWord += run / 2;
                    run = 0;
                }
            }
            m += inWord * state.count(w);
        }
        sameSymbolMerges.put(pair, m);
        return m;
    }

    /**
     * Adds to {@code touched} the pairs whose merge makes the same string as {@code merged}: {@code ab} from
     * {@code (a, b)} is also {@code (a', b')} for every other split point, and their gains depend on {@code c(ab)}.
     */
    private void addProducers(int merged, boolean isNew, LongOpenHashSet touched) {
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

    private static final long NONE = Long.MIN_VALUE;

    /** The merge count of {@code pair}: its count, or its non-overlapping occurrences when both sides are equal. */
    private long mergeCount(long pair) {
        return BpeMerger.left(pair) == BpeMerger.right(pair) ? sameSymbolMerges(pair) : state.pairCount(pair);
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

    private boolean current(PairHeap h) {
        while (!h.isEmpty()) {
            long p = h.topPair();
            if (h.topVersion() == versions.get(p) && state.pairCount(p) > 0) {
                return true;
            }
            h.pop();
        }
        return false;
    }

    /** Removes and returns the pair of largest gain now (ties: smaller pair), or {@link #NONE}. */
    private long best(long minFrequency) {
        while (true) {
            PairHeap from = null;
            long bestPair = NONE;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int m = 1; m <= BUCKETS; m++) {
                PairHeap h = byCount[m];
                if (current(h)) {
                    double g = h.topValue() + d(state.total(), m);
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
            if (state.pairCount(bestPair) >= minFrequency) {
                return bestPair;
            }
            // below the minimum frequency: dropped until its count changes (then it is queued again)
        }
    }
}
