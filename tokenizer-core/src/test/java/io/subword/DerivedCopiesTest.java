package io.subword;

import io.subword.post.Padding;
import io.subword.post.Truncation;
import io.subword.testkit.RealData;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Copies derived with {@code withTruncation}/{@code withPadding} share the vocabulary and the per-thread scratch of
 * the tokenizer they come from, and encodings own their arrays.
 */
class DerivedCopiesTest {

    @Test
    void aThousandDerivedCopiesOnSeveralThreadsRetainNoMoreThanOneTokenizer() throws Exception {
        Tokenizer base = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        // Long enough that each thread's scratch grows to tens of thousands of tokens (under the size at which a
        // thread drops its scratch), which is what a copy used to leave behind on every thread that used it.
        String text = String.join(" ", RealData.europarlSlice(150_000)).substring(0, 120_000);
        int expectedSize = base.encode(text, false).size();
        assertTrue(expectedSize > 10_000 && expectedSize < 65_536, "scratch-sized input: " + expectedSize);

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads); // kept alive: their thread-locals count
        try {
            base.encode(text, false); // warm the shared scratch on this thread too
            long before = retainedHeap();
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        Tokenizer copy = (i + thread) % 2 == 0
                                ? base.withTruncation(Truncation.of(100_000))
                                : base.withPadding(Padding.longest(0, "[PAD]"));
                        assertEquals(expectedSize, copy.encode(text, false).size());
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            long after = retainedHeap();
            // Before sharing: 1,000 dropped copies x a scratch of ~20k tokens each held ~300 MB after a full GC.
            long grown = after - before;
            assertTrue(grown < 32L << 20, "retained heap grew by " + (grown >> 20) + " MB after 1,000 copies");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTiktokenCopySharesTheVocabulary() throws Exception {
        Tokenizer cl100k = Tokenizers.fromTiktoken(RealData.tiktoken("cl100k_base"));
        Tokenizer truncated = cl100k.withTruncation(Truncation.of(8));
        Tokenizer padded = truncated.withPadding(Padding.fixed(8, 0, "!"));
        assertSame(cl100k.vocabulary(), truncated.vocabulary());
        assertSame(cl100k.vocabulary(), padded.vocabulary());
        assertEquals(8, truncated.encode("one two three four five six seven eight nine ten").size());
        assertEquals(8, padded.encode("one").size());
        assertEquals(cl100k.specialTokenPolicy(), padded.specialTokenPolicy());
    }

    @Test
    void anEncodingKeepsCopiesOfTheCallersArrays() {
        Vocabulary vocab = Vocabulary.fromMap(java.util.Map.of("a", 0, "b", 1));
        int[] ids = {0, 1};
        int[] starts = {0, 1};
        int[] ends = {1, 2};
        int[] words = {0, 0};
        Encoding e = Encoding.ofSequence(vocab, "ab", ids, starts, ends, words);
        ids[0] = 1;
        starts[0] = 5;
        ends[1] = 9;
        words[1] = 3;
        assertArrayEquals(new int[] {0, 1}, e.ids());
        assertArrayEquals(new int[] {0, 0}, e.wordIds());
        assertEquals(0, e.offsets().start(0));
        assertEquals(2, e.offsets().end(1));
    }

    private static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
