package io.subword.compare;

import io.subword.progress.TrainingListener;


/**
 * Progress of a {@link CompareJob}: its steps (split, count, train each model, measure) and short notes, on top
 * of the training progress of each step. The library never prints; the CLI's progress printer implements this.
 * Calls come from one thread at a time.
 */
public interface CompareListener extends TrainingListener {
    /** A listener that ignores everything. */
    CompareListener NONE = new CompareListener() {
    };

    /** A new step starts: {@code "train wordpiece 4000"}; the phases that follow belong to it. */
    default void step(String name) {
    }

    /** A short result of the current step: {@code "12,345 distinct words"}. */
    default void note(String text) {
    }
}
