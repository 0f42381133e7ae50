package io.subword.normalize;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a regex written for Oniguruma's Ruby syntax (what Hugging Face tokenizers' {@code Regex} patterns
 * are) into a {@code java.util.regex} pattern that matches the same text. The two syntaxes agree on almost
 * everything tokenizers use; where they differ:
 * <ul>
 *   <li>{@code ^} and {@code $} match at every line boundary in Ruby, and only {@code \n} ends a line (also
 *       for {@code .}): compiled with {@code MULTILINE} and {@code UNIX_LINES};</li>
 *   <li>Ruby's {@code (?m)} is Java's {@code (?s)} (dot matches a newline);</li>
 *   <li>{@code \h} / {@code \H} are a hex digit / not one in Ruby (horizontal space in Java);</li>
 *   <li>POSIX brackets {@code [[:alpha:]]}, {@code [[:^digit:]]} become {@code \p{Alpha}}, {@code \P{Digit}};</li>
 *   <li>{@code \p{^Name}} becomes {@code \P{Name}};</li>
 *   <li>{@code \d}, {@code \s}, {@code \w}, {@code \b} are Unicode-aware in both ({@code UNICODE_CHARACTER_CLASS}).</li>
 * </ul>
 * Constructs Java lacks ({@code \K}, subexpression calls {@code \g<name>}, absent operators) are rejected with
 * an error that names the pattern, rather than read differently.
 */
public final class OnigurumaRegex {
    private OnigurumaRegex() {
    }

    /**
     * The Java pattern for {@code regex}.
     *
     * @throws IllegalArgumentException naming {@code regex} when it does not compile
     */
    public static Pattern compile(String regex) {
        String java;
        try {
            java = translate(regex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("regex " + quote(regex) + " does not compile: " + e.getMessage());
        }
        try {
            return Pattern.compile(java, Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE | Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regex " + quote(regex) + " does not compile: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static String quote(String s) {
        return io.subword.vocab.Vocabulary.quote(s);
    }

    static String translate(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        int depth = 0;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("trailing backslash");
                }
                char e = regex.charAt(++i);
                switch (e) {
                    case 'h' -> out.append(depth > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]");
                    case 'H' -> {
                        if (depth > 0) {
                            throw new IllegalArgumentException("\\H inside a character class is not supported");
                        }
                        out.append("[^0-9a-fA-F]");
                    }
                    case 'K' -> throw new IllegalArgumentException("\\K is not supported");
                    case 'g' -> throw new IllegalArgumentException("subexpression calls (\\g) are not supported");
                    case 'p', 'P' -> {
                        if (i + 2 < n && regex.charAt(i + 1) == '{' && regex.charAt(i + 2) == '^') {
                            out.append('\\').append(e == 'p' ? 'P' : 'p').append('{');
                            i += 2;
                        } else {
                            out.append('\\').append(e);
                        }
                    }
                    default -> out.append('\\').append(e);
                }
                continue;
            }
            if (depth > 0 && c == '[' && i + 1 < n && regex.charAt(i + 1) == ':') {
                int close = regex.indexOf(":]", i + 2);
                if (close > 0) {
                    String name = regex.substring(i + 2, close);
                    boolean negated = name.startsWith("^");
                    String posix = posix(negated ? name.substring(1) : name);
                    if (posix != null) {
                        out.append(posix.equals("w") ? (negated ? "\\W" : "\\w")
                                : (negated ? "\\P{" : "\\p{") + posix + "}");
                        i = close + 1;
                        continue;
                    }
                }
            }
            if (c == '[') {
                depth++;
                out.append(c);
                // a ']' right after '[' or '[^' is a literal in both syntaxes
                if (i + 1 < n && regex.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < n && regex.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == ']' && depth > 0) {
                depth--;
                out.append(c);
                continue;
            }
            if (depth == 0 && c == '(' && i + 1 < n && regex.charAt(i + 1) == '?') {
                // inline flags (?imx-imx) or (?imx-imx:...): Ruby's m is Java's s
                int j = i + 2;
                while (j < n && "imx-".indexOf(regex.charAt(j)) >= 0) {
                    j++;
                }
                if (j > i + 2 && j < n && (regex.charAt(j) == ')' || regex.charAt(j) == ':')) {
                    out.append("(?").append(regex, i + 2, j).append(regex.charAt(j));
                    for (int k = out.length() - (j - i - 2) - 1; k < out.length() - 1; k++) {
                        if (out.charAt(k) == 'm') {
                            out.setCharAt(k, 's');
                        }
                    }
                    i = j;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String posix(String name) {
        return switch (name) {
            case "alnum" -> "Alnum";
            case "alpha" -> "Alpha";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "digit" -> "Digit";
            case "graph" -> "Graph";
            case "lower" -> "Lower";
            case "print" -> "Print";
            case "punct" -> "Punct";
            case "space" -> "Space";
            case "upper" -> "Upper";
            case "xdigit" -> "XDigit";
            case "word" -> "w";
            default -> null;
        };
    }
}
