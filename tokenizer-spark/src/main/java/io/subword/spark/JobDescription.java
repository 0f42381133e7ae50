package io.subword.spark;

import org.apache.spark.SparkContext;

import java.util.function.Supplier;

/**
 * Names the Spark jobs that an action starts ({@code spark.job.description}, shown by Spark's UI and by
 * {@link StageProgress}) for the duration of one call, then restores the caller's description.
 */
final class JobDescription {
    private static final String KEY = "spark.job.description";

    private JobDescription() {
    }

    static <T> T with(SparkContext sc, String description, Supplier<T> action) {
        String previous = sc.getLocalProperty(KEY);
        sc.setLocalProperty(KEY, description);
        try {
            return action.get();
        } finally {
            sc.setLocalProperty(KEY, previous);
        }
    }
}
