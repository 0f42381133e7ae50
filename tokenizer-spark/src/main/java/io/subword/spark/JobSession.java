package io.subword.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.io.PrintWriter;

/**
 * The session a job runs in: the active one if there is one (a test, a notebook), else a new one on the
 * {@code --master} given, the master spark-submit set, or {@code local[*]}; Spark's log turned down to warnings;
 * progress shown by stage unless quiet. Closing it removes the progress listener and stops the session if the job
 * started it.
 */
final class JobSession implements AutoCloseable {
    final SparkSession spark;
    private final boolean started;
    private final StageProgress progress;

    private JobSession(SparkSession spark, boolean started, StageProgress progress) {
        this.spark = spark;
        this.started = started;
        this.progress = progress;
    }

    static JobSession open(JobOptions options, PrintWriter err, String appName) {
        SparkSession spark = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : null;
        boolean started = false;
        if (spark == null || spark.sparkContext().isStopped()) {
            SparkConf conf = new SparkConf(); // what spark-submit (or -Dspark.* properties) set
            SparkSession.Builder b = SparkSession.builder().appName(appName);
            if (options.master != null) {
                b.master(options.master);
            } else if (!conf.contains("spark.master")) {
                b.master("local[*]");
            }
            if (!conf.contains("spark.log.level")) {
                // Applied as the context starts: spark-submit re-initializes Spark's logging (INFO) after our main
                // has begun, so only Spark itself can turn it down early enough.
                b.config("spark.log.level", "WARN");
            }
            if (!conf.contains("spark.ui.enabled")) {
                b.config("spark.ui.enabled", "false");
            }
            for (String kv : options.conf) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--conf takes KEY=VALUE, not \"" + kv + "\"");
                }
                b.config(kv.substring(0, eq), kv.substring(eq + 1));
            }
            spark = b.getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            started = true;
        }
        StageProgress progress = null;
        if (!options.quiet) {
            progress = new StageProgress(err);
            spark.sparkContext().addSparkListener(progress);
        }
        return new JobSession(spark, started, progress);
    }

    @Override
    public void close() {
        if (progress != null) {
            spark.sparkContext().removeSparkListener(progress);
        }
        if (started) {
            spark.stop();
        }
    }
}
