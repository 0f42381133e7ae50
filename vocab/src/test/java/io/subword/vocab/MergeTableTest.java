package io.subword.vocab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeTableTest {
    private static final Vocabulary VOCAB = Vocabulary.of("a", "b", "c", "ab", "bc", "abc", "##b", "##c");

    private static final MergeTable TABLE = MergeTable.fromMerges(VOCAB,
            List.of(new Merge("a", "b"), new Merge("b", "c"), new Merge("ab", "c")));

    @ParameterizedTest(name = "({0}, {1}) -> rank {2}, merged {3}")
    @CsvSource({
            "a,  b, 0,  ab",
            "b,  c, 1,  bc",
            "ab, c, 2,  abc",
            "a,  bc, -1, ",
            "b,  a, -1, ",
            "c,  c, -1, ",
    })
    void looksUpPairs(String left, String right, int rank, String merged) {
        int l = VOCAB.id(left);
        int r = VOCAB.id(right);
        assertEquals(rank, TABLE.rank(l, r));
        assertEquals(merged == null ? -1 : VOCAB.id(merged), TABLE.merged(l, r));
        long e = TABLE.entry(l, r);
        if (rank < 0) {
            assertEquals(MergeTable.NONE, e);
        } else {
            assertEquals(rank, MergeTable.rankOf(e));
            assertEquals(VOCAB.id(merged), MergeTable.mergedOf(e));
        }
    }

    @Test
    void theEmptyTableMergesNothing() {
        assertEquals(-1, MergeTable.empty().rank(0, 0));
        assertEquals(MergeTable.NONE, MergeTable.empty().entry(1, 2));
        assertEquals(0, MergeTable.empty().size());
    }

    @Test
    void keepsTheListForWriting() {
        assertEquals(3, TABLE.size());
        assertFalse(TABLE.isByConcatenation());
        assertEquals(List.of(new Merge("a", "b"), new Merge("b", "c"), new Merge("ab", "c")), TABLE.merges(VOCAB));
    }

    @Test
    void aRepeatedPairKeepsItsLastRankAsHuggingFaceDoes() {
        MergeTable t = MergeTable.fromMerges(VOCAB,
                List.of(new Merge("a", "b"), new Merge("b", "c"), new Merge("a", "b")));
        assertEquals(2, t.rank(VOCAB.id("a"), VOCAB.id("b")));
        assertEquals(2, t.size());
        assertEquals(3, t.merges(VOCAB).size());
    }

    @Test
    void dropsTheContinuingSubwordPrefixOfTheRightToken() {
        MergeTable t = MergeTable.fromMerges(VOCAB, List.of(new Merge("a", "##b"), new Merge("ab", "##c")), "##");
        assertEquals(VOCAB.id("ab"), t.merged(VOCAB.id("a"), VOCAB.id("##b")));
        assertEquals(VOCAB.id("abc"), t.merged(VOCAB.id("ab"), VOCAB.id("##c")));
        assertEquals("abc", MergeTable.join("ab", "##c", "##"));
        assertEquals("ab##c", MergeTable.join("ab", "##c", null));
        assertEquals("abc", MergeTable.join("ab", "c", "##"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "a | d | merge 1 (\"a d\"): token \"d\" is not in the vocabulary",
            "d | a | merge 1 (\"d a\"): token \"d\" is not in the vocabulary",
            "c | a | merge 1 (\"c a\"): token \"ca\" is not in the vocabulary",
    })
    void namesTheBadMerge(String left, String right, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MergeTable.fromMerges(VOCAB, List.of(new Merge("a", "b"), new Merge(left, right))));
        assertEquals(message, e.getMessage());
    }

    @Test
    void byConcatenationMergesEverySplitWithTheTokensRank() {
        // ids are ranks, as in tiktoken
        Vocabulary v = Vocabulary.of("a", "b", "c", "ab", "bc", "abc", "ca");
        MergeTable t = MergeTable.byConcatenation(v);
        assertTrue(t.isByConcatenation());
        assertEquals(5, t.size()); // a+b, b+c, a+bc, ab+c, c+a
        assertEquals(3, t.rank(v.id("a"), v.id("b")));
        assertEquals(5, t.rank(v.id("a"), v.id("bc")));
        assertEquals(5, t.rank(v.id("ab"), v.id("c")));
        assertEquals(5, t.merged(v.id("ab"), v.id("c")));
        assertEquals(6, t.rank(v.id("c"), v.id("a")));
        assertEquals(-1, t.rank(v.id("b"), v.id("a")));
        // abc: with ranks below 5, BPE makes "ab" (rank 3) then stops at ab|c
        assertEquals(List.of(new Merge("a", "b"), new Merge("b", "c"), new Merge("ab", "c"), new Merge("c", "a")),
                t.merges(v));
    }

    @Test
    void aTokenThatIsNotTwoLowerRankedPartsCannotBeAMergeList() {
        Vocabulary v = Vocabulary.of("a", "b", "c", "abc", "ab");
        MergeTable t = MergeTable.byConcatenation(v);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.merges(v));
        assertEquals("token \"abc\" (rank 3) is not the merge of two lower-ranked tokens: BPE splits it into 3 parts",
                e.getMessage());
    }

    /**
     * "Aa" and "BB" have the same String hash code, as do "AaAa", "AaBB", "BBAa" and "BBBB": byConcatenation finds
     * splits through hash codes, so each part must still be compared, and a token absent from the vocabulary
     * ("BBAa") must not be found through a colliding one.
     */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "A,  a,  Aa",
        "B,  B,  BB",
        "Aa, BB, AaBB",
        "Aa, Aa, AaAa",
        "A,  aBB, AaBB",
        "BB, Aa, -",
        "BB, BB, -",
        "a,  A,  -",
    })
    void byConcatenationComparesThePartsNotOnlyTheirHashCodes(String left, String right, String merged) {
        Vocabulary v = Vocabulary.of("A", "a", "B", "Aa", "BB", "aBB", "AaBB", "AaAa");
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals("AaBB".hashCode(), "BBAa".hashCode());
        MergeTable t = MergeTable.byConcatenation(v);
        assertEquals("-".equals(merged) ? MergeTable.NONE : v.id(merged), t.merged(v.id(left), v.id(right)));
    }
}
