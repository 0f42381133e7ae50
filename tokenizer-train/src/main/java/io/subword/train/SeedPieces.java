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
        // 2.-4. Suffixes sorted by their first maxLength + 1 code points, one bucket of first code point per task;
        //    each task then walks its bucket's LCP intervals (internal nodes) and keeps the valid ones of length
        //    2..maxLength. A bucket's intervals are all its own: suffixes of different first code points share no
        //    prefix, so the walk needs nothing from the other buckets.
        int depth = maxLength + 1;
        Buckets buckets = Buckets.of(text, null);
        int[] sa = buckets.sa;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int workers = Math.max(1, Math.min(threads, buckets.count));
        TopK[] found = new TopK[buckets.count];
        runOn(workers, () -> {
            Intervals walk = new Intervals(text, weight, sa, depth, maxLength, valid);
            for (int k; (k = next.getAndIncrement()) < buckets.count; ) {
                int bucket = buckets.largestFirst[k];
                if (buckets.codePoint[bucket] < SEPARATOR) {
                    int lo = buckets.start[bucket];
                    int hi = buckets.start[bucket + 1];
                    multikeySort(text, sa, lo, hi, 1, depth);
                    found[bucket] = walk.bucket(lo, hi);
                }
                // a separator's bucket is done: its suffixes end there, and hold no piece
            }
        });
        // 5. Characters, in falling count (ties: code point), then the substrings by falling score.
        CharCounts chars = CharCounts.of(words, counts);
        int[] one = new int[1];
        TopK top = TopK.merge(found);
        List<Seed> seeds = new ArrayList<>(chars.codePoints().length + Math.min(top.size, seedSize));
        for (int c = 0; c < chars.codePoints().length; c++) {
            one[0] = chars.codePoints()[c];
            if (valid.accepts(one, 0, 1)) {
                seeds.add(new Seed(new int[] {one[0]}, chars.counts()[c]));
            }
        }
        for (int i : top.best(seedSize)) {
            int start = top.starts[i];
            seeds.add(new Seed(Arrays.copyOfRange(text, start, start + top.lens[i]), top.scores[i]));
        }
        return seeds;
    }

    /**
     * The LCP intervals of one bucket of sorted suffixes at a time, by the usual stack walk: one thread's, its
     * buffers reused from bucket to bucket.
     */
    private static final class Intervals {
        private final int[] text;
        private final long[] weight;
        private final int[] sa;
        private final int depth;
        private final int maxLength;
        private final PieceRule valid;
        private int[] lcp = new int[1024];
        private long[] prefix = new long[1025];
        private final IntArrayList stackLcp = new IntArrayList();
        private final IntArrayList stackLeft = new IntArrayList();

        Intervals(int[] text, long[] weight, int[] sa, int depth, int maxLength, PieceRule valid) {
            this.text = text;
            this.weight = weight;
            this.sa = sa;
            this.depth = depth;
            this.maxLength = maxLength;
            this.valid = valid;
        }

        /**
         * The valid intervals of depth 2..maxLength of the sorted bucket {@code sa[lo, hi)}, in the order the walk
         * closes them: SentencePiece's tie order (see {@link TopK#best}).
         */
        TopK bucket(int lo, int hi) {
            TopK top = new TopK();
            int m = hi - lo;
            if (lcp.length < m + 1) {
                lcp = new int[m + 1];
                prefix = new long[m + 1];
            }
            // LCP of neighbours, capped at depth and ending after a separator or sentence end (what follows it is
            // another word, not the text that follows in the sentences); weight prefix sums in suffix array order.
            int n = text.length;
            for (int i = 0; i < m; i++) {
                prefix[i + 1] = prefix[i] + weight[sa[lo + i]];
                if (i > 0) {
                    int a = sa[lo + i - 1];
                    int b = sa[lo + i];
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
            stackLcp.clear();
            stackLeft.clear();
            stackLcp.add(0);
            stackLeft.add(0);
            for (int i = 1; i <= m; i++) {
                int cur = i < m ? lcp[i] : 0;
                int left = i - 1;
                while (cur < stackLcp.topInt()) {
                    int d = stackLcp.popInt();
                    left = stackLeft.popInt();
                    // the interval [left, i) has depth d
                    if (d >= 2 && d <= maxLength) {
                        int start = sa[lo + left];
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
            return top;
        }
    }

    /** The characters of the words with their counts, by falling count (ties: code point). */
    record CharCounts(int[] codePoints, long[] counts) {
        static CharCounts of(int[][] words, long[] counts) {
            long[] perCodePoint = new long[Character.MAX_CODE_POINT + 1];
            for (int w = 0; w < words.length; w++) {
                long c = counts[w];
                for (int cp : words[w]) {
                    perCodePoint[cp] += c;
                }
            }
            int n = 0;
            for (long c : perCodePoint) {
                n += c != 0 ? 1 : 0;
            }
            int[] cps = new int[n];
            int k = 0;
            for (int cp = 0; cp < perCodePoint.length; cp++) {
                if (perCodePoint[cp] != 0) {
                    cps[k++] = cp;
                }
            }
            // code points ascending so far: a stable sort by falling count keeps them so among equal counts
            it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(cps, (x, y) -> Long.compare(perCodePoint[y], perCodePoint[x]));
            long[] c = new long[n];
            for (int i = 0; i < n; i++) {
                c[i] = perCodePoint[cps[i]];
            }
            return new CharCounts(cps, c);
        }
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
     * The suffixes of {@code text} that start at {@code starts} (all of them if {@code null}), sorted by their first
     * {@code depth} code points, a suffix ending after its first separator or sentence end (what follows is another
     * word; a separator sorts after every code point); suffixes equal so far are in no particular order. Buckets by
     * the first code point, then each bucket by multikey quicksort (Bentley and Sedgewick) on {@code threads}
     * threads: the suffixes of words are short and end at a separator, so each is compared over a few code points
     * only.
     */
    static int[] sortSuffixes(int[] text, int[] starts, int depth, int threads) {
        Buckets buckets = Buckets.of(text, starts);
        int[] sa = buckets.sa;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        runOn(Math.max(1, Math.min(threads, buckets.count)), () -> {
            for (int k; (k = next.getAndIncrement()) < buckets.count; ) {
                int b = buckets.largestFirst[k];
                if (buckets.codePoint[b] < SEPARATOR) {
                    multikeySort(text, sa, buckets.start[b], buckets.start[b + 1], 1, depth);
                }
            }
        });
        return sa;
    }

    /**
     * Suffix start positions in buckets by their first code point (by counting: one pass to count, one to place),
     * with the buckets' order from largest to smallest, the order in which the threads take them.
     */
    private record Buckets(int[] sa, int count, int[] codePoint, int[] start, int[] largestFirst) {
        static Buckets of(int[] text, int[] starts) {
            int n = starts == null ? text.length : starts.length;
            int[] perCodePoint = new int[SENTENCE_END + 1];
            for (int i = 0; i < n; i++) {
                perCodePoint[text[starts == null ? i : starts[i]]]++;
            }
            int count = 0;
            for (int c : perCodePoint) {
                count += c > 0 ? 1 : 0;
            }
            int[] codePoint = new int[count];
            int[] start = new int[count + 1];
            int b = 0;
            for (int cp = 0; cp < perCodePoint.length; cp++) {
                if (perCodePoint[cp] > 0) {
                    codePoint[b] = cp;
                    start[b + 1] = start[b] + perCodePoint[cp];
                    perCodePoint[cp] = start[b]; // from now on: where the next suffix of this bucket goes
                    b++;
                }
            }
            int[] sa = new int[n];
            for (int i = 0; i < n; i++) {
                int suffix = starts == null ? i : starts[i];
                sa[perCodePoint[text[suffix]]++] = suffix;
            }
            int[] order = new int[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
            }
            it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (x, y) -> Integer.compare(
                    start[y + 1] - start[y], start[x + 1] - start[x]));
            return new Buckets(sa, count, codePoint, start, order);
        }
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
     * Candidate substrings as (start, length, score), and the best of them by score, ties by the substring's code
     * points, an extension before its prefix.
     */
    private static final class TopK {
        int[] starts = new int[16];
        int[] lens = new int[16];
        long[] scores = new long[16];
        int size;

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

        /** The candidates of the buckets in bucket order, that is by first code point ({@code null}: none). */
        static TopK merge(TopK[] buckets) {
            TopK all = new TopK();
            int total = 0;
            for (TopK p : buckets) {
                total += p == null ? 0 : p.size;
            }
            all.starts = new int[total];
            all.lens = new int[total];
            all.scores = new long[total];
            for (TopK p : buckets) {
                if (p != null) {
                    System.arraycopy(p.starts, 0, all.starts, all.size, p.size);
                    System.arraycopy(p.lens, 0, all.lens, all.size, p.size);
                    System.arraycopy(p.scores, 0, all.scores, all.size, p.size);
                    all.size += p.size;
                }
            }
            return all;
        }

        /**
         * The indices of the best {@code k} candidates, best first. Ties go as in SentencePiece: in the order its
         * suffix tree lists the nodes, a left-to-right walk that lists a node after the nodes below it (by code
         * point, an extension before its prefix). That is the order the candidates are in already (buckets by first
         * code point, each in the order its LCP walk closed the intervals: children before their parent, left to
         * right), so a stable radix sort by score gives it.
         */
        int[] best(int k) {
            long[] key = new long[size];
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) {
                key[i] = -scores[i];
                idx[i] = i;
            }
            it.unimi.dsi.fastutil.longs.LongArrays.radixSortIndirect(idx, key, true);
            idx = idx.length <= k ? idx : Arrays.copyOf(idx, k);
            return idx;
        }
    }
}
