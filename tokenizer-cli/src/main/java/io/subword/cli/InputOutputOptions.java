package io.subword.cli;

import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.Utf8Lines;
import io.subword.vocab.io.InputFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code -i IN} and {@code -o OUT}, for commands that turn a stream of lines into a stream of lines.
 * Input is a UTF-8 file or standard input; output is standard output or {@code OUT} written by
 * {@link AtomicFiles}: an ordinary file atomically (a temporary file in the same folder, then moved into place,
 * so a failure part-way leaves the old file or none, never half of one), a symbolic link's target likewise, a
 * device, FIFO or descriptor ({@code /dev/null}, {@code /dev/stdout}, {@code >(gzip > x.gz)}) straight through.
 * {@code -} means standard input or output.
 */
final class InputOutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * The command's {@link Main} and text output when it runs without picocli ({@link EncodeFastPath}); then
     * {@code mixee} is null.
     */
    Main standalone;
    PrintWriter standaloneOut;

    @Option(names = {"-i", "--input"}, paramLabel = "IN",
            description = "Text to read, one text per line, UTF-8 (default: standard input).")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "File to write, replaced only when the command succeeds (a link is followed; a device,"
                    + " FIFO or /dev/stdout is written straight through) (default: standard output).")
    Path output;

    /**
     * Opens the input. Open it before {@link #writeOutput}, so that a missing input fails before any output
     * file is touched.
     */
    Utf8Lines openInput() throws IOException {
        Utf8Lines reader = openReader();
        Main.reading = () -> reader.name() + ", line " + (reader.lineNumber() + 1);
        return reader;
    }

    /**
     * The next line of {@code in}, or {@code null} at its end. Invalid UTF-8 becomes an {@link IOException} with the
     * reader's message (input, line and byte), as the commands' writers may only throw that.
     */
    static String nextLine(Utf8Lines in) throws IOException {
        try {
            return in.next();
        } catch (InputFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Utf8Lines openReader() throws IOException {
        if (input == null || input.toString().equals("-")) {
            // Standard input stays open for whoever reads next.
            return Utf8Lines.strict(new FilterInputStream(main().stdin()) {
                @Override
                public void close() {
                }
            }, Path.of("standard input"));
        }
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString());
        }
        if (Files.isDirectory(input)) {
            throw new FileSystemException(input.toString(), null, "is a folder, not a text file");
        }
        return Utf8Lines.strict(Files.newInputStream(input), input);
    }

    private Main main() {
        return mixee == null ? standalone : (Main) mixee.root().userObject();
    }

    private PrintWriter textOut() {
        return mixee == null ? standaloneOut : mixee.commandLine().getOut();
    }

    private boolean toStandardOutput() {
        return output == null || output.toString().equals("-");
    }

    /**
     * Fails now if {@code OUT} cannot be written (a folder, a path under a file, no permission), so that a
     * command finds out before its work rather than after. Call it before loading anything.
     */
    void checkOutput() throws IOException {
        if (!toStandardOutput()) {
            AtomicFiles.check(output);
        }
    }

    /**
     * Runs {@code body} on the output: standard output (flushed at the end), or {@code OUT} written by
     * {@link AtomicFiles} (an ordinary file is replaced only when {@code body} returns normally; a device, FIFO
     * or {@code /dev/stdout} is written straight through).
     */
    void writeOutput(AtomicFiles.TextWriter body) throws IOException {
        if (toStandardOutput()) {
            Writer out = new StdoutWriter(textOut());
            body.write(out);
            out.flush();
        } else {
            AtomicFiles.writeText(output, body);
        }
    }

    /** As {@link #writeOutput}, for a body that writes UTF-8 bytes; {@code flush()} reaches the reader. */
    void writeBytes(AtomicFiles.StreamWriter body) throws IOException {
        if (!toStandardOutput()) {
            AtomicFiles.write(output, body);
            return;
        }
        OutputStream raw = main().stdoutBytes();
        if (raw != null) {
            textOut().flush(); // anything written as text goes first
            OutputStream out = new StdoutBytes(raw);
            body.write(out);
            out.flush();
        } else {
            OutputStream out = new Utf8ToWriter(new StdoutWriter(textOut()));
            body.write(out);
            out.flush();
        }
    }

    /** Standard output as bytes, whose failure (a closed pipe) says that it is standard output that failed. */
    private static final class StdoutBytes extends java.io.FilterOutputStream {
        StdoutBytes(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new IOException("cannot write to standard output (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new IOException("cannot write to standard output (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // standard output stays open
        }
    }

    /**
     * UTF-8 bytes to a {@link Writer}, for when standard output is only a writer (tests run the command line
     * in-process with a {@link java.io.StringWriter}). Bytes are decoded at each flush, which callers do at
     * line ends, so no character is split.
     */
    private static final class Utf8ToWriter extends OutputStream {
        private final Writer out;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        Utf8ToWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.write(pending.toString(java.nio.charset.StandardCharsets.UTF_8));
            pending.reset();
            out.flush();
        }
    }

    /**
     * Standard output as a {@link Writer} that reports failure: {@link PrintWriter} swallows I/O errors, which
     * would let a command encode a whole file into a closed pipe.
     */
    private static final class StdoutWriter extends Writer {
        private final PrintWriter out;

        StdoutWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            out.write(chars, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            out.write(s, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out.checkError()) { // flushes, then reports any error so far
                throw new IOException("cannot write to standard output");
            }
        }

        @Override
        public void close() throws IOException {
            flush(); // standard output stays open for whoever writes next
        }
    }
}
