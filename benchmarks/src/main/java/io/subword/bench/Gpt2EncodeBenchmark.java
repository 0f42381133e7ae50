package io.subword.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
public class Gpt2EncodeBenchmark {
    /** Bytes of UTF-8 text in the slice (a prefix of the Europarl sample, whole lines). */
    @Param({"1000000"})
    public long sliceBytes;

    private String[] lines;
    private Path dir;
    private Tokenizer ours;
    private HfReference hf;
    private HuggingFaceTokenizer djl;
    private com.knuddels.jtokkit.api.Encoding jtokkit;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> slice = RealData.europarlSlice(sliceBytes);
        lines = slice.toArray(new String[0]);
        dir = Files.createTempDirectory("gpt2-bench");
        Path json = dir.resolve("gpt2-tokenizer.json");
        Tokenizer tiktoken = Tokenizers.fromTiktoken(RealData.tiktoken("r50k_base"), TiktokenEncoding.R50K_BASE);
        TokenizerJson.write(Tokenizers.withMergeList(tiktoken), json);
        ours = Tokenizers.fromFile(json);
        hf = HfReference.load(json, false);
        djl = hf.raw();
        jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
        long a = ours();
        long b = djlPerLine();
        long c = jtokkit();
        if (a != b || a != c) {
            throw new IllegalStateException("tokens for the slice: ours " + a + ", DJL " + b + ", jtokkit " + c);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        hf.close();
        Files.deleteIfExists(dir.resolve("gpt2-tokenizer.json"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long ours() {
        long tokens = 0;
        for (String line : lines) {
            tokens += ours.encode(line, false).size();
        }
        return tokens;
    }

    @Benchmark
    public long djlPerLine() {
        long tokens = 0;
        for (String line : lines) {
            tokens += djl.encode(line, false, false).getIds().length;
        }
        return tokens;
    }

    @Benchmark
    public long djlBatch() {
        long tokens = 0;
        for (ai.djl.huggingface.tokenizers.Encoding e : djl.batchEncode(lines, false, false)) {
            tokens += e.getIds().length;
        }
        return tokens;
    }

    @Benchmark
    public long jtokkit() {
        return BpeEncodeBenchmark.jtokkitPerLine(jtokkit, lines);
    }
}
