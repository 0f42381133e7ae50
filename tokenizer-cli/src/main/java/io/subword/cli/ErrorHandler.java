package io.subword.cli;

import io.subword.vocab.io.InputFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The one place where failures become what the user sees: a single line {@code subword: <message>} on
 * stderr and an exit code. Subcommands never catch to report; they let exceptions propagate from
 * {@code call()} and this handler maps them:
 * <ul>
 *   <li>{@link InputFormatException}, {@link IOException} (missing file, permission, bad UTF-8 ...),
 *       {@link IllegalArgumentException} from the library: {@value #BAD_INPUT}. Their messages already name
 *       the file and place, or the value.</li>
 *   <li>picocli's {@link ParameterException} (unknown option, missing or unconvertible parameter, or one that
 *       a command throws itself for a bad combination of flags): {@value #USAGE}.</li>
 *   <li>anything else is a bug: {@value #BAD_INPUT} with the message marked as an internal error.</li>
 * </ul>
 * The stack trace is printed only when {@code --verbose} was given (at any level of the command line).
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;

    static final String PREFIX = "subword: ";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return report(cmd.getErr(), ex, verbose(parseResult));
    }

    /** Reports a command's failure on {@code err} (with its stack trace if {@code verbose}); returns the exit code. */
    static int report(PrintWriter err, Exception ex, boolean verbose) {
        err.println(PREFIX + oneLine(message(ex)));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        StringBuilder line = new StringBuilder(PREFIX).append(oneLine(String.valueOf(ex.getMessage())));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        err.println(line);
        err.flush();
        return USAGE;
    }

    /**
     * Reports running out of memory in one line that names what was being read and how to give Java more, and
     * returns {@value #BAD_INPUT}. Called after the failed command has unwound, so its data can be collected.
     */
    static int outOfMemory(PrintWriter err) {
        String input;
        try {
            input = Main.reading.get();
        } catch (RuntimeException | OutOfMemoryError e) {
            input = null;
        }
        Main.reading = () -> null;
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        err.println(PREFIX + "out of memory" + (input == null ? "" : " reading " + input) + " (Java may use "
                + maxMb + " MB); give it more, e.g. SUBWORD_JAVA_OPTS=-Xmx4g, or split very long lines");
        err.flush();
        return BAD_INPUT;
    }

    /** The user-facing text of {@code ex}: what went wrong and where, without the exception class. */
    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            ex = ex.getCause();
        }
        if (ex instanceof InputFormatException || ex instanceof IllegalArgumentException) {
            return orClassName(ex);
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof FileSystemException e && e.getReason() == null) {
            // The JDK leaves the reason out of some subclasses; name the kind of failure instead.
            return e.getFile() + ": " + words(e.getClass().getSimpleName().replace("Exception", ""));
        }
        if (ex instanceof CharacterCodingException) {
            return "invalid UTF-8 in the input";
        }
        if (ex instanceof IOException) {
            return orClassName(ex);
        }
        return "internal error: " + ex.getClass().getName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + " (run with --verbose for the stack trace)";
    }

    private static String orClassName(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? words(ex.getClass().getSimpleName()) : m;
    }

    /** {@code "FileAlreadyExists"} to {@code "file already exists"}. */
    private static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** Keeps the promise of one line even when a message has line breaks in it. */
    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
