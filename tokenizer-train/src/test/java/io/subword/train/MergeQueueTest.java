package io.subword.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merge loop's queue pops in exactly the order of one heap over all entries (larger count, then smaller pair,
 * then older entry), though only entries above a threshold are kept in its heap and the rest wait in buckets.
 */
class MergeQueueTest {
    /**
     * Operations in order: {@code pair:count:tag} pushes an entry, {@code -} pops one (its tag is written down);
     * the queue is then emptied. The tags are the entries' word lists, so an entry is told by its tag.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // ops; tags in pop order
            "5:100:A 5:100:B 3:100:C 9:7:D 1:6:E 1:0:F;           C A B D E F",
            // 8 and 9 share a bucket, 10 is the next one; the smaller pair first at equal counts
            "1:8:A 2:9:B 3:10:C 0:9:D 4:8:E;                      C D B A E",
            // after the first pop the heap holds only the count-1000 bucket; 1000 pushed later goes in the heap
            "1:1000:A 2:3:B - 3:1000:C 4:999:D 5:2:E;             A C D B E",
            // a re-queued entry with the same pair and count as a waiting one pops after it (it is younger)
            "7:50:A 7:40:B - 7:40:C 6:45:D;                       A D B C",
            // counts across many powers of two, pushed rarest first
            "1:1:A 1:2:B 1:4:C 1:64:D 1:65:E 1:1048576:F 1:3:G;   F E D C G B A",
            // an entry with count 0 (a stale count re-queued) pops last
            "2:0:A - 3:5:B 1:0:C;                                 A B C",
    })
    void popsInHeapOrder(String ops, String expected) {
        MergeQueue queue = new MergeQueue();
        List<String> popped = new ArrayList<>();
        for (String op : ops.trim().split(" +")) {
            if (op.equals("-")) {
                popped.add(pop(queue));
            } else {
                String[] f = op.split(":");
                queue.push(Long.parseLong(f[0]), Long.parseLong(f[1]), new int[] {f[2].charAt(0)});
            }
        }
        while (!queue.isEmpty()) {
            popped.add(pop(queue));
        }
        assertEquals(expected, String.join(" ", popped));
    }

    private static String pop(MergeQueue queue) {
        assertTrue(!queue.isEmpty());
        String tag = String.valueOf((char) queue.topPos()[0]);
        queue.pop();
        return tag;
    }

    /** Buckets never go down as the count goes up: four per power of two from 4 on, one each below. */
    @ParameterizedTest(name = "count {0} -> bucket {1}")
    @CsvSource({
            "0, 0", "1, 1", "2, 2", "3, 3", "4, 4", "5, 5", "7, 7", "8, 8", "9, 8", "10, 9", "15, 11", "16, 12",
            "23, 13", "24, 14", "31, 15", "32, 16", "9223372036854775807, 247",
    })
    void bucketOfCount(long count, int bucket) {
        assertEquals(bucket, MergeQueue.bucket(count));
    }

    @Test
    void bucketsRiseWithTheCount() {
        for (long c = 0; c < 100_000; c++) {
            assertTrue(MergeQueue.bucket(c) <= MergeQueue.bucket(c + 1), "count " + c);
        }
        for (int bits = 3; bits < 63; bits++) {
            long c = 1L << bits;
            assertEquals(MergeQueue.bucket(c - 1) + 1, MergeQueue.bucket(c), "count " + c);
        }
    }

    /** Random pushes (counts of every size, repeated pairs) and pops, against one plain priority queue. */
    @Test
    void sameOrderAsOneHeapOverAllEntries() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            MergeQueue queue = new MergeQueue();
            Comparator<long[]> order = Comparator.<long[]>comparingLong(e -> -e[0]).thenComparingLong(e -> e[1])
                    .thenComparingLong(e -> e[2]);
            PriorityQueue<long[]> reference = new PriorityQueue<>(order);
            int tag = 0;
            for (int op = 0; op < 20_000; op++) {
                if (random.nextInt(3) > 0 || reference.isEmpty()) {
                    long count = random.nextInt(8) == 0 ? random.nextInt(4)
                            : (long) Math.exp(random.nextDouble() * (random.nextBoolean() ? 8 : 30));
                    long pair = BpeMerger.pair(random.nextInt(20), random.nextInt(20));
                    queue.push(pair, count, new int[] {tag});
                    reference.add(new long[] {count, pair, tag});
                    tag++;
                } else {
                    long[] expected = reference.poll();
                    assertTrue(!queue.isEmpty());
                    assertEquals(expected[2], queue.topPos()[0], "seed " + seed + ", op " + op);
                    assertEquals(expected[0], queue.topCount());
                    assertEquals(expected[1], queue.topPair());
                    queue.pop();
                }
            }
            while (!reference.isEmpty()) {
                assertTrue(!queue.isEmpty());
                assertEquals(reference.poll()[2], queue.topPos()[0], "seed " + seed + ", draining");
                queue.pop();
            }
            assertTrue(queue.isEmpty());
        }
    }
}
