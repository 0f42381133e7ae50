package io.subword.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} SparkSession that every test class of this module shares (a session takes seconds to
 * start; the module's tests run in one JVM). A task may fail twice before its job does ({@code local[2,3]}), so the
 * retry test can fail a task once. A test that needs another master stops this one with {@link #stop()}; the next
 * {@link #session()} starts it again.
 */
final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (spark == null || spark.sparkContext().isStopped()) {
            spark = configure(SparkSession.builder().master("local[2,3]")).getOrCreate();
        }
        return spark;
    }

    /** The settings every test session uses: no UI, two shuffle partitions, quiet logs. */
    static SparkSession.Builder configure(SparkSession.Builder b) {
        return b.appName("subword-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
    }

    static synchronized void stop() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
