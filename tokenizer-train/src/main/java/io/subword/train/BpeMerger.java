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
 * The merge loop of {@link BpeTrainer}, over primitive arrays: the words' symbol ids are records in one
 * {@code int[]} pool, a pair of ids is packed into one {@code long} (left id in the high half), and the queue is a
 * {@link MergeQueue}.
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
    /**
     * Each word is one record in {@link #pool}: its length, its count (high and low half), then its symbols. A word
     * is named by where its record starts, so a position list (ascending word order) walks the pool forwards and
     * a visit reads one place in memory instead of a row array, its length and its count in three others.
     */
    private static final int HEADER = 3;
    private final int[] pool;
    /** Per symbol in {@link #pool}, its length in characters of the word; {@code null} without a maximum length. */
    private final int[] lens;
    /** Where each word's record starts, in word order; needed only to split the pair counting into ranges. */
    private int[] starts;
    private final int maxTokenLength;
    private final List<String> idToToken;
    private final Object2IntOpenHashMap<String> tokenToId;
    private final String prefix;
    private final int threads;

    private final Long2LongOpenHashMap pairCounts = new Long2LongOpenHashMap();
    /** The calling thread's changes of one merge step, applied to {@link #pairCounts} and the heap after it. */
    private final StepChanges direct = new StepChanges();
    private final MergeQueue heap = new MergeQueue();

    /**
     * A merge touching at least this many words is split in two halves, the second merged on another thread
     * into its own {@link StepChanges}, which are then added after the first half's: the counts are sums and each
     * position list keeps word order, so the result is the same as merging the words one by one.
     */
    static final int PARALLEL_MERGE_WORDS = 1024;
    /** How many word visits ahead {@link #mergeWords} reads a word's record. */
    private static final int READ_AHEAD = 8;
    /** The sum of the values read ahead; kept only so that those reads stay in the compiled code. */
    private int readAhead;

    /**
     * Takes over {@code words} (each row is dropped once copied into the pool) with their {@code counts}.
     *
     * @throws IllegalArgumentException if the words hold more symbols than one array can
     */
    BpeMerger(int[][] words, long[] counts, int maxTokenLength, List<String> idToToken,
              Object2IntOpenHashMap<String> tokenToId, String prefix, int threads) {
        this.maxTokenLength = maxTokenLength;
        this.idToToken = idToToken;
        this.tokenToId = tokenToId;
        this.prefix = prefix;
        this.threads = threads;
        long size = 0;
        for (int[] word : words) {
            size += HEADER + word.length;
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many symbols to merge in memory: " + size);
        }
        pool = new int[(int) size];
        starts = new int[words.length];
        int at = 0;
        for (int w = 0; w < words.length; w++) {
            int[] word = words[w];
            words[w] = null;
            starts[w] = at;
            pool[at] = word.length;
            pool[at + 1] = (int) (counts[w] >>> 32);
            pool[at + 2] = (int) counts[w];
            System.arraycopy(word, 0, pool, at + HEADER, word.length);
            at += HEADER + word.length;
        }
        if (maxTokenLength == Integer.MAX_VALUE) {
            lens = null;
        } else {
            lens = new int[pool.length];
            Arrays.fill(lens, 1);
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
                readAhead += mergeWords(pos, 0, pos.length, a, b, newId, direct);
            }
            direct.applyTo(pairCounts, heap);
            if ((merges.size() & 63) == 0) {
                listener.merges(merges.size(), target);
            }
        }
    }

    /**
     * Merges the words of {@code pos}: the first half here, the second on {@code helper}, unless the helper has not
     * started it by the time the first half is done (on a busy machine it may be waiting for a core), in which case
     * it is merged here too, in order, as if the step were not split.
     */
    private void mergeInTwo(int[] pos, int a, int b, int newId, SecondHalf helper) {
        int half = pos.length / 2;
        helper.changes.start(a, b, newId, idToToken.size());
        helper.post(pos, half, a, b, newId);
        readAhead += mergeWords(pos, 0, half, a, b, newId, direct);
        if (helper.claim()) {
            readAhead += mergeWords(pos, half, pos.length, a, b, newId, direct);
        } else {
            helper.await();
            direct.addAfter(helper.changes);
        }
    }

    /**
     * The thread that merges the second half of a large step. Steps come every few microseconds and most take
     * less than a millisecond, so handing one over through an executor (a park and an unpark per step) would cost
     * as much as it saves; this thread spins for the next step for a while before it parks, and the caller spins
     * for the result. Whoever claims a posted step first merges its second half: this thread, or the caller once
     * its own half is done, so a helper that did not get a core in time never holds the caller up. It is a
     * daemon and lives as long as the merge loop.
     */
    private final class SecondHalf implements Runnable {
        /** How long the thread spins for the next step before parking. */
        private static final long SPIN_NANOS = 200_000;
        final StepChanges changes = new StepChanges();
        private final Thread thread = new Thread(this, "subword-merge");
        /** Steps posted, claimed, and finished by this thread; a step is posted by writing its fields, then posted. */
        private volatile long posted;
        private final java.util.concurrent.atomic.AtomicLong claimed = new java.util.concurrent.atomic.AtomicLong();
        private volatile long finished;
        private volatile boolean stopped;
        private volatile Throwable failure;
        private int[] pos;
        private int from;
        private int a;
        private int b;
        private int newId;
        /** See {@link BpeMerger#readAhead}. */
        private int readAhead;

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

        /** Claims the posted step for the caller: true if this thread had not started it. */
        boolean claim() {
            long step = posted;
            return claimed.compareAndSet(step - 1, step);
        }

        void await() {
            long step = posted;
            long spinStart = System.nanoTime();
            while (finished != step) {
                if (failure != null) {
                    throw new IllegalStateException("merging failed", failure);
                }
                // On a busy machine the helper may lose its core mid-step: after a while, offer ours.
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
                    done++;
                    if (claimed.compareAndSet(done - 1, done)) {
                        readAhead += mergeWords(pos, from, pos.length, a, b, newId, changes);
                        finished = done;
                    }
                }
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /**
     * The pair-count changes that one thread makes in one merge step (a, b) -> n, and the words where pairs gained
     * occurrences. Every pair a step changes is a neighbour of a merged occurrence: it has n on one side, or a on
     * its right, or b on its left. So a changed pair is found through a dense array indexed by its other symbol and
     * its shape, instead of a hash map keyed by the pair (which cost a third of the merge loop), and the global
     * count of each distinct pair is then updated once per step, not once per occurrence. Which shape holds a pair
     * is a function of the pair (the first rule that fits: left is n, right is n, right is a, left is b), so a pair
     * is never split across two shapes.
     *
     * <p>Each changed pair gets a slot, numbered as first touched in the step. The words where pairs gained are
     * appended to one list of (slot, word) records; at the end of the step a counting sort by slot (stable, so
     * each slot's words stay in word order) cuts it into the position lists the queue takes.
     */
    static final class StepChanges {
        private static final int LEFT_IS_NEW = 0;
        private static final int RIGHT_IS_NEW = 1;
        private static final int RIGHT_IS_A = 2;
        private static final int LEFT_IS_B = 3;

        private int a;
        private int b;
        private int n;
        private int step;
        /** Per {@code other * 4 + shape}: the step that last touched it and its slot in that step. */
        private int[] touchedIn = new int[0];
        private int[] slotOf = new int[0];
        /** Per slot: the pair's shape and other symbol, its count change, its last word and number of words. */
        private int[] slotKey = new int[64];
        private long[] slotDelta = new long[64];
        private int[] slotLastWord = new int[64];
        private int[] slotWords = new int[64];
        private int slots;
        /** The (slot, word) records of the words where a pair gained, in the order recorded. */
        private int[] gained = new int[256];
        private int gainedSize;
        /** Scratch of {@link #applyTo}: each slot's first word in {@link #sorted}, and the records by slot. */
        private int[] slotStart = new int[65];
        private int[] sorted = new int[128];
        /** Scratch of {@link #addAfter}: the later changes' slots as slots here. */
        private int[] slotMap = new int[64];

        /** Starts step (a, b) -> n; symbol ids are below {@code symbols}. */
        void start(int a, int b, int n, int symbols) {
            this.a = a;
            this.b = b;
            this.n = n;
            step++;
            if (4 * symbols > touchedIn.length) {
                int cap = 4 * Math.max(symbols, touchedIn.length / 4 * 3 / 2 + 64);
                touchedIn = Arrays.copyOf(touchedIn, cap);
                slotOf = Arrays.copyOf(slotOf, cap);
            }
            slots = 0;
            gainedSize = 0;
        }

        /** Records that pair (left, right) changed by {@code d} occurrences in word {@code w}. */
        void change(int left, int right, long d, int w) {
            int key;
            if (left == n) {
                key = right << 2 | LEFT_IS_NEW;
            } else if (right == n) {
                key = left << 2 | RIGHT_IS_NEW;
            } else if (right == a) {
                key = left << 2 | RIGHT_IS_A;
            } else {
                assert left == b : "a merge changes only the neighbours of the merged pair";
                key = right << 2 | LEFT_IS_B;
            }
            int slot = slot(key);
            slotDelta[slot] += d;
            // A word's changes are recorded together, so a repeated word is always the slot's last one.
            if (d > 0 && slotLastWord[slot] != w) {
                slotLastWord[slot] = w;
                slotWords[slot]++;
                if (gainedSize + 2 > gained.length) {
                    gained = Arrays.copyOf(gained, gained.length * 2);
                }
                gained[gainedSize++] = slot;
                gained[gainedSize++] = w;
            }
        }

        /** The slot of {@code key} in this step, new if the step has not touched it yet. */
        private int slot(int key) {
            if (touchedIn[key] == step) {
                return slotOf[key];
            }
            touchedIn[key] = step;
            int slot = slots++;
            if (slot == slotKey.length) {
                int cap = slot * 2;
                slotKey = Arrays.copyOf(slotKey, cap);
                slotDelta = Arrays.copyOf(slotDelta, cap);
                slotLastWord = Arrays.copyOf(slotLastWord, cap);
                slotWords = Arrays.copyOf(slotWords, cap);
            }
            slotOf[key] = slot;
            slotKey[slot] = key;
            slotDelta[slot] = 0;
            slotLastWord[slot] = -1;
            slotWords[slot] = 0;
            return slot;
        }

        private long pairOf(int key) {
            int other = key >>> 2;
            return switch (key & 3) {
                case LEFT_IS_NEW -> pair(n, other);
                case RIGHT_IS_NEW -> pair(other, n);
                case RIGHT_IS_A -> pair(other, a);
                default -> pair(b, other);
            };
        }

        /**
         * Adds the changes of {@code later}, made in the same step on words that all come after this one's: the
         * counts add up and each pair's words stay in word order.
         */
        void addAfter(StepChanges later) {
            if (slotMap.length < later.slots) {
                slotMap = new int[later.slotKey.length];
            }
            for (int ls = 0; ls < later.slots; ls++) {
                int slot = slot(later.slotKey[ls]);
                slotMap[ls] = slot;
                slotDelta[slot] += later.slotDelta[ls];
                slotWords[slot] += later.slotWords[ls];
            }
            if (gainedSize + later.gainedSize > gained.length) {
                gained = Arrays.copyOf(gained, Math.max(gained.length * 2, gainedSize + later.gainedSize));
            }
            for (int i = 0; i < later.gainedSize; i += 2) {
                gained[gainedSize++] = slotMap[later.gained[i]];
                gained[gainedSize++] = later.gained[i + 1];
            }
        }

        /**
         * Adds the step's count changes to {@code pairCounts}, then queues every pair that gained occurrences
         * (with its current count, if positive) together with the words where it gained them.
         */
        void applyTo(Long2LongOpenHashMap pairCounts, MergeQueue heap) {
            if (slotStart.length < slots + 1) {
                slotStart = new int[slotKey.length + 1];
            }
            int at = 0;
            for (int slot = 0; slot < slots; slot++) {
                slotStart[slot] = at;
                at += slotWords[slot];
            }
            slotStart[slots] = at;
            if (sorted.length < at) {
                sorted = new int[Math.max(at, sorted.length * 2)];
            }
            // Stable: each slot's words keep the order recorded, which is word order.
            for (int i = 0; i < gainedSize; i += 2) {
                sorted[slotStart[gained[i]]++] = gained[i + 1];
            }
            // One pass: a pair has exactly one slot, so its count is final once its own change is added.
            int from = 0;
            for (int slot = 0; slot < slots; slot++) {
                int to = from + slotWords[slot];
                long p = pairOf(slotKey[slot]);
                long d = slotDelta[slot];
                long c = d != 0 ? pairCounts.addTo(p, d) + d : pairCounts.get(p);
                if (c > 0 && to > from) {
                    heap.push(p, c, Arrays.copyOfRange(sorted, from, to));
                }
                from = to;
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
     * {@code intoWhere} (a later range of words), so every list keeps word order; the
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

    /**
     * Merges (a, b) in the words {@code pos[from]} to {@code pos[to - 1]}, reading each word's record a few visits
     * before it is merged: the loop waits on memory (a visit is mostly one cache miss), and a read whose address
     * is known early lets the next misses overlap with this word's work. Returns a sum of the values read, which
     * the caller keeps so that the reads are not optimized away.
     */
    private int mergeWords(int[] pos, int from, int to, int a, int b, int newId, StepChanges changes) {
        int[] s = pool;
        int read = 0;
        for (int i = from; i < to; i++) {
            if (i + READ_AHEAD < to) {
                read += s[pos[i + READ_AHEAD]];
            }
            mergeWord(pos[i], a, b, newId, changes);
        }
        return read;
    }

    /**
     * Merges every occurrence of (a, b) in the word whose record starts at {@code w}, left to right, recording the
     * pair changes.
     */
    private void mergeWord(int w, int a, int b, int newId, StepChanges changes) {
        int[] s = pool;
        int[] len = lens;
        int from = w + HEADER;
        int end = from + s[w];
        // Most words of a step hold the pair once or not at all (a queue entry's words are where the pair was
        // formed, and later merges may have used it up): find the first occurrence before copying anything.
        int first = from;
        while (first + 1 < end && (s[first] != a || s[first + 1] != b)) {
            first++;
        }
        if (first + 1 >= end) {
            return;
        }
        long count = ((long) s[w + 1] << 32) | (s[w + 2] & 0xffffffffL);
        int out = first;
        int in = first;
        while (in < end) {
            if (in + 1 < end && s[in] == a && s[in + 1] == b) {
                int newLen = len == null ? 0 : len[in] + len[in + 1];
                if (out > from) {
                    int prev = s[out - 1];
                    changes.change(prev, a, -count, w);
                    if (len == null || (long) len[out - 1] + newLen < maxTokenLength) {
                        changes.change(prev, newId, count, w);
                    }
                }
                if (in + 2 < end) {
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
        s[w] = out - from;
    }

    /** Counts every adjacent pair once, in parallel over ranges of words, and fills the queue. */
    private void countPairs() {
        int n = starts.length;
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
        starts = null;
    }

    private record PairTable(Long2LongOpenHashMap counts, Long2ObjectOpenHashMap<IntArrayList> where) {
    }

    /** Counts the pairs of words {@code from} to {@code to} (exclusive), in word order. */
    private PairTable countRange(int from, int to) {
        Long2LongOpenHashMap c = new Long2LongOpenHashMap();
        Long2ObjectOpenHashMap<IntArrayList> where = new Long2ObjectOpenHashMap<>();
        int end = to == starts.length ? pool.length : starts[to];
        for (int w = from == starts.length ? end : starts[from]; w < end; w += HEADER + pool[w]) {
            long count = ((long) pool[w + 1] << 32) | (pool[w + 2] & 0xffffffffL);
            for (int i = w + HEADER, last = w + HEADER + pool[w] - 1; i < last; i++) {
                long p = pair(pool[i], pool[i + 1]);
                c.addTo(p, count);
                addPosition(where, p, w);
            }
        }
        return new PairTable(c, where);
    }
}
