package io.subword.pretokenize;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hugging Face's {@code Split} pre-tokenizer: cuts each word at the matches of a pattern and keeps, drops or
 * merges the matches as {@link SplitBehavior} says; with {@code invert}, the parts between matches are the
 * delimiters instead.
 *
 * <p>The three GPT-2 / tiktoken patterns ({@link SplitPattern#forRegex}) run on their hand-written scanners.
 * Any other regex runs on {@code java.util.regex} with {@code UNICODE_CHARACTER_CLASS} (so {@code \s}, {@code \d}
 * and {@code \w} are Unicode-aware as in Oniguruma, which Hugging Face uses); the two engines agree on the
 * patterns tokenizers use, but exotic Oniguruma syntax may be rejected or read differently. A string pattern is
 * matched literally.
 */
public final class SplitPreTokenizer implements PreTokenizer {
    private final String pattern;
    private final boolean regex;
    private final SplitBehavior behavior;
    private final boolean invert;
    /** Non-null when the pattern is one of the known ones. */
    private final SplitPattern known;
    /** Non-null when it is not. */
    private final Pattern compiled;
    private final ThreadLocal<Parts> scratch = ThreadLocal.withInitial(Parts::new);

    /**
     * @param pattern  the pattern text
     * @param regex    whether {@code pattern} is a regex ({@code {"Regex": ...}} in JSON) or a literal string
     *                 ({@code {"String": ...}})
     * @param behavior what to do with the matches
     * @param invert   whether the matches are the parts to keep and the rest the delimiters
     * @throws IllegalArgumentException naming the pattern when it is not a valid regex
     */
    public SplitPreTokenizer(String pattern, boolean regex, SplitBehavior behavior, boolean invert) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.regex = regex;
        this.behavior = Objects.requireNonNull(behavior, "behavior");
        this.invert = invert;
        this.known = regex ? SplitPattern.forRegex(pattern).orElse(null) : null;
        if (known != null) {
            this.compiled = null;
        } else {
            try {
                this.compiled = Pattern.compile(regex ? pattern : Pattern.quote(pattern),
                        Pattern.UNICODE_CHARACTER_CLASS);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid split regex " + pattern + ": " + e.getDescription(), e);
            }
        }
    }

    /** The split that isolates the pieces of a known pattern, as GPT-2 / tiktoken style tokenizers use it. */
    public static SplitPreTokenizer of(SplitPattern pattern) {
        return new SplitPreTokenizer(pattern.regex(), true, SplitBehavior.ISOLATED, false);
    }

    public String pattern() {
        return pattern;
    }

    /** Whether {@link #pattern()} is a regex (else a literal string). */
    public boolean isRegex() {
        return regex;
    }

    public SplitBehavior behavior() {
        return behavior;
    }

    public boolean invert() {
        return invert;
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        if (end <= start) {
            return;
        }
        if (known != null && behavior == SplitBehavior.ISOLATED) {
            known.split(text, start, end, out);
            return;
        }
        Parts parts = scratch.get();
        parts.clear();
        if (known != null) {
            // The known patterns match every character: the matches tile the range.
            Spans matches = parts.matches;
            matches.clear();
            known.split(text, start, end, matches);
            for (int k = 0; k < matches.size(); k++) {
                parts.add(matches.start(k), matches.end(k), !invert);
            }
        } else {
            Matcher m = compiled.matcher(text);
            m.region(start, end);
            int previous = start;
            while (m.find()) {
                if (m.start() != previous) {
                    parts.add(previous, m.start(), invert);
                }
                parts.add(m.start(), m.end(), !invert);
                previous = m.end();
            }
            if (previous != end) {
                parts.add(previous, end, invert);
            }
        }
        behavior.apply(parts.starts, parts.ends, parts.isMatch, parts.size, out);
    }

    /** The parts of one range, reused per thread. */
    private static final class Parts {
        int[] starts = new int[64];
        int[] ends = new int[64];
        boolean[] isMatch = new boolean[64];
        int size;
        final Spans matches = new Spans();

        void clear() {
            size = 0;
        }

        void add(int start, int end, boolean match) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                isMatch = Arrays.copyOf(isMatch, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            isMatch[size] = match;
            size++;
        }
    }

    @Override
    public String toString() {
        return "Split[" + pattern + ", " + behavior + (invert ? ", inverted]" : "]");
    }
}
