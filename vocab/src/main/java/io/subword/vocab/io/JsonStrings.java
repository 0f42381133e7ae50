package io.subword.vocab.io;

import io.subword.vocab.Internal;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a JSON string with the escapes that the two writers our files must match use: {@code \"} and {@code \\},
 * the short forms of backspace, tab, newline, form feed and carriage return, a six-character escape for other
 * control characters, and everything else as it is. They differ only in the hex case of that six-character escape:
 * Jackson (and so Hugging Face's {@code tokenizer.json} as the JVM peers write it) uses upper case, serde_json
 * ({@code vocab.json}) lower case. Runs without escapes are copied in one write.
 *
 * <p>{@link Internal}: public only because the trainers (tokenizer-train) stream {@code tokenizer.json} with it.
 */
@Internal
public final class JsonStrings {
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /** {@code s} as Jackson writes it (upper-case hex in its six-character escapes). */
    public static void writeJackson(String s, Writer out) throws IOException {
        write(s, out, UPPER_HEX);
    }

    /** {@code s} as serde_json writes it (lower-case hex in its six-character escapes). */
    public static void writeSerde(String s, Writer out) throws IOException {
        write(s, out, LOWER_HEX);
    }

    private static void write(String s, Writer out, char[] hex) throws IOException {
        out.write('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.write(s, from, i - from);
            from = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\b' -> out.write("\\b");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\f' -> out.write("\\f");
                case '\r' -> out.write("\\r");
                default -> {
                    out.write("\\u00");
                    out.write(hex[c >> 4]);
                    out.write(hex[c & 0xF]);
                }
            }
        }
        out.write(s, from, s.length() - from);
        out.write('"');
    }
}
