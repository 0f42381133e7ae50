package io.subword.spark;

import io.subword.progress.TrainingListener;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounts;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * Trains a tokenizer on text held by Spark, with the same result, byte for byte, as the one-machine {@link Trainer}
 * (and {@code subword train}) on the same lines:
 * <ol>
 *   <li>The executors count words. Each partition runs {@link Trainer#wordCounter()}, the very counter one-machine
 *       training uses (the family's normalizer and pre-tokenizer), into a primitive hash map; the partial counts
 *       are summed by word in one shuffle.</li>
 *   <li>The {@link WordCountLimits} bound what comes back: words below {@code minWordCount} are dropped on the
 *       executors, and at most {@code maxDistinctWords} words reach the driver, which receives them a partition
 *       at a time.</li>
 *   <li>The driver runs {@link Trainer#train(WordCounts, TrainingListener)}, the one-machine trainer, on those
 *       counts. Trainers depend only on the counts, never on the order words arrive in, so the merges, the
 *       vocabulary and {@code tokenizer.json} are those of one machine.</li>
 * </ol>
 * With the default limits the result is exactly the one-machine result whenever one-machine counting does not
 * prune either (fewer than 10,000,000 distinct words). Past that both prune, differently: one machine by the
 * order of the corpus, Spark by one global count threshold.
 *
 * <pre>{@code
 * Dataset<String> text = spark.read().textFile("hdfs:///corpus/*.txt.gz");
 * TrainedTokenizer t = SparkTraining.train(text, Trainer.of(Family.BYTE_LEVEL, TrainingOptions.builder().vocabSize(50000).build()));
 * t.writeAll(Path.of("out"));
 * }</pre>
 * For text files read as {@code subword train} reads them ({@code \n} line ends, invalid UTF-8 an error naming the
 * file and line), use {@link SparkCorpus} and {@link #train(JavaRDD, Trainer, WordCountLimits, TrainingListener)}.
 */
public final class SparkTraining {
    /** Counts at or above this share one histogram bucket when a count threshold is searched for. */
    static final long HISTOGRAM_TOP = 1L << 20;
    /** About how many words the driver receives in one piece. */
    static final long WORDS_PER_FETCH = 1_000_000;

    private SparkTraining() {
    }

    /** Trains {@code trainer} on the lines of {@code text} with the default {@link WordCountLimits}. */
    public static TrainedTokenizer train(Dataset<String> text, Trainer trainer) {
        return train(text, trainer, WordCountLimits.DEFAULT, TrainingListener.NONE);
    }

    /** Trains a tokenizer of {@code family} with {@code options}: {@code train(text, Trainer.of(family, options))}. */
    public static TrainedTokenizer train(Dataset<String> text, Family family, TrainingOptions options) {
        return train(text, Trainer.of(family, options));
    }

    /**
     * Trains {@code trainer} on the lines of {@code text} ({@code null} lines are skipped).
     *
     * @throws IllegalArgumentException as {@link Trainer#train(WordCounts, TrainingListener)}, or when the text has
     *                                  no words
     */
    public static TrainedTokenizer train(Dataset<String> text, Trainer trainer, WordCountLimits limits,
                                         TrainingListener listener) {
        WordCounts counts = countWords(text, trainer, limits, listener);
        if (counts.size() == 0) {
            throw new IllegalArgumentException("no words to train on (the text is empty)");
        }
        return trainer.train(counts, listener);
    }

    /** Trains on the string column {@code column} of {@code rows} ({@code null} values are skipped). */
    public static TrainedTokenizer train(Dataset<Row> rows, String column, Trainer trainer, WordCountLimits limits,
                                         TrainingListener listener) {
        return train(rows.select(col(column).cast("string")).as(Encoders.STRING()), trainer, limits, listener);
    }

    /** Trains on {@code lines}, for example those of a {@link SparkCorpus}. */
    public static TrainedTokenizer train(JavaRDD<String> lines, Trainer trainer, WordCountLimits limits,
                                         TrainingListener listener) {
        SparkSession spark = SparkSession.builder().sparkContext(lines.context()).getOrCreate();
        return train(spark.createDataset(lines.rdd(), Encoders.STRING()), trainer, limits, listener);
    }

    /**
     * Counts the words of {@code text} on the executors, as {@code trainer.wordCounter()} counts them, within
     * {@code limits}.
     *
     * @throws IllegalArgumentException if even the highest count threshold leaves more than the allowed number of
     *                                  distinct words
     */
    public static WordCounts countWords(Dataset<String> text, Trainer trainer, WordCountLimits limits,
                                        TrainingListener listener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(listener, "listener");
        SparkSession spark = text.sparkSession();
        LongAccumulator lines = spark.sparkContext().longAccumulator("lines");
        listener.phase("count words");
        CountPartition counter = new CountPartition(trainer.family(), trainer.options(), lines);
        // Each partition's counts are combined already, so the shuffle goes straight to the reducers (no partial
        // aggregation), as many as there are input partitions: Spark's default (spark.sql.shuffle.partitions, 200)
        // would not follow the corpus size, and a cached plan keeps all of them.
        int reducers = Math.max(1, text.rdd().getNumPartitions());
        Dataset<Row> totals = text
                .mapPartitions(counter, Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
                .toDF("word", "count")
                .repartition(reducers, col("word"))
                .groupBy("word")
                .agg(sum("count").as("count"));
        if (limits.minWordCount() > 1) {
            totals = totals.where(col("count").geq(limits.minWordCount()));
        }
        totals = totals.persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> counted = totals;
        org.apache.spark.SparkContext sc = spark.sparkContext();
        try {
            long distinct = JobDescription.with(sc, "count words", counted::count);
            // A retried task may add its lines twice: the line count is for progress only.
            listener.wordsCounted(lines.value(), distinct);
            long threshold = 0;
            Dataset<Row> kept = totals;
            if (distinct > limits.maxDistinctWords()) {
                long max = limits.maxDistinctWords();
                threshold = JobDescription.with(sc, "find the count threshold",
                        () -> threshold(counted, distinct, (int) max));
                kept = totals.where(col("count").geq(threshold));
            }
            WordCounts.Builder counts = WordCounts.builder().prunedBelow(threshold);
            // A job per partition brings them over; partitions of about a million words keep both the number of
            // jobs and what the driver receives at once small.
            long arriving = Math.min(distinct, limits.maxDistinctWords());
            int parts = (int) Math.max(1, Math.min(kept.rdd().getNumPartitions(), arriving / WORDS_PER_FETCH + 1));
            Dataset<Row> toDriver = kept.coalesce(parts);
            JobDescription.with(sc, "bring word counts to the driver", () -> {
                // One partition at a time: the driver holds the growing table and one partition, never all twice.
                Iterator<Row> it = toDriver.toLocalIterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    counts.add(row.getString(0), row.getLong(1));
                }
                return null;
            });
            if (threshold > 0) {
                listener.pruned(threshold, distinct, counts.size());
            }
            return counts.build();
        } finally {
            totals.unpersist();
        }
    }

    /**
     * The smallest count {@code t >= 2} such that at most {@code max} words are seen {@code t} or more times,
     * from a histogram of the counts (counts above {@link #HISTOGRAM_TOP} share one bucket).
     */
    static long threshold(Dataset<Row> totals, long distinct, int max) {
        List<Row> histogram = totals
                .groupBy(least(col("count"), lit(HISTOGRAM_TOP)).as("bucket"))
                .count()
                .collectAsList();
        long[] wordsAt = new long[(int) HISTOGRAM_TOP + 1];
        for (Row r : histogram) {
            wordsAt[(int) r.getLong(0)] = r.getLong(1);
        }
        long atLeast = distinct; // words seen at least t times
        for (int t = 1; t <= HISTOGRAM_TOP; t++) {
            if (t >= 2 && atLeast <= max) {
                return t;
            }
            atLeast -= wordsAt[t];
        }
        throw new IllegalArgumentException("more than " + max + " distinct words are each seen at least "
                + HISTOGRAM_TOP + " times; raise the limit on distinct words");
    }
}
