package io.subword.train;

/**
 * Progress of a training run. The library never prints; a command-line program turns these calls into a
 * progress bar. Every method has a no-op default, so a listener overrides only what it shows.
 *
 * <p>Calls come from the thread that runs the training (never concurrently), often enough for a smooth
 * display but not once per word. Implementations must be quick: they run on the training thread.
 */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** A new phase starts: {@code "count words"}, {@code "count pairs"}, {@code "compute merges"} ... */
    default void phase(String name) {
    }

    /**
     * Reading progress: {@code bytesRead} of {@code totalBytes} raw bytes ({@code totalBytes} is {@code -1}
     * when unknown, as for standard input).
     */
    default void bytesRead(long bytesRead, long totalBytes) {
    }

    /** Counting progress: lines read so far, and distinct words in the table now. */
    default void wordsCounted(long lines, long distinctWords) {
    }

    /**
     * The word table passed its limit and words seen fewer than {@code minCount} times were dropped:
     * {@code before} distinct words became {@code after}.
     */
    default void pruned(long minCount, long before, long after) {
    }

    /** Merge progress: {@code done} merges (or vocabulary entries) of at most {@code target}. */
    default void merges(long done, long target) {
    }
}
