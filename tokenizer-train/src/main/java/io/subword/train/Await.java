package io.subword.train;

import io.subword.vocab.Internal;

import java.io.IOException;
import java.io.InterruptedIOException;
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
            throw unchecked(e.getCause());
        }
    }

    /**
     * As {@link #result}, for a task that does I/O: an {@link IOException} it threw is rethrown as it is, and an
     * interrupt fails with an {@link InterruptedIOException} "interrupted while {@code activity}".
     */
    public static <T> T resultOrIo(Future<T> task, String activity) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + activity);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw unchecked(e.getCause());
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }
}
