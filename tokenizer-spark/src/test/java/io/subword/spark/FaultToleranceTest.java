package io.subword.spark;

import io.subword.progress.TrainingListener;
import io.subword.train.Family;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that fails once and is retried ({@code local[2,3]}: up to three attempts) leaves the result unchanged: the
 * counts, and an encoded output whose writer task died half-way through its file.
 */
class FaultToleranceTest {
    /** Failures injected so far (local mode: the tasks run in this JVM). */
    static final AtomicInteger INJECTED = new AtomicInteger();

    @TempDir
    Path tmp;

    /** Passes rows through, but the first attempt of partition 1 dies after {@code after} rows. */
    static <T> MapPartitionsFunction<T, T> failFirstAttempt(int after) {
        return rows -> {
            TaskContext task = TaskContext.get();
            if (task.partitionId() != 1 || task.attemptNumber() > 0) {
                return rows;
            }
            return new Iterator<T>() {
                int n;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public T next() {
                    if (n++ == after) {
                        INJECTED.incrementAndGet();
                        throw new IllegalStateException("injected failure in partition 1, attempt 0");
                    }
                    return rows.next();
                }
            };
        };
    }

    @Test
    void aRetriedCountingTaskGivesTheSameCounts() {
        SparkSession spark = SharedSpark.session();
        Dataset<String> text = spark.createDataset(TestCorpus.lines(), Encoders.STRING()).repartition(3);
        TrainingOptions options = TrainingOptions.defaults();
        WordCounts clean = SparkTraining.countWords(text, Trainer.of(Family.BYTE_LEVEL, options), WordCountLimits.DEFAULT,
                TrainingListener.NONE);
        int before = INJECTED.get();
        WordCounts retried = SparkTraining.countWords(text.mapPartitions(failFirstAttempt(100), Encoders.STRING()),
                Trainer.of(Family.BYTE_LEVEL, options), WordCountLimits.DEFAULT, TrainingListener.NONE);
        assertTrue(INJECTED.get() > before, "a task failed");
        assertEquals(clean, retried);
        assertEquals(clean.total(), retried.total(), "no line counted twice");
    }

    @Test
    void aWriterTaskThatDiesHalfWayIsRetriedAndTheCommittedOutputHasEveryRowOnce() throws Exception {
        SparkSession spark = SharedSpark.session();
        List<String> texts = EncodingCases.texts(90);
        EncodingCases.Case bert = EncodingCases.of("bert");
        Dataset<Row> encoded = bert.encoding().encode(EncodingCases.rows(spark, texts, 3));
        Path out = tmp.resolve("out");
        int before = INJECTED.get();
        encoded.mapPartitions(failFirstAttempt(10), Encoders.row(encoded.schema())).write().parquet(out.toString());
        assertTrue(INJECTED.get() > before, "a writer task failed after writing part of its file");
        assertTrue(Files.exists(out.resolve("_SUCCESS")));

        List<Row> back = spark.read().parquet(out.toString()).orderBy("n").collectAsList();
        List<Integer> ns = new ArrayList<>();
        back.forEach(r -> ns.add(r.getInt(0)));
        assertEquals(texts.size() + 1, back.size(), "every row once");
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(i, ns.get(i));
            org.junit.jupiter.api.Assertions.assertArrayEquals(bert.tokenizer().encode(texts.get(i)).ids(),
                    EncodingCases.ints(back.get(i), "ids"));
        }
    }
}
