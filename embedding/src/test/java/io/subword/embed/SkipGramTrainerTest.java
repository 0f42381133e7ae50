package io.subword.embed;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.progress.SkipGramStatus;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkipGramTrainerTest {
    static Tokenizer bert;
    static List<String> corpus;

    @BeforeAll
    static void load() throws Exception {
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        corpus = RealData.europarlLines().subList(0, 150);
    }

    static SkipGramTrainer.Builder small() {
        return SkipGramTrainer.builder().dim(16).window(3).negative(3).epochs(2).minCount(2).sample(1e-3)
                .threads(1).seed(7).batchLines(40);
    }

    static int[] bits(EmbeddingTable t) {
        int[] b = new int[t.data().length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(t.data()[i]);
        }
        return b;
    }

    @Test
    void oneThreadIsReproducibleBitForBit() {
        SkipGramResult a = small().build().train(bert, corpus, TrainingListener.NONE);
        SkipGramResult b = small().build().train(bert, corpus, TrainingListener.NONE);
        assertArrayEquals(bits(a.input()), bits(b.input()));
        assertArrayEquals(bits(a.output()), bits(b.output()));
        // The batch size only changes how lines are handed over, not what is trained.
        SkipGramResult c = small().batchLines(7).build().train(bert, corpus, TrainingListener.NONE);
        assertArrayEquals(bits(a.input()), bits(c.input()));
        SkipGramResult d = small().seed(8).build().train(bert, corpus, TrainingListener.NONE);
        assertFalse(java.util.Arrays.equals(bits(a.input()), bits(d.input())));
    }

    @Test
    void countsKeepsAndZeroRows() {
        SkipGramResult r = small().epochs(1).build().train(bert, corpus, TrainingListener.NONE);
        long[] expected = new long[bert.vocabulary().size()];
        for (Encoding e : bert.encodeBatch(corpus, false)) {
            for (int id : e.ids()) {
                expected[id]++;
            }
        }
        assertArrayEquals(expected, r.counts());
        long trainTokens = 0;
        int unk = bert.tokenToId("[UNK]");
        float[] in = r.input().data();
        for (int id = 0; id < expected.length; id++) {
            boolean shouldTrain = expected[id] >= 2 && !bert.isSpecial(id) && id != unk;
            assertEquals(shouldTrain, r.trained()[id], "id " + id);
            boolean zero = true;
            for (int j = 0; j < 16; j++) {
                zero &= in[id * 16 + j] == 0f;
            }
            assertEquals(!shouldTrain, zero, "row " + id);
            if (shouldTrain) {
                trainTokens += expected[id];
            }
        }
        assertEquals(trainTokens, r.trainTokens());
        assertFalse(r.trained()[bert.tokenToId("[CLS]")]);
    }

    /** One training shared by the rows of the table below. */
    private static SkipGramResult oneEpoch;

    /** w + c: every value is the input's plus the output's; rows never trained stay zero. */
    @ParameterizedTest
    @CsvSource({"the, true", "commission, true", "[CLS], false", "[UNK], false"})
    void inputPlusOutputAddsTheTwoTables(String token, boolean trained) {
        if (oneEpoch == null) {
            oneEpoch = small().epochs(1).build().train(bert, corpus, TrainingListener.NONE);
        }
        SkipGramResult r = oneEpoch;
        int id = bert.tokenToId(token);
        assertEquals(trained, r.trained()[id], token);
        float[] in = r.input().row(id);
        float[] out = r.output().row(id);
        float[] sum = r.inputPlusOutput().row(id);
        boolean allZero = true;
        for (int j = 0; j < sum.length; j++) {
            assertEquals(in[j] + out[j], sum[j], 0f, token + " dimension " + j);
            allZero &= sum[j] == 0f;
        }
        assertEquals(!trained, allZero, token);
        if (trained) {
            assertNotEquals(0f, out[0], "the output vector of a trained token moved");
        }
    }

    @Test
    void twoThreadsTrainEverything() {
        List<SkipGramStatus> seen = new ArrayList<>();
        SkipGramResult r = small().threads(2).reportEvery(Duration.ZERO).build().train(bert, corpus,
                TrainingListener.onSkipGram(seen::add));
        for (float v : r.input().data()) {
            assertTrue(Float.isFinite(v));
        }
        // Every row is hot here (a small vocabulary): the workers trained private copies, and what they learned
        // reached the result through the merges (output rows start at zero).
        float[] out = r.output().data();
        for (int id = 0; id < r.trained().length; id++) {
            boolean zero = true;
            for (int j = 0; j < 16; j++) {
                zero &= out[id * 16 + j] == 0f;
            }
            assertEquals(!r.trained()[id], zero, "output row of id " + id);
        }
        SkipGramStatus last = seen.get(seen.size() - 1);
        assertEquals(SkipGramStatus.Phase.TRAINING, last.phase());
        assertEquals(2 * r.trainTokens(), last.tokensProcessed());
        assertEquals(2 * r.trainTokens(), last.tokensTotal());
        assertEquals(2, last.epoch());
        assertEquals(1.0, last.fraction());
        assertEquals(Duration.ZERO, last.eta());
        assertEquals(0.025f * 0.0001f, last.learningRate(), 1e-9f);
        SkipGramStatus first = seen.get(0);
        assertEquals(SkipGramStatus.Phase.COUNTING, first.phase());
        assertTrue(seen.stream().anyMatch(s -> s.phase() == SkipGramStatus.Phase.TRAINING
                && s.tokensProcessed() < s.tokensTotal()), "a report during training");
        long previous = -1;
        for (SkipGramStatus s : seen) {
            if (s.phase() == SkipGramStatus.Phase.TRAINING) {
                assertTrue(s.tokensProcessed() >= previous);
                previous = s.tokensProcessed();
            }
        }
    }

    @ParameterizedTest(name = "counts {0}")
    @CsvSource(delimiter = ';', value = {
            // counts; expected probabilities (count^0.75 over their sum)
            "16 1 81;          0.2222222 0.0277778 0.75",        // 8/36, 1/36, 27/36
            "1;                1",
            "5 5 5 5;          0.25 0.25 0.25 0.25",
            "1 16 1 16 10000;  0.0009823 0.0078585 0.0009823 0.0078585 0.9823183",
    })
    void noiseFollowsCountsToThe075(String countList, String expectedList) {
        long[] counts = java.util.Arrays.stream(countList.trim().split(" +")).mapToLong(Long::parseLong).toArray();
        double[] expected = java.util.Arrays.stream(expectedList.trim().split(" +"))
                .mapToDouble(Double::parseDouble).toArray();
        NoiseSampler noise = NoiseSampler.of(counts);
        for (int i = 0; i < counts.length; i++) {
            assertEquals(expected[i], noise.probability(i), 1e-5, "token " + i);
        }
        // a draw keeps its cell when the coin is below the cell's share, and takes the alias otherwise
        for (int cell = 0; cell < counts.length; cell++) {
            assertEquals(cell, noise.sample(cell, 0f));
            assertEquals(noise.keep[cell] == 1f ? cell : noise.alias[cell], noise.sample(cell, Math.nextDown(1f)));
        }
    }

    @Test
    void subsamplingIsWord2vecs() {
        long[] counts = {100, 5, 7};
        boolean[] kept = {true, true, false};
        float[] keep = SkipGramTrainer.keepProbabilities(counts, kept, 10_000, 1e-3);
        // threshold = 1e-3 * 10000 = 10: (sqrt(100/10) + 1) * 10/100, (sqrt(5/10) + 1) * 10/5
        assertEquals((float) ((Math.sqrt(10) + 1) * 0.1), keep[0], 0f);
        assertEquals((float) ((Math.sqrt(0.5) + 1) * 2), keep[1], 0f);
        assertEquals(0f, keep[2], 0f);
        assertArrayEquals(new float[] {1f, 1f, 0f}, SkipGramTrainer.keepProbabilities(counts, kept, 10_000, 0), 0f);
    }

    @ParameterizedTest
    @CsvSource({
            "0,       0.025",
            "500,     0.0125125", // 0.025 * (1 - 500/1001)
            "1000,    0.0000250", // 0.025 * (1 - 1000/1001) = 2.4975e-5
            "1001,    0.0000025", // the floor, lr * 1e-4
            "5000,    0.0000025",
    })
    void learningRateFallsLinearlyToAFloor(long done, float expected) {
        assertEquals(expected, SgnsKernel.learningRate(0.025f, done, 1000), 2e-7f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dim        | 0    | dim must be at least 1, not 0",
            "window     | 0    | window must be at least 1, not 0",
            "negative   | -1   | negative must be at least 1, not -1",
            "epochs     | 0    | epochs must be at least 1, not 0",
            "minCount   | 0    | minCount must be at least 1, not 0",
            "threads    | 0    | threads must be at least 1, not 0",
            "batchLines | 0    | batchLines must be at least 1, not 0",
            "sample     | 1    | sample must be in [0, 1), got 1.0",
            "sample     | -0.1 | sample must be in [0, 1), got -0.1",
            "lr         | 0    | learningRate must be in (0, 10), got 0.0",
    })
    void badOptionsAreNamed(String option, double value, String message) {
        SkipGramTrainer.Builder b = SkipGramTrainer.builder();
        Consumer<SkipGramTrainer.Builder> set = switch (option) {
            case "dim" -> x -> x.dim((int) value);
            case "window" -> x -> x.window((int) value);
            case "negative" -> x -> x.negative((int) value);
            case "epochs" -> x -> x.epochs((int) value);
            case "minCount" -> x -> x.minCount((int) value);
            case "threads" -> x -> x.threads((int) value);
            case "batchLines" -> x -> x.batchLines((int) value);
            case "sample" -> x -> x.sample(value);
            default -> x -> x.learningRate((float) value);
        };
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> set.accept(b)).getMessage());
    }

    @Test
    void aCorpusWithNothingFrequentEnough() {
        assertEquals("no token of the corpus occurs minCount=1000 times (7 tokens counted)",
                assertThrows(IllegalArgumentException.class, () -> small().minCount(1000).build()
                        .train(bert, List.of("amigos inimagináveis"), TrainingListener.NONE)).getMessage());
    }

    @Test
    void aFailingCorpusStopsTheWorkers() {
        List<String> lines = new ArrayList<>(corpus);
        int[] iterations = {0};
        Iterable<String> failing = () -> {
            if (iterations[0]++ == 1) {
                throw new IllegalStateException("disk gone");
            }
            return lines.iterator();
        };
        assertEquals("disk gone", assertThrows(IllegalStateException.class,
                () -> small().threads(2).build().train(bert, failing, TrainingListener.NONE)).getMessage());
        assertNotEquals(0, iterations[0]);
    }
}
