package io.subword.train;

import io.subword.progress.TrainingListener;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The merge loop of {@link BpeTrainer}, over primitive arrays: words are {@code int[]} symbol ids, a pair
 * of ids is packed into one {@code long} (left id in the high half).
 *
 * <p>It follows Hugging Face's trainer step by step, including its quirks, because they change the result:
 * <ul>
 *   <li>The queue holds entries (pair, count, word positions). An entry whose count is stale is re-queued
 *       with the current count; a pair is merged only in the words of the entry popped, so a pair that
 *       reappears later (its parts were formed again) has a second entry and may be merged twice, the
 *       later merge taking the rank.</li>
 *   <li>Merging a pair never lowers that pair's own count; only the neighbouring pairs change.</li>
 *   <li>With a maximum token length, a new neighbour pair is counted only if its token would be strictly
 *       shorter than the maximum.</li>
 * </ul>
 * Entries with equal count and pair (which Hugging Face orders by hash-map chance) pop oldest first.
 */
final class BpeMerger {
    private final int[][] words;
    private final int[] wordLen;
    /** Per symbol, its length in characters of the word; {@code null} without a maximum token length. */
    private final int[][] lens;
    private final long[] counts;
    private final int maxTokenLength;
    private final List<String> idToToken;
    private final Object2IntOpenHashMap<String> tokenToId;
    private final String prefix;
    private final int threads;

    private final Long2LongOpenHashMap pairCounts = new Long2LongOpenHashMap();
    /** The calling thread's changes of one merge step, applied to {@link #pairCounts} and the heap after it. */
    private final StepChanges direct = new StepChanges();
    private final Heap heap = new Heap();

    /**
     * A merge touching at least this many words is split in two halves, the second merged on another thread
     * into its own {@link StepChanges}, which are then added after the first half's: the counts are sums and each
     * position list keeps word order, so the result is the same as merging the words one by one.
     */
    static final int PARALLEL_MERGE_WORDS = 1024;

