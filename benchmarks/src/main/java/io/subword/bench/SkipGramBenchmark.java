package io.subword.bench;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.embed.SkipGramResult;
import io.subword.embed.SkipGramTrainer;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Skip-gram with negative sampling over BERT uncased pieces of Europarl: tokens per second.
 *
 * <p>One operation is one training token: an invocation trains one epoch over exactly {@link #TOKENS} piece ids
 * (the first Europarl lines, tokenized once in the setup, the last line cut to fit), with word2vec's settings
 * {@code dim 100, window 5, negative 5, sample 1e-3, minCount 1}, on {@link #threads} worker threads. The
 * invocation includes the counting pass, the noise table and the initialization of the two
 * {@code vocab x 100} tables (BERT's 30,522 rows), which is what a caller pays. JMH's ops/s are tokens/s over all
 * workers; divide by {@code threads} for tokens/s/thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class SkipGramBenchmark {
    /** Piece ids trained per invocation. */
    public static final int TOKENS = 200_000;

    /** Worker threads of the trainer (JMH itself runs one benchmark thread). */
    @Param({"1", "2"})
    public int threads;

    private List<int[]> sentences;
    private int vocabSize;
    private Tokenizer tokenizer;
    private SkipGramTrainer trainer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        tokenizer = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        vocabSize = tokenizer.vocabulary().size();
        sentences = new ArrayList<>();
        int total = 0;
        for (String line : RealData.europarlLines()) {
            Encoding e = tokenizer.encode(line, false);
            int[] ids = e.ids();
            int take = Math.min(ids.length, TOKENS - total);
            sentences.add(take == ids.length ? ids : Arrays.copyOf(ids, take));
            total += take;
            if (total == TOKENS) {
                break;
            }
        }
        trainer = SkipGramTrainer.builder().dim(100).window(5).negative(5).epochs(1).minCount(1).sample(1e-3)
                .learningRate(0.025f).threads(threads).seed(1).build();
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS)
    public float ours() {
        SkipGramResult r = trainer.train(vocabSize, sentences, tokenizer::isSpecial, TrainingListener.NONE);
        return r.input().data()[r.input().dim() * 1000];
    }
}
