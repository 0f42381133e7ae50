package io.subword.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the raw bytes of one line as {@code io.subword.train.Corpus} does: pure ASCII directly, anything else with
 * Java's UTF-8 decoder, which either reports malformed input (strict) or replaces each malformed sequence with
 * U+FFFD (lenient). One per task; not thread-safe.
 */
final class Utf8Lines {
    private final CharsetDecoder decoder;
    private CharBuffer chars = CharBuffer.allocate(256);

    Utf8Lines(boolean strict) {
        CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }

    /** The text of {@code bytes[0, len)}, or {@code null} if it is not valid UTF-8 and decoding is strict. */
    String decode(byte[] bytes, int len) {
        int bad = firstError(bytes, len);
        if (bad == -1) {
            return chars.toString();
        }
        return bad == -2 ? new String(bytes, 0, len, StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * Decodes into {@link #chars}: {@code -2} if the bytes are ASCII (nothing decoded), {@code -1} if decoded,
     * else the index of the first malformed byte.
     */
    private int firstError(byte[] bytes, int len) {
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return -2;
        }
        if (chars.capacity() < len) {
            chars = CharBuffer.allocate(len);
        }
        chars.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, len);
        decoder.reset();
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            return in.position();
        }
        chars.flip();
        return -1;
    }

    /**
     * The error for a line of {@code file} at byte offset {@code lineStart} (of the decompressed file, as Hadoop
     * reports it) that is not valid UTF-8. Finding the line number means reading the file up to that offset: this
     * runs only when the job is about to fail.
     */
    static CorpusFormatException invalid(String file, long lineStart, byte[] bytes, int len) {
        int bad = new Utf8Lines(true).firstError(bytes, len);
        String shown = displayName(file);
        long[] lineAndBom;
        try {
            lineAndBom = lineAt(file, lineStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read " + shown + " to report invalid UTF-8 at byte offset "
                    + (lineStart + bad), e);
        }
        // Corpus counts the byte order mark that Hadoop dropped from the first line in the file offset, not in the
        // line's bytes.
        long bom = lineAndBom[1];
        return new CorpusFormatException(shown, lineAndBom[0], "invalid UTF-8 at byte offset "
                + (lineStart + bom + bad) + " (byte " + (bad + 1) + " of the line)");
    }

    /** {@code file:/a/b} as {@code /a/b}; other URIs as they are. */
    static String displayName(String file) {
        return file.startsWith("file:") ? new Path(file).toUri().getPath() : file;
    }

    /** {line number of the line starting at {@code offset}, 3 if the file starts with a byte order mark else 0}. */
    private static long[] lineAt(String file, long offset) throws IOException {
        Path path = new Path(file);
        Configuration conf = new Configuration();
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        InputStream raw = path.getFileSystem(conf).open(path);
        try (InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
            byte[] buf = new byte[1 << 16];
            long line = 1;
            long pos = 0;
            long bom = 0;
            while (pos < offset) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, offset - pos));
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line++;
                    }
                }
                pos += n;
            }
            // Hadoop's offsets of later lines count the mark already; only the first line's needs it added.
            if (offset == 0) {
                byte[] head = in.readNBytes(3);
                bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                        && (head[2] & 0xff) == 0xBF ? 3 : 0;
            }
            return new long[] {line, bom};
        }
    }
}
