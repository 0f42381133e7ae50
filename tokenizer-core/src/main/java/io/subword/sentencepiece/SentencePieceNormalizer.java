package io.subword.sentencepiece;

import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.normalize.PrecompiledCharsMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SentencePiece's own normalizer ({@code normalizer.cc}, 0.1.97), as {@code spm_encode} runs it before the model:
 * <ol>
 *   <li>at each position, a user-defined symbol (the longest that matches) passes through untouched; else the
 *       longest rule of the precompiled charsmap that matches the UTF-8 bytes there is applied; else one
 *       character is kept;</li>
 *   <li>with {@code remove_extra_whitespaces}, leading, trailing and repeated spaces (after the rules, which map
 *       other whitespace to a space) are dropped;</li>
 *   <li>with {@code add_dummy_prefix}, a space is put in front (behind, with {@code treat_whitespace_as_suffix});</li>
 *   <li>with {@code escape_whitespaces}, every space becomes {@code ▁} (U+2581).</li>
 * </ol>
 * Every output character is aligned to the input characters its rule consumed; the dummy prefix to the first
 * character after it. Immutable and thread-safe.
 */
public final class SentencePieceNormalizer implements Normalizer {
    static final char SPACE_SYMBOL = '\u2581';

    private final PrecompiledCharsMap charsMap;
    private final boolean addDummyPrefix;
    private final boolean removeExtraWhitespaces;
    private final boolean escapeWhitespaces;
    private final boolean treatWhitespaceAsSuffix;
    /** Per ASCII char, whether a charsmap rule starts with it (other ASCII chars pass through untouched). */
    private final boolean[] ruleStarts = new boolean[128];
    /**
     * Per ASCII char {@code c} (bits {@code 128 c} to {@code 128 c + 127}): whether a rule can match where {@code c}
     * is followed by the ASCII char of that bit ({@link PrecompiledCharsMap#mayMatch}); with {@link #ruleAlone}, it
     * lets runs of ASCII text (where nmt_nfkc's rules start with letters that combining marks may follow, and
     * never match) skip the charsmap's trie, which was most of normalizing ASCII text.
     */
    private final long[] asciiPairs = new long[128 * 2];
    /** Per ASCII char, whether it is a rule of its own. */
    private final boolean[] ruleAlone = new boolean[128];
    /** User-defined symbols, longest first. */
    private final String[] userDefined;

    public SentencePieceNormalizer(PrecompiledCharsMap charsMap, boolean addDummyPrefix,
                                   boolean removeExtraWhitespaces, boolean escapeWhitespaces,
                                   boolean treatWhitespaceAsSuffix, List<String> userDefinedSymbols) {
        this.charsMap = charsMap;
        this.addDummyPrefix = addDummyPrefix;
        this.removeExtraWhitespaces = removeExtraWhitespaces;
        this.escapeWhitespaces = escapeWhitespaces;
        this.treatWhitespaceAsSuffix = treatWhitespaceAsSuffix;
        List<String> uds = new ArrayList<>();
        for (String s : userDefinedSymbols) {
            if (!s.isEmpty()) {
                uds.add(s);
            }
        }
        uds.sort(Comparator.comparingInt(String::length).reversed());
        this.userDefined = uds.toArray(new String[0]);
        for (int c = 0; c < 128; c++) {
            ruleStarts[c] = charsMap != null && charsMap.startsRule(c);
            if (ruleStarts[c]) {
                ruleAlone[c] = charsMap.mayMatch(c, -1);
                for (int d = 0; d < 128; d++) {
                    if (charsMap.mayMatch(c, d)) {
                        asciiPairs[2 * c + (d >>> 6)] |= 1L << d;
                    }
                }
            }
        }
    }

    /** The charsmap, or {@code null} for identity rules. */
    public PrecompiledCharsMap charsMap() {
        return charsMap;
    }

    /** The output being built: chars and, when aligned, their original ranges. */
    private static final class Out {
        char[] chars;
        int[] starts;
        int[] ends;
        int size;

        Out(int capacity, boolean aligned) {
            chars = new char[capacity];
            if (aligned) {
                starts = new int[capacity];
                ends = new int[capacity];
            }
        }

        void add(char c, int s, int e) {
            if (size == chars.length) {
                chars = Arrays.copyOf(chars, size * 2);
                if (starts != null) {
                    starts = Arrays.copyOf(starts, size * 2);
                    ends = Arrays.copyOf(ends, size * 2);
                }
            }
            chars[size] = c;
            if (starts != null) {
                starts[size] = s;
                ends[size] = e;
            }
            size++;
        }
    }

    /** Per-call cursor over the input: the current prefix as {@code src[from, to)} and where it ends in the input. */
    private static final class Prefix {
        CharSequence src;
        int from;
        int to;
        int end;
        final int[] value = new int[1];
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        NormalizedText.Builder b = input.builder();
        Out w = run(input.text(), input);
        for (int k = 0; k < w.size; k++) {
            b.append(w.chars[k], w.starts[k], w.ends[k]);
        }
        return b.build();
    }

