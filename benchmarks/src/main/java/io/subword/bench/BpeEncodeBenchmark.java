package io.subword.bench;

import io.subword.SpecialTokenPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;

/**
 * Byte-level BPE encoding of English prose and of Europarl with tiktoken's {@code r50k_base} (GPT-2),
 * {@code cl100k_base} and {@code o200k_base}: ours against jtokkit, in the same run, on one thread, one call per
 * line (see {@link BpeEncodeState}). {@link BpeEncodeTwoThreadsBenchmark} is the same slice on two cores,
 * {@link Gpt2EncodeBenchmark} the comparison with Hugging Face tokenizers.
 */
@Threads(1)
public class BpeEncodeBenchmark extends BpeEncodeState {
    @Benchmark
    public long ours() {
        long tokens = 0;
        for (String line : lines) {
            tokens += ours.encode(line, SpecialTokenPolicy.ORDINARY).size();
        }
        return tokens;
    }

    /** Ids only ({@code Tokenizer.encodeIds}): the like-for-like peer of jtokkit's {@code encodeOrdinary}. */
    @Benchmark
    public long oursIds() {
        long tokens = 0;
        for (String line : lines) {
            tokens += ours.encodeIds(line).length;
        }
        return tokens;
    }

    @Benchmark
    public long jtokkit() {
        return jtokkitPerLine(jtokkit, lines);
    }

    /** jtokkit's {@code encodeOrdinary} of each line: the token count (also {@link Gpt2EncodeBenchmark}'s peer). */
    static long jtokkitPerLine(com.knuddels.jtokkit.api.Encoding jtokkit, String[] lines) {
        long tokens = 0;
        for (String line : lines) {
            tokens += jtokkit.encodeOrdinary(line).size();
        }
        return tokens;
    }
}
