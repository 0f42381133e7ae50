package io.subword.cli;

import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.train.Eta;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
 * writes the files; progress goes to stderr through a {@link Progress}, the list of written files to
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

    @Mixin
    TrainingFlags training;

    /** SentencePiece's options of {@code spm_train}, for {@code train unigram} only. */
    static final class UnigramFlags {
        @Option(names = "--character-coverage", paramLabel = "X",
                description = "unigram: the share of characters the alphabet covers; rarer ones become <unk>"
                        + " (default: 0.9995).")
        Double characterCoverage;

        @Option(names = "--max-piece-length", paramLabel = "N",
                description = "unigram: the longest piece, in characters (default: 16).")
        Integer maxPieceLength;

        @Option(names = "--split-by-whitespace", negatable = true,
                description = "unigram: pieces never cross a space (default: --split-by-whitespace).")
        Boolean splitByWhitespace;

        @Option(names = "--split-digits", description = "unigram: every digit is a piece of its own.")
        Boolean splitDigits;

        @Option(names = "--byte-fallback", description = "unigram: add the 256 byte pieces <0x00>..<0xFF> for"
                + " characters outside the vocabulary.")
        Boolean byteFallback;

        @Option(names = "--user-defined-symbols", split = ",", paramLabel = "SYMBOL",
                description = "unigram: pieces that are always in the vocabulary and always kept whole in the text,"
                        + " comma-separated.")
        List<String> userDefinedSymbols;

        @Option(names = "--control-symbols", split = ",", paramLabel = "SYMBOL",
                description = "unigram: control pieces after <unk> <s> </s> (or the --special-tokens), which"
                        + " take ids but never come out of the text, comma-separated.")
        List<String> controlSymbols;

        @Option(names = "--normalization", paramLabel = "RULE",
                description = "unigram: SentencePiece's normalization rule: nmt_nfkc, nfkc, nmt_nfkc_cf, nfkc_cf"
                        + " or identity (default: nmt_nfkc).")
        String normalization;

        @Option(names = "--shrinking-factor", paramLabel = "X",
                description = "unigram: the share of pieces each pruning round keeps (default: 0.75).")
        Double shrinkingFactor;

        @Option(names = "--seed-size", paramLabel = "N",
                description = "unigram: the most seed pieces (default: 1000000).")
        Integer seedSize;

        @Option(names = "--sub-iterations", paramLabel = "N",
                description = "unigram: EM iterations per pruning round (default: 2).")
        Integer subIterations;

        /** Sets the given flags on {@code b}; a bad value is a usage error naming the flag. */
        void apply(TrainingOptions.Builder b, List<String> specialTokens, CommandLine cmd) {
            set(cmd, "--character-coverage", characterCoverage, b::characterCoverage);
            if (maxPieceLength != null && maxPieceLength < 1) {
                throw new CommandLine.ParameterException(cmd, "--max-piece-length must be at least 1, not "
                        + maxPieceLength);
            }
            set(cmd, "--max-piece-length", maxPieceLength, b::maxTokenLength);
            set(cmd, "--split-by-whitespace", splitByWhitespace, b::splitByWhitespace);
            set(cmd, "--split-digits", splitDigits, b::splitDigits);
            set(cmd, "--byte-fallback", byteFallback, b::byteFallback);
            set(cmd, "--user-defined-symbols", userDefinedSymbols, b::userDefinedSymbols);
            set(cmd, "--normalization", normalization, b::normalization);
            set(cmd, "--shrinking-factor", shrinkingFactor, b::shrinkingFactor);
            set(cmd, "--seed-size", seedSize, b::seedSize);
            set(cmd, "--sub-iterations", subIterations, b::subIterations);
            if (controlSymbols != null) {
                List<String> all = new java.util.ArrayList<>(specialTokens != null ? specialTokens
                        : TrainingOptions.defaults().specialTokens(Family.UNIGRAM));
                all.addAll(controlSymbols);
                set(cmd, "--control-symbols", all, b::specialTokens);
            }
        }

        /** The first of these flags that was given, or null. */
        String firstGiven() {
            Object[] values = {characterCoverage, maxPieceLength, splitByWhitespace, splitDigits, byteFallback,
                    userDefinedSymbols, controlSymbols, normalization, shrinkingFactor, seedSize, subIterations};
            String[] names = {"--character-coverage", "--max-piece-length", "--split-by-whitespace",
                    "--split-digits", "--byte-fallback", "--user-defined-symbols", "--control-symbols",
                    "--normalization", "--shrinking-factor", "--seed-size", "--sub-iterations"};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    return names[i];
                }
            }
            return null;
        }

        private static <T> void set(CommandLine cmd, String flag, T value, java.util.function.Consumer<T> setter) {
            if (value == null) {
                return;
            }
            try {
                setter.accept(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, flag + ": " + e.getMessage());
            }
        }
    }

    @CommandLine.ArgGroup(exclusive = false, heading = "%nUnigram (SentencePiece) options:%n")
    UnigramFlags unigram;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads; the result does not depend on it (default: the number of processors).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        return prepare().run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The part of the command that trains and writes. */
    interface Run {
        int run(PrintWriter out, PrintWriter err) throws Exception;
    }

    /**
     * Everything before training: the options checked and mapped, the output folder checked, the corpus listed. A
     * failure here has written nothing and started nothing ({@link TrainFastPath} relies on it).
     */
    Run prepare() throws Exception {
        checkOutputFolder();
        TrainingOptions.Builder builder = training.toTrainingOptions(
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        if (unigram != null) {
            String flag = unigram.firstGiven();
            if (flag != null && family != Family.UNIGRAM) {
                throw usage(flag + " is an option of train unigram, not of train " + family.cliName());
            }
            unigram.apply(builder, training.specialTokens(), spec.commandLine());
        }
        TrainingOptions options = builder.build();
        Corpus input = corpus();
        return (out, err) -> {
            Progress progress = Progress.forCommand(err, quiet);
            TrainingListener listener = PhaseTimes.around(progress);
            TrainedTokenizer trained;
            List<Path> written;
            try {
                trained = Trainer.of(family, options).train(input, listener);
                listener.phase("write files");
                written = trained.writeAll(output);
            } finally {
                progress.finish();
            }
            PhaseTimes.print(listener, err);
            Composition c = Composition.of(trained);
            if (c.size() > training.vocabSize()) {
                err.println(ErrorHandler.PREFIX + String.format(Locale.ROOT, "warning: the vocabulary has %,d tokens,"
                        + " more than --vocab-size %,d: the alphabet (%,d) and the special tokens (%,d) are always"
                        + " kept", c.size(), training.vocabSize(), c.alphabet(), c.special()));
                err.flush();
            }
            out.printf(Locale.ROOT, "trained %s: %s, from %,d lines in %s%n", family, c.describe(family),
                    progress.lines(), Eta.format(progress.elapsed()));
            for (Path file : written) {
                out.println(file);
            }
            out.flush();
            return ErrorHandler.OK;
        };
    }

    /**
     * A usage error: picocli's, naming the command; without picocli ({@link TrainFastPath}) an
     * IllegalArgumentException, which sends the command line through picocli, which then reports it.
     */
    private RuntimeException usage(String message) {
        return spec != null ? new CommandLine.ParameterException(spec.commandLine(), message)
                : new IllegalArgumentException(message);
    }

    /**
     * Fails before training, not after it, when the files cannot be written: {@code -o} is a file (it must be a
     * folder, which train fills), or a file to write there is a folder or not writable.
     */
    private void checkOutputFolder() throws java.io.IOException {
        if (java.nio.file.Files.exists(output) && !java.nio.file.Files.isDirectory(output)) {
            throw usage("-o must be a folder, which train fills with "
                    + String.join(", ", TrainedTokenizer.fileNames(family)) + "; " + output + " is a file");
        }
        for (String name : TrainedTokenizer.fileNames(family)) {
            io.subword.vocab.io.AtomicFiles.check(output.resolve(name));
        }
    }

    /** What a trained vocabulary is made of, for the summary line and the warning about a small --vocab-size. */
    record Composition(int size, int special, int alphabet, int learned) {
        static Composition of(TrainedTokenizer trained) {
            // From the vocabulary and the special tokens, not the tokenizer, which the command never needs built.
            io.subword.vocab.Vocabulary vocab = trained.vocabulary();
            int size = vocab.tokenCount();
            int special = trained.specialTokens().size();
            int learned;
            if (trained.family() == Family.WORD_PIECE) {
                // The alphabet: each character, alone and after ##; everything else was learned by merging.
                int alphabet = 0;
                for (String t : vocab.tokens()) {
                    if (t == null) {
                        continue;
                    }
                    String body = t.startsWith("##") ? t.substring(2) : t;
                    if (!body.isEmpty() && body.codePointCount(0, body.length()) == 1) {
                        alphabet++;
                    }
                }
                learned = Math.max(0, size - special - alphabet);
            } else {
                learned = trained.merges().size();
            }
            return new Composition(size, special, Math.max(0, size - special - learned), learned);
        }

        String describe(Family family) {
            String pieces = family == Family.WORD_PIECE
                    ? String.format(Locale.ROOT, "%,d word pieces learned by merging", learned)
                    : String.format(Locale.ROOT, "%,d merges", learned);
            return String.format(Locale.ROOT, "%,d tokens (%,d special, %,d in the alphabet, %s)", size, special,
                    alphabet, pieces);
        }
    }

    private Corpus corpus() throws java.io.IOException {
        if (corpus.contains("-")) {
            if (corpus.size() > 1) {
                throw usage("- (standard input) cannot be combined with files");
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
