package io.subword.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code subword} command. It only parses the command line and dispatches to a subcommand; every
 * subcommand is its own class that maps its flags to a library call (as SentencePiece's {@code spm_train}
 * does).
 *
 * <p>To add a subcommand: write a class annotated {@code @Command(name = "...")} that implements
 * {@code Callable<Integer>}, reuse the option mixins ({@link TokenizerOption}, {@link InputOutputOptions}),
 * let library exceptions propagate from {@code call()}, and list the class in {@code subcommands} below.
 * {@link ErrorHandler} turns exceptions into one line on stderr and an exit code.
 *
 * <p>Exit codes: {@value ErrorHandler#OK} success, {@value ErrorHandler#BAD_INPUT} bad input (a malformed or
 * missing file, an I/O error, a value the library rejects), {@value ErrorHandler#USAGE} bad usage.
 */
@Command(name = "subword",
        description = "Subword tokenization: encode and decode text, convert tokenizers, inspect splits, train, "
                + "compare word-level with subword vocabularies, run the demo.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
                EncodeCommand.class,
                DecodeCommand.class,
                ConvertCommand.class,
                InspectCommand.class,
                TrainCommand.class,
                CompareCommand.class,
                DemoCommand.class,
                EmbedCommand.class,
                CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:bad input (malformed or missing file, I/O error, rejected value)",
                "2:bad usage (unknown option, missing or invalid parameter)",
        })
public final class Main {
    /** Read through the parse result by {@link ErrorHandler}; inherited so it works after a subcommand too. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On errors, print the stack trace as well as the message.")
    boolean verbose;

    private final InputStream stdin;
    private final OutputStream stdout;

    /** A command that reads standard input from {@code System.in}. */
    public Main() {
        this(System.in, null);
    }

    /**
     * A command that reads "standard input" from {@code stdin} (tests pass a byte array here) and writes bulk
     * output as bytes to {@code stdout}; {@code null} writes it as text to the command line's {@code out}.
     */
    Main(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /** What subcommands read when no input file is given. */
    InputStream stdin() {
        return stdin;
    }

    /** Standard output as bytes (for commands that stream a lot, such as encode), or null: use the writer. */
    OutputStream stdoutBytes() {
        return stdout;
    }

    /**
     * What the command is reading now, for the out-of-memory message: "standard input, line 3". Set by the
     * readers of input; a plain field because only the failing run's last value matters.
     */
    static volatile java.util.function.Supplier<String> reading = () -> null;

    /**
     * The configured command line: shared error handling, case-insensitive enum values, a repeated option
     * taking its last value, the given streams.
     * Callers run it with {@link CommandLine#execute}, which returns the exit code.
     */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(stdin, null, out, err);
    }

    /** As above, with standard output also as a byte stream for the commands that write bulk output. */
    static CommandLine commandLine(InputStream stdin, OutputStream stdoutBytes, PrintWriter out, PrintWriter err) {
        ErrorHandler errors = new ErrorHandler();
        return HelpLayout.apply(new CommandLine(new Main(stdin, stdoutBytes)))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true) // the last wins, so a wrapper's defaults can be overridden
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default; stdout buffered (commands flush), stderr flushed per line.
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        OutputStream bytes = new FileOutputStream(FileDescriptor.out);
        int code;
        try {
            code = commandLine(System.in, bytes, out, err).execute(args);
        } catch (OutOfMemoryError e) {
            code = ErrorHandler.outOfMemory(err);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }
}
