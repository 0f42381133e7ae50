package io.subword.compare;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The running sums behind one {@link Metrics}: plain counters and histograms, so that measuring is one pass
 * with no per-token allocation. Not thread-safe: one per candidate and group, fed by one thread.
 */
final class Tally {
    long lines;
    long words;
    long tokens;
    long chars;
    long bytes;
    long unkTokens;
    long unkWords;
    long wholeWords;
    private long[] fertility = new long[16];
    private long[] sequenceLength = new long[256];
    final BitSet usedIds = new BitSet();
    final BitSet unkTypes = new BitSet();

    void addFertility(int tokensOfWord) {
        fertility = bump(fertility, tokensOfWord);
    }

    void addSequence(int tokensOfLine) {
        sequenceLength = bump(sequenceLength, tokensOfLine);
    }

    private static long[] bump(long[] h, int v) {
        if (v >= h.length) {
            h = Arrays.copyOf(h, Math.max(v + 1, h.length * 2));
        }
        h[v]++;
        return h;
    }

    Metrics metrics(long wordTypes, int vocabSize) {
        return new Metrics(lines, words, wordTypes, tokens, chars, bytes, unkTokens, unkWords,
                unkTypes.cardinality(), wholeWords, Distribution.of(fertility), Distribution.of(sequenceLength),
                vocabSize, usedIds.cardinality());
    }
}
