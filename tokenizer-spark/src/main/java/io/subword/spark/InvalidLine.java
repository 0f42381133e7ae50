package io.subword.spark;

import io.subword.vocab.io.Utf8Lines;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The error for a line that is not valid UTF-8, worded as {@link io.subword.vocab.io.Utf8Lines} words it when
 * {@code Corpus} reads the same file: Hadoop gives the byte offset of the line, not its number.
 */
final class InvalidLine {
    private InvalidLine() {
    }

    /**
     * The error for a line of {@code file} at byte offset {@code lineStart} (of the decompressed file, as Hadoop
     * reports it) that is not valid UTF-8. Finding the line number means reading the file up to that offset: this
     * runs only when the job is about to fail.
     */
    static CorpusFormatException error(String file, long lineStart, byte[] bytes, int len) {
        int bad = Utf8Lines.firstInvalid(bytes, 0, len);
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
