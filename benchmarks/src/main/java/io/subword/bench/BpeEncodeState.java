package io.subword.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.subword.SpecialTokenPolicy;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tiktoken encode benchmark, run by {@link BpeEncodeBenchmark} (one thread) and
 * {@link BpeEncodeTwoThreadsBenchmark} (two threads).
 *
 * <p>One operation is one pass over a fixed slice: the first Europarl lines that add up to {@link #sliceBytes}
 * bytes of UTF-8 (all 21 languages interleaved), each line encoded on its own. Each method returns the number of
 * tokens so that the work cannot be optimized away; {@link Report} turns the time per pass into MB/s.
 *
 * <ul>
 *   <li>{@link #ours}: {@code Tokenizer.encode(line, SpecialTokenPolicy.ORDINARY)} of the tokenizer that
 *       {@code Tokenizers.fromTiktoken} builds from the rank file: ids, offsets and the rest of an
 *       {@code Encoding}.</li>
 *   <li>{@link #jtokkit}: jtokkit's {@code encodeOrdinary(line)}, ids only (jtokkit has no offsets).</li>
 * </ul>
 * Both read the same rank files ({@link RealData#tiktoken} holds jtokkit's); jtokkit is called directly rather
 * than through {@code JtokkitReference}, whose {@code int[]} copy of the ids would be charged to jtokkit. the setup checks that they give the same number of
 * tokens for the slice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public abstract class BpeEncodeState {
    /** Bytes of UTF-8 text in the slice (a prefix of the Europarl sample, whole lines). */
    @Param({"1000000"})
    public long sliceBytes;

    /** The tiktoken encoding. */
    @Param({"r50k_base", "cl100k_base", "o200k_base"})
    public String encoding;

    private String[] lines;
    private Tokenizer ours;
    private com.knuddels.jtokkit.api.Encoding jtokkit;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> slice = RealData.europarlSlice(sliceBytes);
        lines = slice.toArray(new String[0]);
        ours = Tokenizers.fromTiktoken(RealData.tiktoken(encoding), TiktokenEncoding.forName(encoding));
        jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
        long a = ours();
        long b = jtokkit();
        if (a != b) {
            throw new IllegalStateException(encoding + ": ours gives " + a + " tokens for the slice, jtokkit " + b);
        }
    }

    @Benchmark
    public long ours() {
        long tokens = 0;
        for (String line : lines) {
            tokens += ours.encode(line, SpecialTokenPolicy.ORDINARY).size();
        }
        return tokens;
    }

    @Benchmark
    public long jtokkit() {
        long tokens = 0;
        for (String line : lines) {
            tokens += jtokkit.encodeOrdinary(line).size();
        }
        return tokens;
    }
}
