package io.subword.examples.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.subword.compare.LanguageGuesser;
import io.subword.examples.SentenceEmbedder;
import io.subword.testkit.RealData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end sentence embeddings per second, one calling thread, ours ({@link SentenceEmbedder}: our tokenizer,
 * ONNX Runtime, mean pooling) against langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} (Hugging Face's
 * tokenizer through DJL, the same ONNX file and runtime), on the first {@value #LINES} English Europarl lines (most
 * longer than the model's 128 tokens, so each is one full sequence). The {@code *Tokenize} methods do only the
 * tokenizer calls each side makes for one text (ours: {@link SentenceEmbedder#segments}; langchain4j's:
 * tokenize, rebuild the text of the pieces, tokenize it again, encode it), so their time over the end-to-end
 * time is the share of tokenization. ONNX Runtime runs the model with its own thread pool on both sides.
 *
 * <p>Run with {@code examples/sentence-embeddings/bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class SentenceEmbeddingBenchmark {
    static final int LINES = 64;

    private List<String> lines;
    private SentenceEmbedder ours;
    private AllMiniLmL6V2QuantizedEmbeddingModel langchain4j;
    private HuggingFaceTokenizer hf;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        lines = RealData.europarlLines().stream().filter(l -> LanguageGuesser.guess(l).equals("en")).limit(LINES)
                .toList();
        ours = SentenceEmbedder.allMiniLmL6V2();
        langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Path json = Files.createTempFile("minilm", ".json");
        try (var in = SentenceEmbeddingBenchmark.class.getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            Files.copy(in, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        hf = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        Files.delete(json);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ours.close();
        hf.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void ours(Blackhole bh) {
        for (String line : lines) {
            bh.consume(ours.embed(line));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void langchain4j(Blackhole bh) {
        for (String line : lines) {
            bh.consume(langchain4j.embed(line).content());
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void oursTokenize(Blackhole bh) {
        for (String line : lines) {
            bh.consume(ours.segments(line));
        }
    }

    /** The tokenizer calls of langchain4j's OnnxBertBiEncoder for a text of one segment. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void langchain4jTokenize(Blackhole bh) {
        for (String line : lines) {
            List<String> tokens = hf.tokenize(line);
            String text = hf.buildSentence(tokens.subList(1, tokens.size() - 1));
            bh.consume(hf.tokenize(text));
            bh.consume(hf.encode(text, true, false).getIds());
        }
    }
}
