package io.subword;

import io.subword.model.TokenBuffer;
import io.subword.pretokenize.Spans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds added tokens in text, as Hugging Face's AddedVocabulary does: leftmost-longest, non-overlapping
 * matches; a {@code single_word} match inside a word is dropped; {@code lstrip}/{@code rstrip} widen a match
 * over the whitespace beside it. Immutable and thread-safe.
 */
final class AddedVocabulary {
    private final AddedToken[] tokens;
    /** Tokens sorted by first char then longest first, with a 64K-entry index of where each first char starts. */
    private final AddedToken[] byFirstChar;
    private final int[] firstIndex;
    /** The distinct first chars of all tokens, when there are few: then candidates are found by indexOf. */
    private final char[] firstChars;

    AddedVocabulary(List<AddedToken> tokens) {
        this.tokens = tokens.toArray(new AddedToken[0]);
        this.byFirstChar = tokens.stream()
                .sorted(Comparator.<AddedToken>comparingInt(t -> t.content().charAt(0))
                        .thenComparing(t -> -t.content().length()))
                .toArray(AddedToken[]::new);
        if (byFirstChar.length == 0) {
            firstIndex = null;
        } else {
            firstIndex = new int[Character.MAX_VALUE + 2];
            java.util.Arrays.fill(firstIndex, -1);
            for (int i = byFirstChar.length - 1; i >= 0; i--) {
                firstIndex[byFirstChar[i].content().charAt(0)] = i;
            }
        }
        char[] distinct = tokens.stream().mapToInt(t -> t.content().charAt(0)).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().toCharArray();
        firstChars = distinct.length <= 3 ? distinct : null;
    }

    boolean isEmpty() {
        return tokens.length == 0;
    }

    List<AddedToken> tokens() {
        return List.of(tokens);
    }

    /**
     * Appends to {@code matches} the added tokens with {@code normalized == wantNormalized} found in
     * {@code text[from, to)}: for each, the token's id in {@code out}-style triples (id, start, end), where the
     * range includes any whitespace taken by lstrip/rstrip.
     */
    void find(CharSequence text, int from, int to, boolean wantNormalized, TokenBuffer matches) {
        find(text, from, to, wantNormalized, SpecialTokenPolicy.ALLOW_ALL, matches);
    }

    /**
     * {@link #find} of the tokens that {@code policy} lets match: special tokens it does not allow are skipped
     * (left to the model as ordinary text).
     */
    void find(CharSequence text, int from, int to, boolean wantNormalized, SpecialTokenPolicy policy,
              TokenBuffer matches) {
        if (firstIndex == null) {
            return;
        }
        boolean all = policy.allowsAll();
        int i = from;
        int lastEnd = from;
        while (i < to) {
            if (firstChars != null && text instanceof String string) {
                // Skip to the next possible match with String.indexOf (vectorized by the JVM): most text holds
                // no added token, and BERT's all start with '['.
                int next = to;
                for (char c : firstChars) {
                    int at = string.indexOf(c, i);
                    if (at >= 0 && at < next) {
                        next = at;
                    }
                }
                if (next >= to) {
                    return;
                }
                i = next;
            }
            int k = firstIndex[text.charAt(i)];
            AddedToken hit = null;
            if (k >= 0) {
                char first = text.charAt(i);
                for (; k < byFirstChar.length && byFirstChar[k].content().charAt(0) == first; k++) {
                    AddedToken t = byFirstChar[k];
                    if (t.normalized() == wantNormalized && (all || !t.special() || policy.allows(t.content()))
                            && regionMatches(text, i, to, t.content())) {
                        hit = t;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int start = i;
            int end = i + hit.content().length();
            if (hit.singleWord() && (start > from && isWordChar(text.charAt(start - 1))
                    || end < to && isWordChar(text.charAt(end)))) {
                i = end;
                continue;
            }
            if (hit.lstrip()) {
                while (start > lastEnd && Character.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
            }
            if (hit.rstrip()) {
                while (end < to && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
            }
            matches.add(hit.id(), start, end);
            lastEnd = end;
            i = end;
        }
    }

    /**
     * The leftmost special token in {@code text} that {@code policy} disallows (the longest at that place), or
     * {@code null}. The whole original text is searched, normalized tokens included, as tiktoken searches the
     * text before encoding it.
     */
    AddedToken firstDisallowed(CharSequence text, SpecialTokenPolicy policy) {
        if (firstIndex == null || !policy.checks()) {
            return null;
        }
        int to = text.length();
        for (int i = 0; i < to; i++) {
            int k = firstIndex[text.charAt(i)];
            if (k < 0) {
                continue;
            }
            char first = text.charAt(i);
            for (; k < byFirstChar.length && byFirstChar[k].content().charAt(0) == first; k++) {
                AddedToken t = byFirstChar[k];
                if (t.special() && policy.disallows(t.content()) && regionMatches(text, i, to, t.content())) {
                    return t;
                }
            }
        }
        return null;
    }

    private static boolean regionMatches(CharSequence text, int at, int to, String s) {
        if (to - at < s.length()) {
            return false;
        }
        for (int j = 0; j < s.length(); j++) {
            if (text.charAt(at + j) != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The gaps between {@code matches} in {@code [from, to)}, appended to {@code gaps} (empty gaps left out). */
    static void gaps(TokenBuffer matches, int from, int to, Spans gaps) {
        int at = from;
        for (int m = 0; m < matches.size(); m++) {
            if (matches.start(m) > at) {
                gaps.add(at, matches.start(m));
            }
            at = matches.end(m);
        }
        if (to > at) {
            gaps.add(at, to);
        }
    }

    static List<AddedToken> copyOf(List<AddedToken> tokens) {
        return List.copyOf(new ArrayList<>(tokens));
    }
}
