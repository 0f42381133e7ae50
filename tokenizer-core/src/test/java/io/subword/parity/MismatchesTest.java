package io.subword.parity;

import io.subword.Encoding;
import io.subword.testkit.RefEncoding;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static io.subword.parity.Mismatches.Field.OFFSETS;
import static io.subword.parity.Mismatches.Field.WORD_IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker of the parity tests must itself catch every kind of difference. */
class MismatchesTest {
    private static final Vocabulary VOCAB = Vocabulary.of("[UNK]", "a", "😀", "b");
    private static final String TEXT = "a😀 b";

    /** Our encoding of {@link #TEXT}: "a" (0,1), "😀" (1,3) in UTF-16, "b" (4,5). */
    private static Encoding ours() {
        return Encoding.ofSequence(VOCAB, TEXT, new int[] {1, 2, 3}, new int[] {0, 1, 4}, new int[] {1, 3, 5},
                new int[] {0, 0, 1});
    }

    private static RefEncoding ref(int[] ids, int[] starts, int[] ends, int[] wordIds) {
        int n = ids.length;
        String[] tokens = new String[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = VOCAB.token(ids[i]);
        }
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        return new RefEncoding(ids, tokens, new int[n], starts, ends, ones, new int[n], wordIds, new int[n],
                List.of());
    }

    @Test
    void equalEncodingsPassWithOffsetsInCodePoints() {
        Mismatches m = new Mismatches("same");
        assertTrue(m.compare("x", TEXT, ref(new int[] {1, 2, 3}, new int[] {0, 1, 3}, new int[] {1, 2, 4},
                new int[] {0, 0, 1}), ours(), OFFSETS, WORD_IDS));
        m.assertNone();
        assertEquals(1, m.compared());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 2 0 | 0 1 3 | 1 2 4 | 0 0 1 | ids differ at token 2",
        "1 2   | 0 1   | 1 2   | 0 0   | ids differ at token 2",
        "1 2 3 | 0 1 4 | 1 2 5 | 0 0 1 | offsets differ at token 2",
        "1 2 3 | 0 1 3 | 1 3 4 | 0 0 1 | offsets differ at token 1",
        "1 2 3 | 0 1 3 | 1 2 4 | 0 1 1 | word_ids differ at token 1",
    })
    void everyDifferenceIsReportedWithWhereAndWhat(String ids, String starts, String ends, String words,
                                                   String expected) {
        Mismatches m = new Mismatches("test");
        assertFalse(m.compare("line 7", TEXT, ref(ints(ids), ints(starts), ints(ends), ints(words)), ours(),
                OFFSETS, WORD_IDS));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, m::assertNone);
        assertTrue(e.getMessage().contains("line 7: " + expected), e.getMessage());
        assertTrue(e.getMessage().contains("test: 1 of 1 encodings differ"), e.getMessage());
        assertTrue(e.getMessage().contains("ours:      a/1(0,1) "), e.getMessage());
    }

    @Test
    void onlyTheFirstTwentyAreShownButAllAreCounted() {
        Mismatches m = new Mismatches("many");
        for (int i = 0; i < 30; i++) {
            m.compare("line " + i, TEXT, ref(new int[] {1}, new int[] {0}, new int[] {1}, new int[] {0}), ours());
        }
        AssertionFailedError e = assertThrows(AssertionFailedError.class, m::assertNone);
        assertTrue(e.getMessage().startsWith("many: 30 of 30 encodings differ from the reference; the first 20:"));
        assertTrue(e.getMessage().contains("line 19:"));
        assertFalse(e.getMessage().contains("line 20:"));
    }

    @Test
    void invisibleCharactersAreEscapedInTheExcerpt() {
        assertEquals("a\\u{200D}b\\u{0}\\u{A0}c d [8 code points]", Mismatches.excerpt("a\u200Db\u0000\u00A0c d", 0));
    }

    private static int[] ints(String s) {
        return java.util.Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
