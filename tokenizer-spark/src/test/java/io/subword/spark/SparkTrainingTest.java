package io.subword.spark;

import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on Spark gives the files one-machine training gives, byte for byte. */
class SparkTrainingTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} vocab {1} min-frequency {2} lowercase {3}")
    @CsvSource({
            // family,  vocab, min pair frequency, lowercase
            "bpe,        1500, 0, ",
            "bytelevel,  1500, 2, true",
            "wordpiece,  1500, 0, ",
            "word,       1500, 0, ",
            "unigram,    1500, 0, ",
    })
    void europarlFilesAreByteIdenticalToOneMachineTraining(String name, int vocab, long minFrequency,
                                                            Boolean lowercase) throws Exception {
        Family family = Family.fromName(name);
        TrainingOptions options = TrainingOptions.builder().vocabSize(vocab).minFrequency(minFrequency)
                .lowercase(lowercase).threads(2).build();
        Path corpus = TestCorpus.file();

        TrainedTokenizer oneMachine = Trainer.of(family, options).train(Corpus.of(corpus), TrainingListener.NONE);
        TrainedTokenizer spark = SparkTraining.train(
                SparkCorpus.of(corpus.toString()).splitBytes(300_000).lines(SharedSpark.session()),
                Trainer.of(family, options), WordCountLimits.DEFAULT, TrainingListener.NONE);

        assertTrue(oneMachine.tokenizer().vocabulary().size() > vocab / 2, "a real vocabulary was trained");
        assertSameFiles(oneMachine.writeAll(tmp.resolve("one")), spark.writeAll(tmp.resolve("spark")));
    }

    @Test
    void aColumnOfRowsTrainsTheSameAsOneMachine() throws Exception {
        SparkSession spark = SharedSpark.session();
        TrainingOptions options = TrainingOptions.builder().vocabSize(1200).build();
        List<String> lines = TestCorpus.lines();
        List<String> withNulls = new ArrayList<>(lines);
        withNulls.add(null); // a null value is no text, not the string "null"
        Dataset<Row> rows = spark.createDataset(withNulls, Encoders.STRING()).toDF("body");

        TrainedTokenizer oneMachine = Trainer.of(Family.WORD_PIECE, options)
                .train(Corpus.of(TestCorpus.file()), TrainingListener.NONE);
        TrainedTokenizer fromRows = SparkTraining.train(rows, "body", Trainer.of(Family.WORD_PIECE, options),
                WordCountLimits.DEFAULT, TrainingListener.NONE);

        List<Path> expected = oneMachine.writeAll(tmp.resolve("one"));
        assertSameFiles(expected, fromRows.writeAll(tmp.resolve("rows")));
    }

    /** Unigram's counter counts a line's last word under a key of its own; Spark adds those keys up alike. */
    @ParameterizedTest
    @CsvSource({"BPE", "UNIGRAM"})
    void sparkCountsAreTheOneMachineCounts(Family family) throws Exception {
        TrainingOptions options = TrainingOptions.defaults();
        WordCounts expected = Trainer.of(family, options).wordCounter()
                .count(Corpus.of(TestCorpus.file()), TrainingListener.NONE);
        WordCounts counted = SparkTraining.countWords(
                SharedSpark.session().createDataset(TestCorpus.lines(), Encoders.STRING()).repartition(4),
                Trainer.of(family, options), WordCountLimits.DEFAULT, TrainingListener.NONE);
        assertEquals(expected.toMap(), counted.toMap());
        assertEquals(0, counted.prunedBelow());
    }

    /** Words a..e seen 5, 4, 3, 2, 1 times. */
    private static final List<String> FIVE_WORDS = List.of("a b c d e", "a b c d", "a b c", "a b", "a");

    @ParameterizedTest(name = "min count {0}, at most {1} words -> {2} (pruned below {3})")
    @CsvSource({
            // min word count, max distinct, words kept, threshold applied
            "1, 10, a b c d e, 0",
            "1,  4, a b c d,   2",
            "1,  3, a b c,     3",
            "2, 10, a b c d,   0",
            "2,  2, a b,       4",
    })
    void limitsBoundTheWordsThatReachTheDriver(long minCount, int maxDistinct, String kept, long threshold) {
        List<long[]> pruned = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void pruned(long minCount, long before, long after) {
                pruned.add(new long[] {minCount, before, after});
            }
        };
        WordCounts counts = SparkTraining.countWords(
                SharedSpark.session().createDataset(FIVE_WORDS, Encoders.STRING()),
                Trainer.of(Family.BPE, TrainingOptions.defaults()), new WordCountLimits(minCount, maxDistinct), listener);

        Map<String, Long> expected = new HashMap<>();
        for (String w : kept.split(" ")) {
            expected.put(w, 5L - "abcde".indexOf(w));
        }
        assertEquals(expected, counts.toMap());
        assertEquals(threshold, counts.prunedBelow());
        assertEquals(threshold == 0 ? 0 : 1, pruned.size(), "the pruning is reported once");
        if (threshold > 0) {
            assertEquals(threshold, pruned.get(0)[0]);
            assertEquals(expected.size(), pruned.get(0)[2]);
        }
    }

    @Test
    void emptyTextIsAnErrorAsOnOneMachine() {
        Dataset<String> empty = SharedSpark.session().createDataset(List.of("", "  "), Encoders.STRING());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkTraining.train(empty, Family.BPE, TrainingOptions.defaults()));
        assertTrue(e.getMessage().contains("no words"), e.getMessage());
    }

    static void assertSameFiles(List<Path> expected, List<Path> actual) throws Exception {
        assertEquals(expected.stream().map(Path::getFileName).toList(),
                actual.stream().map(Path::getFileName).toList());
        for (int i = 0; i < expected.size(); i++) {
            byte[] a = Files.readAllBytes(expected.get(i));
            byte[] b = Files.readAllBytes(actual.get(i));
            assertTrue(a.length > 100, expected.get(i) + " is a real file");
            assertArrayEquals(a, b, () -> actual.get(0).getFileName() + " differs");
        }
        assertTrue(Arrays.asList(expected.stream().map(p -> p.getFileName().toString()).toArray())
                .contains("tokenizer.json"));
    }
}
