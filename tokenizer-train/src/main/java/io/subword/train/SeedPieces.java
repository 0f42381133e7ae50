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
 * points only (prefix doubling with radix sorts), and the LCP values are capped there and end after a
 * separator: intervals up to that depth are those of the full suffix tree.
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
     * multi-character substrings that {@code valid} accepts.
     */
    static List<Seed> of(int[][] words, long[] counts, long[] lineEnds, int maxLength, int seedSize,
                         PieceRule valid) {
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
        int[] sa = sortSuffixes(text, depth);
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
                    if (valid.accepts(text, start, start + d)) {
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
     * Suffix start positions sorted by their first {@code depth} code points (ties by position), by prefix
     * doubling: ranks by the first {@code h} code points, then by pairs of ranks with two stable radix passes.
     */
    static int[] sortSuffixes(int[] text, int depth) {
        int n = text.length;
        int[] sa = new int[n];
        int[] rank = new int[n];
        // initial ranks: dense ranks of the code points (separators included)
        int[] sorted = text.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        for (int i = 0; i < n; i++) {
            rank[i] = Arrays.binarySearch(sorted, 0, distinct, text[i]) + 1; // 1-based; 0 means "past the end"
        }
        int maxRank = distinct;
        int[] tmp = new int[n];
        int[] key2 = new int[n];
        for (int h = 1; ; h <<= 1) {
            // sort by (rank[i], rank[i + h]) : radix by the second key, then stably by the first
            for (int i = 0; i < n; i++) {
                key2[i] = i + h < n ? rank[i + h] : 0;
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            countingSort(order, key2, maxRank, tmp);
            countingSort(tmp, rank, maxRank, order);
            // order now holds positions sorted by (rank, key2)
            int[] newRank = new int[n];
            int r = 0;
            for (int i = 0; i < n; i++) {
                int p = order[i];
                if (i == 0 || rank[p] != rank[order[i - 1]] || key2[p] != key2[order[i - 1]]) {
                    r++;
                }
                newRank[p] = r;
            }
            System.arraycopy(order, 0, sa, 0, n);
            rank = newRank;
            maxRank = r;
            if (r == n || 2 * h >= depth) {
                break;
            }
        }
        return sa;
    }

    /** Stable counting sort of {@code in} by {@code key[in[i]]} (keys 0..maxKey) into {@code out}. */
    private static void countingSort(int[] in, int[] key, int maxKey, int[] out) {
        int[] count = new int[maxKey + 2];
        for (int p : in) {
            count[key[p] + 1]++;
        }
        for (int k = 1; k < count.length; k++) {
            count[k] += count[k - 1];
        }
        for (int p : in) {
            out[count[key[p]]++] = p;
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
