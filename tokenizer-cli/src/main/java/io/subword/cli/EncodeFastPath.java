package io.subword.cli;

import io.subword.OffsetUnit;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code subword encode -t FILE [-i IN] [-o OUT]}, the command people run on big files and time, without picocli:
 * building picocli's model of a command (reflection over its annotations, run by the interpreter in a fresh JVM) costs
 * about 80 ms of CPU, which on two cores competes with loading the tokenizer, the start-up's critical path.
 *
 * <p>Only that exact shape is taken: each of {@code -t}/{@code --tokenizer} (an existing file), {@code -i}/{@code
 * --input}, {@code -o}/{@code --output} at most once, each with a value that picocli would read as a plain value
 * (not empty, not an option, not {@code @file}, not a subcommand's name). Anything else, including every other
 * option, goes to picocli as before. The command object is the same {@link EncodeCommand}, with the defaults its
 * annotations declare ({@code EncodeFastPathTest} compares every field with picocli's). A failure before the first
 * output (a bad tokenizer, a missing input, an output that cannot be written) is not reported here: the whole
 * command line is run again through picocli, which reports it exactly as before; a failure after output has begun
 * (invalid UTF-8 part-way) is reported as {@link ErrorHandler} reports it.
 */
final class EncodeFastPath {
    private EncodeFastPath() {
    }

    /**
     * Runs {@code args} if they have the shape this serves, and returns the exit code; null when they do not, or
     * when the command failed before writing anything (then run them through picocli).
     */
    static Integer run(String[] args, Main main, PrintWriter out, PrintWriter err) {
        EncodeCommand command = parse(args, main, out);
        if (command == null) {
            return null;
        }
        EncodeCommand.Run run;
        try {
            run = command.prepare();
        } catch (Exception e) {
            return null;
        }
        try {
            run.run();
            return ErrorHandler.OK;
        } catch (Exception e) {
            return ErrorHandler.report(err, e, false);
        }
    }

    /** The command {@code args} run, with its declared defaults, or null if they are not of the shape served. */
    static EncodeCommand parse(String[] args, Main main, PrintWriter out) {
        if (args.length < 3 || args.length % 2 == 0 || !args[0].equals("encode")) {
            return null;
        }
        Path tokenizer = null;
        Path input = null;
        Path output = null;
        try {
            for (int k = 1; k < args.length; k += 2) {
                String value = args[k + 1];
                if (value.isEmpty() || value.startsWith("@") || (value.startsWith("-") && !value.equals("-"))
                        || Main.SUBCOMMANDS.contains(value)) {
                    return null;
                }
                switch (args[k]) {
                    case "-t", "--tokenizer" -> {
                        if (tokenizer != null) {
                            return null;
                        }
                        tokenizer = Path.of(value);
                    }
                    case "-i", "--input" -> {
                        if (input != null) {
                            return null;
                        }
                        input = Path.of(value);
                    }
                    case "-o", "--output" -> {
                        if (output != null) {
                            return null;
                        }
                        output = Path.of(value);
                    }
                    default -> {
                        return null;
                    }
                }
            }
        } catch (InvalidPathException e) {
            return null;
        }
        if (tokenizer == null || !Files.isRegularFile(tokenizer)) {
            return null; // a name, a folder or a missing file: picocli's path says what it does with it
        }
        EncodeCommand command = new EncodeCommand();
        command.tokenizer = new TokenizerOption();
        command.tokenizer.file = tokenizer;
        command.io = new InputOutputOptions();
        command.io.input = input;
        command.io.output = output;
        command.io.standalone = main;
        command.io.standaloneOut = out;
        // the defaults that EncodeCommand's @Option annotations declare
        command.format = OutputFormat.IDS;
        command.special = true;
        command.offsetUnit = OffsetUnit.CODE_POINT;
        command.batchSize = EncodeCommand.DEFAULT_BATCH_SIZE;
        return command;
    }
}
