package io.subword.train;

import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

import java.util.Arrays;

/**
 * Word counts keyed by ranges of chars, for {@link WordCounter}: a word is hashed and compared where it stands in
 * the line, and its chars are copied into the table only the first time it is seen, so counting makes no
 * {@code String} per occurrence (a third of the counting threads' time went to {@code substring} and to hashing
 * those strings). Open addressing over primitive arrays: {@code slots} hold entry numbers plus one, each entry its
 * chars' range in {@code chars}, its hash (as {@link String#hashCode()}, kept so that adding one table to another
 * never hashes again) and its count. Not thread-safe: each counting thread fills its own.
 */
final class WordTable {
    private char[] chars;
    private int charsUsed;
    private int[] slots;
    private int[] starts;
    private int[] lengths;
    private int[] hashes;
    private long[] counts;
    private int size;

    WordTable(int expectedWords) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expectedWords) * 2 - 1) * 2);
        slots = new int[capacity];
        starts = new int[capacity / 2];
        lengths = new int[capacity / 2];
        hashes = new int[capacity / 2];
        counts = new long[capacity / 2];
        chars = new char[Math.max(64, expectedWords * 8)];
    }

    /** The number of distinct words. */
    int size() {
        return size;
    }

    /** Adds one occurrence of the word {@code text[from, to)} (non-empty). */
    void add(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        add(text, from, to, h, 1);
    }

    /**
     * Adds one occurrence of each word {@code text[bounds[2i], bounds[2i + 1])} for {@code i < words}; returns how
     * many of them were new to the table.
     */
    int addWords(char[] text, int[] bounds, int words) {
        int before = size;
        for (int i = 0, k = 0; i < words; i++, k += 2) {
            add(text, bounds[k], bounds[k + 1]);
        }
        return size - before;
    }

    /** Adds {@code count} occurrences of the word {@code text[from, to)}, whose {@link String#hashCode()} is {@code h}. */
    private void add(char[] text, int from, int to, int h, long count) {
        int len = to - from;
        int mask = slots.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int e = slots[slot] - 1;
            if (e < 0) {
                break;
            }
            if (hashes[e] == h && lengths[e] == len && same(text, from, starts[e], len)) {
                counts[e] += count;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == starts.length) {
            grow();
            slot = mix(h) & (slots.length - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
        }
        if (charsUsed + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + len));
        }
        System.arraycopy(text, from, chars, charsUsed, len);
        starts[size] = charsUsed;
        lengths[size] = len;
        hashes[size] = h;
        counts[size] = count;
        charsUsed += len;
        slots[slot] = ++size;
    }

    private boolean same(char[] text, int from, int start, int len) {
        char[] c = chars;
        for (int i = 0; i < len; i++) {
            if (c[start + i] != text[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Adds every word and count of {@code other}. */
    void addAll(WordTable other) {
        for (int e = 0; e < other.size; e++) {
            int start = other.starts[e];
            add(other.chars, start, start + other.lengths[e], other.hashes[e], other.counts[e]);
        }
    }

    /** Drops the words seen fewer than {@code threshold} times. */
    void removeBelow(long threshold) {
        int kept = 0;
        int keptChars = 0;
        for (int e = 0; e < size; e++) {
            if (counts[e] >= threshold) {
                System.arraycopy(chars, starts[e], chars, keptChars, lengths[e]);
                starts[kept] = keptChars;
                lengths[kept] = lengths[e];
                hashes[kept] = hashes[e];
                counts[kept] = counts[e];
                keptChars += lengths[e];
                kept++;
            }
        }
        size = kept;
        charsUsed = keptChars;
        rehash(slots.length);
    }

    /** The counts as a map from word to count, one {@code String} per distinct word. */
    Object2LongOpenHashMap<String> toMap() {
        Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>(size);
        for (int e = 0; e < size; e++) {
            map.put(new String(chars, starts[e], lengths[e]), counts[e]);
        }
        return map;
    }

    /**
     * The counts of several tables added up, as one map, with the work split over {@code pool}'s threads: each
     * task takes the words whose hash falls in its share of the hash range, adds up their counts from every table
     * in a table of its own and makes their {@code String}s (hashed already, so the map does not hash them
     * again); the calling thread only puts them in the map. The tables must not change meanwhile.
     */
    static Object2LongOpenHashMap<String> toMap(java.util.List<WordTable> tables, int parts,
            java.util.concurrent.ExecutorService pool) {
        java.util.List<java.util.concurrent.Future<Share>> tasks = new java.util.ArrayList<>();
        int largest = 0;
        for (WordTable t : tables) {
            largest = Math.max(largest, t.size);
        }
        int expected = largest / parts + 16;
        for (int p = 0; p < parts; p++) {
            int part = p;
            tasks.add(pool.submit(() -> share(tables, part, parts, expected)));
        }
        Share[] shares = new Share[parts];
        int total = 0;
        for (int p = 0; p < parts; p++) {
            shares[p] = Await.result(tasks.get(p), "counting words");
            total += shares[p].words.length;
        }
        Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>(total);
        for (Share share : shares) {
            for (int i = 0; i < share.words.length; i++) {
                map.put(share.words[i], share.counts[i]);
            }
        }
        return map;
    }

    /** The words of {@code tables} in share {@code part} of {@code parts}: their Strings and summed counts. */
    private static Share share(java.util.List<WordTable> tables, int part, int parts, int expected) {
        WordTable sum = new WordTable(expected);
        for (WordTable t : tables) {
            for (int e = 0; e < t.size; e++) {
                int h = t.hashes[e];
                if (shareOf(h, parts) == part) {
                    int start = t.starts[e];
                    sum.add(t.chars, start, start + t.lengths[e], h, t.counts[e]);
                }
            }
        }
        String[] words = new String[sum.size];
        for (int e = 0; e < sum.size; e++) {
            String w = new String(sum.chars, sum.starts[e], sum.lengths[e]);
            w.hashCode(); // cached in the String: the map's put does not walk its chars again
            words[e] = w;
        }
        return new Share(words, Arrays.copyOf(sum.counts, sum.size));
    }

    /** Distinct words and their counts. */
    private record Share(String[] words, long[] counts) {
    }

    /** Which of {@code parts} shares a hash falls in: by its high mixed bits, as the slots use the low ones. */
    private static int shareOf(int h, int parts) {
        return (int) (((mix(h) & 0xFFFFFFFFL) * parts) >>> 32);
    }

    private void grow() {
        int entries = starts.length * 2;
        starts = Arrays.copyOf(starts, entries);
        lengths = Arrays.copyOf(lengths, entries);
        hashes = Arrays.copyOf(hashes, entries);
        counts = Arrays.copyOf(counts, entries);
        rehash(entries * 2);
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = mix(hashes[e]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e + 1;
        }
    }

    /** Spreads a {@link String#hashCode()} over the bits the slot index uses (MurmurHash3's finalizer). */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
