package io.subword.vocab;

import io.subword.vocab.io.TiktokenRanks;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The merge rules of a BPE model: for a pair of adjacent token ids {@code (left, right)}, its rank (lower
 * merges first) and the id of the token they merge into. Immutable and thread-safe.
 *
 * <p>Two kinds exist:
 * <ul>
 *   <li>{@linkplain #fromMerges ranked merge lists} (Hugging Face, GPT-2 {@code merges.txt}): the rank of a
 *       pair is its position in the list; a pair listed twice keeps its last position, as Hugging Face's
 *       map does;</li>
 *   <li>{@linkplain #byConcatenation merge by concatenation} (tiktoken): any two adjacent tokens whose
 *       concatenation is a token merge, and the rank is that token's id (its tiktoken rank).</li>
 * </ul>
 *
 * <p>Lookups are one probe of a primitive hash map from the pair packed into a {@code long} to the rank and
 * merged id packed into a {@code long}; {@link #entry} returns that packed value so the merge loop neither
 * boxes nor looks up twice.
 */
public final class MergeTable {
    /** What {@link #entry}, {@link #rank} and {@link #merged} return for a pair that does not merge. */
    public static final int NONE = -1;

    private static final MergeTable EMPTY = new MergeTable(newTable(0), new int[0], new int[0], null);

    private final Long2LongOpenHashMap table;
    /** The ranked list, for list-built tables; {@code null} for tables by concatenation. */
    private final int[] lefts;
    private final int[] rights;
    /** The vocabulary of a table by concatenation, from which its merge list is derived on demand. */
    private final Vocabulary concatenationVocabulary;
    private volatile List<Merge> derivedMerges;

    private MergeTable(Long2LongOpenHashMap table, int[] lefts, int[] rights, Vocabulary concatenationVocabulary) {
        this.table = table;
        this.lefts = lefts;
        this.rights = rights;
        this.concatenationVocabulary = concatenationVocabulary;
    }

    /** No merges: every token stays a single character (or byte). */
    public static MergeTable empty() {
        return EMPTY;
    }

    /**
     * A table from a ranked merge list, the merged token of {@code (a, b)} being the token {@code a + b}.
     *
     * @throws IllegalArgumentException naming the merge (by index and content) whose tokens or whose
     *                                  concatenation is not in {@code vocabulary}
     */
    public static MergeTable fromMerges(Vocabulary vocabulary, List<Merge> merges) {
        return fromMerges(vocabulary, merges, null);
    }

    /**
     * A table from a ranked merge list of a model with a {@code continuing_subword_prefix} (e.g. {@code "##"}):
     * the merged token of {@code (a, ##b)} is {@code a + b}, the right token's prefix dropped, as Hugging Face
     * builds it. A right token that does not start with the prefix is joined whole.
     *
     * @param continuingSubwordPrefix the prefix, or {@code null} for none
     * @throws IllegalArgumentException naming the merge whose tokens or whose result is not in the vocabulary
     */
    public static MergeTable fromMerges(Vocabulary vocabulary, List<Merge> merges, String continuingSubwordPrefix) {
        int n = merges.size();
        int[] l = new int[n];
        int[] r = new int[n];
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            Merge merge = merges.get(i);
            l[i] = vocabulary.id(merge.left());
            r[i] = vocabulary.id(merge.right());
            String joined = join(merge.left(), merge.right(), continuingSubwordPrefix);
            m[i] = vocabulary.id(joined);
            String missing = l[i] < 0 ? merge.left() : r[i] < 0 ? merge.right() : m[i] < 0 ? joined : null;
            if (missing != null) {
                throw new IllegalArgumentException("merge " + i + " (" + Vocabulary.quote(merge.toString())
                        + "): token " + Vocabulary.quote(missing) + " is not in the vocabulary");
            }
        }
        return fromIds(l, r, m);
    }

    /**
     * The token that merging {@code left} and {@code right} makes: their concatenation, with {@code prefix}
     * dropped from the start of {@code right} when it is there.
     */
    public static String join(String left, String right, String prefix) {
        if (prefix != null && !prefix.isEmpty() && right.startsWith(prefix)) {
            return left.concat(right.substring(prefix.length()));
        }
        return left.concat(right);
    }

    /**
     * A table from a ranked list of id triples: merge {@code i} joins {@code lefts[i]} and {@code rights[i]}
     * into {@code merged[i]} with rank {@code i}. The arrays are copied.
     */
    public static MergeTable fromIds(int[] lefts, int[] rights, int[] merged) {
        if (lefts.length != rights.length || lefts.length != merged.length) {
            throw new IllegalArgumentException("lengths differ: " + lefts.length + ", " + rights.length + ", "
                    + merged.length);
        }
        Long2LongOpenHashMap table = newTable(lefts.length);
        for (int i = 0; i < lefts.length; i++) {
            if (lefts[i] < 0 || rights[i] < 0 || merged[i] < 0) {
                throw new IllegalArgumentException("merge " + i + " has a negative id: (" + lefts[i] + ", "
                        + rights[i] + ") -> " + merged[i]);
            }
            table.put(key(lefts[i], rights[i]), value(i, merged[i]));
        }
        return new MergeTable(table, lefts.clone(), rights.clone(), null);
    }

    /**
     * A table in which two adjacent tokens merge whenever their concatenation is a token of
     * {@code vocabulary}, with that token's id as the rank: tiktoken's rule, for a vocabulary whose ids are
     * the ranks. Every split of every token of two or more characters into two tokens becomes a pair.
     */
    public static MergeTable byConcatenation(Vocabulary vocabulary) {
        Long2LongOpenHashMap table = newTable(vocabulary.tokenCount() * 2);
        List<String> tokens = vocabulary.tokens();
        // Every split point of every token is looked up twice (its head and its tail): through String hash codes
        // computed on the way and compared in place, so that no substring is made (2 x 600k for cl100k, the
        // larger part of loading a tiktoken file).
        HashIndex index = new HashIndex(tokens);
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null) {
                continue;
            }
            int n = token.length();
            int whole = token.hashCode();
            int head = 0;
            int power = 1; // 31^(n - k), the weight of the head's hash inside the whole's
            for (int k = n - 1; k >= 1; k--) {
                power *= 31;
            }
            for (int k = 1; k < n; k++) {
                head = 31 * head + token.charAt(k - 1);
                int left = index.id(token, 0, k, head);
                if (left >= 0) {
                    // hash(token) = hash(head) * 31^(n-k) + hash(tail), in int arithmetic
                    int right = index.id(token, k, n, whole - head * power);
                    if (right >= 0) {
                        table.put(key(left, right), value(id, id));
                    }
                }
                power *= INVERSE_31;
            }
        }
        table.trim();
        return new MergeTable(table, null, null, vocabulary);
    }

    /**
     * The table {@link #byConcatenation(Vocabulary)} builds over {@code vocabulary}, from the pairs it found, as
     * {@link #forEachPair} lists them: pair {@code i} joins {@code lefts[i]} and {@code rights[i]} into
     * {@code merged[i]}, which is also its rank. For a cache of a parsed tiktoken file: finding the pairs is most
     * of loading one. The pairs are trusted to be those of {@code vocabulary} (the cache checks its own content);
     * only their ids are checked here.
     *
     * @throws IllegalArgumentException if the arrays differ in length or an id is not in {@code vocabulary}
     */
    public static MergeTable byConcatenation(Vocabulary vocabulary, int[] lefts, int[] rights, int[] merged) {
        if (lefts.length != rights.length || lefts.length != merged.length) {
            throw new IllegalArgumentException("lengths differ: " + lefts.length + ", " + rights.length + ", "
                    + merged.length);
        }
        int size = vocabulary.size();
        Long2LongOpenHashMap table = newTable(lefts.length);
        for (int i = 0; i < lefts.length; i++) {
            if (lefts[i] < 0 || lefts[i] >= size || rights[i] < 0 || rights[i] >= size || merged[i] < 0
                    || merged[i] >= size) {
                throw new IllegalArgumentException("pair " + i + " has an id outside the vocabulary: (" + lefts[i]
                        + ", " + rights[i] + ") -> " + merged[i]);
            }
            table.put(key(lefts[i], rights[i]), value(merged[i], merged[i]));
        }
        table.trim();
        return new MergeTable(table, null, null, vocabulary);
    }

    /** The multiplicative inverse of 31 modulo 2^32: {@code 31 * INVERSE_31 == 1} in int arithmetic. */
    private static final int INVERSE_31 = 0xBDEF7BDF;

    /** Token ids by the String hash code of the token, answering for a region of another string without copying it. */
    private static final class HashIndex {
        private final List<String> tokens;
        private final int[] hashes;
        private final int[] ids;
        private final int mask;

        HashIndex(List<String> tokens) {
            this.tokens = tokens;
            int capacity = Integer.highestOneBit(Math.max(2, tokens.size()) * 2 - 1) << 1;
            hashes = new int[capacity];
            ids = new int[capacity];
            java.util.Arrays.fill(ids, -1);
            mask = capacity - 1;
            for (int id = 0; id < tokens.size(); id++) {
                String t = tokens.get(id);
                if (t != null) {
                    int h = t.hashCode();
                    int i = mix(h) & mask;
                    while (ids[i] >= 0) {
                        i = (i + 1) & mask;
                    }
                    hashes[i] = h;
                    ids[i] = id;
                }
            }
        }

        private static int mix(int h) {
            return (h * 0x9E3779B9) ^ (h >>> 16);
        }

        /** The id of the token equal to {@code s[from, to)}, whose String hash code is {@code hash}, or -1. */
        int id(String s, int from, int to, int hash) {
            for (int i = mix(hash) & mask; ids[i] >= 0; i = (i + 1) & mask) {
                if (hashes[i] == hash) {
                    String t = tokens.get(ids[i]);
                    if (t.length() == to - from && t.regionMatches(0, s, from, to - from)) {
                        return ids[i];
                    }
                }
            }
            return -1;
        }
    }

    /** Whether this table merges by concatenation over exactly {@code vocabulary} (the same instance). */
    public boolean isByConcatenationOf(Vocabulary vocabulary) {
        return lefts == null && concatenationVocabulary == vocabulary;
    }

    /** What {@link #forEachPair} calls: a pair that merges and its packed {@link #entry}. */
    @FunctionalInterface
    public interface PairAction {
        void accept(int left, int right, long entry);
    }

    /** Calls {@code action} once for every pair that merges, in no particular order. */
    public void forEachPair(PairAction action) {
        for (var it = table.long2LongEntrySet().fastIterator(); it.hasNext(); ) {
            var e = it.next();
            long k = e.getLongKey();
            action.accept((int) (k >>> 32), (int) k, e.getLongValue());
        }
    }

    /** tiktoken's merge rule over {@code ranks}, whose ids are the ranks: {@code byConcatenation(ranks.toVocabulary())}. */
    public static MergeTable fromTiktoken(TiktokenRanks ranks) {
        return byConcatenation(ranks.toVocabulary());
    }

    private static Long2LongOpenHashMap newTable(int expected) {
        Long2LongOpenHashMap table = new Long2LongOpenHashMap(Math.max(expected, 4), 0.5f);
        table.defaultReturnValue(NONE);
        return table;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    private static long value(int rank, int merged) {
        return ((long) rank << 32) | (merged & 0xffffffffL);
    }

    /**
     * The rank and merged id of {@code (left, right)} packed into one {@code long} (read them with
     * {@link #rankOf} and {@link #mergedOf}), or {@link #NONE} if the pair does not merge. Lower packed values
     * mean lower ranks, so comparing packed entries compares ranks.
     */
    public long entry(int left, int right) {
        return table.get(key(left, right));
    }

    /** The rank in a packed {@link #entry}. */
    public static int rankOf(long entry) {
        return (int) (entry >>> 32);
    }

    /** The merged id in a packed {@link #entry}. */
    public static int mergedOf(long entry) {
        return (int) entry;
    }

    /** The rank of the pair, or {@link #NONE} if it does not merge. */
    public int rank(int left, int right) {
        long e = entry(left, right);
        return e < 0 ? NONE : rankOf(e);
    }

    /** The id the pair merges into, or {@link #NONE} if it does not merge. */
    public int merged(int left, int right) {
        long e = entry(left, right);
        return e < 0 ? NONE : mergedOf(e);
    }

    /** The number of distinct mergeable pairs. */
    public int size() {
        return table.size();
    }

    /** Whether this table merges by concatenation (tiktoken) rather than by a ranked list. */
    public boolean isByConcatenation() {
        return lefts == null;
    }

    /**
     * The ranked merge list, for writing {@code merges.txt} or a tokenizer.json, spelled with
     * {@code vocabulary}'s tokens.
     *
     * <p>For a list-built table it is the list it was built from. For a table by concatenation it is the
     * usual conversion of tiktoken ranks to merges: for every token of two or more characters, in rank order,
     * the two parts that BPE with only lower-ranked pairs splits it into.
     *
     * @throws IllegalArgumentException if an id is not in {@code vocabulary}, or (by concatenation) a token
     *                                  cannot be built from exactly two lower-ranked tokens
     */
    public List<Merge> merges(Vocabulary vocabulary) {
        if (lefts == null) {
            List<Merge> derived = derivedMerges;
            if (derived == null) {
                derived = deriveMerges();
                derivedMerges = derived;
            }
            return derived;
        }
        List<Merge> out = new ArrayList<>(lefts.length);
        for (int i = 0; i < lefts.length; i++) {
            out.add(new Merge(tokenOf(vocabulary, lefts[i]), tokenOf(vocabulary, rights[i])));
        }
        return Collections.unmodifiableList(out);
    }

    private static String tokenOf(Vocabulary vocabulary, int id) {
        String token = vocabulary.token(id);
        if (token == null) {
            throw new IllegalArgumentException("id " + id + " of the merge table is not in the vocabulary");
        }
        return token;
    }

    private List<Merge> deriveMerges() {
        Vocabulary vocab = concatenationVocabulary;
        List<String> tokens = vocab.tokens();
        List<Merge> out = new ArrayList<>();
        IntArrayList parts = new IntArrayList();
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null || token.length() < 2) {
                continue;
            }
            splitBelow(vocab, token, id, parts);
            if (parts.size() != 2) {
                throw new IllegalArgumentException("token " + Vocabulary.quote(token) + " (rank " + id
                        + ") is not the merge of two lower-ranked tokens: BPE splits it into " + parts.size()
                        + " parts");
            }
            out.add(new Merge(vocab.token(parts.getInt(0)), vocab.token(parts.getInt(1))));
        }
        return Collections.unmodifiableList(out);
    }

    /** BPE over the characters of {@code token} using only pairs ranked below {@code maxRank}. */
    private void splitBelow(Vocabulary vocab, String token, int maxRank, IntArrayList parts) {
        parts.clear();
        for (int i = 0; i < token.length(); i++) {
            int id = vocab.id(token.substring(i, i + 1));
            if (id < 0) {
                throw new IllegalArgumentException("token " + Vocabulary.quote(token) + ": its character "
                        + Vocabulary.quote(token.substring(i, i + 1)) + " is not a token");
            }
            parts.add(id);
        }
        while (parts.size() > 1) {
            int best = -1;
            long bestEntry = Long.MAX_VALUE;
            for (int i = 0; i + 1 < parts.size(); i++) {
                long e = entry(parts.getInt(i), parts.getInt(i + 1));
                if (e >= 0 && rankOf(e) < maxRank && e < bestEntry) {
                    bestEntry = e;
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            parts.set(best, mergedOf(bestEntry));
            parts.removeInt(best + 1);
        }
    }

    @Override
    public String toString() {
        return "MergeTable[" + size() + " pairs" + (isByConcatenation() ? ", by concatenation]" : "]");
    }
}
