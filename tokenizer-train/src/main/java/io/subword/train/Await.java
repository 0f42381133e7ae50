package io.subword.train;

import io.subword.vocab.Internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a task that ran on another thread and gives its failure back to the caller as the task threw it: the
 * trainers and the comparison split their work over threads, and a bad input line found on a worker must reach the
 * user as the same {@link io.subword.vocab.io.InputFormatException} (wrapped in nothing) as on one thread.
 *
 * <p>{@link Internal}: public only because the comparison (tokenizer-eval) waits for its workers with it.
 */
@Internal
public final class Await {
    private Await() {}

    /**
     * The task's result. A {@link RuntimeException} or {@link Error} the task threw is rethrown as it is, any other
     * failure as an {@link IllegalStateException} with it as the cause; an interrupt restores the thread's flag and
     * fails with "interrupted while {@code activity}".
     */
    public static <T> T result(Future<T> task, String activity) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
