package io.subword;

import io.subword.testkit.RandomText;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@link Tokenizer} shared by 8 threads, each encoding the same seeded mix of texts (Europarl lines, random
 * text across Unicode categories, long words, repeated words that hit the BPE cache) in its own shuffled order,
 * started together: every result must equal the serial one. Then threads that live for one encode each must not
 * leave their per-thread caches behind.
 */
class ConcurrencyStressTest {
    static final int THREADS = 8;
    private static final AtomicLong ENCODED = new AtomicLong();
    private static final long SEED = 20240620;

    static List<String> names() {
        return FuzzTokenizers.NAMES;
    }

    /** The seeded mix of inputs. */
    static List<String> inputs() {
        int scale = Integer.getInteger("subword.fuzz.scale", 1);
        List<String> europarl = RealData.europarlLines();
        Random random = new Random(SEED);
        RandomText text = new RandomText(SEED);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 160 * scale; i++) {
            switch (i % 4) {
                case 0 -> out.add(europarl.get(random.nextInt(europarl.size())));
                case 1 -> out.add(text.next(12));
                case 2 -> out.add("the the the " + "ab".repeat(random.nextInt(200)) + " hello world");
                default -> out.add(text.next(3) + " " + europarl.get(random.nextInt(europarl.size())));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eightThreadsGiveTheSerialResults(String name) throws Exception {
        Tokenizer tok = FuzzTokenizers.get(name);
        List<String> texts = inputs();
        List<Encoding> serial = new ArrayList<>(texts.size());
        for (String t : texts) {
            serial.add(tok.encode(t));
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = SEED + t;
                done.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    start.await();
                    for (int i : order) {
                        Encoding e = tok.encode(texts.get(i));
                        assertArrayEquals(serial.get(i).ids(), e.ids(), () -> name + ": text " + i);
                        assertEquals(serial.get(i).offsets(), e.offsets(), () -> name + ": text " + i);
                    }
                    return order.size();
                }));
            }
            for (Future<Integer> f : done) {
                ENCODED.addAndGet(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // the parallel batch path shares the tokenizer across the common pool
        List<Encoding> batch = tok.encodeBatch(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(serial.get(i).ids(), batch.get(i).ids(), name);
        }
        ENCODED.addAndGet(texts.size());
    }

    /**
     * 400 threads that each encode a few texts and die: their per-thread scratch and caches (a BPE cache is
     * 16,384 slots) must go with them, so the heap after a GC is back near where it started.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void shortLivedThreadsLeaveNothingBehind(String name) throws Exception {
        Tokenizer tok = FuzzTokenizers.get(name);
        List<String> texts = inputs().subList(0, 40);
        tok.encode(texts.get(0));
        long before = usedAfterGc();
        for (int round = 0; round < 50; round++) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int from = (round * THREADS + t) % (texts.size() - 4);
                Thread th = new Thread(() -> {
                    for (String s : texts.subList(from, from + 4)) {
                        tok.encode(s);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            ENCODED.addAndGet(4L * THREADS);
        }
        long after = usedAfterGc();
        long grown = after - before;
        // 400 leaked BPE caches alone would hold over 100 MB
        assertTrue(grown < 24L << 20, () -> name + ": heap grew by " + (grown >> 20) + " MB over 400 dead threads");
    }

    /**
     * A long-lived thread that once encoded a huge input (a 4M-char line, a 200,000-char word) does not keep
     * scratch buffers sized to it: the heap after a GC, with the thread still alive, is back near where it was.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aHugeInputDoesNotPinItsScratchToTheThread(String name) throws Exception {
        Tokenizer tok = FuzzTokenizers.get(name);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(() -> tok.encode("warm up the scratch and caches")).get();
            long before = usedAfterGc();
            thread.submit(() -> {
                tok.encode(LargeInputMain.text(4 << 20, 7), false);
                tok.encode("ab".repeat(100_000), false);
            }).get();
            long grown = usedAfterGc() - before;
            assertTrue(grown < 8L << 20, () -> name + ": the thread kept " + (grown >> 20) + " MB after a huge input");
            ENCODED.addAndGet(3);
        } finally {
            thread.shutdownNow();
        }
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    @AfterAll
    static void report() {
        System.out.println("concurrency: " + ENCODED.get() + " encodings on " + THREADS + " threads sharing one "
                + "tokenizer (x" + FuzzTokenizers.NAMES.size() + " encoders) and 400 short-lived threads each, "
                + "all equal to the serial results");
    }
}
