package io.subword.vocab.io;

import io.subword.vocab.Internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text file as strict UTF-8 lines, so that a format reader can name the line of any problem.
 * A line ends at {@code \n}; a {@code \r} before it is dropped. A UTF-8 byte order mark at the start is
 * skipped. Invalid UTF-8 is an error naming the line, never a silent U+FFFD.
 *
 * <p>{@link Internal}: public only because the embedding and Spark modules read lines through it.
 */
@Internal
public final class Utf8Lines {
    private Utf8Lines() {
    }

    /** All lines of {@code file}; a final newline does not make an extra empty line. */
    public static List<String> read(Path file) throws InputFormatException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, null, "no such file");
        }
        return split(file, bytes);
    }

    /** All lines of {@code in}, named {@code name} in errors. */
    public static List<String> read(Path name, InputStream in) throws InputFormatException, IOException {
        return split(name, in.readAllBytes());
    }

    static List<String> split(Path file, byte[] bytes) throws InputFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        int lineNo = 1;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            lines.add(decode(decoder, file, lineNo, bytes, start, contentEnd));
            start = end + 1;
            lineNo++;
        }
        return lines;
    }

    private static String decode(CharsetDecoder decoder, Path file, int lineNo, byte[] bytes, int from, int to)
            throws InputFormatException {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes, from, to - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            int column = firstInvalid(bytes, from, to);
            throw InputFormatException.atLine(file, lineNo,
                    "invalid UTF-8 at byte " + (column - from + 1) + " of the line");
        }
    }

    /** The index of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstInvalid(byte[] bytes, int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : to;
    }
}
