package io.subword.normalize;

import io.subword.vocab.Internal;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The character classes the BERT pipeline of Hugging Face tokenizers 0.21 uses, exactly as that library
 * applies them (see {@link HfCharData} for why {@link Character} alone cannot reproduce them), looked up
 * in one array read for the Basic Multilingual Plane.
 *
 * <p>All methods take a code point; a lone surrogate belongs to no class and has no decomposition.
 *
 * <p>{@link Internal}: public only because the pre-tokenizers and the added vocabulary share its character classes.
 */
@Internal
public final class CharClasses {
    /** Removed by BERT clean text: U+0000, U+FFFD and Hugging Face's {@code is_control} (not tab, LF, CR). */
    public static final int REMOVED_BY_CLEAN = 1;
    /** White_Space, as Rust's {@code char::is_whitespace} (tab, LF, CR included). */
    public static final int WHITESPACE = 1 << 1;
    /** A CJK ideograph that BERT pads with spaces (Hugging Face's {@code is_chinese_char} ranges). */
    public static final int CJK = 1 << 2;
    /** A nonspacing mark that strip accents drops after NFD. */
    public static final int NONSPACING_MARK = 1 << 3;
    /** BERT punctuation: ASCII punctuation and symbols, or a Unicode punctuation category. */
    public static final int BERT_PUNCTUATION = 1 << 4;
    /** Rust regex {@code \w}: Alphabetic, marks, decimal digits, connector punctuation, ZWNJ/ZWJ. */
    public static final int WORD = 1 << 5;
    /** Has a canonical decomposition (NFD changes it). */
    public static final int DECOMPOSES = 1 << 6;
    /** In a Unicode mark category for this JDK: may be a non-starter that NFD reorders. */
    public static final int MARK = 1 << 7;
    /** A UTF-16 surrogate (only ever set for a lone {@code char}, never for a code point from a pair). */
    public static final int SURROGATE = 1 << 8;

    /** The flags of the ASCII chars, built at once (the BMP's tables wait for the first char above ASCII). */
    private static final short[] ASCII = new short[0x80];
    /** Lowercase of the ASCII chars. */
    private static final char[] LOWER_ASCII = new char[0x80];
    /**
     * Code points this JDK decomposes but Hugging Face's normalization crate (older Unicode) leaves alone.
     * U+11938 got its decomposition in Unicode 13.
     */
    private static final int[] NFD_UNKNOWN_TO_HF = {0x11938};
    /**
     * Supplementary blocks holding every canonical decomposition the reference knows; code points outside
     * them are taken as not decomposing whatever a newer JDK says.
     */
    private static final int[] SUPP_DECOMP_BLOCKS = {0x11000, 0x11FFF, 0x1D100, 0x1D1FF, 0x2F800, 0x2FA1F};

    /** Hugging Face's {@code is_chinese_char}: the CJK Unified Ideographs blocks and their extensions. */
    private static final int[] CJK_RANGES = {
        0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF, 0x20000, 0x2A6DF, 0x2A700, 0x2B73F, 0x2B740, 0x2B81F,
        0x2B920, 0x2CEAF, 0x2F800, 0x2FA1F,
    };

    /**
     * BMP ranges where no char decomposes, is a mark or changes when lowercased: CJK Unified Ideographs and
     * Extension A, and the Private Use Area. The sweep below skips their lowercase and mark lookups, a third of the
     * plane (CharClassesTest checks the claim against this JDK).
     */
    static final int[] PLAIN_BMP_RANGES = {0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xE000, 0xF8FF};

    /** A toggle bit of the sweep below only: a char in {@link #PLAIN_BMP_RANGES}. */
    private static final int PLAIN = 1 << 16;

    /**
     * The tables of the whole Basic Multilingual Plane, built on the first lookup of a char above ASCII (a holder
     * class: the JVM initializes it then, once): text that is all ASCII, as most English is, never waits for them,
     * and the command line's prefetch threads build them ({@link #buildTables}) while the main thread goes on.
     */
    private static final class Bmp {
        static final short[] FLAGS = new short[0x10000];
        /** Lowercase of every BMP char (U+0130 maps to 'i' here; its second char is the caller's job). */
        static final char[] LOWER = new char[0x10000];
        /** Decompositions of BMP chars: {@code POOL[OFFSET[c], OFFSET[c + 1])}. */
        static final int[] DECOMP_OFFSET = new int[0x10001];
        static final char[] DECOMP_POOL;

