package io.subword;

import io.subword.model.TokenBuffer;
import io.subword.normalize.CharClasses;
import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.pretokenize.Spans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Finds added tokens in text, as Hugging Face's AddedVocabulary (tokenizers 0.21) does: leftmost-longest,
 * non-overlapping matches; a {@code single_word} match inside a word is dropped; {@code lstrip}/{@code rstrip}
 * widen a match over the whitespace beside it. Immutable and thread-safe.
 *
 * <p>A {@code normalized} token is looked for in the normalized text in its own normalized form: its content
 * run through the tokenizer's normalizer ({@code [E1]} is {@code [e1]} to BERT uncased, {@code Café} is
 * {@code cafe}). A token whose normalized form is empty never matches.
 *
 * <p>"Inside a word" and "whitespace" are judged on code points with the classes of Hugging Face's regexes:
 * {@code \w} (Alphabetic, marks, decimal digits, connector punctuation, Join_Control) and {@code \s} (the
 * White_Space property), as {@link CharClasses} records them for the reference's Unicode version.
 */
final class AddedVocabulary {
    private final AddedToken[] tokens;
    /** Every token under the text it matches: its content, or its normalized content when normalized. */
    private final FirstCharIndex byPattern;
    /** The special tokens under their content, for {@link #firstDisallowed}; built on first use. */
    private volatile FirstCharIndex specialsByContent;