    /**
     * The normalized text alone, as {@code normalize(NormalizedText.of(text)).text()}, without the alignment arrays
     * (what counting words for training needs).
     */
    @Override
    public String normalizeText(String text) {
        Out w = run(text, null);
        return new String(w.chars, 0, w.size);
    }

    /** The rules applied to {@code text}; each output char aligned through {@code aligned}, or not at all if null. */
    private Out run(String text, NormalizedText aligned) {
        Out w = new Out(text.length() + 16, aligned != null);
        if (text.isEmpty()) {
            return w;
        }
        Prefix p = new Prefix();
        int unit = 0;
        // Leading spaces, judged after normalization.
        if (removeExtraWhitespaces) {
            while (unit < text.length()) {
                prefix(text, unit, p);
                if (p.to - p.from != 1 || p.src.charAt(p.from) != ' ') {
                    break;
                }
                unit = p.end;
            }
        }
        if (unit == text.length()) {
            return w;
        }
        char space = escapeWhitespaces ? SPACE_SYMBOL : ' ';
        boolean pendingPrefix = !treatWhitespaceAsSuffix && addDummyPrefix;
        boolean prevSpace = removeExtraWhitespaces;
        while (unit < text.length()) {
            prefix(text, unit, p);
            int from = p.from;
            if (prevSpace) {
                while (from < p.to && p.src.charAt(from) == ' ') {
                    from++;
                }
            }
            if (from < p.to) {
                int s = aligned == null ? 0 : aligned.originalStart(unit);
                int e = aligned == null ? 0 : aligned.originalEnd(p.end - 1);
                if (pendingPrefix) {
                    w.add(space, s, e);
                    pendingPrefix = false;
                }
                for (int k = from; k < p.to; k++) {
                    char c = p.src.charAt(k);
                    w.add(c == ' ' ? space : c, s, e);
                }
                prevSpace = p.src.charAt(p.to - 1) == ' ';
            }
            unit = p.end;
            if (!removeExtraWhitespaces) {
                prevSpace = false;
            }
        }
        if (removeExtraWhitespaces) {
            while (w.size > 0 && w.chars[w.size - 1] == space) {
                w.size--;
            }
        }
        if (pendingPrefix && w.size == 0 && !removeExtraWhitespaces) {
            // nothing but characters normalized away: spm still writes the dummy prefix
            int at = aligned == null ? 0 : aligned.originalStart(0);
            w.add(space, at, at);
        }
        if (treatWhitespaceAsSuffix && addDummyPrefix && w.size > 0) {
            w.add(space, aligned == null ? 0 : w.starts[w.size - 1], aligned == null ? 0 : w.ends[w.size - 1]);
        }
        return w;
    }

    /**
     * The prefix at {@code unit}: a user-defined symbol (passes through), the longest charsmap rule (its
     * replacement), or one character (itself).
     */
    private void prefix(String text, int unit, Prefix p) {
        for (String s : userDefined) {
            if (text.startsWith(s, unit)) {
                p.src = text;
                p.from = unit;
                p.to = unit + s.length();
                p.end = p.to;
                return;
            }
        }
        char c = text.charAt(unit);
        if (charsMap != null && (c >= 0x80 || ruleStarts[c] && mayMatchAscii(text, unit, c))) {
            int end = charsMap.longestMatch(text, unit, p.value);
            if (end > unit) {
                String r = charsMap.replacement(p.value[0]);
                p.src = r;
                p.from = 0;
                p.to = r.length();
                p.end = end;
                return;
            }
        }
        p.src = text;
        p.from = unit;
        p.to = unit + (Character.isHighSurrogate(c) && unit + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(unit + 1)) ? 2 : 1);
        p.end = p.to;
    }

    /** Whether a rule can match at {@code unit}, which holds the ASCII char {@code c} that starts some rule. */
    private boolean mayMatchAscii(String text, int unit, char c) {
        if (unit + 1 == text.length()) {
            return ruleAlone[c];
        }
        char next = text.charAt(unit + 1);
        return next >= 0x80 || (asciiPairs[2 * c + (next >>> 6)] & (1L << next)) != 0;
    }

    public boolean addDummyPrefix() {
        return addDummyPrefix;
    }

    public boolean removeExtraWhitespaces() {
        return removeExtraWhitespaces;
    }

    public boolean escapeWhitespaces() {
        return escapeWhitespaces;
    }

    public boolean treatWhitespaceAsSuffix() {
        return treatWhitespaceAsSuffix;
    }

    @Override
    public String toString() {
        return "SentencePieceNormalizer[" + (charsMap == null ? "identity" : "charsmap") + ", dummy_prefix="
                + addDummyPrefix + ", remove_extra_whitespaces=" + removeExtraWhitespaces + "]";
    }
}