        /** Nothing: calling it makes the JVM initialize this class, which builds the tables (once). */
        static void build() {
        }

        /*
         * Start-up: these tables are built on every load of a BERT-like tokenizer, in the first moments of a JVM, when
         * a loop runs interpreted until it is compiled (after some 60,000 rounds: nearly all of this one), so the sweep
         * calls as little as it can per char (it was 80 ms of CPU, a fifth of a one-line `subword encode`). Range flags
         * come from toggles at range ends (each table's ranges are sorted and disjoint, as inRanges' binary search
         * already requires); decompositions from one NFD of all BMP chars, each followed by U+0000 (a starter, so
         * canonical reordering never crosses from one char to the next), instead of one isNormalized call and String
         * per char; only the lowercase and the category are asked per char. CharClassesTest compares every BMP char
         * with the per-char definition.
         */
        static {
            int[] toggles = new int[0x10001];
            toggle(toggles, HfCharData.REMOVED_BY_CLEAN, REMOVED_BY_CLEAN);
            toggle(toggles, HfCharData.WHITESPACE, WHITESPACE);
            toggle(toggles, CJK_RANGES, CJK);
            toggle(toggles, HfCharData.NONSPACING_MARK, NONSPACING_MARK);
            toggle(toggles, HfCharData.BERT_PUNCTUATION, BERT_PUNCTUATION);
            toggle(toggles, HfCharData.REGEX_WORD, WORD);
            toggle(toggles, new int[] {Character.MIN_SURROGATE, Character.MAX_SURROGATE}, SURROGATE);
            toggle(toggles, PLAIN_BMP_RANGES, PLAIN);
            char[] nfd = Normalizer.normalize(allBmpCharsSeparated(), Normalizer.Form.NFD).toCharArray();
            char[] pool = new char[nfd.length];
            int poolLength = 0;
            int flags = 0;
            int at = 0; // position in nfd of the decomposition of the current char
            for (int c = 0; c < 0x10000; c++) {
                flags ^= toggles[c];
                DECOMP_OFFSET[c] = poolLength;
                if ((flags & SURROGATE) != 0) {
                    FLAGS[c] = (short) flags;
                    LOWER[c] = (char) c;
                    continue;
                }
                int f = flags & ~PLAIN;
                if (c > 0) {
                    int end = at;
                    while (nfd[end] != '\0') {
                        end++;
                    }
                    if (end != at + 1 || nfd[at] != c) {
                        System.arraycopy(nfd, at, pool, poolLength, end - at);
                        poolLength += end - at;
                        f |= DECOMPOSES;
                    }
                    at = end + 1;
                }
                if ((flags & PLAIN) != 0) {
                    LOWER[c] = (char) c; // neither a mark nor with another lowercase (CharClassesTest)
                } else {
                    LOWER[c] = (char) Character.toLowerCase(c);
                    if (isMarkType(c)) {
                        f |= MARK;
                    }
                }
                FLAGS[c] = (short) f;
            }
            DECOMP_OFFSET[0x10000] = poolLength;
            DECOMP_POOL = Arrays.copyOf(pool, poolLength);
            LOWER[0x130] = 'i';
            for (int i = 0; i < HfCharData.EXTRA_LOWERCASE.length; i += 2) {
                int cp = HfCharData.EXTRA_LOWERCASE[i];
                if (cp < 0x10000) {
                    LOWER[cp] = (char) HfCharData.EXTRA_LOWERCASE[i + 1];
                }
            }
        }
    }

    /** Supplementary code points with a decomposition, sorted, and their decompositions; built on first use. */
    private static final class Supplementary {
        static final int[] KEYS;
        static final String[] VALUES;

