package io.subword.embed;

/**
 * The reversible escaping of tokens in embedding files ({@code .vec}, {@code .bin} and the token list beside a
 * {@code .npy}), where a space ends the token and a newline ends the row.
 *
 * <p>The rule, a subset of Java string-literal escapes (so {@code StringEscapeUtils.unescapeJava} of
 * Commons Text, or a Java compiler, reads it back):
 * <table>
 *   <caption>escapes</caption>
 *   <tr><th>char</th><th>written as</th></tr>
 *   <tr><td>backslash {@code \}</td><td>{@code \\}</td></tr>
 *   <tr><td>space U+0020</td><td>{@code \s} (Java 15's escape for a space)</td></tr>
 *   <tr><td>tab, newline, carriage return, form feed, backspace</td>
 *       <td>{@code \t}, {@code \n}, {@code \r}, {@code \f}, {@code \b}</td></tr>
 *   <tr><td>every other char below U+0020, U+007F..U+009F, U+2028, U+2029, and a surrogate that is not half of
 *       a pair</td><td>{@code \}{@code uXXXX} with 4 lowercase hex digits</td></tr>
 * </table>
 * Everything else, including all other non-ASCII text, is written as itself in UTF-8, so {@code "amigos"},
 * {@code "##ção"} and {@code "日本"} look the same in the file as in the vocabulary, and a token that needs no
 * escape is byte-identical to what gensim or fastText write. Unlike Commons Text's {@code escapeJava}, which
 * leaves spaces alone and turns every non-ASCII char into {@code \}{@code uXXXX}, this escapes exactly what
 * breaks the row format. An empty token cannot be told apart from a missing one, so writers reject it.
 */
public final class TokenEscaping {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TokenEscaping() {
    }

    /** Whether {@code c} at {@code i} in {@code s} must be escaped. */
    private static boolean needsEscape(String s, int i, char c) {
        if (c == '\\' || c == ' ' || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** The token as written in a file; see the class comment. */
    public static String escape(String token) {
        int n = token.length();
        int first = 0;
        while (first < n && !needsEscape(token, first, token.charAt(first))) {
            first++;
        }
        if (first == n) {
            return token;
        }
        StringBuilder sb = new StringBuilder(n + 8).append(token, 0, first);
        for (int i = first; i < n; i++) {
            char c = token.charAt(i);
            if (!needsEscape(token, i, c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ' ' -> sb.append("\\s");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '\b' -> sb.append("\\b");
                default -> sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                        .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    /**
     * The token that {@link #escape} wrote as {@code text}.
     *
     * @throws IllegalArgumentException describing the first escape that is not one of the rule's (an unknown
     *                                  letter after a backslash, a lone trailing backslash, a short or non-hex
     *                                  {@code \}{@code u})
     */
    public static String unescape(String text) {
        int slash = text.indexOf('\\');
        if (slash < 0) {
            return text;
        }
        int n = text.length();
        StringBuilder sb = new StringBuilder(n).append(text, 0, slash);
        for (int i = slash; i < n; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= n) {
                throw new IllegalArgumentException("backslash at the end of " + quoteRaw(text));
            }
            char e = text.charAt(++i);
            switch (e) {
                case '\\' -> sb.append('\\');
                case 's' -> sb.append(' ');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'f' -> sb.append('\f');
                case 'b' -> sb.append('\b');
                case 'u' -> {
                    if (i + 4 >= n) {
                        throw new IllegalArgumentException("\\u needs 4 hex digits in " + quoteRaw(text));
                    }
                    int value = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = Character.digit(text.charAt(i + k), 16);
                        if (digit < 0) {
                            throw new IllegalArgumentException("\\u needs 4 hex digits in " + quoteRaw(text));
                        }
                        value = value * 16 + digit;
                    }
                    sb.append((char) value);
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + quoteRaw(text));
            }
        }
        return sb.toString();
    }

    /** {@code text} in double quotes, for messages about text that is already escaped. */
    private static String quoteRaw(String text) {
        return io.subword.vocab.Vocabulary.quote(text);
    }
}
