package io.subword.sentencepiece;

import io.subword.normalize.NormalizedText;
import io.subword.normalize.Normalizer;
import io.subword.normalize.PrecompiledCharsMap;

import java.nio.charset.StandardCharsets;
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
    }

    /** The charsmap, or {@code null} for identity rules. */
    public PrecompiledCharsMap charsMap() {
        return charsMap;
    }

    /** Per-call state: the input as UTF-8 with the unit each byte belongs to, and the output being built. */
    private static final class Work {
        final String text;
        final byte[] utf8;
        final int[] unitOfByte;
        final int[] byteOfUnit;
        char[] out;
        int[] starts;
        int[] ends;
        int size;

        Work(String text) {
            this.text = text;
            this.utf8 = text.getBytes(StandardCharsets.UTF_8);
            this.unitOfByte = new int[utf8.length + 1];
            this.byteOfUnit = new int[text.length() + 1];
            int b = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (n == 1 && Character.isSurrogate((char) cp)) {
                    bytes = 1; // a lone surrogate is encoded as '?'
                }
                for (int k = 0; k < n; k++) {
                    byteOfUnit[i + k] = b;
                }
                for (int k = 0; k < bytes; k++) {
                    unitOfByte[b + k] = i;
                }
                b += bytes;
                i += n;
            }
            unitOfByte[utf8.length] = text.length();
            byteOfUnit[text.length()] = utf8.length;
            out = new char[text.length() + 16];
            starts = new int[out.length];
            ends = new int[out.length];
        }

        void add(char c, int s, int e) {
            if (size == out.length) {
                out = Arrays.copyOf(out, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            out[size] = c;
            starts[size] = s;
            ends[size] = e;
            size++;
        }
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String text = input.text();
        NormalizedText.Builder b = input.builder();
        if (text.isEmpty()) {
            return b.build();
        }
        Work w = new Work(text);
        int[] value = new int[1];
        int unit = 0;
        // Leading spaces, judged after normalization.
        if (removeExtraWhitespaces) {
            while (unit < text.length()) {
                int end = prefix(w, unit, value);
                if (!" ".equals(pieceOf(w, unit, end, value))) {
                    break;
                }
                unit = end;
            }
        }
        if (unit == text.length()) {
            return b.build();
        }
        boolean pendingPrefix = !treatWhitespaceAsSuffix && addDummyPrefix;
        boolean prevSpace = removeExtraWhitespaces;
        while (unit < text.length()) {
            int end = prefix(w, unit, value);
            String piece = pieceOf(w, unit, end, value);
            int from = 0;
            if (prevSpace) {
                while (from < piece.length() && piece.charAt(from) == ' ') {
                    from++;
                }
            }
            int s = input.originalStart(unit);
            int e = input.originalEnd(end - 1);
            if (from < piece.length()) {
                if (pendingPrefix) {
                    w.add(escapeWhitespaces ? SPACE_SYMBOL : ' ', s, e);
                    pendingPrefix = false;
                }
                for (int k = from; k < piece.length(); k++) {
                    char c = piece.charAt(k);
                    w.add(escapeWhitespaces && c == ' ' ? SPACE_SYMBOL : c, s, e);
                }
                prevSpace = piece.charAt(piece.length() - 1) == ' ';
            }
            unit = end;
            if (!removeExtraWhitespaces) {
                prevSpace = false;
            }
        }
        if (removeExtraWhitespaces) {
            char space = escapeWhitespaces ? SPACE_SYMBOL : ' ';
            while (w.size > 0 && w.out[w.size - 1] == space) {
                w.size--;
            }
        }
        if (pendingPrefix && w.size == 0 && !removeExtraWhitespaces) {
            // nothing but characters normalized away: spm still writes the dummy prefix
            w.add(escapeWhitespaces ? SPACE_SYMBOL : ' ', input.originalStart(0), input.originalStart(0));
        }
        if (treatWhitespaceAsSuffix && addDummyPrefix && w.size > 0) {
            w.add(escapeWhitespaces ? SPACE_SYMBOL : ' ', w.starts[w.size - 1], w.ends[w.size - 1]);
        }
        for (int k = 0; k < w.size; k++) {
            b.append(w.out[k], w.starts[k], w.ends[k]);
        }
        return b.build();
    }

    /**
     * Where the prefix at {@code unit} ends: a user-defined symbol, a charsmap rule (its value left in
     * {@code value[0]}, else -1) or one character.
     */
    private int prefix(Work w, int unit, int[] value) {
        value[0] = -1;
        for (String s : userDefined) {
            if (w.text.startsWith(s, unit)) {
                return unit + s.length();
            }
        }
        if (charsMap != null) {
            int from = w.byteOfUnit[unit];
            int[] v = new int[1];
            int len = charsMap.longest(w.utf8, from, w.utf8.length, v);
            if (len > 0) {
                int endByte = from + len;
                int endUnit = w.unitOfByte[endByte];
                // a rule that ends inside a character: consume the whole character (it cannot in valid rules)
                while (endUnit < w.text.length() && w.byteOfUnit[endUnit] < endByte) {
                    endUnit++;
                }
                value[0] = v[0];
                return Math.max(endUnit, unit + 1);
            }
        }
        return unit + Character.charCount(w.text.codePointAt(unit));
    }

    private String pieceOf(Work w, int unit, int end, int[] value) {
        if (value[0] >= 0) {
            return charsMap.replacement(value[0]);
        }
        return w.text.substring(unit, end);
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
