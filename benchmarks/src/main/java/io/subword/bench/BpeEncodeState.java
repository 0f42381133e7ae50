package io.subword.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.subword.SpecialTokenPolicy;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tiktoken encode benchmark's data and tokenizers, shared by {@link BpeEncodeBenchmark} (one thread, line by
 * line) and {@link BpeEncodeTwoThreadsBenchmark} (the slice spread over two cores).
 *
 * <p>One operation is one pass over a fixed slice: the first lines of the {@link #corpus} that add up to
 * {@link #sliceBytes} bytes of UTF-8 ({@link RealData#slice}): {@code english} is the Brown corpus (American English
 * prose, one sentence a line), {@code europarl} the Europarl sample (21 languages interleaved). Each method returns
 * the number of tokens so that the work cannot be optimized away; {@link Report} turns the time per pass into MB/s.
 *
 * <p>Ours is {@code Tokenizer.encode(line, SpecialTokenPolicy.ORDINARY)} of the tokenizer that
 * {@code Tokenizers.fromTiktoken} builds from the rank file: ids, offsets and the rest of an {@code Encoding};
 * {@code oursIds} is {@code Tokenizer.encodeIds(line)}, the ids only, like for like with jtokkit's, which is
 * {@code encodeOrdinary(line)} (jtokkit has no offsets). Both read the same rank files
 * ({@link RealData#tiktoken} holds jtokkit's); jtokkit is called directly rather than through
 * {@code JtokkitReference}, whose {@code int[]} copy of the ids would be charged to jtokkit. The setup checks that
 * all give the same ids for every line of the slice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public abstract class BpeEncodeState {
    /** Bytes of UTF-8 text in the slice (a prefix of the corpus, whole lines). */
    @Param({"1000000"})
    public long sliceBytes;

    /** {@code english} (Brown) or {@code europarl}. */
    @Param({"english", "europarl"})
    public String corpus;

    /** The tiktoken encoding. */
    @Param({"r50k_base", "cl100k_base", "o200k_base"})
    public String encoding;

    String[] lines;
    /** The same lines, for {@code encodeBatch}. */
    List<String> lineList;
    Tokenizer ours;
    com.knuddels.jtokkit.api.Encoding jtokkit;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> slice = RealData.slice(corpus, sliceBytes);
        lines = slice.toArray(new String[0]);
        lineList = List.copyOf(slice);
        ours = Tokenizers.fromTiktoken(RealData.tiktoken(encoding), TiktokenEncoding.forName(encoding))
                .withSpecialTokenPolicy(SpecialTokenPolicy.ORDINARY);
        jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
        for (String line : lines) {
            int[] a = ours.encode(line, SpecialTokenPolicy.ORDINARY).ids();
            int[] b = jtokkit.encodeOrdinary(line).toArray();
            if (!Arrays.equals(a, b) || !Arrays.equals(ours.encodeIds(line), b)) {
                throw new IllegalStateException(encoding + " on " + corpus + ": ours and jtokkit differ on " + line);
            }
        }
    }
}
