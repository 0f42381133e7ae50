package io.subword.train;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.progress.TrainingListener;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A trained {@code tokenizer.json} is what Hugging Face tokenizers (through DJL) loads and encodes exactly as we
 * do. To keep the test short, training uses a deterministic subset (the first {@value #TRAIN_LINES} Europarl
 * bodies, vocabulary {@value #VOCAB_SIZE}, WordPiece in {@code hf} mode); encoding covers <b>every</b> line of
 * the Europarl sample (17,597 lines, 21 languages), with special tokens, and compares all ids, for byte-level
 * BPE and WordPiece; char-level BPE (an extra family) is compared on the {@value #BPE_LINES} lines after the
 * training lines, to keep the test near a minute on two cores.
 */
class HfParityTest {
    static final int TRAIN_LINES = 3000;
    static final int VOCAB_SIZE = 5000;
    static final int BATCH = 1000;
    static final int BPE_LINES = 4000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"BPE", "BYTE_LEVEL", "WORD_PIECE"})
    void huggingFaceLoadsTheTrainedTokenizerAndGivesTheSameIds(Family family) throws Exception {
        TrainedTokenizer trained = Trainer.of(family, TrainingOptions.builder().vocabSize(VOCAB_SIZE)
                        .mode(WordPieceTrainer.Mode.HF).threads(2).build())
                .train(Corpus.of(TrainingTest.europarl(dir, 0, TRAIN_LINES)), TrainingListener.NONE);
        Path json = trained.writeAll(dir.resolve("out")).get(TrainedTokenizer.fileNames(family).size() - 1);
        assertEquals(TrainedTokenizer.TOKENIZER_JSON, json.getFileName().toString());
        // our side reads the same file (TrainingTest checks it encodes as the in-memory tokenizer does)
        Tokenizer ours = Tokenizers.fromFile(json);
        List<String> lines = family == Family.BPE
                ? RealData.europarlLines().subList(TRAIN_LINES, TRAIN_LINES + BPE_LINES) : RealData.europarlLines();
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        try (HfReference hf = HfReference.load(json, true)) {
            for (int from = 0; from < lines.size(); from += BATCH) {
                List<String> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
                List<RefEncoding> expected = hf.encodeBatch(batch);
                List<Encoding> actual = ours.encodeBatch(batch, true);
                for (int i = 0; i < batch.size(); i++) {
                    int[] want = expected.get(i).ids();
                    if (!Arrays.equals(want, actual.get(i).ids()) && mismatches++ < 5) {
                        report.append("\nline ").append(from + i).append(": ").append(batch.get(i))
                                .append("\n  hf:   ").append(expected.get(i))
                                .append("\n  ours: ").append(actual.get(i).tokens());
                    }
                }
            }
        }
        if (mismatches > 0) {
            fail(mismatches + " of " + lines.size() + " lines differ" + report);
        }
    }
}
