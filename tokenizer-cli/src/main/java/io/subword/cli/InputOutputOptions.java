package io.subword.cli;

import io.subword.vocab.io.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code -i IN} and {@code -o OUT}, for commands that turn a stream of lines into a stream of lines.
 * Input is a UTF-8 file or standard input; output is standard output or a file written atomically (to a
 * temporary file in the same folder, then moved into place), so a failure part-way leaves the old file or
 * none, never half of one. {@code -} means standard input or output.
 */
final class InputOutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-i", "--input"}, paramLabel = "IN",
            description = "Text to read, one text per line, UTF-8 (default: standard input).")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "File to write, replaced only when the command succeeds (default: standard output).")
    Path output;

    /**
     * Opens the input. Open it before {@link #writeOutput}, so that a missing input fails before any output
     * file is touched.
     */
    LineReader openInput() throws IOException {
        if (input == null || input.toString().equals("-")) {
            return new LineReader(((Main) mixee.root().userObject()).stdin(), "standard input", false);
        }
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString());
        }
        if (Files.isDirectory(input)) {
            throw new FileSystemException(input.toString(), null, "is a folder, not a text file");
        }
        return new LineReader(Files.newInputStream(input), input.toString(), true);
    }

    /**
     * Runs {@code body} on the output: standard output (flushed at the end), or a temporary file that is
     * moved over {@code OUT} only when {@code body} returns normally.
     */
    void writeOutput(AtomicFiles.TextWriter body) throws IOException {
        if (output == null || output.toString().equals("-")) {
            Writer out = new StdoutWriter(mixee.commandLine().getOut());
            body.write(out);
            out.flush();
        } else {
            if (Files.isDirectory(output)) { // the move would replace an empty folder
                throw new FileSystemException(output.toString(), null, "is a folder; name the file to write");
            }
            AtomicFiles.writeText(output, body);
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
