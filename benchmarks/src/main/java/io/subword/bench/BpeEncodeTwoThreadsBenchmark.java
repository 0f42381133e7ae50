package io.subword.bench;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link BpeEncodeBenchmark} on two benchmark threads: each thread encodes the whole slice per operation, through
 * the same tokenizer instances (both are thread-safe; ours keeps its scratch and piece cache per thread). JMH
 * reports the average time per operation of one thread; {@link Report} prints that thread's MB/s and the total
 * (times the thread count).
 */
@Threads(2)
public class BpeEncodeTwoThreadsBenchmark extends BpeEncodeState {
}
