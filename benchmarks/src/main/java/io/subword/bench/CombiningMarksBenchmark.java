package io.subword.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Issue 15's hostile line: {@code "a"} followed by combining marks cycling through U+0300..U+036F, whose
 * combining classes differ, so NFD must reorder one long run of marks. The BERT uncased pipeline strips them
 * all; the time is almost all normalization. Before the linear canonical ordering this took 1.2 s at 100k chars
 * and 129 s at 1M.
 *
 * <p>One operation encodes the whole line once, timed single-shot (the time a caller waits): {@code ours} is
 * {@code Tokenizer.encode(text, false)} on the {@code bert-base-uncased} tokenizer.json (limits off),
 * {@code djl} is Hugging Face tokenizers through DJL on the same file, and {@code jdkNfd} is the JDK's own
 * {@code Normalizer.normalize(text, NFD)}, for scale. The setup checks that ours and DJL give the same ids.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class CombiningMarksBenchmark {
    /** Length of the line in chars: {@code "a"} and then {@code chars - 1} marks. */
    @Param({"100000", "1000000"})
    public int chars;

    private String text;
    private Tokenizer ours;
    private HfReference hf;
    private HuggingFaceTokenizer djl;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        text = line(chars);
        ours = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), false);
        djl = hf.raw();
        long[] theirs = djl.encode(text, false, false).getIds();
        int[] mine = ours.encode(text, false).ids();
        if (!Arrays.equals(theirs, Arrays.stream(mine).asLongStream().toArray())) {
            throw new IllegalStateException("ours gives ids " + Arrays.toString(mine) + ", DJL "
                    + Arrays.toString(theirs));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hf.close();
    }

    static String line(int chars) {
        StringBuilder sb = new StringBuilder(chars).append('a');
        for (int i = 1; i < chars; i++) {
            sb.append((char) (0x300 + (i - 1) % 0x70));
        }
        return sb.toString();
    }

    @Benchmark
    public long ours() {
        return ours.encode(text, false).size();
    }

    @Benchmark
    public long djl() {
        return djl.encode(text, false, false).getIds().length;
    }

    @Benchmark
    public long jdkNfd() {
        return Normalizer.normalize(text, Normalizer.Form.NFD).length();
    }
}
