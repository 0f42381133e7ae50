package io.subword.bpe;

import io.subword.model.TokenBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotPiecesTest {
    /** The tokens of {@code out} from {@code from} as {@code id:start-end} triples. */
    private static String tokens(TokenBuffer out, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < out.size(); i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(out.id(i)).append(':').append(out.start(i)).append('-')
                    .append(out.end(i));
        }
        return sb.toString();
    }

    /**
     * A piece stored at one place of a text comes back at another, its ranges moved with it; what is not held
     * (too long, not ASCII, too many tokens) is not found.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // piece            | tokens stored (id:start-end, relative) | held
            "' the'             | 262:0-4                                | true",
            "' government'      | 1221:0-11                              | true",
            "'a'                | 64:0-1                                 | true",
            "' antidisestab'    | 1885:0-5 4828:5-9 395:9-13             | true",
            "'abcdefghijklmnop' | 1:0-8 2:8-16                           | true",
            "'abcdefghijklmnopq'| 1:0-17                                 | false",
            "' naïve'           | 5:0-3 6:3-6                            | false",
            "' unbelievable'    | 1:0-3 2:3-6 3:6-9 4:9-13               | false",
            "' x'               | 9:1-2                                  | true",
    })
    void storedPiecesComeBackAtAnyOffset(String piece, String stored, boolean held) {
        HotPieces hot = new HotPieces(64);
        String text = "<<" + piece + ">>";
        assertFalse(hot.find(text, 2, 2 + piece.length()));
        TokenBuffer out = new TokenBuffer();
        out.add(7, 0, 1); // a token before the piece's: put takes only those from `from` on
        for (String t : stored.split(" ")) {
            String[] f = t.split("[:-]");
            out.add(Integer.parseInt(f[0]), 2 + Integer.parseInt(f[1]), 2 + Integer.parseInt(f[2]));
        }
        hot.put(out, 1, 2);

        String other = "0123456789" + piece;
        assertEquals(held, hot.find(other, 10, other.length()));
        if (held) {
            TokenBuffer again = new TokenBuffer();
            hot.emit(10, again);
            StringBuilder expected = new StringBuilder();
            for (String t : stored.split(" ")) {
                String[] f = t.split("[:-]");
                expected.append(expected.length() == 0 ? "" : " ").append(f[0]).append(':')
                        .append(10 + Integer.parseInt(f[1])).append('-').append(10 + Integer.parseInt(f[2]));
            }
            assertEquals(expected.toString(), tokens(again, 0));
        }
    }

    /** Pieces that differ only in length or in a late char are different keys. */
    @ParameterizedTest
    @CsvSource({"ab, abc", "abcdefgh, abcdefghi", "abcdefghijklmnop, abcdefghijklmnoq", "' a', 'a '"})
    void similarPiecesAreDifferentKeys(String a, String b) {
        HotPieces hot = new HotPieces(1); // one set: both land in it
        TokenBuffer out = new TokenBuffer();
        assertFalse(hot.find(a, 0, a.length()));
        out.add(1, 0, a.length());
        hot.put(out, 0, 0);
        assertFalse(hot.find(b, 0, b.length()));
        assertTrue(hot.find(a, 0, a.length()));
    }

    /** Two entries a set, the most recently used kept: a third piece evicts the one used longest ago. */
    @Test
    void aSetKeepsTheTwoMostRecentlyUsed() {
        HotPieces hot = new HotPieces(1);
        String[] pieces = {" one", " two", " three"};
        TokenBuffer out = new TokenBuffer();
        for (int i = 0; i < 2; i++) {
            assertFalse(hot.find(pieces[i], 0, pieces[i].length()));
            out.clear();
            out.add(100 + i, 0, pieces[i].length());
            hot.put(out, 0, 0);
        }
        assertTrue(hot.find(" one", 0, 4)); // now the most recent
        assertFalse(hot.find(" three", 0, 6));
        out.clear();
        out.add(102, 0, 6);
        hot.put(out, 0, 0); // evicts " two"
        assertFalse(hot.find(" two", 0, 4));
        int[] ids = new int[2];
        String[] kept = {" one", " three"};
        for (int i = 0; i < 2; i++) {
            assertTrue(hot.find(kept[i], 0, kept[i].length()), kept[i]);
            TokenBuffer got = new TokenBuffer();
            hot.emit(0, got);
            ids[i] = got.id(0);
        }
        assertArrayEquals(new int[] {100, 102}, ids);
    }

    /** The model's cache capacity bounds its per-thread hot table too: sets of 64 bytes, at most 8,192 (512 KB). */
    @ParameterizedTest
    @CsvSource({"8192, 8192", "100000, 8192", "1024, 1024", "1000, 512", "1, 1"})
    void hotTableFollowsTheCacheCapacity(int cacheCapacity, int sets) {
        assertEquals(sets, Bpe.hotSets(cacheCapacity));
    }
}
