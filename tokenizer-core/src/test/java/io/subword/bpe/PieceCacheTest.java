package io.subword.bpe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class PieceCacheTest {
    /** Two hashes of the same slot (slot 5 of 1,024) but of different sketch counters. */
    private static final int OLD_HASH = 5;
    private static final int NEW_HASH = 5 + 1024;

    /**
     * A word that wants an occupied slot gets it only if it was looked up more often than the word there, so a
     * word seen once does not evict a frequent one; an empty slot takes any word.
     */
    @ParameterizedTest(name = "resident looked up {0}x, newcomer {1}x -> {2}")
    @CsvSource({
            "0, 1, newcomer",   // empty slot
            "1, 1, resident",   // a tie keeps the resident
            "3, 1, resident",
            "3, 3, resident",
            "1, 2, newcomer",
            "2, 5, newcomer",
    })
    void aNewWordTakesTheSlotOnlyIfMoreFrequent(int residentLookups, int newcomerLookups, String winner) {
        PieceCache cache = new PieceCache(1024);
        int[] resident = null;
        if (residentLookups > 0) {
            for (int i = 0; i < residentLookups; i++) {
                cache.get("old", 0, 3, OLD_HASH);
            }
            resident = cache.put("old", 0, 3, OLD_HASH, 1);
            assertNotNull(resident, "the empty slot admits the first word");
        }
        for (int i = 0; i < newcomerLookups; i++) {
            assertNull(cache.get("new", 0, 3, NEW_HASH));
        }
        int[] stored = cache.put("new", 0, 3, NEW_HASH, 1);
        if (winner.equals("newcomer")) {
            assertNotNull(stored);
            assertSame(stored, cache.get("new", 0, 3, NEW_HASH));
            assertNull(cache.get("old", 0, 3, OLD_HASH));
        } else {
            assertNull(stored);
            assertSame(resident, cache.get("old", 0, 3, OLD_HASH));
            assertNull(cache.get("new", 0, 3, NEW_HASH));
        }
    }

    /** The counts halve every ten lookups per slot, so a word frequent long ago does not hold its slot forever. */
    @Test
    void countsFade() {
        PieceCache cache = new PieceCache(1024);
        for (int i = 0; i < 6; i++) {
            cache.get("old", 0, 3, OLD_HASH);
        }
        assertEquals(6, cache.frequency(OLD_HASH));
        int period = 10 * 1024;
        for (int i = 6; i < period - 1; i++) {
            cache.get("other", 0, 5, 77);
        }
        assertEquals(6, cache.frequency(OLD_HASH));
        cache.get("other", 0, 5, 77);
        assertEquals(3, cache.frequency(OLD_HASH));
    }
}
