package io.subword.normalize;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugging Face's {@code Replace} normalizer: every non-overlapping match of a literal string or of a regex
 * (Oniguruma syntax, compiled by {@link OnigurumaRegex}) is replaced by {@code content}. As in Hugging Face,
 * every character of the replacement is aligned with the <em>last</em> character of the match it replaces (an
 * empty match: with the character before it); the text between matches keeps its alignment. Gemma, Llama 2
 * and their family use it to turn spaces into "▁": a one-character literal replaced by one character is a
 * single pass that keeps the alignment as it is. Immutable and thread-safe.
 */
public final class ReplaceNormalizer implements Normalizer {
    private final String pattern;
    private final boolean regex;
    private final String content;
    /** Null for a literal pattern. */
    private final Pattern compiled;

    /**
     * @param pattern the literal string ({@code regex == false}) or the regex to replace
     * @param regex   whether {@code pattern} is a regex ({@code {"Regex": ...}} in JSON)
     * @param content the replacement, taken literally
     * @throws IllegalArgumentException naming the pattern when the regex does not compile
     */
    public ReplaceNormalizer(String pattern, boolean regex, String content) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.regex = regex;
        this.content = Objects.requireNonNull(content, "content");
        this.compiled = regex || pattern.isEmpty() ? OnigurumaRegex.compile(regex ? pattern : "") : null;
    }

    public String pattern() {
        return pattern;
    }

    public boolean isRegex() {
        return regex;
    }

    public String content() {
        return content;
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String s = input.text();
        if (compiled == null && pattern.length() == 1 && content.length() == 1
                && !Character.isSurrogate(pattern.charAt(0)) && !Character.isSurrogate(content.charAt(0))) {
            if (s.indexOf(pattern.charAt(0)) < 0) {
                return input;
            }
            return input.withSameAlignment(s.replace(pattern.charAt(0), content.charAt(0)));
        }
        NormalizedText.Builder b = null;
        int last = 0;
        if (compiled == null) {
            for (int at = s.indexOf(pattern); at >= 0; at = s.indexOf(pattern, at + pattern.length())) {
                b = replaceMatch(input, b, last, at, at + pattern.length());
                last = at + pattern.length();
            }
        } else {
            Matcher m = compiled.matcher(s);
            while (m.find()) {
                b = replaceMatch(input, b, last, m.start(), m.end());
                last = m.end();
            }
        }
        if (b == null) {
            return input;
        }
        for (int i = last; i < s.length(); i++) {
            b.copy(input, i);
        }
        return b.build();
    }

    private NormalizedText.Builder replaceMatch(NormalizedText input, NormalizedText.Builder b, int last, int start,
                                                int end) {
        if (b == null) {
            b = input.builder();
        }
        for (int i = last; i < start; i++) {
            b.copy(input, i);
        }
        // the character the replacement is aligned with: the match's last one, or the one before an empty match
        int anchorEnd = end > start ? end : start;
        int os;
        int oe;
        if (anchorEnd == 0) {
            os = input.length() > 0 ? input.originalStart(0) : 0;
            oe = os;
        } else {
            String s = input.text();
            int first = anchorEnd - 1;
            if (first > 0 && Character.isLowSurrogate(s.charAt(first)) && Character.isHighSurrogate(s.charAt(first - 1))) {
                first--;
            }
            os = input.originalStart(first);
            oe = input.originalEnd(anchorEnd - 1);
        }
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            b.appendCodePoint(cp, os, oe);
            i += Character.charCount(cp);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplaceNormalizer r && r.pattern.equals(pattern) && r.regex == regex
                && r.content.equals(content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, regex, content);
    }

    @Override
    public String toString() {
        return "Replace[" + (regex ? "regex " : "") + pattern + " -> " + content + "]";
    }
}
