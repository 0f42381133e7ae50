package io.subword.train;

import io.subword.progress.TrainingListener;
import it.unimi.dsi.fastutil.longs.LongIterator;

/**
 * The merge loop of {@link WordPieceTrainer.Mode#RATIO}: merge the pair with the highest score
 * {@code count(ab) / (count(a) * count(b))}, where a symbol's count is the number of its occurrences in the
 * corpus. This ratio leaves out how often the pair occurs, so it prefers pairs of rare symbols; the exact
 * likelihood gain is {@link LikelihoodMerger}'s. Ties go to the smaller pair of ids. The bookkeeping is
 * {@link PairMerging}'s; this class only scores.
 *
 * <p>A merge changes the score of every pair next to the merged symbols, so each such pair is queued again
 * with its new score; an entry whose score is no longer current is dropped when it reaches the top (a
 * current entry for the same pair is in the queue).
 */
final class RatioMerger {
    private final BpeTrainer.Prepared prepared;
    private final String prefix;
    private PairMerging state;
    private final PairHeap heap = new PairHeap();

    RatioMerger(BpeTrainer.Prepared prepared, String prefix) {
        this.prepared = prepared;
        this.prefix = prefix;
    }

    /** Merges until the vocabulary has {@code vocabSize} tokens or no pair of at least {@code minFrequency} is left. */
    void run(int vocabSize, long minFrequency, TrainingListener listener) {
        listener.phase("count pairs");
        state = new PairMerging(prepared, prefix);
        listener.phase("compute merges");
        for (long p : state.pairs()) {
            heap.push(p, score(p), 0);
        }
        long target = Math.max(0, vocabSize - prepared.idToToken().size());
        long done = 0;
        while (prepared.idToToken().size() < vocabSize && !heap.isEmpty()) {
            long pair = heap.topPair();
            double score = heap.topValue();
            heap.pop();
            long count = state.pairCount(pair);
            if (count <= 0 || score != score(pair) || count < minFrequency) {
                continue;
            }
            state.merge(BpeMerger.left(pair), BpeMerger.right(pair));
            LongIterator it = state.touched().iterator();
            while (it.hasNext()) {
                long p = it.nextLong();
                if (state.pairCount(p) > 0) {
                    heap.push(p, score(p), 0);
                }
            }
            if ((++done & 63) == 0) {
                listener.merges(done, target);
            }
        }
        listener.merges(done, target);
    }

    private double score(long pair) {
        double ca = state.symbolCount(BpeMerger.left(pair));
        double cb = state.symbolCount(BpeMerger.right(pair));
        return state.pairCount(pair) / (ca * cb);
    }
}
