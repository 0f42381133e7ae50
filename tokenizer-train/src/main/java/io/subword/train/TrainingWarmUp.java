package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.vocab.Internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Trains a tiny vocabulary of a family and makes its files' contents into a sink, so that a fresh JVM loads and
 * initializes what the end of a real training run needs (the trainer's classes, the tokenizer's tables, Jackson
 * for the pipeline part of {@code tokenizer.json}, the writers) on a core that would otherwise sit idle, instead of
 * after the merge loop, where it is on the critical path: measured in-process on 10 MB corpora (load 20, nice -10
 * autogroup), writing the files took 100 to 130 ms cold and 25 to 60 ms after such a warm-up. {@code subword train}
 * runs it on a thread of its own while the command line is parsed; nothing it makes is kept. Only the families of
 * Hugging Face's BPE trainer are warmed (BPE, byte-level BPE, WordPiece); for the others it does nothing.
 *
 * <p>{@link Internal}: public only because the command line starts it.
 */
@Internal
public final class TrainingWarmUp {
    /** Words of the tiny corpus: enough for a few hundred merges and every code path of the writers. */
    private static final String TEXT = "the quick brown fox jumps over the lazy dog while seven wizards quietly hex"
            + " jumbo pies and a few \"quoted\" back\\slashes, accents like déjà vu, naïve café, and 東京 too";

    private TrainingWarmUp() {
    }

    /** Runs the warm-up for {@code family} on the calling thread; never throws. */
    public static void run(Family family) {
        if (family != Family.BPE && family != Family.BYTE_LEVEL && family != Family.WORD_PIECE) {
            return;
        }
        try {
            Map<String, Integer> counts = new HashMap<>();
            String[] words = TEXT.split(" ");
            for (int i = 0; i < words.length; i++) {
                counts.merge(words[i], 1 + i % 5, Integer::sum);
            }
            // Byte-level BPE starts from 256 symbols, the others from the corpus's characters.
            int vocabSize = family == Family.BYTE_LEVEL ? 600 : 400;
            TrainedTokenizer trained = Trainer.of(family, TrainingOptions.builder().vocabSize(vocabSize).threads(1)
                    .build()).train(WordCounts.of(counts), TrainingListener.NONE);
            Writer sink = new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
            trained.writeContents(sink);
            sink.flush();
        } catch (IOException | RuntimeException ignored) {
            // a warm-up only: the real run does the same work again and reports what goes wrong
        }
    }
}
