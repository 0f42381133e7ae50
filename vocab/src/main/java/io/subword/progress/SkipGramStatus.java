package io.subword.progress;

import java.time.Duration;

/**
 * One report of a skip-gram training run to a {@link TrainingListener#skipGram}.
 *
 * @param phase           counting or training
 * @param tokensProcessed counting: tokens counted so far; training: corpus tokens (kept by {@code minCount},
 *                        before subsampling) the workers have gone through, over all epochs
 * @param tokensTotal     training: {@code epochs x} the kept tokens of the corpus; counting: 0 (unknown)
 * @param epoch           the epoch being fed to the workers, from 1 (0 while counting)
 * @param epochs          the number of epochs
 * @param learningRate    the current learning rate (the starting rate while counting)
 * @param elapsed         time since the phase began
 * @param eta             estimated time to the end of training, or {@code null} while unknown
 */
public record SkipGramStatus(Phase phase, long tokensProcessed, long tokensTotal, int epoch, int epochs,
                             float learningRate, Duration elapsed, Duration eta) {
    /** The two passes of a training run. */
    public enum Phase {
        /** The first pass over the corpus: tokenizing and counting token frequencies. */
        COUNTING,
        /** The training passes ({@code epochs} of them). */
        TRAINING
    }

    /** The fraction of the training done, 0 to 1 (0 while counting). */
    public double fraction() {
        return tokensTotal == 0 ? 0 : Math.min(1.0, (double) tokensProcessed / tokensTotal);
    }

    /** Tokens per second over the phase so far. */
    public double tokensPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : tokensProcessed / seconds;
    }
}
