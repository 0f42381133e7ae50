package io.subword.pretokenize;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Splitting at characters that satisfy a predicate, as Hugging Face's {@code NormalizedString::split} with a
 * {@code char} pattern: every matching code point is one delimiter part, every run of other code points one
 * part, then {@link SplitBehavior} decides what to keep. Parts are kept per thread.
 */
final class CharSplit {
    private final ThreadLocal<Parts> scratch = ThreadLocal.withInitial(Parts::new);

    void split(CharSequence text, int start, int end, IntPredicate isDelimiter, SplitBehavior behavior, Spans out) {
        if (end <= start) {
            return;
        }
        Parts parts = scratch.get();
        parts.size = 0;
        int runStart = start;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
            }
            int next = i + Character.charCount(cp);
            if (isDelimiter.test(cp)) {
                if (i > runStart) {
                    parts.add(runStart, i, false);
                }
                parts.add(i, next, true);
                runStart = next;
            }
            i = next;
        }
        if (end > runStart) {
            parts.add(runStart, end, false);
        }
        behavior.apply(parts.starts, parts.ends, parts.isMatch, parts.size, out);
    }

    private static final class Parts {
        int[] starts = new int[64];
        int[] ends = new int[64];
        boolean[] isMatch = new boolean[64];
        int size;

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
}
