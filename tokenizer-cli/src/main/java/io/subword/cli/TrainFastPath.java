package io.subword.cli;

import io.subword.train.Family;
import io.subword.train.TrainingOptions;
import io.subword.train.WordPieceTrainer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code subword train FAMILY [options] -o DIR CORPUS...} with the common options, without picocli, as
 * {@link EncodeFastPath} does for {@code encode}: building picocli's model of the command (the JVM's first annotation
 * proxies, its converters, reflection over the options, all interpreted in a fresh JVM) took 70 to 110 ms of the
 * main thread before counting could start, a tenth of training byte-level BPE on 10 MB.
 *
 * <p>Taken: the family, then in any order {@code -o}/{@code --output}, {@code --vocab-size}, {@code --min-frequency},
 * {@code --special-tokens}, {@code --limit-alphabet}, {@code --mode}, {@code --threads} (each at most once, with a
 * value that picocli would read as a plain value), {@code -q}/{@code --quiet} and {@code --lowercase} /
 * {@code --no-lowercase} (at most once), and corpus files. Anything else (every other option, {@code --opt=value},
 * {@code -} for standard input, {@code @file}, {@code --}) goes to picocli as before. The command object is the same
 * {@link TrainCommand}, with the defaults its annotations declare ({@code TrainFastPathTest} compares every field
 * with picocli's). A value that does not convert, and any failure before training starts (a bad option value, an
 * output that is a file, a missing corpus), sends the whole command line to picocli, which reports it exactly as
 * before; a failure while training is reported as {@link ErrorHandler} reports it.
 */
final class TrainFastPath {
    private TrainFastPath() {
    }

    /**
     * Runs {@code args} if they have the shape this serves, and returns the exit code; null when they do not, or
     * when the command failed before training (then run them through picocli).
     */
    static Integer run(String[] args, Main main, PrintWriter out, PrintWriter err) {
        TrainCommand command = parse(args, main);
        if (command == null) {
            return null;
        }
        TrainCommand.Run run;
        try {
            run = command.prepare();
        } catch (Exception e) {
            return null;
        }
        try {
            return run.run(out, err);
        } catch (Exception e) {
            return ErrorHandler.report(err, e, false);
        }
    }

    /** The command {@code args} run, with its declared defaults, or null if they are not of the shape served. */
    static TrainCommand parse(String[] args, Main main) {
        if (args.length < 5 || !args[0].equals("train") || !plain(args[1])) {
            return null;
        }
        TrainCommand command = new TrainCommand();
        command.parent = main;
        command.training = new TrainingFlags();
        // the defaults that the @Option annotations of TrainCommand and TrainingFlags declare
        command.training.vocabSize = TrainingOptions.DEFAULT_VOCAB_SIZE;
        command.training.minFrequency = 0;
        command.training.mode = WordPieceTrainer.Mode.HF;
        List<String> corpus = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            command.family = Family.fromName(args[1]);
            for (int k = 2; k < args.length; k++) {
                String a = args[k];
                if (!a.startsWith("-")) {
                    if (!plain(a)) {
                        return null;
                    }
                    corpus.add(a);
                    continue;
                }
                String name = switch (a) {
                    case "-o" -> "--output";
                    case "-q" -> "--quiet";
                    case "--no-lowercase" -> "--lowercase";
                    default -> a;
                };
                if (!seen.add(name)) {
                    return null; // a second time: picocli keeps the last value of an option, or refuses a repeat
                }
                if (name.equals("--quiet")) {
                    command.quiet = true;
                    continue;
                }
                if (name.equals("--lowercase")) {
                    command.training.lowercase = a.equals("--lowercase");
                    continue;
                }
                if (k + 1 == args.length || !plain(args[k + 1])) {
                    return null;
                }
                String value = args[++k];
                switch (name) {
                    case "--output" -> command.output = Path.of(value);
                    case "--vocab-size" -> command.training.vocabSize = VocabSizeConverter.parse(value);
                    case "--min-frequency" -> command.training.minFrequency = Long.parseLong(value);
                    case "--limit-alphabet" -> command.training.limitAlphabet = Integer.parseInt(value);
                    case "--threads" -> command.threads = Integer.parseInt(value);
                    case "--mode" -> command.training.mode = WordPieceTrainer.Mode.valueOf(
                            value.toUpperCase(Locale.ROOT));
                    case "--special-tokens" -> {
                        if (value.contains("\"") || value.contains("'")) {
                            return null; // picocli's split keeps quoted commas; leave that to it
                        }
                        List<String> tokens = List.of(value.split(",", -1));
                        if (tokens.contains("")) {
                            return null;
                        }
                        command.training.specialTokens = tokens;
                    }
                    default -> {
                        return null;
                    }
                }
            }
        } catch (RuntimeException e) {
            return null; // a value that does not convert (a number, a size, a mode, a path): picocli says what is wrong
        }
        if (corpus.isEmpty() || command.output == null) {
            return null;
        }
        command.corpus = corpus;
        return command;
    }

    /** A value picocli reads as a plain value: not empty, not an option, not {@code @file}, not a subcommand. */
    private static boolean plain(String value) {
        return !value.isEmpty() && !value.startsWith("-") && !value.startsWith("@")
                && !Main.SUBCOMMANDS.contains(value);
    }
}
