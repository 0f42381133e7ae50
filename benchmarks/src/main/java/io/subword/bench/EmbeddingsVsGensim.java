package io.subword.bench;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.compare.LanguageGuesser;
import io.subword.embed.EmbeddingTable;
import io.subword.embed.Word2VecText;
import io.subword.embed.SkipGramResult;
import io.subword.embed.SkipGramTrainer;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Java half of {@code benchmarks/embeddings-vs-gensim}.
 * <ul>
 *   <li>{@code prepare <file> [extra.txt ...]}: writes the English lines of the Europarl sample (those that
 *       {@link LanguageGuesser} calls {@code en}) and the lines of any extra UTF-8 text files as BERT uncased
 *       pieces, space-separated, one line per line: the corpus all trainers read.</li>
 *   <li>{@code train <pieces> <out.vec> <threads> <epochs> <dim> <window> <negative> <minCount> [seed]}: maps each
 *       distinct piece to an id, trains our skip-gram (subsampling 1e-3, learning rate 0.025) and writes the
 *       vectors of the pieces seen {@code minCount} times as word2vec text. Prints
 *       {@code tokens=<corpus tokens> wall=<s> cpu=<s>}: wall and process CPU time of the training alone
 *       (counting included, reading the file not), as the Python side measures gensim. With {@code wc.vec},
 *       also writes each piece's input plus output vector there ({@link io.subword.embed.SkipGramResult#inputPlusOutput}).
 *       {@code -Dsubword.bench.batchLines=N} sets the lines per work chunk (default 1000).</li>
 * </ul>
 */
public final class EmbeddingsVsGensim {
    private EmbeddingsVsGensim() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Arrays.stream(args, 2, args.length).map(Path::of).toList());
        } else if (args.length >= 9 && args.length <= 11 && args[0].equals("train")) {
            train(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]),
                    Integer.parseInt(args[8]), args.length >= 10 ? Long.parseLong(args[9]) : 1,
                    args.length == 11 ? Path.of(args[10]) : null);
        } else {
            System.err.println("usage: prepare <file> [extra.txt ...] | train <pieces> <out.vec> <threads> <epochs>"
                    + " <dim> <window> <negative> <minCount> [seed [wc.vec]]");
            System.exit(2);
        }
    }

    private static void prepare(Path file, List<Path> extra) throws Exception {
        Tokenizer bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        List<String> lines = new ArrayList<>();
        for (String line : RealData.europarlLines()) {
            if (LanguageGuesser.guess(line).equals("en")) {
                lines.add(line);
            }
        }
        for (Path p : extra) {
            lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
        long tokens = 0;
        long bytes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                List<String> pieces = bert.encode(line, false).tokens();
                if (pieces.isEmpty()) {
                    continue;
                }
                w.write(String.join(" ", pieces));
                w.write('\n');
                tokens += pieces.size();
                bytes += RealData.utf8Length(line) + 1;
            }
        }
        System.out.printf(Locale.ROOT, "lines=%d bytes=%d pieces=%d%n", lines.size(), bytes, tokens);
    }

    private static void train(Path file, Path out, int threads, int epochs, int dim, int window, int negative,
                              int minCount, long seed, Path outInputPlusOutput) throws Exception {
        PieceCorpus corpus = PieceCorpus.read(file);
        List<String> tokens = corpus.tokens();
        List<int[]> sentences = corpus.sentences();
        long corpusTokens = sentences.stream().mapToLong(sentence -> sentence.length).sum();
        SkipGramTrainer trainer = SkipGramTrainer.builder().dim(dim).window(window).negative(negative)
                .epochs(epochs).minCount(minCount).sample(1e-3).learningRate(0.025f).threads(threads).seed(seed)
                .batchLines(Integer.getInteger("subword.bench.batchLines", 1000)).build();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        SkipGramResult r = trainer.train(corpus.size(), sentences, id -> false, TrainingListener.NONE);
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        write(out, tokens, r.input(), r.counts(), minCount);
        if (outInputPlusOutput != null) {
            write(outInputPlusOutput, tokens, r.inputPlusOutput(), r.counts(), minCount);
        }
        System.out.printf(Locale.ROOT, "tokens=%d wall=%.3f cpu=%.3f%n", corpusTokens, wall / 1e9, cpu / 1e9);
    }

    /** The rows of the pieces that were trained, as gensim and fastText write only those above min_count. */
    private static void write(Path out, List<String> tokens, EmbeddingTable table, long[] counts, int minCount)
            throws Exception {
        int dim = table.dim();
        List<String> kept = new ArrayList<>();
        int n = 0;
        float[] data = table.data();
        float[] rows = new float[tokens.size() * dim];
        for (int id = 0; id < tokens.size(); id++) {
            if (counts[id] >= minCount) {
                kept.add(tokens.get(id));
                System.arraycopy(data, id * dim, rows, n * dim, dim);
                n++;
            }
        }
        Word2VecText.write(out, kept, EmbeddingTable.wrap(n, dim, Arrays.copyOf(rows, n * dim)));
    }
}
