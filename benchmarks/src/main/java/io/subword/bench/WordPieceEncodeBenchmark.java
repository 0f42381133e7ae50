package io.subword.bench;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * WordPiece encoding of Europarl text with the {@code bert-base-uncased} tokenizer.json (limits off, no special
 * tokens), ours against Hugging Face tokenizers through DJL, in the same run, on one benchmark thread.
 *
 * <p>One operation is one pass over a fixed slice, with the three benchmarks of {@link EncodeVsDjl}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class WordPieceEncodeBenchmark extends EncodeVsDjl {
    @Override
    protected Tokenizer loadOurs() throws Exception {
        return Tokenizers.fromFile(referenceJson());
    }

    @Override
    protected Path referenceJson() {
        return RealData.bertUncasedTokenizerJsonWithoutLimits();
    }
}
