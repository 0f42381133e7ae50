package io.subword.train;

import io.subword.vocab.Require;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * How often each word occurs in a corpus: the input of every trainer. Words are what a normalizer and
 * pre-tokenizer made of the text (see {@link WordCounter}). Counts are positive {@code long}s. Immutable once
 * built.
 */
public final class WordCounts {
    /** Orders strings by code point, as Rust orders {@code str}: the order trainers visit words in. */
    public static final Comparator<String> CODE_POINT_ORDER = WordCounts::compareCodePoints;

    private final Object2LongOpenHashMap<String> counts;
    private final long prunedBelow;

    WordCounts(Object2LongOpenHashMap<String> counts, long prunedBelow) {
        this.counts = counts;
        this.prunedBelow = prunedBelow;
    }

    /** The counts themselves, for the trainers of this package to read (never to change). */
    Object2LongOpenHashMap<String> map() {
        return counts;
    }

    /** Counts given directly (tests, or counts computed elsewhere); every count must be positive. */
    public static WordCounts of(Map<String, ? extends Number> counts) {
        Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>(counts.size());
        for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
            long c = e.getValue().longValue();
            if (c <= 0) {
                throw new IllegalArgumentException("count " + c + " of word \"" + e.getKey() + "\" is not positive");
            }
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            map.put(e.getKey(), c);
        }
        return new WordCounts(map, 0);
    }

    /**
     * A builder that adds up counts given one word at a time, without boxing: for counts computed elsewhere in
     * large numbers (for example collected from a distributed count).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds up word counts; see {@link #builder()}. Not thread-safe; build once. */
    public static final class Builder {
        private final Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
        private long prunedBelow;

        private Builder() {
        }

        /** Adds {@code count} (positive) occurrences of {@code word} (non-empty). */
        public Builder add(String word, long count) {
            if (count <= 0) {
                throw new IllegalArgumentException("count " + count + " of word \"" + word + "\" is not positive");
            }
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            counts.addTo(word, count);
            return this;
        }

        /** Adds every word and count of {@code other}. */
        public Builder addAll(WordCounts other) {
            other.forEach(this::add);
            return this;
        }

        /** Records that words seen fewer than {@code threshold} times were dropped (see {@link #prunedBelow()}). */
        public Builder prunedBelow(long threshold) {
            Require.notNegative("pruning threshold", threshold);
            this.prunedBelow = threshold;
            return this;
        }

        /** The number of distinct words added so far. */
        public int size() {
            return counts.size();
        }

        public WordCounts build() {
            counts.trim();
            return new WordCounts(counts, prunedBelow);
        }
    }

    /** The count of {@code word}, {@code 0} if it was not seen (or was pruned). */
    public long count(String word) {
        return counts.getLong(word);
    }

    /** The number of distinct words. */
    public int size() {
        return counts.size();
    }

    /** The sum of all counts. */
    public long total() {
        long sum = 0;
        for (Object2LongMap.Entry<String> e : counts.object2LongEntrySet()) {
            sum += e.getLongValue();
        }
        return sum;
    }

    /**
     * The largest count threshold that pruning applied while counting: words seen fewer times than this in
     * the part of the corpus read before the last pruning may be missing. {@code 0} if nothing was pruned.
     */
    public long prunedBelow() {
        return prunedBelow;
    }

    /** The words in {@linkplain #CODE_POINT_ORDER code point order}. */
    public List<String> sortedWords() {
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(CODE_POINT_ORDER);
        return words;
    }

    /** Calls {@code action} for every word and its count, in no particular order. */
    public void forEach(ObjLongConsumer<String> action) {
        for (Object2LongMap.Entry<String> e : counts.object2LongEntrySet()) {
            action.accept(e.getKey(), e.getLongValue());
        }
    }

    /** A copy as a plain map, for tests and small corpora. */
    public Map<String, Long> toMap() {
        Map<String, Long> map = new java.util.HashMap<>(counts.size() * 2);
        forEach(map::put);
        return map;
    }

    /**
     * Sorts {@code words} in {@linkplain #CODE_POINT_ORDER code point order}. Without surrogates that is the
     * order of {@link String#compareTo}, which needs no per-char surrogate test, so the common case takes that.
     * With more than one thread the sort runs in parallel (the keys are distinct, so the result is the same).
     */
    static void sortInCodePointOrder(String[] words, int threads) {
        boolean surrogates = false;
        for (int k = 0; k < words.length && !surrogates; k++) {
            String w = words[k];
            for (int i = 0; i < w.length(); i++) {
                if (Character.isSurrogate(w.charAt(i))) {
                    surrogates = true;
                    break;
                }
            }
        }
        Comparator<String> order = surrogates ? CODE_POINT_ORDER : Comparator.naturalOrder();
        if (threads > 1 && words.length > 8192) {
            java.util.Arrays.parallelSort(words, order);
        } else {
            java.util.Arrays.sort(words, order);
        }
    }

    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates (U+D800..DFFF) stand for code points above U+FFFF, so they sort after every
                // other BMP unit; String.compareTo would put them before U+E000..U+FFFF.
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordCounts other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "WordCounts[" + counts.size() + " words]";
    }
}
