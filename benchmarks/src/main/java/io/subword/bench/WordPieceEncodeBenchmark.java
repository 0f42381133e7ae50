package io.subword.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * WordPiece encoding of Europarl text with the {@code bert-base-uncased} tokenizer.json (limits off, no special
 * tokens), ours against Hugging Face tokenizers through DJL, in the same run, on one benchmark thread.
 *
 * <p>One operation is one pass over a fixed slice: the first Europarl lines that add up to {@link #sliceBytes}
 * bytes of UTF-8 (all 21 languages are interleaved, so the slice mixes them). Each benchmark returns the number
 * of tokens so the work cannot be optimized away; {@link Report} turns the time per pass into MB/s.
 *
 * <ul>
 *   <li>{@link #ours}: {@code Tokenizer.encode(line, false)} per line.</li>
 *   <li>{@link #djlPerLine}: DJL's {@code encode(line, false, false)} per line, which includes DJL copying ids,
 *       tokens, offsets and masks out of Rust into Java arrays: what a Java caller of DJL pays.</li>
 *   <li>{@link #djlBatch}: DJL's {@code batchEncode} of the whole slice in one call. The Rust library
 *       parallelizes a batch with rayon; {@code benchmarks/run} sets {@code RAYON_NUM_THREADS=1} so that this is
 *       single-threaded too (set it yourself to compare against all cores).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class WordPieceEncodeBenchmark {
    /** Bytes of UTF-8 text in the slice (a prefix of the Europarl sample, whole lines). */
    @Param({"1000000"})
    public long sliceBytes;

    private List<String> lines;
    private String[] array;
    private Tokenizer ours;
    private HfReference hf;
    private HuggingFaceTokenizer djl;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        lines = RealData.europarlSlice(sliceBytes);
        array = lines.toArray(new String[0]);
        ours = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), false);
        djl = hf.raw();
        // Same work on both sides: check once that the two agree on the token count of the slice.
        long a = ours();
        long b = djlPerLine();
        if (a != b) {
            throw new IllegalStateException("ours gives " + a + " tokens for the slice, DJL " + b);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hf.close();
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
        for (Encoding e : djl.batchEncode(array, false, false)) {
            tokens += e.getIds().length;
        }
        return tokens;
    }
}
