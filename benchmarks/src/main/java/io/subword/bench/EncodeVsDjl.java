package io.subword.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.subword.Tokenizer;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;

/**
 * The setup every encode benchmark against Hugging Face tokenizers (through DJL) shares: the Europarl slice, our
 * tokenizer and DJL's over the same file, a check that both sides do the same work (the same token count for the
 * slice), and the three benchmarks.
 *
 * <p>One operation is one pass over a fixed slice: the first Europarl lines that add up to {@link #sliceBytes}
 * bytes of UTF-8 (all 21 languages are interleaved, so the slice mixes them). Each benchmark returns the number of
 * tokens so the work cannot be optimized away; {@link Report} turns the time per pass into MB/s.
 * <ul>
 *   <li>{@link #ours}: {@code Tokenizer.encode(line, false)} per line.</li>
 *   <li>{@link #djlPerLine}: DJL's {@code encode(line, false, false)} per line, which includes DJL copying ids,
 *       tokens, offsets and masks out of Rust into Java arrays: what a Java caller of DJL pays.</li>
 *   <li>{@link #djlBatch}: DJL's {@code batchEncode} of the whole slice in one call. The Rust library parallelizes a
 *       batch with rayon; {@code benchmarks/run} sets {@code RAYON_NUM_THREADS=1} so that this is single-threaded
 *       too (set it yourself to compare against all cores).</li>
 * </ul>
 */
@State(Scope.Benchmark)
public abstract class EncodeVsDjl {
    /** Bytes of UTF-8 text in the slice (a prefix of the Europarl sample, whole lines). */
    @Param({"1000000"})
    public long sliceBytes;

    protected String[] lines;
    protected Tokenizer ours;
    private HfReference hf;
    private HuggingFaceTokenizer djl;

    /** Our tokenizer. */
    protected abstract Tokenizer loadOurs() throws Exception;

    /** The tokenizer.json that Hugging Face loads for the same tokenizer. */
    protected abstract Path referenceJson() throws Exception;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        lines = RealData.europarlSlice(sliceBytes).toArray(new String[0]);
        ours = loadOurs();
        hf = HfReference.load(referenceJson(), false);
        djl = hf.raw();
        checkSameWork(ours(), djlPerLine());
    }

    /** Fails unless both sides give the same number of tokens for the slice, so they do the same work. */
    protected void checkSameWork(long oursTokens, long djlTokens) {
        if (oursTokens != djlTokens) {
            throw new IllegalStateException("tokens for the slice: ours " + oursTokens + ", DJL " + djlTokens);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        hf.close();
        cleanUp();
    }

    /** Deletes what {@link #referenceJson} made, if anything. */
    protected void cleanUp() throws Exception {
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
        for (Encoding e : djl.batchEncode(lines, false, false)) {
            tokens += e.getIds().length;
        }
        return tokens;
    }
}
