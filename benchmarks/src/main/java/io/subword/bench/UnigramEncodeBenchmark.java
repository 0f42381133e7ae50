package io.subword.bench;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.sentencepiece.SentencePieceModel;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Files;
import java.nio.file.Path;
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
public class UnigramEncodeBenchmark extends EncodeVsDjl {
    static final String MODEL = "tokenizer-core/src/test/resources/sentencepiece/uni-en-nmt.model";

    private Path json;

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

    @Override
    protected Tokenizer loadOurs() throws Exception {
        return Tokenizers.fromFile(model());
    }

    @Override
    protected Path referenceJson() throws Exception {
        json = Files.createTempFile("unigram-bench", ".json");
        Files.writeString(json, SentencePieceModel.read(model()).toHuggingFaceJson());
        return json;
    }

    /** The converted file gives spm's ids, up to exact score ties that float and double round apart. */
    @Override
    protected void checkSameWork(long oursTokens, long djlTokens) {
        if (Math.abs(oursTokens - djlTokens) > oursTokens / 1000) {
            super.checkSameWork(oursTokens, djlTokens);
        }
    }

    @Override
    protected void cleanUp() throws Exception {
        Files.deleteIfExists(json);
    }
}
