package io.subword.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One EM step of the Unigram trainer, worked by hand. Pieces {@code a}, {@code b}, {@code ab} with probabilities
 * 1/4, 1/4, 1/2; words {@code ab} x2 and {@code a} x1.
 * <pre>
 * E-step, word "ab": segmentations a+b (1/4 * 1/4 = 1/16) and ab (1/2); Z = 9/16
 *   posterior of a+b = (1/16) / (9/16) = 1/9, of ab = (1/2) / (9/16) = 8/9
 * word "a": one segmentation, a, posterior 1
 * expected counts: a = 2 * 1/9 + 1 = 11/9, b = 2 * 1/9 = 2/9, ab = 2 * 8/9 = 16/9
 * M-step: b is expected fewer than 0.5 times and goes; the rest sum to 11/9 + 16/9 = 3;
 *   score(a)  = digamma(11/9) - digamma(3) = -0.2612350727552307 - 0.9227843350984679 = -1.1840194078536985
 *   score(ab) = digamma(16/9) - digamma(3) =  0.2684835443422678 - 0.9227843350984679 = -0.6543007907562001
 * (digamma by its own series: shifted up to 30 by digamma(x) = digamma(x + 1) - 1/x, then
 *  ln y - 1/2y - 1/12y^2 + 1/120y^4 - 1/252y^6 + 1/240y^8; digamma(3) = 3/2 - Euler's gamma.)
 * </pre>
 */
class UnigramEmTest {
    static final int[][] WORDS = {"ab".codePoints().toArray(), "a".codePoints().toArray()};
    static final long[] COUNTS = {2, 1};
    static final UnigramEm.Pieces START = new UnigramEm.Pieces(
            new int[][] {{'a'}, {'b'}, {'a', 'b'}}, new double[] {log(0.25), log(0.25), log(0.5)});

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # piece | expected count
              0     | 1.2222222222222222
              1     | 0.2222222222222222
              2     | 1.7777777777777777
            """)
    void eStepGivesThePosteriorCounts(int piece, double expected) {
        for (int threads : new int[] {1, 2}) {
            long[] counts = new UnigramEm(WORDS, COUNTS, threads).expectedCounts(START);
            assertEquals(expected, counts[piece] / UnigramEm.FIXED_POINT_SCALE, 1e-6);
        }
    }

    @Test
    void mStepDropsRarePiecesAndScoresByDigamma() {
        UnigramEm.Pieces next = UnigramEm.maximize(START,
                new UnigramEm(WORDS, COUNTS, 1).expectedCounts(START));
        assertEquals(2, next.size());
        assertArrayEquals(new int[] {'a'}, next.pieces()[0]);
        assertArrayEquals(new int[] {'a', 'b'}, next.pieces()[1]);
        assertEquals(-1.1840194078536985, next.scores()[0], 1e-6);
        assertEquals(-0.6543007907562001, next.scores()[1], 1e-6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # x     | digamma(x), by the series of the class comment
              3     | 0.9227843350984679
              1     | -0.5772156649015329
              0.5   | -1.9635100260214235
              100   | 4.600161852738087
            """)
    void digammaAsSentencePieceComputesIt(double x, double expected) {
        assertEquals(expected, UnigramEm.digamma(x), 1e-8);
    }

    @ParameterizedTest(name = "room for {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # desired size | pieces kept, in spm_train's order
              1            | a
              2            | a ab
            """)
    void aPieceWithoutAlternativeStaysAndTheOthersCompeteForRoom(int desired, String kept) {
        // After the step above, a (11/9) and ab (16/9) remain. "a" has no other segmentation: it always stays.
        // Without "ab", "ab" would be "a" + an unknown "b" (b went); spm_train counts an unknown character as its
        // piece 0, here "a", so "ab" has an alternative, a loss, and stays only if there is room for it.
        UnigramEm em = new UnigramEm(WORDS, COUNTS, 1);
        UnigramEm.Pieces next = UnigramEm.maximize(START, em.expectedCounts(START));
        UnigramEm.Pieces pruned = em.prune(next, desired, 0.5);
        List<String> pieces = new java.util.ArrayList<>();
        for (int[] p : pruned.pieces()) {
            pieces.add(new String(p, 0, p.length));
        }
        assertEquals(List.of(kept.split(" ")), pieces);
    }
}
