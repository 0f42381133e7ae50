package io.subword.cli;

import io.subword.train.Corpus;
import io.subword.train.Eta;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordPieceTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code subword train}: maps its flags to {@link TrainingOptions} and calls {@link Trainer#train} once, then
 * writes the files; progress goes to stderr through a {@link ProgressReporter}, the list of written files to
 * stdout.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Train a tokenizer on text files (one text per line; folders and .gz files too; - for standard input)"
                        + " and write tokenizer.json plus vocab.json and merges.txt (bpe, bytelevel) or vocab.txt"
                        + " (wordpiece) into the output folder.",
                "Pipelines are those of Hugging Face's CharBPETokenizer (bpe: BertNormalizer, BertPreTokenizer, </w>"
                        + " suffix, <unk>), ByteLevelBPETokenizer (bytelevel: GPT-2 regex, no prefix space) and"
                        + " BertWordPieceTokenizer (wordpiece: uncased BERT).",
        })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Parameters(index = "0", paramLabel = "FAMILY", converter = FamilyConverter.class,
            completionCandidates = FamilyConverter.Names.class,
            description = "What to train: ${COMPLETION-CANDIDATES}.")
    Family family;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CORPUS",
            description = "Text files or folders to train on, read in the given order; - reads standard input.")
    List<String> corpus;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Folder to write the files into (created if missing; files of the same names are"
                    + " replaced).")
    Path output;

    @Option(names = "--vocab-size", defaultValue = "" + TrainingOptions.DEFAULT_VOCAB_SIZE, paramLabel = "N",
            description = "Vocabulary size, special tokens and alphabet included (default: ${DEFAULT-VALUE}).")
    int vocabSize;

    @Option(names = "--min-frequency", defaultValue = "0", paramLabel = "K",
            description = "Merge only pairs seen at least K times (default: ${DEFAULT-VALUE}).")
    long minFrequency;

    @Option(names = "--special-tokens", split = ",", paramLabel = "TOKEN",
            description = "Special tokens, comma-separated, which take the first ids (default: <unk> for bpe, none"
                    + " for bytelevel, [PAD],[UNK],[CLS],[SEP],[MASK] for wordpiece).")
    List<String> specialTokens;

    @Option(names = "--limit-alphabet", paramLabel = "N",
            description = "Keep at most the N most frequent characters in the initial alphabet (default: no"
                    + " limit).")
    Integer limitAlphabet;

    @Option(names = "--lowercase", negatable = true,
            description = "Lowercase the text (default: --lowercase for wordpiece, --no-lowercase otherwise).")
    Boolean lowercase;

    @Option(names = "--mode", defaultValue = "hf", paramLabel = "MODE",
            description = "wordpiece only: hf (Hugging Face's WordPiece trainer: most frequent pair), likelihood"
                    + " (WordPiece as published: the merge that raises the unigram log-likelihood of the training"
                    + " data most; recommended) or ratio (count(ab)/(count(a)count(b)) alone, which favours rare"
                    + " pairs) (default: ${DEFAULT-VALUE}).")
    WordPieceTrainer.Mode mode;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads; the result does not depend on it (default: the number of processors).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options = TrainingOptions.builder()
                .vocabSize(vocabSize)
                .minFrequency(minFrequency)
                .specialTokens(specialTokens)
                .limitAlphabet(limitAlphabet)
                .lowercase(lowercase)
                .mode(mode)
                .threads(threads != null ? threads : Runtime.getRuntime().availableProcessors())
                .build();
        Corpus input = corpus();
        PrintWriter err = spec.commandLine().getErr();
        ProgressReporter progress = new ProgressReporter(err,
                ProgressReporter.styleFor(quiet, System.console() != null));
        TrainedTokenizer trained;
        List<Path> written;
        try {
            trained = Trainer.of(family, options).train(input, progress);
            progress.phase("write files");
            written = trained.writeAll(output);
        } finally {
            progress.finish();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "trained %s: %,d tokens, %,d merges, from %,d lines in %s%n", family,
                trained.tokenizer().model().vocabulary().size(), trained.merges().size(), progress.lines(),
                Eta.format(progress.elapsed()));
        for (Path file : written) {
            out.println(file);
        }
        out.flush();
        return ErrorHandler.OK;
    }

    private Corpus corpus() throws java.io.IOException {
        if (corpus.contains("-")) {
            if (corpus.size() > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "- (standard input) cannot be combined with files");
            }
            return Corpus.ofStream(parent.stdin(), "<stdin>");
        }
        return Corpus.of(corpus.stream().map(Path::of).toList());
    }

    /** {@code bpe}, {@code bytelevel}, {@code wordpiece}. */
    static final class FamilyConverter implements CommandLine.ITypeConverter<Family> {
        @Override
        public Family convert(String value) {
            try {
                return Family.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }

        /** The family names, for help. */
        static final class Names implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return java.util.Arrays.stream(Family.values()).map(Family::cliName).iterator();
            }
        }
    }
}
