package io.subword.progress;

import java.util.function.Consumer;

/**
 * Progress of a training run, for every trainer of the project: the tokenizer trainers (phases, reading, word
 * counting, merges) and the skip-gram trainer ({@link SkipGramStatus}). The library never prints; a command-line
 * program turns these calls into a progress bar. Every method has a no-op default, so a listener overrides only
 * what it shows.
 *
 * <p>Calls come from the thread that runs the training (never concurrently), often enough for a smooth
 * display but not once per word. Tokenizer trainers call it on the training thread, so those calls must be quick;
 * the skip-gram trainer calls it at most about every {@code reportEvery}, so {@link #skipGram} may be slow (it then
 * only delays the feeding of the workers).
 */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** A listener that hears only the skip-gram trainer's reports. */
    static TrainingListener onSkipGram(Consumer<SkipGramStatus> reports) {
        return new TrainingListener() {
            @Override
            public void skipGram(SkipGramStatus status) {
                reports.accept(status);
            }
        };
    }

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

    /** How a skip-gram (embedding) training run is going: counting, then the training passes. */
    default void skipGram(SkipGramStatus status) {
    }
}
