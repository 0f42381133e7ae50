package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.embed.EmbeddingFiles;
import io.subword.embed.EmbeddingFormat;
import io.subword.embed.EmbeddingTable;
import io.subword.embed.SkipGramResult;
import io.subword.embed.SkipGramTrainer;
import io.subword.progress.SkipGramStatus;
import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.train.Eta;
import io.subword.vocab.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code subword embed train}: maps its flags to a {@link SkipGramTrainer} and calls
 * {@link SkipGramTrainer#train(Tokenizer, Iterable, TrainingListener)} once over the corpus
 * (streamed from disk, re-read for every pass), then writes the input vectors with
 * {@link EmbeddingFiles#write} (atomically). Progress goes to stderr, a summary and the written files to stdout.
 *
 * <p>The file has one row per token of the tokenizer's vocabulary, in id order; tokens the training did not see
 * (special, unknown, rarer than {@code --min-count}) have rows of zeros, which {@code vector} and {@code nearest}
 * skip.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Train skip-gram (word2vec SGNS) vectors for a tokenizer's pieces on text files (one text per line;"
                        + " folders and .gz files too), reading the corpus epochs+1 times from disk.",
                "Writes one row per vocabulary token, in id order, to a .vec/.txt (word2vec text), .bin (word2vec"
                        + " binary) or .npy (plus <stem>.vocab.txt with the row tokens).",
        })
final class EmbedTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TokenizerOption tokenizer;

    @Parameters(arity = "1..*", paramLabel = "CORPUS",
            description = "Text files or folders to train on, read in the given order.")
    List<Path> corpus;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "VECTORS",
            description = "File to write: .vec or .txt, .bin, .npy (replaced only when training succeeds).")
    Path output;

    @Option(names = "--dim", defaultValue = "100", paramLabel = "N",
            description = "Vector size (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", defaultValue = "5", paramLabel = "N",
            description = "Largest distance between a piece and a context piece (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--negative", defaultValue = "5", paramLabel = "N",
            description = "Noise pieces per positive pair (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N",
            description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--min-count", defaultValue = "1", paramLabel = "N",
            description = "Leave out pieces seen fewer times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--sample", defaultValue = "1e-3", paramLabel = "T",
            description = "Subsampling threshold of frequent pieces, 0 for none (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(names = "--learning-rate", defaultValue = "0.025", paramLabel = "R",
            description = "Starting learning rate, falling linearly to nearly 0 (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads; with 1 the result depends only on the seed and the corpus (default:"
                    + " the number of processors).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SkipGramTrainer trainer = trainer();
        EmbeddingFormat format = EmbedCommand.format(spec, "-o", output);
        checkOutput();
        for (Path path : corpus) {
            if (path.toString().equals("-")) {
                throw new ParameterException(spec.commandLine(),
                        "the corpus is read several times, so it cannot be standard input (-)");
            }
        }
        Corpus input = Corpus.of(corpus); // a missing corpus fails before the tokenizer is loaded
        Tokenizer tok = EmbedCommand.whole(tokenizer.load());
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.forCommand(err, quiet);
        long[] counted = {-1};
        TrainingListener listener = TrainingListener.onSkipGram(status -> {
            if (status.phase() == SkipGramStatus.Phase.COUNTING) {
                counted[0] = status.tokensProcessed();
            }
            progress.skipGram(status);
        });
        Eta clock = Eta.start();
        SkipGramResult result;
        try (CorpusLines lines = new CorpusLines(input)) {
            try {
                result = trainer.train(tok, lines, listener);
            } catch (IllegalArgumentException e) {
                if (counted[0] == 0) { // the library's message speaks of minCount; say what is wrong instead
                    throw new IllegalArgumentException(corpusNames() + ": nothing to train on (" + lines.lines()
                            + " lines, no tokens)", e);
                }
                throw e;
            }
            progress.finish();
            write(tok.vocabulary(), result.input(), format);
            print(result, lines.lines(), clock, tok.vocabulary(), format);
        } catch (CorpusLines.Failure f) {
            throw f.getCause(); // the corpus's own message: file, line, byte
        } finally {
            progress.finish();
        }
        return ErrorHandler.OK;
    }

    private String corpusNames() {
        return corpus.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    private SkipGramTrainer trainer() {
        EmbedCommand.atLeast(spec, "--dim", dim, 1);
        EmbedCommand.atLeast(spec, "--window", window, 1);
        EmbedCommand.atLeast(spec, "--negative", negative, 1);
        EmbedCommand.atLeast(spec, "--epochs", epochs, 1);
        EmbedCommand.atLeast(spec, "--min-count", minCount, 1);
        if (threads != null) {
            EmbedCommand.atLeast(spec, "--threads", threads, 1);
        }
        if (!(sample >= 0 && sample < 1)) {
            throw new ParameterException(spec.commandLine(), "--sample must be at least 0 and below 1, not " + sample);
        }
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new ParameterException(spec.commandLine(),
                    "--learning-rate must be above 0 and below 10, not " + learningRate);
        }
        return SkipGramTrainer.builder().dim(dim).window(window).negative(negative).epochs(epochs)
                .minCount(minCount).sample(sample).learningRate(learningRate)
                .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .seed(seed).build();
    }

    /** Fails before training, not after, when the output cannot be written where asked. */
    private void checkOutput() throws IOException {
        io.subword.vocab.io.AtomicFiles.check(output);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new FileSystemException(parent.toString(), null, "no such folder");
        }
    }

    /** Writes one row per token in id order; a gap in the ids (no token) has no row, as files need a token. */
    private void write(Vocabulary vocab, EmbeddingTable table, EmbeddingFormat format) throws IOException {
        if (vocab.isDense()) {
            EmbeddingFiles.write(output, format, vocab.tokens(), table);
            return;
        }
        List<String> tokens = new ArrayList<>(vocab.tokenCount());
        float[] data = new float[Math.multiplyExact(vocab.tokenCount(), dim)];
        for (int id = 0; id < vocab.size(); id++) {
            if (vocab.token(id) != null) {
                table.row(id, data, tokens.size() * dim);
                tokens.add(vocab.token(id));
            }
        }
        EmbeddingFiles.write(output, format, tokens, EmbeddingTable.wrap(tokens.size(), dim, data));
    }

    private void print(SkipGramResult result, long lines, Eta clock, Vocabulary vocab, EmbeddingFormat format) {
        int trained = 0;
        for (boolean t : result.trained()) {
            trained += t ? 1 : 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "trained %,d of %,d pieces (dim %d) on %,d tokens x %d epochs from %,d lines in %s%n",
                trained, vocab.tokenCount(), dim, result.trainTokens(), epochs, lines, Eta.format(clock.elapsed()));
        out.println(output);
        if (format == EmbeddingFormat.NPY) {
            out.println(EmbeddingFiles.tokenListFor(output));
        }
        out.flush();
    }
}
