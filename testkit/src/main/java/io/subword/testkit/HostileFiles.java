package io.subword.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The one checker of hostile files for every reader of ours (vocabularies, tokenizer.json, embedding files): a table
 * of files, each with the outcome it must have, and a check that nothing else happens. A row's outcome is either
 * {@code OK <summary>} (the reference accepts the file too; the reader's summary of what it read) or the exact message
 * of the format exception the reader must throw, with {@code <file>} for the path: so every message names the file,
 * and, where it can, the line or JSON path. Any other exception (NullPointerException, NumberFormatException,
 * OutOfMemoryError ...) fails the row. For fuzzed files, whose message cannot be known in advance,
 * {@link #checkNamesFile} asks only that a failure names the file, in one short line.
 *
 * <pre>{@code
 * static final HostileFiles FILES = new HostileFiles(InputFormatException.class);
 * static List<HostileFiles.Case> cases() {
 *     return HostileFiles.table()
 *             .add("blank line inside", "a\n\nb\n", "<file>, line 2: blank line inside the vocabulary")
 *             .add("CRLF", "a\r\nb\r\n", "OK 2 tokens")
 *             .cases();
 * }
 * @ParameterizedTest @MethodSource("cases")
 * void brokenFile(HostileFiles.Case c) throws IOException {
 *     FILES.check(dir, "vocab.txt", c, f -> VocabTxt.read(f).tokenCount() + " tokens");
 * }
 * }</pre>
 */
public final class HostileFiles {
    /** Reads a file and returns a short summary of what it read; a bad file throws the format exception. */
    @FunctionalInterface
    public interface Reader {
        String read(Path file) throws Exception;
    }

    /**
     * One row: a name, the file's bytes (made when the row runs, as some are tens of megabytes) and the outcome,
     * {@code OK <summary>} or the exact message with {@code <file>} for the path.
     */
    public record Case(String name, Supplier<byte[]> content, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Rows in the order they are added. */
    public static final class Table {
        private final String prefix;
        private final List<Case> cases;

        private Table(String prefix, List<Case> cases) {
            this.prefix = prefix;
            this.cases = cases;
        }

        /** The same table, naming the rows added through the result {@code "format: name"}. */
        public Table format(String format) {
            return new Table(format + ": ", cases);
        }

        /** A file of {@code content} as UTF-8. */
        public Table add(String name, String content, String expected) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            return add(name, () -> b, expected);
        }

        public Table add(String name, byte[] content, String expected) {
            return add(name, () -> content, expected);
        }

        /** A file made when its row runs (a large one). */
        public Table add(String name, Supplier<byte[]> content, String expected) {
            cases.add(new Case(prefix + name, content, expected));
            return this;
        }

        public List<Case> cases() {
            return cases;
        }
    }

    private final Class<? extends Exception> formatError;
    private final AtomicLong tried = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    /** A checker whose readers report a bad file with {@code formatError} (or a subclass). */
    public HostileFiles(Class<? extends Exception> formatError) {
        this.formatError = formatError;
    }

    public static Table table() {
        return new Table("", new ArrayList<>());
    }

    /**
     * Writes {@code c} to {@code dir/<n>-fileName}, reads it with {@code reader} and throws an {@link AssertionError}
     * unless the outcome is {@code c.expected()}. The file is deleted afterwards.
     */
    public void check(Path dir, String fileName, Case c, Reader reader) throws IOException {
        Path file = dir.resolve(tried.incrementAndGet() + "-" + fileName);
        Files.write(file, c.content().get());
        String actual;
        try {
            actual = "OK " + reader.read(file);
        } catch (Exception e) {
            actual = formatMessage(file, e, c.name());
        } catch (Throwable t) {
            unexpected.incrementAndGet();
            throw new AssertionError(c + ": unexpected " + t, t);
        } finally {
            Files.delete(file);
        }
        if (!c.expected().equals(actual)) {
            throw new AssertionError(c + " ==> expected: <" + c.expected() + "> but was: <" + actual + ">");
        }
    }

    /**
     * Reads {@code content} (a fuzzed file) as {@code dir/fileName}: it must either read, or fail with the format
     * exception whose message starts with the file's path and is one line of under 400 characters.
     */
    public void checkNamesFile(Path dir, String fileName, byte[] content, Reader reader) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, content);
        tried.incrementAndGet();
        try {
            reader.read(file);
        } catch (Exception e) {
            String message = formatMessage(file, e, fileName);
            if (!message.startsWith("<file>") || message.indexOf('\n') >= 0 || message.length() >= 400) {
                throw new AssertionError(fileName + ": a failure must name the file in one short line: " + message);
            }
        } catch (Throwable t) {
            unexpected.incrementAndGet();
            throw new AssertionError(fileName + ": unexpected " + t, t);
        }
    }

    /** The message of a format exception with {@code <file>} for the path; any other exception is an error. */
    private String formatMessage(Path file, Exception e, String name) {
        if (!formatError.isInstance(e)) {
            unexpected.incrementAndGet();
            throw new AssertionError(name + ": unexpected " + e, e);
        }
        return String.valueOf(e.getMessage()).replace(file.toString(), "<file>");
    }

    /** "hostile-input: 106 files tried (what), 0 unexpected exceptions", for the end of a run. */
    public String report(String what) {
        return "hostile-input: " + tried.get() + " files tried (" + what + "), " + unexpected.get()
                + " unexpected exceptions";
    }

    /** Strings as UTF-8 and ints as raw bytes, in order. */
    public static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    public static byte[] utf16le(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    /** {@code n} copies of {@code b}. */
    public static byte[] repeat(byte b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }
}
