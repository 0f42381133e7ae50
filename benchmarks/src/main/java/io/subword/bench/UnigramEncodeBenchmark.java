package io.subword.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.sentencepiece.SentencePieceModel;
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
 * Unigram encoding of Europarl text with a SentencePiece model (the test model {@code uni-en-nmt.model}: Unigram,
 * 2,000 pieces, nmt_nfkc charsmap, trained by {@code tokenizer-core/src/test/resources/sentencepiece/
 * make-goldens.sh}), ours against Hugging Face tokenizers through DJL, in the same run, on one thread.
 *
 * <ul>
 *   <li>{@link #ours}: {@code Tokenizers.fromFile(model).encode(line, false)} per line (SentencePiece's
 *       normalizer and Unigram encoder: {@code spm_encode}'s ids);</li>
 *   <li>{@link #djlPerLine}: DJL's {@code encode} per line of the model converted to tokenizer.json
 *       ({@code subword convert}: Precompiled, Replace, Prepend, Metaspace, Unigram), which gives the same ids;</li>
 *   <li>{@link #djlBatch}: one DJL {@code batchEncode} of the slice.</li>
 * </ul>
 * The model is looked up from the working directory upwards ({@code -Dunigram.model=PATH} overrides).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class UnigramEncodeBenchmark {
    static final String MODEL = "tokenizer-core/src/test/resources/sentencepiece/uni-en-nmt.model";

    @Param({"1000000"})
    public long sliceBytes;

    private List<String> lines;
    private String[] array;
    private Tokenizer ours;
    private HfReference hf;
    private HuggingFaceTokenizer djl;

    static Path model() {
        String given = System.getProperty("unigram.model");
        if (given != null) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(MODEL))) {
                return dir.resolve(MODEL);
            }
        }
        throw new IllegalStateException("cannot find " + MODEL + " from " + Path.of("").toAbsolutePath()
                + "; run from the repository or give -Dunigram.model=PATH");
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        lines = RealData.europarlSlice(sliceBytes);
        array = lines.toArray(new String[0]);
        Path model = model();
        ours = Tokenizers.fromFile(model);
        Path json = Files.createTempFile("unigram-bench", ".json");
        Files.writeString(json, SentencePieceModel.read(model).toHuggingFaceJson());
        hf = HfReference.load(json, false);
        djl = hf.raw();
        long a = ours();
        long b = djlPerLine();
        // the converted file gives spm's ids, up to exact score ties that float and double round apart
        if (Math.abs(a - b) > a / 1000) {
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
