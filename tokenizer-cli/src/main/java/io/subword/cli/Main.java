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
 * let library exceptions propagate from {@code call()}, and list it in {@link #SUBCOMMANDS} and
 * {@link #subcommand}. {@link ErrorHandler} turns exceptions into one line on stderr and an exit code.
 *
 * <p>Start-up: picocli reads every option of every command it is given, by reflection, when the command line is
 * built (a large part of a one-line {@code encode} in a cold JVM). So {@link #main} gives it only the subcommand that
 * the arguments name ({@link #commandLine(InputStream, OutputStream, PrintWriter, PrintWriter, String...)}); the
 * whole tree is built only for what needs it: {@code --help}, {@code --version}, {@code help}, no subcommand, or
 * an unknown one (whose "did you mean" lists the others).
 *
 * <p>Exit codes: {@value ErrorHandler#OK} success, {@value ErrorHandler#BAD_INPUT} bad input (a malformed or
 * missing file, an I/O error, a value the library rejects), {@value ErrorHandler#USAGE} bad usage.
 */
@Command(name = "subword",
        description = "Subword tokenization: encode and decode text, convert tokenizers, inspect splits, train, "
                + "compare word-level with subword vocabularies, run the demo.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
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

    /** The subcommands' names, in the order {@code --help} lists them. */
    static final java.util.List<String> SUBCOMMANDS = java.util.List.of("encode", "decode", "convert", "inspect",
            "train", "compare", "demo", "embed", "help");

    /**
     * The class of the subcommand {@code name}, or null. A switch rather than a map of class literals, so that
     * naming one loads only that class.
     */
    static Class<?> subcommand(String name) {
        return switch (name) {
            case "encode" -> EncodeCommand.class;
            case "decode" -> DecodeCommand.class;
            case "convert" -> ConvertCommand.class;
            case "inspect" -> InspectCommand.class;
            case "train" -> TrainCommand.class;
            case "compare" -> CompareCommand.class;
            case "demo" -> DemoCommand.class;
            case "embed" -> EmbedCommand.class;
            case "help" -> CommandLine.HelpCommand.class;
            default -> null;
        };
    }

    /**
     * The subcommand that {@code args} run, when building only it gives the same behaviour as the whole tree:
     * the first argument after any {@code --verbose}, if it names a subcommand other than {@code help} (which
     * needs the others to describe them). Null otherwise.
     */
    static String chosenSubcommand(String... args) {
        for (String arg : args) {
            if (arg.equals("--verbose")) {
                continue;
            }
            return SUBCOMMANDS.contains(arg) && !arg.equals("help") ? arg : null;
        }
        return null;
    }

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
        return commandLine(stdin, stdoutBytes, out, err, SUBCOMMANDS);
    }

    /**
     * As above, holding only the subcommand that {@code args} run when that is enough ({@link
     * #chosenSubcommand}), else all of them; run it with the same {@code args}.
     */
    static CommandLine commandLine(InputStream stdin, OutputStream stdoutBytes, PrintWriter out, PrintWriter err,
                                   String... args) {
        String chosen = chosenSubcommand(args);
        return commandLine(stdin, stdoutBytes, out, err, chosen == null ? SUBCOMMANDS : java.util.List.of(chosen));
    }

    private static CommandLine commandLine(InputStream stdin, OutputStream stdoutBytes, PrintWriter out,
                                           PrintWriter err, java.util.List<String> subcommands) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine cl = new CommandLine(new Main(stdin, stdoutBytes));
        for (String name : subcommands) {
            cl.addSubcommand(name, subcommand(name));
        }
        return HelpLayout.apply(cl)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true) // the last wins, so a wrapper's defaults can be overridden
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    /**
     * Runs {@code args} and returns the exit code: {@code encode -t FILE [-i IN] [-o OUT]} and {@code train} with the
     * common options without picocli ({@link EncodeFastPath}, {@link TrainFastPath}), everything else through the
     * command line that {@code args} need.
     */
    static int run(InputStream stdin, OutputStream stdoutBytes, PrintWriter out, PrintWriter err, String... args) {
        Integer fast = EncodeFastPath.run(args, new Main(stdin, stdoutBytes), out, err);
        if (fast == null) {
            fast = TrainFastPath.run(args, new Main(stdin, stdoutBytes), out, err);
        }
        if (fast != null) {
            return fast;
        }
        CommandLine cl = commandLine(stdin, stdoutBytes, out, err, args);
        StartupTiming.mark("command line built");
        return cl.execute(args);
    }

    public static void main(String[] args) {
        StartupTiming.mark("main");
        TokenizerPrefetch.start(args);
        TrainPrefetch.start(args);
        // UTF-8 whatever the platform default; stdout buffered (commands flush), stderr flushed per line.
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        OutputStream bytes = new FileOutputStream(FileDescriptor.out);
        int code;
        try {
            code = run(System.in, bytes, out, err, args);
        } catch (OutOfMemoryError e) {
            code = ErrorHandler.outOfMemory(err);
        }
        out.flush();
        err.flush();
        StartupTiming.mark("done");
        StartupTiming.threads();
        System.exit(code);
    }
}
