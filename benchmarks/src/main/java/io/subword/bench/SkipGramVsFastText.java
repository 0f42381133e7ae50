package io.subword.bench;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.embed.SkipGramResult;
import io.subword.embed.SkipGramTrainer;
import io.subword.progress.SkipGramStatus;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java half of {@code benchmarks/skipgram-vs-fasttext}.
 * <ul>
 *   <li>{@code prepare <file> <bytes>}: writes the first Europarl lines totalling {@code bytes} of UTF-8 as BERT
 *       uncased pieces, space-separated, one line per line (the corpus both trainers read).</li>
 *   <li>{@code train <file> <threads>}: reads that file, maps each distinct piece to an id, trains our skip-gram
 *       with fastText's {@code -dim 100 -ws 5 -neg 5 -epoch 1 -minCount 1 -t 1e-3 -lr 0.025} and prints
 *       {@code tokens=<n> seconds=<training time> words/sec/thread=<n / seconds / threads>}.</li>
 * </ul>
 * The time is that of the training passes only (after counting), as fastText's words/sec/thread is.
 */
public final class SkipGramVsFastText {
    private SkipGramVsFastText() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Long.parseLong(args[2]));
        } else if (args.length == 3 && args[0].equals("train")) {
            train(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: prepare <file> <bytes> | train <file> <threads>");
            System.exit(2);
        }
    }

    private static void prepare(Path file, long bytes) throws Exception {
        Tokenizer bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        long tokens = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : RealData.europarlSlice(bytes)) {
                List<String> pieces = bert.encode(line, false).tokens();
                if (pieces.isEmpty()) {
                    continue;
                }
                w.write(String.join(" ", pieces));
                w.write('\n');
                tokens += pieces.size();
            }
        }
        System.out.println("pieces=" + tokens);
    }

    private static void train(Path file, int threads) throws Exception {
        PieceCorpus corpus = PieceCorpus.read(file);
        List<int[]> sentences = corpus.sentences();
        SkipGramTrainer trainer = SkipGramTrainer.builder().dim(100).window(5).negative(5).epochs(1).minCount(1)
                .sample(1e-3).learningRate(0.025f).threads(threads).seed(1).build();
        // Warm up the JIT on the same corpus, as fastText's native code needs no warm-up.
        trainer.train(corpus.size(), sentences, id -> false, TrainingListener.NONE);
        SkipGramStatus[] last = new SkipGramStatus[1];
        SkipGramResult r = trainer.train(corpus.size(), sentences, id -> false, 
                TrainingListener.onSkipGram(s -> last[0] = s));
        double seconds = last[0].elapsed().toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "tokens=%d seconds=%.3f words/sec/thread=%.0f%n", r.trainTokens(), seconds,
                r.trainTokens() / seconds / threads);
    }
}
