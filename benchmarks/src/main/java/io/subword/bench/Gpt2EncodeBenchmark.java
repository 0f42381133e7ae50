package io.subword.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * GPT-2 byte-level BPE of Europarl text through a Hugging Face {@code tokenizer.json}: ours against Hugging Face
 * tokenizers (DJL) and jtokkit, in the same run, on one benchmark thread.
 *
 * <p>The tokenizer.json is the one converted from {@code r50k_base.tiktoken} ({@code Tokenizers.withMergeList} of
 * {@code Tokenizers.fromTiktoken}, written by {@code TokenizerJson.write} to a temporary file in the setup, as
 * the parity tests do): GPT-2's vocabulary, its 50,000 ranked merges, the ByteLevel pre-tokenizer, decoder and
 * post-processor and {@code <|endoftext|>}. Ours and DJL both load that file. One operation is one pass over
 * the first Europarl lines that add up to {@link #sliceBytes} bytes of UTF-8, line by line.
 *
 * <ul>
 *   <li>{@link #ours}: {@code Tokenizer.encode(line, false)} of the tokenizer read from the file (merge-list
 *       model).</li>
 *   <li>{@link #djlPerLine}: DJL's {@code encode(line, false, false)} per line, including DJL's copy of the
 *       result into Java arrays.</li>
 *   <li>{@link #djlBatch}: one DJL {@code batchEncode} of the slice ({@code benchmarks/run} sets
 *       {@code RAYON_NUM_THREADS=1}).</li>
 *   <li>{@link #jtokkit}: jtokkit's {@code r50k_base} {@code encodeOrdinary(line)}, ids only.</li>
 * </ul>
 * The setup checks that all three give the same number of tokens for the slice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class Gpt2EncodeBenchmark extends EncodeVsDjl {
    private Path dir;
    private com.knuddels.jtokkit.api.Encoding jtokkit;

    @Override
    protected Tokenizer loadOurs() throws Exception {
        dir = Files.createTempDirectory("gpt2-bench");
        Tokenizer tiktoken = Tokenizers.fromTiktoken(RealData.tiktoken("r50k_base"), TiktokenEncoding.R50K_BASE);
        TokenizerJson.write(Tokenizers.withMergeList(tiktoken), referenceJson());
        jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        return Tokenizers.fromFile(referenceJson());
    }

    @Override
    protected Path referenceJson() {
        return dir.resolve("gpt2-tokenizer.json");
    }

    /** jtokkit too gives the same number of tokens. */
    @Override
    protected void checkSameWork(long oursTokens, long djlTokens) {
        super.checkSameWork(oursTokens, djlTokens);
        super.checkSameWork(oursTokens, jtokkit());
    }

    @Override
    protected void cleanUp() throws Exception {
        Files.deleteIfExists(referenceJson());
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long jtokkit() {
        return BpeEncodeBenchmark.jtokkitPerLine(jtokkit, lines);
    }
}
