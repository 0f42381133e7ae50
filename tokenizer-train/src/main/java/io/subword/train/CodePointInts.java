package io.subword.train;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

import java.util.Arrays;

/**
 * An int per code point, {@code missing} where none was put: an array for the Basic Multilingual Plane (where
 * nearly every character of real text is, so a look-up is one array read instead of a hash), a hash map above it.
 * Preparing the words for BPE and WordPiece training looks up every character of every distinct word this way.
 */
final class CodePointInts {
    private static final int BMP = 0x10000;

    private final int missing;
    private final int[] bmp = new int[BMP];
    private final Int2IntOpenHashMap above = new Int2IntOpenHashMap();

    CodePointInts(int missing) {
        this.missing = missing;
        Arrays.fill(bmp, missing);
        above.defaultReturnValue(missing);
    }

    int get(int cp) {
        return cp < BMP ? bmp[cp] : above.get(cp);
    }

    void put(int cp, int value) {
        if (cp < BMP) {
            bmp[cp] = value;
        } else {
            above.put(cp, value);
        }
    }
}
