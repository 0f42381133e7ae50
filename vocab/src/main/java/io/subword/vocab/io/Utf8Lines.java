package io.subword.vocab.io;

import io.subword.vocab.Internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one reader of UTF-8 text lines in the project: vocabulary files, corpora, the command line's input and the
 * Spark jobs all read lines with the rules here, so a file means the same thing to every reader.
 * <ul>
 *   <li>A line ends at {@code \n} only (a lone {@code \r} is text, unlike {@link java.io.BufferedReader#readLine});
 *       a {@code \r} before the {@code \n} is dropped (CRLF files); a final newline does not make an extra empty
 *       line.</li>
 *   <li>A UTF-8 byte order mark at the start of the stream is skipped (and counted in byte offsets).</li>
 *   <li>Invalid UTF-8 (a stray or missing continuation byte, an overlong form, an encoded surrogate, a code point
 *       above U+10FFFF) is a {@link InputFormatException} naming the input, the line, the byte offset in the stream
 *       and the byte of the line, never a silent U+FFFD, unless the reader is {@linkplain #lenient lenient}: then
 *       each malformed sequence becomes U+FFFD as Java's decoder replaces it.</li>
 *   <li>Lines are streamed through one buffer that grows only for a line longer than it; a line is decoded
 *       straight from that buffer, ASCII lines without a decoder at all.</li>
 * </ul>
 * Not thread-safe.
 *
 * <p>{@link Internal}: public only because the training, CLI, embedding and Spark modules read lines through it.
 */
@Internal
public final class Utf8Lines implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private final InputStream in;
    private final Path name;
    private final boolean lenient;
    private byte[] buffer = new byte[BUFFER_BYTES];
    /** The next unread byte of {@link #buffer}, and the end of what has been read into it. */
    private int position;
    private int limit;
    /** The stream offset of {@code buffer[0]}. */
    private long bufferOffset;
    private boolean endOfStream;
    private long lineNumber;

    private Utf8Lines(InputStream in, Path name, boolean lenient) {
        this.in = Objects.requireNonNull(in, "in");
        this.name = Objects.requireNonNull(name, "name");
        this.lenient = lenient;
    }

    /** Lines of {@code in}, failing on invalid UTF-8; {@code name} (a file, or e.g. "standard input") names errors. */
    public static Utf8Lines strict(InputStream in, Path name) {
        return new Utf8Lines(in, name, false);
    }

    /** Lines of {@code in}, with each malformed UTF-8 sequence replaced by U+FFFD. */
    public static Utf8Lines lenient(InputStream in, Path name) {
        return new Utf8Lines(in, name, true);
    }

    /** All lines of {@code file}, strictly; a missing file is a {@link InputFormatException} too. */
    public static List<String> read(Path file) throws InputFormatException, IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, null, "no such file");
        }
        try (Utf8Lines lines = strict(in, file)) {
            return lines.readAll();
        }
    }

    /** All lines of {@code in}, strictly, named {@code name} in errors. */
    public static List<String> read(Path name, InputStream in) throws InputFormatException, IOException {
        return strict(in, name).readAll();
    }

    static List<String> split(Path file, byte[] bytes) throws InputFormatException {
        try {
            return strict(new ByteArrayInputStream(bytes), file).readAll();
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    private List<String> readAll() throws IOException, InputFormatException {
        List<String> lines = new ArrayList<>();
        for (String line = next(); line != null; line = next()) {
            lines.add(line);
        }
        return lines;
    }

    /** The next line without its line ending, or {@code null} at the end of the input. */
    public String next() throws IOException, InputFormatException {
        int scanned = position;
        boolean ascii = true;
        int newline;
        while (true) {
            newline = indexOfNewline(buffer, scanned, limit);
            ascii &= isAscii(buffer, scanned, newline < 0 ? limit : newline);
            if (newline >= 0) {
                break;
            }
            if (endOfStream) {
                if (position == limit) {
                    return null;
                }
                break;
            }
            int shift = position;
            scanned = limit;
            fill();
            scanned -= shift;
        }
        int from = position;
        int end = newline < 0 ? limit : newline;
        position = newline < 0 ? limit : newline + 1;
        lineNumber++;
        if (from + bufferOffset == 0 && end - from >= 3 && (buffer[from] & 0xff) == 0xEF
                && (buffer[from + 1] & 0xff) == 0xBB && (buffer[from + 2] & 0xff) == 0xBF) {
            from += 3;
        }
        if (end > from && buffer[end - 1] == '\r') {
            end--;
        }
        if (ascii) {
            return new String(buffer, from, end - from, StandardCharsets.ISO_8859_1);
        }
        int bad = lenient ? -1 : firstInvalid(buffer, from, end);
        if (bad >= 0) {
            throw InputFormatException.atLine(name, lineNumber, "invalid UTF-8 at byte offset "
                    + (bufferOffset + bad) + " (byte " + (bad - from + 1) + " of the line)");
        }
        return new String(buffer, from, end - from, StandardCharsets.UTF_8);
    }

    /**
     * Reads more of the stream behind what is buffered, moving the unread part to the front (and growing the buffer
     * for a line longer than it).
     */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfStream = true;
        } else {
            limit += n;
        }
    }

    /**
     * Whether a next line (or part of one) has already arrived, so that {@link #next} would not wait on a terminal
     * or a pipe. A file always has more until its end; a stream that cannot tell says no.
     */
    public boolean ready() {
        if (position < limit) {
            return true;
        }
        try {
            return !endOfStream && in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The number, counted from 1, of the line {@link #next} returned last. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The name errors give the input. */
    public Path name() {
        return name;
    }

    /** Closes the stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * The index of the first byte of {@code bytes[from, to)} that does not start or continue a valid UTF-8 sequence
     * (the start of the sequence it breaks, as Java's decoder reports it), or {@code -1} if all is valid UTF-8.
     */
    public static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGHS) == 0) {
                i += 8; // eight ASCII bytes
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xff;
            int length;
            int min = 0x80;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0) {
                    min = 0xA0; // shorter forms are overlong
                } else if (b == 0xED) {
                    max = 0x9F; // ED A0..BF encodes a surrogate
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0) {
                    min = 0x90;
                } else if (b == 0xF4) {
                    max = 0x8F; // above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                break; // a zero byte (a newline) in these eight
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(byte[] b, int from, int to) {
        int i = from;
        long high = 0;
        for (; i + 8 <= to; i += 8) {
            high |= (long) LONGS.get(b, i);
        }
        for (; i < to; i++) {
            high |= b[i];
        }
        return (high & HIGHS) == 0; // a negative byte sign-extends, so it sets these bits too
    }
}
