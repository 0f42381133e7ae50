package io.subword.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The BERT normalizer, behaving exactly as Hugging Face tokenizers' {@code BertNormalizer}. In order:
 * <ol>
 *   <li>clean text: drop U+0000, U+FFFD and control characters ({@link CharClasses#isControl}: Cc, Cf, Co
 *       but not tab, LF, CR), then map every whitespace character (White_Space) to a space;</li>
 *   <li>handle Chinese chars: put a space before and after every CJK ideograph ({@link CharClasses#isCjk});</li>
 *   <li>strip accents: NFD, then drop nonspacing marks (Mn);</li>
 *   <li>lowercase: each code point to its full lowercase as Rust's {@code char::to_lowercase} (no final-sigma
 *       rule; U+0130 becomes "i" and U+0307).</li>
 * </ol>
 * Every unit it emits is aligned to the original character it came from: the spaces around an ideograph and
 * the parts of a decomposition map to that character's range, and a surrogate pair is never split. (When NFD
 * reorders marks that came from different characters, alignments follow the reference's positional rule.)
 * Canonical ordering takes time linear in the length of a run of marks.
 *
 * <p>Text that is all ASCII takes a single pass with no per-char arrays; the general path runs per code point
 * over precomputed tables. Immutable and thread-safe.
 */
public final class BertNormalizer implements Normalizer {
    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final Boolean stripAccents;
    private final boolean lowercase;
    /** The effective strip-accents setting: as given, or following lowercase when not given. */
    private final boolean strip;
    /** Per ASCII char, its replacement of the same length (space for whitespace, lowercase). */
    private final char[] asciiMap = new char[128];
    /** Per ASCII char, whether clean text removes it (sends the text to the general path). */
    private final boolean[] asciiRemoved = new boolean[128];
    /** Class bits that send a char down the per-code-point path; surrogates always go there. */
    private final int slowFlags;

    /**
     * @param stripAccents {@code null} to strip accents exactly when lowercasing, as Hugging Face does
     */
    private BertNormalizer(boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {
        this.cleanText = cleanText;
        this.handleChineseChars = handleChineseChars;
        this.stripAccents = stripAccents;
        this.lowercase = lowercase;
        this.strip = stripAccents != null ? stripAccents : lowercase;
        this.slowFlags = CharClasses.SURROGATE
                | (cleanText ? CharClasses.REMOVED_BY_CLEAN | CharClasses.WHITESPACE : 0)
                | (handleChineseChars ? CharClasses.CJK : 0)
                | (strip ? CharClasses.MARK | CharClasses.DECOMPOSES : 0);
        for (char c = 0; c < 128; c++) {
            int flags = CharClasses.flags(c);
            assert (flags & (CharClasses.DECOMPOSES | CharClasses.NONSPACING_MARK | CharClasses.CJK)) == 0;
            asciiRemoved[c] = cleanText && (flags & CharClasses.REMOVED_BY_CLEAN) != 0;
            char m = c;
            if (cleanText && (flags & CharClasses.WHITESPACE) != 0) {
                m = ' ';
            }
            if (lowercase) {
                m = (char) CharClasses.toLowerCase(m);
            }
            asciiMap[c] = m;
        }
    }

    /** bert-base-uncased: clean text, pad CJK, strip accents, lowercase. */
    public static BertNormalizer uncased() {
        return new BertNormalizer(true, true, null, true);
    }

    /** bert-base-cased: clean text, pad CJK, keep accents and case. */
    public static BertNormalizer cased() {
        return new BertNormalizer(true, true, null, false);
    }

    /** This normalizer with {@code clean_text} (drop control characters, whitespace to a space) as given. */
    public BertNormalizer withCleanText(boolean cleanText) {
        return new BertNormalizer(cleanText, handleChineseChars, stripAccents, lowercase);
    }

    /** This normalizer with {@code handle_chinese_chars} (a space around each CJK character) as given. */
    public BertNormalizer withHandleChineseChars(boolean handleChineseChars) {
        return new BertNormalizer(cleanText, handleChineseChars, stripAccents, lowercase);
    }

    /** This normalizer with {@code strip_accents} as given; {@code null} strips them exactly when lowercasing. */
    public BertNormalizer withStripAccents(Boolean stripAccents) {
        return new BertNormalizer(cleanText, handleChineseChars, stripAccents, lowercase);
    }

    /** This normalizer with {@code lowercase} as given. */
    public BertNormalizer withLowercase(boolean lowercase) {
        return new BertNormalizer(cleanText, handleChineseChars, stripAccents, lowercase);
    }

    public boolean cleanText() {
        return cleanText;
    }

    public boolean handleChineseChars() {
        return handleChineseChars;
    }

    /** The strip-accents setting as given: {@code null} means "as {@link #lowercase()}". */
    public Boolean stripAccents() {
        return stripAccents;
    }

    public boolean lowercase() {
        return lowercase;
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        return normalize(input, null);
    }

    /** {@link #normalize(NormalizedText)} with a given canonical orderer (a test reads its step count). */
    NormalizedText normalize(NormalizedText input, CanonicalOrder canonical) {
        String s = input.text();
        int end = asciiEnd(s);
        byte[] mapped = mapAscii(s, end);
        if (end == s.length()) {
            return mapped == null ? input : input.withSameAlignment(latin1(mapped));
        }
        NormalizedText.Builder b = input.builder();
        general(input, end, mapped, canonical, b);
        NormalizedText result = b.build();
        return sameAs(result, input) ? input : result;
    }

    /** The text-only path: the same passes, with no alignment arrays and no {@link NormalizedText}. */
    @Override
    public String normalizeText(String s) {
        int end = asciiEnd(s);
        byte[] mapped = mapAscii(s, end);
        if (end == s.length()) {
            return mapped == null ? s : latin1(mapped);
        }
        NormalizedText.Builder b = NormalizedText.textOnlyBuilder(s.length() + 16);
        general(NormalizedText.of(s), end, mapped, null, b);
        return b.text();
    }

    /** Where the first char that the ASCII table cannot map one for one stands ({@code s.length()} if none). */
    private int asciiEnd(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || asciiRemoved[c]) {
                return i;
            }
        }
        return n;
    }

    /** {@code s[0, to)} (ASCII) mapped by the ASCII table, as bytes; {@code null} if it maps to itself. */
    private byte[] mapAscii(String s, int to) {
        byte[] out = null;
        for (int i = 0; i < to; i++) {
            char c = s.charAt(i);
            char m = asciiMap[c];
            if (out != null) {
                out[i] = (byte) m;
            } else if (m != c) {
                out = new byte[to];
                for (int j = 0; j < i; j++) {
                    out[j] = (byte) s.charAt(j); // ASCII, mapped to itself
                }
                out[i] = (byte) m;
            }
        }
        return out;
    }

    /**
     * ASCII maps to ASCII, so it is kept as bytes: a String made from Latin-1 bytes is one copy, while one made
     * from chars is compressed char by char (not an intrinsic for C1, the CLI's compiler).
     */
    private static String latin1(byte[] ascii) {
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /**
     * Per code point from {@code from} into {@code b}; units before it are ASCII, already mapped in {@code prefix}
     * (as bytes) if non-null.
     */
    private void general(NormalizedText input, int from, byte[] prefix, CanonicalOrder canonical, NormalizedText.Builder b) {
        String s = input.text();
        int n = s.length();
        for (int j = 0; j < from; j++) {
            b.append(prefix != null ? (char) prefix[j] : s.charAt(j), input.originalStart(j), input.originalEnd(j));
        }
        Pass pass = new Pass(b, lowercase, strip, canonical);
        int spaceFlags = CharClasses.flags(' ');
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if ((CharClasses.flags(c) & slowFlags) == 0 && c != '\u0130') {
                // the common case: a BMP char that only lowercasing can change, mapping to itself
                pass.flush();
                b.append(lowercase ? CharClasses.lowerBmp(c) : c, input.originalStart(i), input.originalEnd(i));
                i++;
                continue;
            }
            int cp = c;
            int len = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                len = 2;
            }
            int os = input.originalStart(i);
            int oe = input.originalEnd(i + len - 1);
            i += len;
            int flags = CharClasses.flags(cp);
            if (cleanText) {
                if ((flags & CharClasses.REMOVED_BY_CLEAN) != 0) {
                    continue;
                }
                if ((flags & CharClasses.WHITESPACE) != 0) {
                    cp = ' ';
                    flags = spaceFlags;
                }
            }
            if (handleChineseChars && (flags & CharClasses.CJK) != 0) {
                pass.add(' ', spaceFlags, os, oe);
                pass.add(cp, flags, os, oe);
                pass.add(' ', spaceFlags, os, oe);
            } else {
                pass.add(cp, flags, os, oe);
            }
        }
        pass.flush();
    }

    /** Whether nothing changed, so the caller keeps its (possibly verbatim, cheaper) input. */
    private static boolean sameAs(NormalizedText result, NormalizedText input) {
        if (!result.text().equals(input.text())) {
            return false;
        }
        for (int j = 0; j < result.length(); j++) {
            if (result.originalStart(j) != input.originalStart(j) || result.originalEnd(j) != input.originalEnd(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Strip accents and lowercase over the code points the first two steps emit. With strip accents on,
     * marks are held back until the next starter, as NFD may reorder marks of different characters.
     */
    private static final class Pass {
        private final NormalizedText.Builder out;
        private final boolean lowercase;
        private final boolean strip;
        private final StringBuilder scratch = new StringBuilder();
        /** The held-back segment: its parts (code points after decomposition) and its source characters. */
        private int[] partCp = new int[8];
        private boolean[] partFirst = new boolean[8];
        private int parts;
        private int[] srcStart = new int[8];
        private int[] srcEnd = new int[8];
        private int sources;
        /** How many sources contributed marks, and the last one that did. */
        private int markSources;
        private int lastMarkSource = -1;
        /** Scratch for {@link #reorder}: combining classes, then the reordered code points. */
        private int[] classes = new int[0];
        /** Made on the first reorder, or given by a test that counts its steps. */
        private CanonicalOrder canonical;

        Pass(NormalizedText.Builder out, boolean lowercase, boolean strip, CanonicalOrder canonical) {
            this.out = out;
            this.lowercase = lowercase;
            this.strip = strip;
            this.canonical = canonical;
        }

        void add(int cp, int flags, int os, int oe) {
            if (!strip) {
                emit(cp, os, oe);
                return;
            }
            if ((flags & (CharClasses.MARK | CharClasses.DECOMPOSES)) == 0) {
                // a plain starter: nothing can move across it, and it maps to itself
                flush();
                emit(cp, os, oe);
                return;
            }
            if ((flags & CharClasses.MARK) == 0) {
                flush();
            }
            if (sources == srcStart.length) {
                srcStart = Arrays.copyOf(srcStart, sources * 2);
                srcEnd = Arrays.copyOf(srcEnd, sources * 2);
            }
            int src = sources++;
            srcStart[src] = os;
            srcEnd[src] = oe;
            if ((flags & CharClasses.DECOMPOSES) != 0) {
                scratch.setLength(0);
                CharClasses.appendDecomposition(cp, scratch);
                boolean first = true;
                for (int k = 0; k < scratch.length(); ) {
                    int p = scratch.codePointAt(k);
                    k += Character.charCount(p);
                    addPart(p, first, src);
                    first = false;
                }
            } else {
                addPart(cp, true, src);
            }
        }

        private void addPart(int p, boolean first, int src) {
            if (parts == partCp.length) {
                partCp = Arrays.copyOf(partCp, parts * 2);
                partFirst = Arrays.copyOf(partFirst, parts * 2);
            }
            partCp[parts] = p;
            partFirst[parts] = first;
            parts++;
            if ((CharClasses.flags(p) & CharClasses.MARK) != 0 && lastMarkSource != src) {
                markSources++;
                lastMarkSource = src;
            }
        }

        void flush() {
            if (parts == 0) {
                return;
            }
            if (markSources >= 2) {
                reorder();
            }
            // the reference's rule: a part that replaces a char takes the next source char's alignment,
            // a part it inserts takes the last one's; without reordering both are the part's own source
            int consumed = -1;
            for (int k = 0; k < parts; k++) {
                if (partFirst[k]) {
                    consumed++;
                }
                assert consumed >= 0 && consumed < sources;
                int p = partCp[k];
                if ((CharClasses.flags(p) & CharClasses.NONSPACING_MARK) == 0) {
                    emit(p, srcStart[consumed], srcEnd[consumed]);
                }
            }
            parts = 0;
            sources = 0;
            markSources = 0;
            lastMarkSource = -1;
        }

        /**
         * Canonical ordering of the segment's parts, as Hugging Face's NFD orders them (rare: marks of 2+
         * chars), in time linear in the segment however long its run of marks. Each part keeps its
         * "first part of its char" flag, which the alignment rule in {@link #flush} reads in the new order.
         */
        private void reorder() {
            if (classes.length < parts) {
                classes = new int[partCp.length];
            }
            for (int k = 0; k < parts; k++) {
                // a code point the reference does not decompose is a starter to it: it orders as one
                int p = partCp[k];
                // and the order is by the classes of the Unicode tables the reference was built with (9.0): a mark
                // added later, such as U+1DF6, is a starter (class 0) to it
                classes[k] = CharClasses.nfdUnknownToReference(p) ? 0 : HfUnicode.ccc(p);
            }
            if (canonical == null) {
                canonical = new CanonicalOrder();
            }
            int[] order = canonical.order(classes, parts);
            if (order == null) {
                return;
            }
            // classes are spent: reuse them for the code points, and a fresh array for the flags
            boolean[] firsts = new boolean[parts];
            for (int k = 0; k < parts; k++) {
                classes[k] = partCp[order[k]];
                firsts[k] = partFirst[order[k]];
            }
            System.arraycopy(classes, 0, partCp, 0, parts);
            System.arraycopy(firsts, 0, partFirst, 0, parts);
        }

        private void emit(int cp, int os, int oe) {
            if (lowercase) {
                if (cp == 0x130) {
                    out.append('i', os, oe);
                    out.append('\u0307', os, oe);
                    return;
                }
                cp = CharClasses.toLowerCase(cp);
            }
            out.appendCodePoint(cp, os, oe);
        }
    }

    @Override
    public String toString() {
        return "BertNormalizer[cleanText=" + cleanText + ", handleChineseChars=" + handleChineseChars
                + ", stripAccents=" + stripAccents + ", lowercase=" + lowercase + "]";
    }
}
