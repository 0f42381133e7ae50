package io.subword.spark;

import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code local-cluster[2,1,1024]}: two executor JVMs, so every function, broadcast and tokenizer really crosses a
 * process boundary. Spark launches executors as a standalone worker does: the pom points {@code SPARK_HOME} at an
 * empty Spark home (made here) and sets {@code SPARK_SCALA_VERSION}; the executors get this JVM's class path.
 */
class ClusterModeTest {
    private static SparkSession spark;

    @BeforeAll
    static void startCluster() throws Exception {
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null, "SPARK_HOME is set by the pom");
        Files.createDirectories(Path.of(home, "jars"));
        SharedSpark.stop();
        spark = SharedSpark.configure(SparkSession.builder().master("local-cluster[2,1,1024]"))
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .getOrCreate();
    }

    @AfterAll
    static void stopCluster() {
        spark.stop();
        SharedSpark.stop();
    }

    @Test
    void executorsAreOtherProcesses() {
        List<Long> pids = spark.range(0, 4, 1, 4).mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Long, Long>) it ->
                        List.of(ProcessHandle.current().pid()).iterator(), Encoders.LONG()).collectAsList();
        assertFalse(pids.contains(ProcessHandle.current().pid()), "tasks ran outside the driver: " + pids);
    }

    @Test
    void countingAndEncodingOnExecutorJvmsGiveTheOneMachineResults() throws Exception {
        // Counting: the SparkCorpus reader, the counting function and the accumulators cross to the executors.
        Path corpus = Files.createTempFile("subword-cluster", ".txt");
        try {
            List<String> texts = EncodingCases.texts(150);
            Files.write(corpus, texts.subList(0, 150));
            TrainingOptions options = TrainingOptions.defaults();
            WordCounts expected = Trainer.of(Family.WORD_PIECE, options).wordCounter()
                    .count(Corpus.of(corpus), TrainingListener.NONE);
            Dataset<String> lines = spark.createDataset(
                    SparkCorpus.of(corpus.toString()).splitBytes(40_000).lines(spark).rdd(), Encoders.STRING());
            assertEquals(expected, SparkTraining.countWords(lines, Trainer.of(Family.WORD_PIECE, options),
                    WordCountLimits.DEFAULT, TrainingListener.NONE));

            // Encoding: the broadcast tokenizer.json is parsed in each executor JVM.
            EncodingCases.Case bert = EncodingCases.of("bert");
            List<Row> out = bert.encoding().tokenCount("tokens").encode(EncodingCases.rows(spark, texts, 4))
                    .orderBy("n").collectAsList();
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(bert.tokenizer().encode(texts.get(i)).ids(), EncodingCases.ints(out.get(i), "ids"));
            }
        } finally {
            Files.deleteIfExists(corpus);
        }
    }
}
