package io.subword.bpe;

import io.subword.testkit.RealData;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.TiktokenRanks;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairMapTest {
    private static final Vocabulary ABC = Vocabulary.of("a", "b", "c", "ab", "bc", "abc", "ca", "cab");

    /** By concatenation: rank = merged id, so the packed layout. */
    @ParameterizedTest(name = "({0}, {1}) -> {2}")
    @CsvSource({
            "a, b, ab",
            "b, c, bc",
            "ab, c, abc",
            "a, bc, abc",
            "c, a, ca",
            "c, ab, cab",
            "ca, b, cab",
            "b, a, ",
            "abc, a, ",
            "a, a, ",
    })
    void concatenationPairsAnswerAsTheTable(String left, String right, String merged) {
        MergeTable table = MergeTable.byConcatenation(ABC);
        PairMap map = PairMap.of(table, ABC);
        assertNotNull(map);
        assertTrue(map.isPacked());
        assertEquals(7, map.size());
        int l = ABC.id(left);
        int r = ABC.id(right);
        long e = map.entry(l, r);
        assertEquals(table.entry(l, r), e);
        if (merged == null) {
            assertEquals(MergeTable.NONE, e);
        } else {
            assertEquals(ABC.id(merged), MergeTable.mergedOf(e));
            assertEquals(ABC.id(merged), MergeTable.rankOf(e));
        }
    }

    /** A merge list ranks pairs by position, not by merged id: the wide layout. */
    @ParameterizedTest(name = "({0}, {1}) -> rank {2}")
    @CsvSource({
            "b, c, 0, bc",
            "a, b, 1, ab",
            "a, bc, 2, abc",
            "c, a, 3, ca",
            "ab, c, -1, ",
            "c, ab, -1, ",
    })
    void mergeListPairsAnswerAsTheTable(String left, String right, int rank, String merged) {
        MergeTable table = MergeTable.fromMerges(ABC, List.of(new Merge("b", "c"), new Merge("a", "b"),
                new Merge("a", "bc"), new Merge("c", "a")));
        PairMap map = PairMap.of(table, ABC);
        assertNotNull(map);
        assertFalse(map.isPacked());
        long e = map.entry(ABC.id(left), ABC.id(right));
        assertEquals(table.entry(ABC.id(left), ABC.id(right)), e);
        assertEquals(rank, e < 0 ? -1 : MergeTable.rankOf(e));
        if (merged != null) {
            assertEquals(ABC.id(merged), MergeTable.mergedOf(e));
        }
    }

    /**
     * Pairs whose rank is not their merged id, or whose ids pass 21 bits, take the wide layout; in the packed
     * one, a lookup with an id past 21 bits answers no pair rather than aliasing a packed one.
     */
    @ParameterizedTest(name = "[{0}] ({1}, {2})")
    @CsvSource({
            // layout, left, right, expected entry as "rank:merged" or "none"
            "wide, 0, 1, 0:7",
            "wide, 5, 7, 1:8",
            "wide, 2097152, 3, 2:9",
            "wide, 1, 0, none",
            "wide, 3, 2097152, none",
            "packed, 1, 2, 9:9",
            "packed, 300, 301, 400:400",
            "packed, 0, 2097154, none",
            "packed, 2097153, 2, none",
            "packed, 2, 1, none",
    })
    void layouts(String layout, int left, int right, String expected) {
        Long2LongOpenHashMap pairs = new Long2LongOpenHashMap();
        if (layout.equals("wide")) {
            pairs.put(key(0, 1), entry(0, 7));
            pairs.put(key(5, 7), entry(1, 8));
            pairs.put(key(1 << 21, 3), entry(2, 9));
        } else {
            pairs.put(key(1, 2), entry(9, 9));
            pairs.put(key(300, 301), entry(400, 400));
        }
        PairMap map = PairMap.build(pairs);
        assertEquals(layout.equals("packed"), map.isPacked());
        long want = expected.equals("none") ? MergeTable.NONE
                : entry(Integer.parseInt(expected.split(":")[0]), Integer.parseInt(expected.split(":")[1]));
        assertEquals(want, map.entry(left, right));
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | right;
    }

    private static long entry(int rank, int merged) {
        return ((long) rank << 32) | merged;
    }

    /** Every pair of the real r50k table, each split of each token, answers as the table does. */
    @Test
    void theRealR50kPairsAnswerAsTheTable() throws Exception {
        TiktokenRanks ranks = TiktokenRanks.read(RealData.tiktoken("r50k_base"));
        Vocabulary vocab = ranks.toVocabulary();
        MergeTable table = MergeTable.fromTiktoken(ranks);
        PairMap map = PairMap.of(table, vocab);
        assertNotNull(map);
        assertTrue(map.isPacked());
        assertEquals(table.size(), map.size());
        int checked = 0;
        List<String> tokens = vocab.tokens();
        for (int id = 0; id < tokens.size(); id++) {
            String t = tokens.get(id);
            for (int k = 1; t != null && k < t.length(); k++) {
                int l = vocab.id(t.substring(0, k));
                int r = vocab.id(t.substring(k));
                if (l >= 0 && r >= 0) {
                    assertEquals(table.entry(l, r), map.entry(l, r), t);
                    assertEquals(table.entry(r, l), map.entry(r, l), t);
                    checked++;
                }
            }
        }
        assertEquals(table.size(), checked);
    }
}
