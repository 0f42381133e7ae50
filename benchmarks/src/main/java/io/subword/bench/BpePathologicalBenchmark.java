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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Inputs that make naive BPE quadratic: one huge pre-tokenized piece. Ours merges a long piece with a heap over
 * a linked list of symbols (O(n log n)); this checks that each input takes well under a second, next to jtokkit.
 *
 * <p>One operation encodes the whole input once ({@code encode(text, SpecialTokenPolicy.ORDINARY)} for ours,
 * {@code encodeOrdinary(text)} for jtokkit), timed single-shot: the time a caller waits.
 * <ul>
 *   <li>{@code a_100k}: {@code "a".repeat(100_000)}, one piece whose merges all tie.</li>
 *   <li>{@code letters_1MB}: 1,000,000 random lowercase ASCII letters (seed 42), one piece.</li>
 *   <li>{@code europarlNoSpaces_1MB}: the Europarl sample with all whitespace removed, cut to 1,000,000 bytes of
 *       UTF-8: long letter runs in all 21 languages, cut at punctuation and digits.</li>
 * </ul>
 * The setup checks that ours and jtokkit give the same number of tokens.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class BpePathologicalBenchmark {
    /** The input, see the class comment. */
    @Param({"a_100k", "letters_1MB", "europarlNoSpaces_1MB"})
    public String input;

    /** The tiktoken encoding. */
    @Param({"r50k_base", "cl100k_base", "o200k_base"})
    public String encoding;

    private String text;
    private Tokenizer ours;
    private com.knuddels.jtokkit.api.Encoding jtokkit;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        text = input(input);
        ours = Tokenizers.fromTiktoken(RealData.tiktoken(encoding), TiktokenEncoding.forName(encoding));
        jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
        long a = ours();
        long b = jtokkit();
        if (a != b) {
            throw new IllegalStateException(encoding + ", " + input + ": ours gives " + a + " tokens, jtokkit " + b);
        }
    }

    static String input(String name) {
        return switch (name) {
            case "a_100k" -> "a".repeat(100_000);
            case "letters_1MB" -> {
                SplittableRandom random = new SplittableRandom(42);
                char[] c = new char[1_000_000];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (char) ('a' + random.nextInt(26));
                }
                yield new String(c);
            }
            case "europarlNoSpaces_1MB" -> {
                StringBuilder sb = new StringBuilder();
                long bytes = 0;
                outer:
                for (String line : RealData.europarlLines()) {
                    for (int i = 0; i < line.length(); ) {
                        int cp = line.codePointAt(i);
                        i += Character.charCount(cp);
                        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                            continue;
                        }
                        int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                        if (bytes + len > 1_000_000) {
                            break outer;
                        }
                        sb.appendCodePoint(cp);
                        bytes += len;
                    }
                }
                yield sb.toString();
            }
            default -> throw new IllegalArgumentException("unknown input " + name);
        };
    }

    @Benchmark
    public long ours() {
        return ours.encode(text, SpecialTokenPolicy.ORDINARY).size();
    }

    @Benchmark
    public long jtokkit() {
        return jtokkit.encodeOrdinary(text).size();
    }
}
