package io.subword.spark;

import io.subword.progress.TrainingListener;
import io.subword.vocab.Require;

/**
 * What bounds the word table that a distributed count brings back to the driver:
 * <ul>
 *   <li>{@code minWordCount}: words seen fewer times in the whole corpus are dropped on the executors before
 *       anything reaches the driver (default 1: keep every word). Anything above 1 changes what is trained on, as
 *       sampling does in other trainers, so the result is no longer the one-machine result.</li>
 *   <li>{@code maxDistinctWords}: the most distinct words the driver accepts (default 10,000,000, the limit at
 *       which one-machine counting starts pruning). When more remain, the smallest count threshold that leaves at
 *       most this many is applied, computed from a histogram of the counts (deterministic, independent of
 *       partitioning), and reported to the {@link TrainingListener#pruned listener}.</li>
 * </ul>
 * The driver then holds at most {@code maxDistinctWords} words and counts: about 100 bytes a word (a 10-char word
 * as a Java string plus its slot in a primitive hash map), so 1 GB at the default. Immutable.
 *
 * @param minWordCount     at least 1
 * @param maxDistinctWords at least 1
 */
public record WordCountLimits(long minWordCount, int maxDistinctWords) {
    /** The default cap on distinct words. */
    public static final int DEFAULT_MAX_DISTINCT_WORDS = 10_000_000;

    /** Keep every word; at most {@value #DEFAULT_MAX_DISTINCT_WORDS} distinct words. */
    public static final WordCountLimits DEFAULT = new WordCountLimits(1, DEFAULT_MAX_DISTINCT_WORDS);

    public WordCountLimits {
        Require.atLeast("minimum word count", minWordCount, 1);
        Require.atLeast("maximum distinct words", maxDistinctWords, 1);
    }
}
