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
        }
    }

    /** The charsmap, or {@code null} for identity rules. */
    public PrecompiledCharsMap charsMap() {
        return charsMap;
    }

    /** The output being built: chars and their original ranges. */
    private static final class Out {
        char[] chars;
        int[] starts;
        int[] ends;
        int size;

        Out(int capacity) {
            chars = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(char c, int s, int e) {
            if (size == chars.length) {
                chars = Arrays.copyOf(chars, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            chars[size] = c;
            starts[size] = s;
            ends[size] = e;
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
        String text = input.text();
        NormalizedText.Builder b = input.builder();
        if (text.isEmpty()) {
            return b.build();
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
            return b.build();
        }
        Out w = new Out(text.length() + 16);
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
                int s = input.originalStart(unit);
                int e = input.originalEnd(p.end - 1);
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
            w.add(space, input.originalStart(0), input.originalStart(0));
        }
        if (treatWhitespaceAsSuffix && addDummyPrefix && w.size > 0) {
            w.add(space, w.starts[w.size - 1], w.ends[w.size - 1]);
        }
        for (int k = 0; k < w.size; k++) {
            b.append(w.chars[k], w.starts[k], w.ends[k]);
        }
        return b.build();
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
        if (charsMap != null && (c >= 0x80 || ruleStarts[c])) {
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