    BpeMerger(int[][] words, long[] counts, int maxTokenLength, List<String> idToToken,
              Object2IntOpenHashMap<String> tokenToId, String prefix, int threads) {
        this.words = words;
        this.counts = counts;
        this.maxTokenLength = maxTokenLength;
        this.idToToken = idToToken;
        this.tokenToId = tokenToId;
        this.prefix = prefix;
        this.threads = threads;
        this.wordLen = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            wordLen[i] = words[i].length;
        }
        if (maxTokenLength == Integer.MAX_VALUE) {
            lens = null;
        } else {
            lens = new int[words.length][];
            for (int i = 0; i < words.length; i++) {
                lens[i] = new int[words[i].length];
                Arrays.fill(lens[i], 1);
            }
        }
    }

    static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    static int left(long pair) {
        return (int) (pair >>> 32);
    }

    static int right(long pair) {
        return (int) pair;
    }

    /**
     * Runs the merges; returns {pair, new id} per merge in rank order, a pair merged twice kept only at its
     * last rank (as Hugging Face's model keeps it).
     */
    List<long[]> run(int vocabSize, long minFrequency, TrainingListener listener) {
        listener.phase("count pairs");
        countPairs();
        listener.phase("compute merges");
        long target = Math.max(0, vocabSize - tokenToId.size());
        List<long[]> merges = new ArrayList<>();
        SecondHalf helper = threads > 1 ? new SecondHalf() : null;
        try {
            runLoop(vocabSize, minFrequency, listener, target, merges, helper);
        } finally {
            if (helper != null) {
                helper.stop();
            }
        }
        listener.merges(merges.size(), target);
        return lastRankOnly(merges);
    }

    private void runLoop(int vocabSize, long minFrequency, TrainingListener listener, long target,
                         List<long[]> merges, SecondHalf helper) {
        while (tokenToId.size() < vocabSize && !heap.isEmpty()) {
            long pair = heap.topPair();
            long count = heap.topCount();
            int[] pos = heap.topPos();
            heap.pop();
            long actual = pairCounts.get(pair);
            if (count != actual) {
                heap.push(pair, actual, pos);
                continue;
            }
            if (count < 1 || minFrequency > count) {
                break;
            }
            int a = left(pair);
            int b = right(pair);
            String partB = idToToken.get(b);
            if (prefix != null && partB.startsWith(prefix)) {
                partB = partB.substring(prefix.length());
            }
            int newId = BpeTrainer.addToken(idToToken.get(a) + partB, idToToken, tokenToId);
            merges.add(new long[] {pair, newId});

            direct.start(a, b, newId, idToToken.size());
            if (helper != null && pos.length >= PARALLEL_MERGE_WORDS) {
                mergeInTwo(pos, a, b, newId, helper);
            } else {
                for (int w : pos) {
                    mergeWord(w, a, b, newId, direct);
                }
            }
            direct.applyTo(pairCounts, heap);
            if ((merges.size() & 63) == 0) {
                listener.merges(merges.size(), target);
            }
        }
    }

    /** Merges the words of {@code pos}: the first half here, the second on {@code helper}. */
    private void mergeInTwo(int[] pos, int a, int b, int newId, SecondHalf helper) {
        int half = pos.length / 2;
        helper.changes.start(a, b, newId, idToToken.size());
        helper.post(pos, half, a, b, newId);
        for (int i = 0; i < half; i++) {
            mergeWord(pos[i], a, b, newId, direct);
        }
        helper.await();
        direct.addAfter(helper.changes);
    }

    /**
     * The thread that merges the second half of a large step. Steps come every few microseconds and most take
     * less than a millisecond, so handing one over through an executor (a park and an unpark per step) would cost
     * as much as it saves; this thread spins for the next step for a while before it parks, and the caller spins
     * for the result. It is a daemon and lives as long as the merge loop.
     */
    private final class SecondHalf implements Runnable {
        /** How long the thread spins for the next step before parking. */
        private static final long SPIN_NANOS = 200_000;
        final StepChanges changes = new StepChanges();
        private final Thread thread = new Thread(this, "subword-merge");
        /** Steps posted and steps finished; a step is posted by writing its fields, then {@code posted}. */
        private volatile long posted;
        private volatile long finished;
        private volatile boolean stopped;
        private volatile Throwable failure;
        private int[] pos;
        private int from;
        private int a;
        private int b;
        private int newId;

        SecondHalf() {
            thread.setDaemon(true);
            thread.start();
        }

        void post(int[] pos, int from, int a, int b, int newId) {
            this.pos = pos;
            this.from = from;
            this.a = a;
            this.b = b;
            this.newId = newId;
            posted = posted + 1;
            java.util.concurrent.locks.LockSupport.unpark(thread);
        }

        void await() {
            long step = posted;
            long spinStart = System.nanoTime();
            while (finished != step) {
                if (failure != null) {
                    throw new IllegalStateException("merging failed", failure);
                }
                // On a busy machine the helper may be waiting for a core: after a while, offer ours.
                if (System.nanoTime() - spinStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        void stop() {
            stopped = true;
            java.util.concurrent.locks.LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            long done = 0;
            try {
                while (true) {
                    long spinStart = System.nanoTime();
                    while (posted == done && !stopped) {
                        if (System.nanoTime() - spinStart < SPIN_NANOS) {
                            Thread.onSpinWait();
                        } else {
                            java.util.concurrent.locks.LockSupport.park(this);
                        }
                    }
                    if (stopped) {
                        return;
                    }
                    for (int i = from; i < pos.length; i++) {
                        mergeWord(pos[i], a, b, newId, changes);
                    }
                    done++;
                    finished = done;
                }
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /**
     * The pair-count changes that one thread makes in one merge step (a, b) -> n, and the words where pairs gained
     * occurrences. Every pair a step changes is a neighbour of a merged occurrence: it has n on one side, or a on
     * its right, or b on its left. So a change is kept in a dense array indexed by the pair's other symbol, one per
     * such shape, instead of in a hash map keyed by the pair (which cost a third of the merge loop): the global
     * count of each distinct pair is then updated once per step, not once per occurrence. Which shape holds a pair
     * is a function of the pair (the first rule that fits: left is n, right is n, right is a, left is b), so a pair
     * is never split across two shapes.
     */
    static final class StepChanges {
        private static final int LEFT_IS_NEW = 0;
        private static final int RIGHT_IS_NEW = 1;
        private static final int RIGHT_IS_A = 2;
        private static final int LEFT_IS_B = 3;
        private static final int SHAPES = 4;

        private int a;
        private int b;
        private int n;
        /** Per shape and other symbol: the count change, the step that last touched it, the words that gained. */
        private long[][] delta = new long[SHAPES][0];
        private int[][] touchedIn = new int[SHAPES][0];
        private IntArrayList[][] gained = new IntArrayList[SHAPES][0];
        /** Per shape, the other symbols touched in this step, in the order first touched. */
        private final IntArrayList[] touched = new IntArrayList[SHAPES];
        private int step;

        StepChanges() {
            for (int k = 0; k < SHAPES; k++) {
                touched[k] = new IntArrayList();
            }
        }

        /** Starts step (a, b) -> n; symbol ids are below {@code symbols}. */
        void start(int a, int b, int n, int symbols) {
            this.a = a;
            this.b = b;
            this.n = n;
            step++;
            if (symbols > delta[0].length) {
                int cap = Math.max(symbols, delta[0].length * 3 / 2 + 64);
                for (int k = 0; k < SHAPES; k++) {
                    delta[k] = Arrays.copyOf(delta[k], cap);
                    touchedIn[k] = Arrays.copyOf(touchedIn[k], cap);
                    gained[k] = Arrays.copyOf(gained[k], cap);
                }
            }
            for (IntArrayList t : touched) {
                t.clear();
            }
        }

        /** Records that pair (left, right) changed by {@code d} occurrences in word {@code w}. */
        void change(int left, int right, long d, int w) {
            int shape;
            int other;
            if (left == n) {
                shape = LEFT_IS_NEW;
                other = right;
            } else if (right == n) {
                shape = RIGHT_IS_NEW;
                other = left;
            } else if (right == a) {
                shape = RIGHT_IS_A;
                other = left;
            } else {
                assert left == b : "a merge changes only the neighbours of the merged pair";
                shape = LEFT_IS_B;
                other = right;
            }
            touch(shape, other);
            delta[shape][other] += d;
            if (d > 0) {
                IntArrayList words = gained[shape][other];
                if (words == null) {
                    words = new IntArrayList(4);
                    gained[shape][other] = words;
                }
                // A word's changes are recorded together, so a repeated word is always the last one.
                if (words.isEmpty() || words.getInt(words.size() - 1) != w) {
                    words.add(w);
                }
            }
        }

        private void touch(int shape, int other) {
            if (touchedIn[shape][other] != step) {
                touchedIn[shape][other] = step;
                delta[shape][other] = 0;
                IntArrayList words = gained[shape][other];
                if (words != null) {
                    words.clear();
                }
                touched[shape].add(other);
            }
        }

        private long pairOf(int shape, int other) {
            return switch (shape) {
                case LEFT_IS_NEW -> pair(n, other);
                case RIGHT_IS_NEW -> pair(other, n);
                case RIGHT_IS_A -> pair(other, a);
                default -> pair(b, other);
            };
        }

        /**
         * Adds the changes of {@code later}, made in the same step on words that all come after this one's: the
         * counts add up and each word list stays in word order.
         */
        void addAfter(StepChanges later) {
            for (int shape = 0; shape < SHAPES; shape++) {
                IntArrayList others = later.touched[shape];
                for (int i = 0; i < others.size(); i++) {
                    int other = others.getInt(i);
                    touch(shape, other);
                    delta[shape][other] += later.delta[shape][other];
                    IntArrayList words = later.gained[shape][other];
                    if (words != null && !words.isEmpty()) {
                        IntArrayList into = gained[shape][other];
                        if (into == null) {
                            into = new IntArrayList(words.size());
                            gained[shape][other] = into;
                        }
                        into.addAll(words);
                    }
                }
            }
        }

        /**
         * Adds the step's count changes to {@code pairCounts}, then queues every pair that gained occurrences
         * (with its current count, if positive) together with the words where it gained them.
         */
        void applyTo(Long2LongOpenHashMap pairCounts, Heap heap) {
            // One pass: a pair has exactly one shape, so its count is final once its own change is added.
            for (int shape = 0; shape < SHAPES; shape++) {
                IntArrayList others = touched[shape];
                for (int i = 0; i < others.size(); i++) {
                    int other = others.getInt(i);
                    long p = pairOf(shape, other);
                    long d = delta[shape][other];
                    long c = d != 0 ? pairCounts.addTo(p, d) + d : pairCounts.get(p);
                    IntArrayList words = gained[shape][other];
                    if (c > 0 && words != null && !words.isEmpty()) {
                        heap.push(p, c, words.toIntArray());
                    }
                }
            }
        }
    }

    /** Adds word {@code w} to the position list of {@code pair}, once: a word's pairs are visited together. */
    static void addPosition(Long2ObjectOpenHashMap<IntArrayList> where, long pair, int w) {
        IntArrayList list = where.get(pair);
        if (list == null) {
            list = new IntArrayList(4);
            where.put(pair, list);
        }
        if (list.isEmpty() || list.getInt(list.size() - 1) != w) {
            list.add(w);
        }
    }

    /**
     * Adds the counts and position lists of words that come after those already in {@code intoCounts} and
     * {@code intoWhere} (a later range, or the second half of a merge), so every list keeps word order; the
     * added lists are taken over, not copied.
     */
    private static void addAfter(Long2LongOpenHashMap counts, Long2ObjectOpenHashMap<IntArrayList> where,
                                 Long2LongOpenHashMap intoCounts, Long2ObjectOpenHashMap<IntArrayList> intoWhere) {
        for (Long2LongMap.Entry e : counts.long2LongEntrySet()) {
            intoCounts.addTo(e.getLongKey(), e.getLongValue());
        }
        for (Long2ObjectMap.Entry<IntArrayList> e : where.long2ObjectEntrySet()) {
            IntArrayList list = intoWhere.get(e.getLongKey());
            if (list == null) {
                intoWhere.put(e.getLongKey(), e.getValue());
            } else {
                list.addAll(e.getValue());
            }
        }
    }

    private static List<long[]> lastRankOnly(List<long[]> merges) {
        Long2IntOpenHashMap last = new Long2IntOpenHashMap(merges.size());
        for (int i = 0; i < merges.size(); i++) {
            last.put(merges.get(i)[0], i);
        }
        if (last.size() == merges.size()) {
            return merges;
        }
        List<long[]> kept = new ArrayList<>(last.size());
        for (int i = 0; i < merges.size(); i++) {
            if (last.get(merges.get(i)[0]) == i) {
                kept.add(merges.get(i));
            }
        }
        return kept;
    }

    /** Merges every occurrence of (a, b) in word {@code w}, left to right, recording the pair changes. */
    private void mergeWord(int w, int a, int b, int newId, StepChanges changes) {
        int[] s = words[w];
        int[] len = lens == null ? null : lens[w];
        int n = wordLen[w];
        // Most words of a step hold the pair once or not at all (a queue entry's words are where the pair was
        // formed, and later merges may have used it up): find the first occurrence before copying anything.
        int first = 0;
        while (first + 1 < n && (s[first] != a || s[first + 1] != b)) {
            first++;
        }
        if (first + 1 >= n) {
            return;
        }
        long count = counts[w];
        int out = first;
        int in = first;
        while (in < n) {
            if (in + 1 < n && s[in] == a && s[in + 1] == b) {
                int newLen = len == null ? 0 : len[in] + len[in + 1];
                if (out > 0) {
                    int prev = s[out - 1];
                    changes.change(prev, a, -count, w);
                    if (len == null || (long) len[out - 1] + newLen < maxTokenLength) {
                        changes.change(prev, newId, count, w);
                    }
                }
                if (in + 2 < n) {
                    int next = s[in + 2];
                    changes.change(b, next, -count, w);
                    if (len == null || (long) len[in + 2] + newLen < maxTokenLength) {
                        changes.change(newId, next, count, w);
                    }
                }
                s[out] = newId;
                if (len != null) {
                    len[out] = newLen;
                }
                out++;
                in += 2;
            } else {
                s[out] = s[in];
                if (len != null) {
                    len[out] = len[in];
                }
                out++;
                in++;
            }
        }
        wordLen[w] = out;
    }

    /** Counts every adjacent pair once, in parallel over ranges of words, and fills the queue. */
    private void countPairs() {
        int n = words.length;
        int parts = Math.max(1, Math.min(threads, n / 1024));
        List<PairTable> tables = new ArrayList<>(parts);
        if (parts == 1) {
            tables.add(countRange(0, n));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(parts);
            try {
                List<Future<PairTable>> futures = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    int from = (int) ((long) n * p / parts);
                    int to = (int) ((long) n * (p + 1) / parts);
                    futures.add(pool.submit(() -> countRange(from, to)));
                }
                for (Future<PairTable> f : futures) {
                    tables.add(Await.result(f, "counting pairs"));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // Ranges are added in word order, so every position list stays sorted and free of duplicates.
        Long2ObjectOpenHashMap<IntArrayList> where = tables.get(0).where;
        pairCounts.putAll(tables.get(0).counts);
        for (int p = 1; p < tables.size(); p++) {
            addAfter(tables.get(p).counts, tables.get(p).where, pairCounts, where);
        }
        for (Long2ObjectMap.Entry<IntArrayList> e : where.long2ObjectEntrySet()) {
            long c = pairCounts.get(e.getLongKey());
            if (c > 0) {
                heap.push(e.getLongKey(), c, e.getValue().toIntArray());
            }
        }
    }

    private record PairTable(Long2LongOpenHashMap counts, Long2ObjectOpenHashMap<IntArrayList> where) {
    }

    private PairTable countRange(int from, int to) {
        Long2LongOpenHashMap c = new Long2LongOpenHashMap();
        Long2ObjectOpenHashMap<IntArrayList> where = new Long2ObjectOpenHashMap<>();
        for (int w = from; w < to; w++) {
            int[] s = words[w];
            for (int i = 0; i + 1 < s.length; i++) {
                long p = pair(s[i], s[i + 1]);
                c.addTo(p, counts[w]);
                addPosition(where, p, w);
            }
        }
        return new PairTable(c, where);
    }

    /**
     * A binary max-heap of queue entries in parallel arrays: larger count first, then the smaller pair,
     * then the older entry.
     */
    static final class Heap {
        private long[] pairs = new long[1024];
        private long[] counts = new long[1024];
        private long[] seqs = new long[1024];
        private int[][] positions = new int[1024][];
        private int size;
        private long nextSeq;

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        long topPair() {
            return pairs[0];
        }

        long topCount() {
            return counts[0];
        }

        int[] topPos() {
            return positions[0];
        }

        void push(long pair, long count, int[] pos) {
            if (size == pairs.length) {
                int cap = size * 2;
                pairs = Arrays.copyOf(pairs, cap);
                counts = Arrays.copyOf(counts, cap);
                seqs = Arrays.copyOf(seqs, cap);
                positions = Arrays.copyOf(positions, cap);
            }
            int i = size++;
            long seq = nextSeq++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(count, pair, seq, counts[parent], pairs[parent], seqs[parent])) {
                    break;
                }
                set(i, parent);
                i = parent;
            }
            pairs[i] = pair;
            counts[i] = count;
            seqs[i] = seq;
            positions[i] = pos;
        }

        void pop() {
            int last = --size;
            long pair = pairs[last];
            long count = counts[last];
            long seq = seqs[last];
            int[] pos = positions[last];
            positions[last] = null;
            if (last == 0) {
                return;
            }
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && before(counts[child + 1], pairs[child + 1], seqs[child + 1],
                        counts[child], pairs[child], seqs[child])) {
                    child++;
                }
                if (!before(counts[child], pairs[child], seqs[child], count, pair, seq)) {
                    break;
                }
                set(i, child);
                i = child;
            }
            pairs[i] = pair;
            counts[i] = count;
            seqs[i] = seq;
            positions[i] = pos;
        }

        private void set(int to, int from) {
            pairs[to] = pairs[from];
            counts[to] = counts[from];
            seqs[to] = seqs[from];
            positions[to] = positions[from];
        }

        /** Whether entry x pops before entry y. */
        private static boolean before(long cx, long px, long sx, long cy, long py, long sy) {
            if (cx != cy) {
                return cx > cy;
            }
            if (px != py) {
                return px < py;
            }
            return sx < sy;
        }
    }
}