        static {
            int[] keys = new int[64];
            String[] values = new String[64];
            int n = 0;
            for (int b = 0; b < SUPP_DECOMP_BLOCKS.length; b += 2) {
                for (int cp = SUPP_DECOMP_BLOCKS[b]; cp <= SUPP_DECOMP_BLOCKS[b + 1]; cp++) {
                    String s = new String(Character.toChars(cp));
                    if (Arrays.binarySearch(NFD_UNKNOWN_TO_HF, cp) < 0
                            && !Normalizer.isNormalized(s, Normalizer.Form.NFD)) {
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, n * 2);
                            values = Arrays.copyOf(values, n * 2);
                        }
                        keys[n] = cp;
                        values[n++] = Normalizer.normalize(s, Normalizer.Form.NFD);
                    }
                }
            }
            KEYS = Arrays.copyOf(keys, n);
            VALUES = Arrays.copyOf(values, n);
        }
    }

    static {
        for (int c = 0; c < 0x80; c++) {
            int f = 0;
            f |= inRanges(HfCharData.REMOVED_BY_CLEAN, c) ? REMOVED_BY_CLEAN : 0;
            f |= inRanges(HfCharData.WHITESPACE, c) ? WHITESPACE : 0;
            f |= inRanges(HfCharData.NONSPACING_MARK, c) ? NONSPACING_MARK : 0;
            f |= inRanges(HfCharData.BERT_PUNCTUATION, c) ? BERT_PUNCTUATION : 0;
            f |= inRanges(HfCharData.REGEX_WORD, c) ? WORD : 0;
            f |= isMarkType(c) ? MARK : 0; // never, for ASCII; nor does an ASCII char decompose or count as CJK
            ASCII[c] = (short) f;
            LOWER_ASCII[c] = (char) Character.toLowerCase(c);
        }
        for (int i = 0; i < HfCharData.EXTRA_LOWERCASE.length; i += 2) {
            if (HfCharData.EXTRA_LOWERCASE[i] < 0x80) {
                LOWER_ASCII[HfCharData.EXTRA_LOWERCASE[i]] = (char) HfCharData.EXTRA_LOWERCASE[i + 1];
            }
        }
    }

    /** Builds the tables of the whole BMP now, if no lookup has (for a thread that prepares ahead of the text). */
    public static void buildTables() {
        Bmp.build();
    }

    private CharClasses() {
    }

    /** Flips {@code flag} at the start and one past the end of each BMP part of {@code ranges}. */
    private static void toggle(int[] toggles, int[] ranges, int flag) {
        for (int i = 0; i < ranges.length && ranges[i] < 0x10000; i += 2) {
            toggles[ranges[i]] ^= flag;
            toggles[Math.min(ranges[i + 1], 0xFFFF) + 1] ^= flag;
        }
    }

    /** Every BMP char from U+0001 on, surrogates left out, each followed by U+0000. */
    private static String allBmpCharsSeparated() {
        char[] chars = new char[2 * (0xFFFF - 0x800)];
        int n = 0;
        for (int c = 1; c < 0x10000; c++) {
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                chars[n++] = (char) c;
                chars[n++] = '\0';
            }
        }
        return new String(chars, 0, n);
    }

    private static boolean isMarkType(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    private static boolean inRanges(int[] ranges, int cp) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (cp > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The class bits of {@code cp} (an OR of this class's constants). */
    public static int flags(int cp) {
        if (cp < 0x80) {
            return ASCII[cp];
        }
        if (cp < 0x10000) {
            return Bmp.FLAGS[cp];
        }
        return supplementaryFlags(cp);
    }

    private static int supplementaryFlags(int cp) {
        if (cp > Character.MAX_CODE_POINT) {
            return 0;
        }
        int f = 0;
        if (inRanges(HfCharData.REMOVED_BY_CLEAN, cp)) {
            f |= REMOVED_BY_CLEAN;
        }
        if (inRanges(CJK_RANGES, cp)) {
            f |= CJK;
        }
        if (inRanges(HfCharData.NONSPACING_MARK, cp)) {
            f |= NONSPACING_MARK;
        }
        if (inRanges(HfCharData.BERT_PUNCTUATION, cp)) {
            f |= BERT_PUNCTUATION;
        }
        if (inRanges(HfCharData.REGEX_WORD, cp)) {
            f |= WORD;
        }
        if (Arrays.binarySearch(Supplementary.KEYS, cp) >= 0) {
            f |= DECOMPOSES;
        }
        if (isMarkType(cp)) {
            f |= MARK;
        }
        return f;
    }

    public static boolean isWhitespace(int cp) {
        return (flags(cp) & WHITESPACE) != 0;
    }

    /** Hugging Face's {@code is_control}: Cc, Cf, Co as its tables know them, but not tab, LF, CR. */
    public static boolean isControl(int cp) {
        return cp != 0xFFFD && (flags(cp) & REMOVED_BY_CLEAN) != 0;
    }

    public static boolean isRemovedByClean(int cp) {
        return (flags(cp) & REMOVED_BY_CLEAN) != 0;
    }

    public static boolean isCjk(int cp) {
        return (flags(cp) & CJK) != 0;
    }

    public static boolean isNonspacingMark(int cp) {
        return (flags(cp) & NONSPACING_MARK) != 0;
    }

    public static boolean isBertPunctuation(int cp) {
        return (flags(cp) & BERT_PUNCTUATION) != 0;
    }

    public static boolean isWordChar(int cp) {
        return (flags(cp) & WORD) != 0;
    }

    /**
     * The full lowercase of {@code cp} as Rust's {@code char::to_lowercase}: one code point for all but
     * U+0130, whose lowercase is "i" followed by U+0307 (this method returns the 'i'). No context rules
     * (a final capital sigma lowercases to σ, not ς).
     */
    public static int toLowerCase(int cp) {
        if (cp < 0x80) {
            return LOWER_ASCII[cp];
        }
        if (cp < 0x10000) {
            return Bmp.LOWER[cp];
        }
        int i = extraLowercaseIndex(cp);
        return i >= 0 ? HfCharData.EXTRA_LOWERCASE[i + 1] : Character.toLowerCase(cp);
    }

    private static int extraLowercaseIndex(int cp) {
        int[] pairs = HfCharData.EXTRA_LOWERCASE;
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int key = pairs[2 * mid];
            if (cp < key) {
                hi = mid - 1;
            } else if (cp > key) {
                lo = mid + 1;
            } else {
                return 2 * mid;
            }
        }
        return -1;
    }

    /**
     * The canonical decomposition (NFD) of a code point whose flags have {@link #DECOMPOSES}, as UTF-16
     * appended to {@code out}; the parts come in canonical order.
     */
    public static void appendDecomposition(int cp, StringBuilder out) {
        if (cp < 0x10000) {
            out.append(Bmp.DECOMP_POOL, Bmp.DECOMP_OFFSET[cp], Bmp.DECOMP_OFFSET[cp + 1] - Bmp.DECOMP_OFFSET[cp]);
        } else {
            int i = Arrays.binarySearch(Supplementary.KEYS, cp);
            if (i >= 0) {
                out.append(Supplementary.VALUES[i]);
            } else {
                out.appendCodePoint(cp);
            }
        }
    }

    /** {@link #toLowerCase} for a BMP char (U+0130 gives 'i'). */
    static char lowerBmp(char c) {
        return c < 0x80 ? LOWER_ASCII[c] : Bmp.LOWER[c];
    }

    /** BMP decomposition accessors for the hot loop: {@code pool()[start(c), start(c + 1))}. */
    static int decompositionStart(char c) {
        return Bmp.DECOMP_OFFSET[c];
    }

    static int decompositionEnd(char c) {
        return Bmp.DECOMP_OFFSET[c + 1];
    }

    static char[] decompositionPool() {
        return Bmp.DECOMP_POOL;
    }

    /** Whether Hugging Face's NFD leaves {@code cp} alone although this JDK decomposes it. */
    static boolean nfdUnknownToReference(int cp) {
        return Arrays.binarySearch(NFD_UNKNOWN_TO_HF, cp) >= 0;
    }
}