    /**
     * @param normalizer the tokenizer's normalizer, which gives the normalized tokens the form they are looked
     *                   for in; {@code null} for none
     */
    AddedVocabulary(List<AddedToken> tokens, Normalizer normalizer) {
        this.tokens = tokens.toArray(new AddedToken[0]);
        List<AddedToken> matchable = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (AddedToken t : this.tokens) {
            String pattern = t.normalized() && normalizer != null
                    ? normalizer.normalize(NormalizedText.of(t.content())).text()
                    : t.content();
            if (!pattern.isEmpty()) {
                matchable.add(t);
                patterns.add(pattern);
            }
        }
        this.byPattern = new FirstCharIndex(matchable, patterns);
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
        FirstCharIndex index = byPattern;
        if (index.isEmpty()) {
            return;
        }
        boolean all = policy.allowsAll();
        int i = from;
        int lastEnd = from;
        while (i < to) {
            i = index.nextCandidate(text, i, to);
            if (i >= to) {
                return;
            }
            char first = text.charAt(i);
            AddedToken hit = null;
            int length = 0;
            for (int k = index.start(first); k >= 0 && k < index.size() && index.first(k) == first; k++) {
                AddedToken t = index.token(k);
                if (t.normalized() == wantNormalized && (all || !t.special() || policy.allows(t.content()))
                        && regionMatches(text, i, to, index.key(k))) {
                    hit = t;
                    length = index.key(k).length();
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            int start = i;
            int end = i + length;
            if (hit.singleWord() && (start > from && CharClasses.isWordChar(codePointBefore(text, start, from))
                    || end < to && CharClasses.isWordChar(codePointAt(text, end, to)))) {
                i = end;
                continue;
            }
            if (hit.lstrip()) {
                // White_Space is all in the BMP, so one char is one code point here
                while (start > lastEnd && CharClasses.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
            }
            if (hit.rstrip()) {
                while (end < to && CharClasses.isWhitespace(text.charAt(end))) {
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
     * {@code null}. The whole original text is searched for each token's content, normalized tokens included, as
     * tiktoken searches the text before encoding it.
     */
    AddedToken firstDisallowed(CharSequence text, SpecialTokenPolicy policy) {
        if (tokens.length == 0 || !policy.checks()) {
            return null;
        }
        FirstCharIndex index = specialsByContent;
        if (index == null) {
            List<AddedToken> specials = Arrays.stream(tokens).filter(AddedToken::special).toList();
            index = new FirstCharIndex(specials, specials.stream().map(AddedToken::content).toList());
            specialsByContent = index;
        }
        if (index.isEmpty()) {
            return null;
        }
        int to = text.length();
        for (int i = index.nextCandidate(text, 0, to); i < to; i = index.nextCandidate(text, i + 1, to)) {
            char first = text.charAt(i);
            for (int k = index.start(first); k >= 0 && k < index.size() && index.first(k) == first; k++) {
                AddedToken t = index.token(k);
                if (policy.disallows(t.content()) && regionMatches(text, i, to, t.content())) {
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

    /** The code point that ends just before {@code i}, not reaching before {@code from}. */
    private static int codePointBefore(CharSequence text, int i, int from) {
        char low = text.charAt(i - 1);
        if (Character.isLowSurrogate(low) && i - 2 >= from && Character.isHighSurrogate(text.charAt(i - 2))) {
            return Character.toCodePoint(text.charAt(i - 2), low);
        }
        return low;
    }

    /** The code point that starts at {@code i}, not reaching {@code to}. */
    private static int codePointAt(CharSequence text, int i, int to) {
        char high = text.charAt(i);
        if (Character.isHighSurrogate(high) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
            return Character.toCodePoint(high, text.charAt(i + 1));
        }
        return high;
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

    /**
     * Tokens under a key string each, sorted by the key's first char and then longest first, with a 64K-entry
     * index of where each first char starts: the candidates at a place are the run of its char, and the first
     * of them that matches is the longest match. Among keys of the same length, special tokens come first, as
     * Hugging Face builds its matcher from the special tokens and then the others.
     */
    private static final class FirstCharIndex {
        private final AddedToken[] tokens;
        private final String[] keys;
        private final int[] firstIndex;
        /** The distinct first chars of all keys, when there are few: then candidates are found by indexOf. */
        private final char[] firstChars;

        FirstCharIndex(List<AddedToken> tokens, List<String> keys) {
            Integer[] order = new Integer[tokens.size()];
            Arrays.setAll(order, i -> i);
            Function<Integer, String> key = keys::get;
            Arrays.sort(order, Comparator.<Integer>comparingInt(i -> key.apply(i).charAt(0))
                    .thenComparingInt(i -> -key.apply(i).length())
                    .thenComparing(i -> !tokens.get(i).special()));
            this.tokens = Arrays.stream(order).map(tokens::get).toArray(AddedToken[]::new);
            this.keys = Arrays.stream(order).map(keys::get).toArray(String[]::new);
            if (this.keys.length == 0) {
                firstIndex = null;
            } else {
                firstIndex = new int[Character.MAX_VALUE + 2];
                Arrays.fill(firstIndex, -1);
                for (int i = this.keys.length - 1; i >= 0; i--) {
                    firstIndex[this.keys[i].charAt(0)] = i;
                }
            }
            char[] distinct = Arrays.stream(this.keys).mapToInt(s -> s.charAt(0)).distinct()
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString().toCharArray();
            firstChars = distinct.length <= 3 ? distinct : null;
        }

        boolean isEmpty() {
            return keys.length == 0;
        }

        int size() {
            return keys.length;
        }

        /** The first position in {@code [i, to)} whose char starts some key, or {@code to}. */
        int nextCandidate(CharSequence text, int i, int to) {
            if (firstChars != null && text instanceof String string) {
                // String.indexOf is vectorized by the JVM: most text holds no added token, and BERT's all
                // start with '['.
                int next = to;
                for (char c : firstChars) {
                    int at = string.indexOf(c, i);
                    if (at >= 0 && at < next) {
                        next = at;
                    }
                }
                return next;
            }
            while (i < to && firstIndex[text.charAt(i)] < 0) {
                i++;
            }
            return i;
        }

        /** The index of the first key starting with {@code c}, or -1. */
        int start(char c) {
            return firstIndex[c];
        }

        char first(int k) {
            return keys[k].charAt(0);
        }

        String key(int k) {
            return keys[k];
        }

        AddedToken token(int k) {
            return tokens[k];
        }
    }
}
