package io.subword.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams the lines of UTF-8 text, holding one line at a time. A line ends at {@code \n} only (a lone
 * {@code \r} is text, unlike {@link java.io.BufferedReader#readLine}), a {@code \r} before the {@code \n}
 * is dropped (CRLF files), a final newline does not make an extra empty line, and a byte order mark at the
 * start is skipped. Invalid UTF-8 is an {@link IOException} naming the input and the line, never a silent
 * U+FFFD: the bytes are split at {@code \n} first (a byte that never occurs inside a multi-byte sequence),
 * then each line is decoded, so the line number is exact.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final String name;
    private final boolean closeStream;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 10];
    private int lineLength;
    private long lineNumber;

    /**
     * @param name        how errors name the input: a file name, or "standard input"
     * @param closeStream whether {@link #close} closes {@code in} (not for standard input)
     */
    LineReader(InputStream in, String name, boolean closeStream) {
        this.in = in;
        this.name = name;
        this.closeStream = closeStream;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    String next() throws IOException {
        lineLength = 0;
        boolean sawBytes = false;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    if (!sawBytes) {
                        return null;
                    }
                    break;
                }
                position = 0;
                limit = n;
                continue;
            }
            sawBytes = true;
            int newline = indexOfNewline(position, limit);
            int end = newline < 0 ? limit : newline;
            append(position, end);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        int from = 0;
        if (lineNumber == 1 && lineLength >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            from = 3;
        }
        int to = lineLength > from && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        return decode(from, to);
    }

    /**
     * Whether a next line (or part of one) has already arrived, so that {@link #next} would not wait on a
     * terminal or a pipe. A file always has more until its end; a stream that cannot tell says no.
     */
    boolean ready() {
        if (position < limit) {
            return true;
        }
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** "standard input, line 3": the line being read now, for messages. */
    String where() {
        return name + ", line " + (lineNumber + 1);
    }

    /** The number of lines returned so far; the line number of the last one. */
    long lineNumber() {
        return lineNumber;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + n, line.length * 2));
        }
        System.arraycopy(buffer, from, line, lineLength, n);
        lineLength += n;
    }

    private String decode(int from, int to) throws IOException {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(line, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + ", line " + lineNumber + ": invalid UTF-8", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closeStream) {
            in.close();
        }
    }
}
