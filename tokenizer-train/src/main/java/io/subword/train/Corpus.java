package io.subword.train;

import io.subword.vocab.io.Utf8Lines;
import io.subword.vocab.io.InputFormatException;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Training text: one or more files, folders (walked recursively, files in sorted path order so that a run
 * is reproducible), {@code .gz} files, or a stream such as standard input. Each line is one text; a line
 * ends at {@code \n}, a {@code \r} before it is dropped, a UTF-8 byte order mark at the start of a file is
 * skipped, and a final newline does not make an extra empty line.
 *
 * <p>Lines are streamed: the corpus is never held in memory. Invalid UTF-8 is a
 * {@link InputFormatException} naming the file, the line and the byte offset in the (decompressed) file,
 * unless the corpus is {@linkplain #lenient() lenient}, in which case each malformed sequence becomes
 * U+FFFD. Immutable; every {@link #open()} reads from the start (a stream corpus can be opened once).
 */
public final class Corpus {
    private final List<Path> files;
    private final InputStream stream;
    private final String streamName;
    private final boolean lenient;

    private Corpus(List<Path> files, InputStream stream, String streamName, boolean lenient) {
        this.files = files;
        this.stream = stream;
        this.streamName = streamName;
        this.lenient = lenient;
    }

    /** The given files and folders, in the given order; each folder expands to its files in sorted order. */
    public static Corpus of(List<Path> paths) throws IOException {
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs at least one file or folder");
        }
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).map(Path::toString).sorted()
                            .forEach(p -> files.add(Path.of(p)));
                }
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw new NoSuchFileException(path.toString(), null, "no such file or folder");
            }
        }
        return new Corpus(List.copyOf(files), null, null, false);
    }

    /** The given files and folders; see {@link #of(List)}. */
    public static Corpus of(Path... paths) throws IOException {
        return of(Arrays.asList(paths));
    }

    /**
     * The lines of {@code in} (for example {@code System.in}), named {@code name} in error messages. Such a
     * corpus can be opened once; its total size is unknown.
     */
    public static Corpus ofStream(InputStream in, String name) {
        return new Corpus(List.of(), Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"), false);
    }

    /** This corpus, replacing invalid UTF-8 with U+FFFD instead of failing. */
    public Corpus lenient() {
        return new Corpus(files, stream, streamName, true);
    }

    public boolean isLenient() {
        return lenient;
    }

    /** The files in reading order; empty for a stream corpus. */
    public List<Path> files() {
        return files;
    }

    /**
     * The number of bytes {@link Lines#bytesRead()} reaches at the end (compressed size for {@code .gz}
     * files), or {@code -1} when unknown (a stream).
     */
    public long totalBytes() throws IOException {
        if (stream != null) {
            return -1;
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    /** Starts reading from the first line. */
    public Lines open() {
        return new Lines(this);
    }

    /** A cursor over the lines of a corpus, each file read by {@link Utf8Lines}. Not thread-safe. */
    public static final class Lines implements Closeable {
        private final Corpus corpus;
        private int nextFile;
        private Path file;
        private CountingStream counting;
        private Utf8Lines in;
        private boolean streamTaken;
        private long bytesDone;
        private long lineNumber;

        Lines(Corpus corpus) {
            this.corpus = corpus;
        }

        /** The next line without its line ending, or {@code null} at the end of the corpus. */
        public String next() throws IOException, InputFormatException {
            while (true) {
                if (in == null && !openNext()) {
                    return null;
                }
                String line = in.next();
                if (line != null) {
                    lineNumber = in.lineNumber();
                    return line;
                }
                closeCurrent();
            }
        }

        private boolean openNext() throws IOException {
            if (corpus.stream != null) {
                if (streamTaken) {
                    return false;
                }
                streamTaken = true;
                counting = new CountingStream(corpus.stream);
                file = null;
                in = open(counting, Path.of(corpus.streamName));
            } else {
                if (nextFile >= corpus.files.size()) {
                    return false;
                }
                file = corpus.files.get(nextFile++);
                counting = new CountingStream(Files.newInputStream(file));
                in = open(file.getFileName().toString().endsWith(".gz")
                        ? new GZIPInputStream(counting, 1 << 16) : counting, file);
            }
            return true;
        }

        private Utf8Lines open(InputStream stream, Path name) {
            return corpus.lenient ? Utf8Lines.lenient(stream, name) : Utf8Lines.strict(stream, name);
        }

        private void closeCurrent() throws IOException {
            bytesDone += counting.count;
            counting = null;
            Utf8Lines current = in;
            in = null;
            if (corpus.stream == null) {
                current.close();
            }
        }

        /** The number of raw bytes read so far, over all files (compressed bytes for {@code .gz}). */
        public long bytesRead() {
            return bytesDone + (counting == null ? 0 : counting.count);
        }

        /** The file whose line was returned last, or {@code null} for a stream. */
        public Path file() {
            return file;
        }

        /** The number, counted from 1, of the line returned last within its file. */
        public long lineNumber() {
            return lineNumber;
        }

        @Override
        public void close() throws IOException {
            if (in != null && corpus.stream == null) {
                in.close();
            }
            in = null;
        }
    }

    /** Counts the bytes that pass, for progress reports. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    @Override
    public String toString() {
        return stream != null ? "Corpus[" + streamName + "]" : "Corpus" + files;
    }
}
