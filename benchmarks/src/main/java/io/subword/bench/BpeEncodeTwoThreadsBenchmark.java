package io.subword.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;

import java.util.Arrays;

/**
 * {@link BpeEncodeBenchmark}'s slice encoded on two cores: one operation is still one pass over the slice, so the
 * MB/s set beside the one-thread figures show the scaling.
 * <ul>
 *   <li>{@link #ours}: one {@code encodeBatch(lines)} call, which spreads the lines over the common fork-join pool
 *       and the calling thread (two workers on two cores);</li>
 *   <li>{@link #oursIds}: one {@code encodeIdsBatch(lines)}, ids only;</li>
 *   <li>{@link #jtokkit}: jtokkit has no batch call; a parallel stream over the lines, the same two workers.</li>
 * </ul>
 * The tokenizers are shared by the workers (both are thread-safe; ours keeps its scratch and piece cache per
 * thread).
 */
@Threads(1)
public class BpeEncodeTwoThreadsBenchmark extends BpeEncodeState {
    @Benchmark
    public long ours() {
        long tokens = 0;
        for (var e : ours.encodeBatch(lineList, false)) {
            tokens += e.size();
        }
        return tokens;
    }

    /** One {@code encodeIdsBatch(lines)}: ids only, like jtokkit. */
    @Benchmark
    public long oursIds() {
        long tokens = 0;
        for (int[] ids : ours.encodeIdsBatch(lineList)) {
            tokens += ids.length;
        }
        return tokens;
    }

    @Benchmark
    public long jtokkit() {
        return Arrays.stream(lines).parallel().mapToLong(line -> jtokkit.encodeOrdinary(line).size()).sum();
    }
}
