package io.subword.train;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The seed vocabulary of {@link UnigramTrainer}, as SentencePiece makes it: every character, plus the substrings
 * that occur at least twice and branch (are followed by at least two different characters), scored by
 * {@code frequency * length} in characters, the best {@code seedSize} of them. SentencePiece finds them as the
 * internal nodes of a suffix tree (esaxx); here they are the LCP intervals of a suffix array.
 *
 * <p>The text is the training words, not the sentences: each word once followed by {@link #SEPARATOR}, which
 * stands for the next word's {@code ▁}, weighted by the times it did not end a line, and once followed by
 * {@link #SENTENCE_END}, weighted by the times it ended one (each only if that count is not zero). An interval's
 * frequency is the sum of the weights of its suffixes. That gives SentencePiece's seeds from counts alone: a
 * substring branches in the sentences exactly when it is followed by two different characters among the words,
 * a word's end counting as what follows it there, so a word that both ends a line and does not (a line cut off
 * mid-word) makes each of its suffixes branch, as SentencePiece's sentence end does. Pieces are at most
 * {@code maxLength} code points long, so the suffixes are sorted by their first {@code maxLength + 1} code
 * points only, or up to their first separator (multikey quicksort, see {@link #sortSuffixes}), and the LCP values
 * are capped there and end after a separator: intervals up to that depth are those of the full suffix tree.
 */
final class SeedPieces {
    /** A seed: its code points and its score ({@code frequency * length}, or the count for a character). */
    record Seed(int[] codePoints, long score) {
    }

    /** After a word that the next word follows: above every code point, so no piece holds it. */
    static final int SEPARATOR = Character.MAX_CODE_POINT + 1;
    /** After a word that ends a line (SentencePiece's sentence boundary): another such value. */
    static final int SENTENCE_END = Character.MAX_CODE_POINT + 2;

    private SeedPieces() {
    }

    /**
     * The seeds of {@code words} ({@code counts[i]} times {@code words[i]}, {@code lineEnds[i]} of them at the
     * end of a line): the characters accepted by {@code valid} first, then the best {@code seedSize}
     * multi-character substrings that {@code valid} accepts. The suffixes are sorted on {@code threads} threads
     * (the result does not depend on it).
     */
    static List<Seed> of(int[][] words, long[] counts, long[] lineEnds, int maxLength, int seedSize,
                         PieceRule valid, int threads) {
        // 1. The text: each word followed by the next word's space, then each word followed by the sentence end.
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            int copies = (counts[w] > lineEnds[w] ? 1 : 0) + (lineEnds[w] > 0 ? 1 : 0);
            n += copies * (words[w].length + 1);
        }
        int[] text = new int[n];
        long[] weight = new long[n];
        int pos = 0;
        for (int w = 0; w < words.length; w++) {
            long inLine = counts[w] - lineEnds[w];
            if (inLine > 0) {
                pos = append(words[w], inLine, SEPARATOR, text, weight, pos);
            }
            if (lineEnds[w] > 0) {
                pos = append(words[w], lineEnds[w], SENTENCE_END, text, weight, pos);
            }
        }
        // 2. Suffixes sorted by their first maxLength + 1 code points.
        int depth = maxLength + 1;
        int[] sa = sortSuffixes(text, depth, threads);
        // 3. LCP of neighbours, capped at depth and ending after a separator or sentence end (what follows it is
        //    another word, not the text that follows in the sentences); weight prefix sums in suffix array order.
        int[] lcp = new int[n + 1];
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + weight[sa[i]];
            if (i > 0) {
                int a = sa[i - 1];
                int b = sa[i];
                int l = 0;
                while (l < depth && a + l < n && b + l < n && text[a + l] == text[b + l]) {
                    l++;
                    if (text[a + l - 1] >= SEPARATOR) {
                        break;
                    }
                }
                lcp[i] = l;
            }
        }
        // 4. LCP intervals (internal nodes) by the usual stack walk; keep the valid ones of length 2..maxLength.
        TopK top = new TopK(seedSize);
        IntArrayList stackLcp = new IntArrayList();
        IntArrayList stackLeft = new IntArrayList();
        stackLcp.add(0);
        stackLeft.add(0);
        for (int i = 1; i <= n; i++) {
            int cur = i < n ? lcp[i] : 0;
            int left = i - 1;
            while (cur < stackLcp.topInt()) {
                int d = stackLcp.popInt();
                left = stackLeft.popInt();
                // the interval [left, i) has depth d
                if (d >= 2 && d <= maxLength) {
                    int start = sa[left];
                    long freq = prefix[i] - prefix[left];
                    // a separator can only come last (the LCP ends after it); such a substring is no piece
                    if (text[start + d - 1] < SEPARATOR && valid.accepts(text, start, start + d)) {
                        top.add(start, d, freq * d);
                    }
                }
            }
            if (cur > stackLcp.topInt()) {
                stackLcp.add(cur);
                stackLeft.add(left);
            }
        }
        // 5. Characters, in falling count (ties: code point), then the substrings by falling score.
        it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap chars = new it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap();
        for (int w = 0; w < words.length; w++) {
            for (int cp : words[w]) {
                if (valid.accepts(new int[] {cp}, 0, 1)) {
                    chars.addTo(cp, counts[w]);
                }
            }
        }
        List<Seed> seeds = new ArrayList<>(chars.size() + top.size);
        chars.int2LongEntrySet().stream()
                .sorted((x, y) -> x.getLongValue() != y.getLongValue() ? Long.compare(y.getLongValue(), x.getLongValue())
                        : Integer.compare(x.getIntKey(), y.getIntKey()))
                .forEach(e -> seeds.add(new Seed(new int[] {e.getIntKey()}, e.getLongValue())));
        for (long[] s : top.sorted(text)) {
            int start = (int) s[0];
            seeds.add(new Seed(Arrays.copyOfRange(text, start, start + (int) s[1]), s[2]));
        }
        return seeds;
    }

    /** Writes {@code word} then {@code end} at {@code pos}, each code point weighted {@code count}; the new end. */
    private static int append(int[] word, long count, int end, int[] text, long[] weight, int pos) {
        for (int cp : word) {
            weight[pos] = count;
            text[pos++] = cp;
        }
        text[pos++] = end;
        return pos;
    }

    /** Which substrings may be pieces. */
    @FunctionalInterface
    interface PieceRule {
        boolean accepts(int[] text, int from, int to);
    }

    /**
     * Suffix start positions sorted by their first {@code depth} code points, a suffix ending after its first
     * separator or sentence end (what follows is another word); suffixes equal so far are in no particular order.
     * Buckets by the first code point, then each bucket by multikey quicksort (Bentley and Sedgewick) on
     * {@code threads} threads: the suffixes of words are short and end at a separator, so each is compared over a
     * few code points only.
     */
    static int[] sortSuffixes(int[] text, int depth, int threads) {
        int n = text.length;
        // 1. Bucket by the first code point (dense ranks keep the count array small).
        int[] distinct = text.clone();
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[d++] = distinct[i];
            }
        }
        int buckets = d;
        int[] bucketStart = new int[buckets + 1];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = Arrays.binarySearch(distinct, 0, buckets, text[i]);
            bucketStart[rank[i] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] sa = new int[n];
        int[] fill = Arrays.copyOf(bucketStart, buckets);
        for (int i = 0; i < n; i++) {
            sa[fill[rank[i]]++] = i;
        }
        // 2. Each bucket of a code point, largest first (a separator's bucket is done: its suffixes end there).
        int[] order = new int[buckets];
        for (int b = 0; b < buckets; b++) {
            order[b] = b;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (x, y) -> Integer.compare(
                bucketStart[y + 1] - bucketStart[y], bucketStart[x + 1] - bucketStart[x]));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int k; (k = next.getAndIncrement()) < buckets; ) {
                int b = order[k];
                if (distinct[b] < SEPARATOR) {
                    multikeySort(text, sa, bucketStart[b], bucketStart[b + 1], 1, depth);
                }
            }
        };
        runOn(Math.max(1, Math.min(threads, buckets)), worker);
        return sa;
    }

    /** The code point at {@code pos}, or -1 past the end of the text. */
    private static int key(int[] text, int pos) {
        return pos < text.length ? text[pos] : -1;
    }

    /**
     * Sorts {@code sa[lo, hi)}, suffixes equal in their first {@code d} code points (none a separator), by the code
     * points from {@code d} to {@code depth}.
     */
    private static void multikeySort(int[] text, int[] sa, int lo, int hi, int d, int depth) {
        while (hi - lo > 1 && d < depth) {
            if (hi - lo < 12) {
                insertionSort(text, sa, lo, hi, d, depth);
                return;
            }
            int pivot = medianOfThree(key(text, sa[lo] + d), key(text, sa[(lo + hi) >>> 1] + d),
                    key(text, sa[hi - 1] + d));
            // three-way partition: [lo, lt) below the pivot, [lt, gt) equal to it, [gt, hi) above
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i < gt) {
                int k = key(text, sa[i] + d);
                if (k < pivot) {
                    swap(sa, lt++, i++);
                } else if (k > pivot) {
                    swap(sa, i, --gt);
                } else {
                    i++;
                }
            }
            if (pivot >= 0 && pivot < SEPARATOR) {
                multikeySort(text, sa, lt, gt, d + 1, depth); // equal so far: on to the next code point
            }
            // the smaller outer part by recursion, the larger by the loop, so the stack stays shallow
            if (lt - lo < hi - gt) {
                multikeySort(text, sa, lo, lt, d, depth);
                lo = gt;
            } else {
                multikeySort(text, sa, gt, hi, d, depth);
                hi = lt;
            }
        }
    }

    private static void insertionSort(int[] text, int[] sa, int lo, int hi, int d, int depth) {
        for (int i = lo + 1; i < hi; i++) {
            int x = sa[i];
            int j = i;
            while (j > lo && compareFrom(text, sa[j - 1], x, d, depth) > 0) {
                sa[j] = sa[j - 1];
                j--;
            }
            sa[j] = x;
        }
    }

    /** Compares suffixes {@code a} and {@code b} from code point {@code d} up to {@code depth} or a separator. */
    private static int compareFrom(int[] text, int a, int b, int d, int depth) {
        for (int l = d; l < depth; l++) {
            int x = key(text, a + l);
            int y = key(text, b + l);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x < 0 || x >= SEPARATOR) {
                return 0;
            }
        }
        return 0;
    }

    private static int medianOfThree(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Runs {@code task} on {@code threads} threads (the caller's among them) and waits for all of them. */
    private static void runOn(int threads, Runnable task) {
        if (threads == 1) {
            task.run();
            return;
        }
        Thread[] helpers = new Thread[threads - 1];
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "subword-seeds");
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        task.run();
        try {
            for (Thread h : helpers) {
                h.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sorting suffixes", e);
        }
        if (failure.get() instanceof RuntimeException r) {
            throw r;
        }
        if (failure.get() instanceof Error err) {
            throw err;
        }
    }

    /**
     * The best {@code k} (start, length, score) entries by score, ties by the substring's code points, an extension
     * before its prefix.
     */
    private static final class TopK {
        final int k;
        long[] starts = new long[1024];
        long[] lens = new long[1024];
        long[] scores = new long[1024];
        int size;

        TopK(int k) {
            this.k = k;
        }

        void add(int start, int len, long score) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                lens = Arrays.copyOf(lens, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            starts[size] = start;
            lens[size] = len;
            scores[size] = score;
            size++;
        }

        List<long[]> sorted(int[] text) {
            Integer[] idx = new Integer[size];
            for (int i = 0; i < size; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (x, y) -> {
                if (scores[x] != scores[y]) {
                    return Long.compare(scores[y], scores[x]);
                }
                // SentencePiece's tie order: the order in which its suffix tree lists the nodes, a left-to-right
                // walk that lists a node after the nodes below it (by code point, an extension before its prefix)
                int lx = (int) lens[x];
                int ly = (int) lens[y];
                int c = Arrays.compare(text, (int) starts[x], (int) starts[x] + Math.min(lx, ly),
                        text, (int) starts[y], (int) starts[y] + Math.min(lx, ly));
                return c != 0 ? c : Integer.compare(ly, lx);
            });
            List<long[]> out = new ArrayList<>(Math.min(k, size));
            for (int i = 0; i < size && out.size() < k; i++) {
                out.add(new long[] {starts[idx[i]], lens[idx[i]], scores[idx[i]]});
            }
            return out;
        }
    }
}
