package io.subword.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hugging Face's {@code Replace} decoder: in every token, each match of a pattern (a literal string, or a regex
 * run on {@code java.util.regex} with {@code UNICODE_CHARACTER_CLASS}) becomes {@code content}. Llama uses it to
 * turn {@code ▁} back into a space.
 */
public final class ReplaceDecoder implements ChainDecoder {
    private final String pattern;
    private final boolean regex;
    private final String content;
    private final Pattern compiled;

    /**
     * @param pattern the string or regex to replace
     * @param regex   whether {@code pattern} is a regex ({@code {"Regex": ...}}) or a string ({@code {"String": ...}})
     * @param content the replacement, taken literally
     * @throws IllegalArgumentException naming the pattern when it is not a valid regex
     */
    public ReplaceDecoder(String pattern, boolean regex, String content) {
        this.pattern = pattern;
        this.regex = regex;
        this.content = content;
        try {
            this.compiled = regex ? Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS) : null;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid replace regex " + pattern + ": " + e.getDescription(), e);
        }
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
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        String literal = Matcher.quoteReplacement(content);
        for (String t : tokens) {
            if (compiled != null) {
                out.add(compiled.matcher(t).replaceAll(literal));
            } else {
                out.add(t.replace(pattern, content));
            }
        }
        return out;
    }
}
