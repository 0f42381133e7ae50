package io.subword.vocab.io;

import io.subword.vocab.Vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2's {@code vocab.json}: one JSON object mapping each token to its id, {@code {"token": id, ...}}.
 *
 * <p>The reader is a small strict JSON parser (no dependency): the top level must be one object whose
 * values are non-negative integers up to {@link Vocabulary#MAX_ID}; a duplicate token, a duplicate id, an
 * unpaired surrogate escape ({@code "\ud800"}, which Hugging Face's serde_json rejects too), any other
 * value or malformed JSON is a {@link InputFormatException} naming the file, line and column (both counted
 * from 1, columns in UTF-16 units). Hugging Face silently skips non-number values and lets a repeated key
 * win; this reader rejects both, since either means the file is not what its writer meant.
 *
 * <p>The writer emits the tokens in id order on one line, escaped as {@code serde_json} does (only
 * {@code "}, {@code \} and control characters), so a file read and written back is unchanged.
 */
public final class VocabJson {
    private VocabJson() {
    }

    public static Vocabulary read(Path file) throws InputFormatException, IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file, null, "no such file");
        }
        return parse(file, decode(file, bytes));
    }

    /** Reads {@code in}, naming it {@code name} in errors. */
    public static Vocabulary read(Path name, InputStream in) throws InputFormatException, IOException {
        return parse(name, decode(name, in.readAllBytes()));
    }

    private static String decode(Path file, byte[] bytes) throws InputFormatException {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            // Utf8Lines names the line of the first invalid byte.
            Utf8Lines.split(file, bytes);
            throw new InputFormatException(file, null, "invalid UTF-8");
        }
    }

    /** Parses the JSON text of a {@code vocab.json}; {@code file} names it in errors. */
    public static Vocabulary parse(Path file, String json) throws InputFormatException {
        Map<String, Integer> map = new Parser(file, json).vocabulary();
        return Vocabulary.fromMap(map);
    }

    /** Writes {@code vocabulary} atomically as {@code {"token":id,...}} in id order. */
    public static void write(Vocabulary vocabulary, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> write(vocabulary, w));
    }

    /** Writes {@code vocabulary} as a JSON object in id order to {@code out}. */
    public static void write(Vocabulary vocabulary, Writer out) throws IOException {
        List<String> tokens = vocabulary.tokens();
        out.write('{');
        boolean first = true;
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (token == null) {
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            JsonStrings.writeSerde(token, out);
            out.write(':');
            out.write(Integer.toString(id));
        }
        out.write('}');
    }

    /** A recursive-descent reader of one {@code {"string": int}} object that tracks line and column. */
    private static final class Parser {
        private final Path file;
        private final String s;
        private int pos;

        Parser(Path file, String s) {
            this.file = file;
            this.s = s;
        }

        Map<String, Integer> vocabulary() throws InputFormatException {
            skipWhitespace();
            expect('{', "'{' to start the vocabulary object");
            Map<String, Integer> tokens = new HashMap<>();
            Map<Integer, String> byId = new HashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
            } else {
                while (true) {
                    skipWhitespace();
                    int keyAt = pos;
                    if (peek() != '"') {
                        throw error(pos, "expected a token in double quotes");
                    }
                    String token = string();
                    skipWhitespace();
                    expect(':', "':' after the token");
                    skipWhitespace();
                    int idAt = pos;
                    int id = id();
                    if (tokens.containsKey(token)) {
                        throw error(keyAt, "duplicate token " + Vocabulary.quote(token));
                    }
                    String other = byId.putIfAbsent(id, token);
                    if (other != null) {
                        throw error(idAt, "id " + id + " is given to both " + Vocabulary.quote(other) + " and "
                                + Vocabulary.quote(token));
                    }
                    tokens.put(token, id);
                    skipWhitespace();
                    char c = peek();
                    if (c == ',') {
                        pos++;
                    } else if (c == '}') {
                        pos++;
                        break;
                    } else {
                        throw error(pos, "expected ',' or '}'");
                    }
                }
            }
            skipWhitespace();
            if (pos < s.length()) {
                throw error(pos, "unexpected content after the vocabulary object");
            }
            return tokens;
        }

        private char peek() throws InputFormatException {
            if (pos >= s.length()) {
                throw error(pos, "unexpected end of file");
            }
            return s.charAt(pos);
        }

        private void expect(char c, String what) throws InputFormatException {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error(pos, pos >= s.length() ? "unexpected end of file, expected " + what : "expected " + what);
            }
            pos++;
        }

        private void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private String string() throws InputFormatException {
            int open = pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error(open, "unterminated string");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error(pos, String.format("unescaped control character U+%04X in a string", (int) c));
                }
                if (c != '\\') {
                    sb.append(c);
                    pos++;
                    continue;
                }
                int escapeAt = pos;
                if (pos + 1 >= s.length()) {
                    throw error(open, "unterminated string");
                }
                char e = s.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        char v = hex4(escapeAt);
                        if (Character.isHighSurrogate(v) && s.startsWith("\\u", pos)) {
                            int low = pos;
                            pos += 2;
                            char w = hex4(low);
                            if (!Character.isLowSurrogate(w)) {
                                throw error(escapeAt, String.format("lone surrogate \\u%04x in a string", (int) v));
                            }
                            sb.append(v).append(w);
                        } else if (Character.isSurrogate(v)) {
                            // serde_json (Hugging Face) rejects unpaired surrogates; a Java string could hold one
                            // but no UTF-8 file could, so the token could never be written back.
                            throw error(escapeAt, String.format("lone surrogate \\u%04x in a string", (int) v));
                        } else {
                            sb.append(v);
                        }
                    }
                    default -> throw error(escapeAt, "bad escape \\" + e);
                }
            }
        }

        /** The four hex digits at {@code pos} (after a {@code \\u} at {@code escapeAt}). */
        private char hex4(int escapeAt) throws InputFormatException {
            if (pos + 4 > s.length()) {
                throw error(escapeAt, "bad \\u escape");
            }
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(s.charAt(pos + k), 16);
                if (d < 0 || s.charAt(pos + k) > 'f') {
                    throw error(escapeAt, "bad \\u escape");
                }
                v = v * 16 + d;
            }
            pos += 4;
            return (char) v;
        }

        private int id() throws InputFormatException {
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '-') {
                throw error(start, "the id must be a non-negative integer");
            }
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            boolean fraction = pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E');
            if (pos == start || fraction) {
                throw error(start, "the id must be a non-negative integer");
            }
            if (pos - start > 1 && s.charAt(start) == '0') {
                throw error(start, "leading zero in the id");
            }
            if (pos - start > 10 || Long.parseLong(s, start, pos, 10) > Vocabulary.MAX_ID) {
                String digits = pos - start > 20 ? "of " + (pos - start) + " digits" : s.substring(start, pos);
                throw error(start, "id " + digits + " is too large (at most " + Vocabulary.MAX_ID + ")");
            }
            return Integer.parseInt(s, start, pos, 10);
        }

        private InputFormatException error(int at, String problem) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new InputFormatException(file, "line " + line + ", column " + (at - lineStart + 1), problem);
        }
    }
}
