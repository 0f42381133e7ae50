package io.subword.bench;

import org.openjdk.jmh.annotations.Threads;

/**
 * Byte-level BPE encoding of Europarl text with tiktoken's {@code r50k_base} (GPT-2), {@code cl100k_base} and
 * {@code o200k_base}: ours ({@code Tokenizers.fromTiktoken}) against jtokkit, in the same run, on one benchmark
 * thread. See {@link BpeEncodeState} for what one operation is; {@link BpeEncodeTwoThreadsBenchmark} is the same
 * on two threads, {@link Gpt2EncodeBenchmark} the comparison with Hugging Face tokenizers.
 */
@Threads(1)
public class BpeEncodeBenchmark extends BpeEncodeState {
}
