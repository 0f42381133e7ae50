package io.subword.train;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static java.lang.Math.log;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WordPiece's likelihood merges on a corpus small enough to work by hand. The words {@code ab} x4, {@code abc} x2
 * and {@code bc} x1 start as the symbols {@code a ##b}, {@code a ##b ##c} and {@code b ##c}. The log-likelihood
 * of the corpus under a unigram model of its symbols is {@code L = Σ c(s) ln(c(s) / N)}; each merge must be the
 * one that raises it most, and its gain must be the difference of {@code L} after and before.
 */
class LikelihoodMergerTest {
    static final WordCounts CORPUS = WordCounts.of(Map.of("ab", 4, "abc", 2, "bc", 1));

    // Symbol counts after each merge, and L written out from them.
    // 0: a 6, ##b 6, ##c 3, b 1; N = 16
    static final double L0 = 6 * log(6 / 16.0) + 6 * log(6 / 16.0) + 3 * log(3 / 16.0) + 1 * log(1 / 16.0);
    // 1: (a, ##b) merged 6 times: ab 6, ##c 3, b 1; N = 10
    static final double L1 = 6 * log(6 / 10.0) + 3 * log(3 / 10.0) + 1 * log(1 / 10.0);
    // 2: (b, ##c) merged once: ab 6, ##c 2, bc 1; N = 9
    static final double L2 = 6 * log(6 / 9.0) + 2 * log(2 / 9.0) + 1 * log(1 / 9.0);
    // 3: (ab, ##c) merged twice: ab 4, abc 2, bc 1; N = 7
    static final double L3 = 4 * log(4 / 7.0) + 2 * log(2 / 7.0) + 1 * log(1 / 7.0);

    // The same likelihoods as a model of words (LikelihoodMerger's javadoc): the initial piece from its own
    // unigram (c/W, W = 7 words), then continuations or the word's end from another (c/N; the 7 ends count).
    // 0: initial a 6, b 1; continuing ##b 6, ##c 3, end 7; N = 16
    static final double W0 = 6 * log(6 / 7.0) + 1 * log(1 / 7.0)
            + 6 * log(6 / 16.0) + 3 * log(3 / 16.0) + 7 * log(7 / 16.0);
    // 1: initial ab 6, b 1; continuing ##c 3, end 7; N = 10
    static final double W1 = 6 * log(6 / 7.0) + 1 * log(1 / 7.0) + 3 * log(3 / 10.0) + 7 * log(7 / 10.0);
    // 2: initial ab 6, bc 1; continuing ##c 2, end 7; N = 9
    static final double W2 = 6 * log(6 / 7.0) + 1 * log(1 / 7.0) + 2 * log(2 / 9.0) + 7 * log(7 / 9.0);
    // 3: initial ab 4, abc 2, bc 1; continuing: only the 7 ends; N = 7
    static final double W3 = 4 * log(4 / 7.0) + 2 * log(2 / 7.0) + 1 * log(1 / 7.0) + 7 * log(7 / 7.0);

    /*
     * Why (b, ##c) comes second although (ab, ##c) is twice as frequent: after the first merge,
     *   merging (ab, ##c) twice gives ab 4, abc 2, ##c 1, b 1 (N = 8):
     *     L = 4 ln(4/8) + 2 ln(2/8) + 1 ln(1/8) + 1 ln(1/8) = -9.704, below L1 = -8.979 (gain -0.725);
     *   merging (b, ##c) once gives L2 = -7.638 (gain +1.341).
     * The most frequent pair (Hugging Face's choice) would lower the likelihood here.
     */
    static final double L1_IF_AB_C = 4 * log(4 / 8.0) + 2 * log(2 / 8.0) + 1 * log(1 / 8.0) + 1 * log(1 / 8.0);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # step | left | right | merged
              0    | a    | ##b   | ab
              1    | b    | ##c   | bc
              2    | ab   | ##c   | abc
            """)
    void eachMergeGainsWhatTheHandComputationSays(int step, String left, String right, String merged) {
        double[] likelihood = {L0, L1, L2, L3};
        double[] wordModel = {W0, W1, W2, W3};
        BpeTrainer.Prepared prepared = prepared();
        List<LikelihoodMerger.Step> steps = new LikelihoodMerger(prepared, "##")
                .run(100, 0, TrainingListener.NONE);
        assertEquals(3, steps.size(), "then no pair is left");
        LikelihoodMerger.Step s = steps.get(step);
        List<String> tokens = prepared.idToToken();
        assertEquals(List.of(left, right, merged), List.of(tokens.get(s.left()), tokens.get(s.right()),
                tokens.get(s.merged())));
        assertEquals(likelihood[step + 1] - likelihood[step], s.gain(), 1e-9);
        assertEquals(wordModel[step + 1] - wordModel[step], s.gain(), 1e-9, "the word model's gain");
    }

    @Test
    void theMostFrequentPairWouldLowerTheLikelihood() {
        assertEquals(-0.725, L1_IF_AB_C - L1, 1e-3);
        assertEquals(1.341, L2 - L1, 1e-3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # x  | k | x ln x - (x-k) ln(x-k)
              16 | 6 | 44.3614195558365 - 23.0258509299405
              6  | 6 | 10.7505568154639 - 0
              3  | 1 | 3.29583686600433 - 1.38629436111989
            """)
    void dIsTheDifferenceOfXLogX(double x, double k, String written) {
        String[] parts = written.split(" - ");
        assertEquals(Double.parseDouble(parts[0].strip()) - Double.parseDouble(parts[1].strip()),
                LikelihoodMerger.d(x, k), 1e-9);
    }

    private static BpeTrainer.Prepared prepared() {
        return BpeTrainer.withPrefix(TrainingOptions.builder().specialTokens(List.of()).build(), "##")
                .prepare(CORPUS, TrainingListener.NONE);
    }
}
