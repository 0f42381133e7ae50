package io.subword.normalize;

import io.subword.vocab.io.DataTables;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The Unicode normalization data Hugging Face tokenizers normalizes with: the tables of the crate
 * {@code unicode-normalization-alignments} 0.1.12, which are <b>Unicode 9.0</b> (JDK 17's
 * {@link java.text.Normalizer} is Unicode 13, so it decomposes and reorders characters added since that the
 * reference leaves alone). Read once from {@code hf-unicode-9.0.0.txt}, which {@code src/tools/hfnorm/gen.py}
 * writes from the crate's {@code tables.rs}. Hangul syllables are decomposed and composed by the algorithm of
 * the standard, as the crate does.
 *
 * <p>Lookups take a code point and are one array read for the Basic Multilingual Plane.
 */
final class HfUnicode {
    static final String VERSION = "9.0.0";
    private static final String RESOURCE = "hf-unicode-9.0.0.txt";

    private static final int S_BASE = 0xAC00;
    private static final int L_BASE = 0x1100;
    private static final int V_BASE = 0x1161;
    private static final int T_BASE = 0x11A7;
    private static final int L_COUNT = 19;
    private static final int V_COUNT = 21;
    private static final int T_COUNT = 28;
    private static final int N_COUNT = V_COUNT * T_COUNT;
    private static final int S_COUNT = L_COUNT * N_COUNT;

    /** Flags of BMP chars that let a normalization form copy them without looking further. */
    static final byte INERT_NFD = 1;
    static final byte INERT_NFKD = 2;
    static final byte INERT_NFC = 4;
    static final byte INERT_NFKC = 8;
    private static final byte COMBINING_MARK = 16;

    private static final byte[] BMP_CCC = new byte[0x10000];
    private static final Int2IntOpenHashMap SUPP_CCC = new Int2IntOpenHashMap();
    private static final int[][] BMP_CANONICAL = new int[0x10000][];
    private static final int[][] BMP_COMPAT = new int[0x10000][];
    private static final Int2ObjectOpenHashMap<int[]> SUPP_CANONICAL = new Int2ObjectOpenHashMap<>();
    private static final Int2ObjectOpenHashMap<int[]> SUPP_COMPAT = new Int2ObjectOpenHashMap<>();
    private static final Long2IntOpenHashMap COMPOSE = new Long2IntOpenHashMap();
    /** Code points that are the second of a composition pair (Hangul vowels and trailing consonants too). */
    private static final boolean[] BMP_SECOND = new boolean[0x10000];
    private static final byte[] BMP_FLAGS = new byte[0x10000];
    /** Supplementary combining-mark ranges, inclusive pairs. */
    private static final int[] SUPP_MARKS;

    static {
        COMPOSE.defaultReturnValue(-1);
        SUPP_CCC.defaultReturnValue(0);
        IntArrayList marks = new IntArrayList();
        DataTables.forEachRow(HfUnicode.class.getResourceAsStream(RESOURCE), RESOURCE, f -> {
            int cp = Integer.parseInt(f[1], 16);
            switch (f[0]) {
                case "C" -> {
                    int ccc = Integer.parseInt(f[2]);
                    if (cp < 0x10000) {
                        BMP_CCC[cp] = (byte) ccc;
                    } else {
                        SUPP_CCC.put(cp, ccc);
                    }
                }
                case "D", "K" -> {
                    int[] parts = new int[f.length - 2];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = Integer.parseInt(f[i + 2], 16);
                    }
                    boolean canonical = f[0].equals("D");
                    if (cp < 0x10000) {
                        (canonical ? BMP_CANONICAL : BMP_COMPAT)[cp] = parts;
                    } else {
                        (canonical ? SUPP_CANONICAL : SUPP_COMPAT).put(cp, parts);
                    }
                }
                case "P" -> {
                    int second = Integer.parseInt(f[2], 16);
                    COMPOSE.put(pair(cp, second), Integer.parseInt(f[3], 16));
                    if (second < 0x10000) {
                        BMP_SECOND[second] = true;
                    }
                }
                case "M" -> {
                    int to = Integer.parseInt(f[2], 16);
                    for (int c = cp; c <= Math.min(to, 0xFFFF); c++) {
                        BMP_FLAGS[c] |= COMBINING_MARK;
                    }
                    if (to >= 0x10000) {
                        marks.add(Math.max(cp, 0x10000));
                        marks.add(to);
                    }
                }
                default -> throw new IllegalStateException("bad line in " + RESOURCE + ": " + String.join(" ", f));
            }
        });
        SUPP_MARKS = marks.toIntArray();
        for (int c = V_BASE; c < V_BASE + V_COUNT; c++) {
            BMP_SECOND[c] = true;
        }
        for (int c = T_BASE + 1; c < T_BASE + T_COUNT; c++) {
            BMP_SECOND[c] = true;
        }
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            boolean starter = BMP_CCC[c] == 0;
            boolean hangul = c >= S_BASE && c < S_BASE + S_COUNT;
            boolean canonical = BMP_CANONICAL[c] != null || hangul;
            boolean compat = BMP_COMPAT[c] != null;
            byte flags = BMP_FLAGS[c];
            if (starter && !canonical) {
                flags |= INERT_NFD;
            }
            if (starter && !canonical && !compat) {
                flags |= INERT_NFKD;
            }
            // a starter that no composition takes as its second part, and that NFC maps to itself
            if (starter && !BMP_SECOND[c]) {
                if (!canonical || recomposesToItself(c, BMP_CANONICAL[c])) {
                    flags |= INERT_NFC;
                }
                if (!canonical && !compat || !compat && recomposesToItself(c, BMP_CANONICAL[c])) {
                    flags |= INERT_NFKC;
                }
            }
            BMP_FLAGS[c] = flags;
        }
    }

    private HfUnicode() {
    }

    /**
     * Whether the composition of {@code parts} (a full decomposition, starter first, marks in canonical order)
     * gives back {@code c} alone. Hangul syllables always do.
     */
    private static boolean recomposesToItself(int c, int[] parts) {
        if (parts == null) {
            return true;
        }
        int composed = parts[0];
        // when every part composes in turn, no part is left in between to block the next one
        for (int i = 1; i < parts.length; i++) {
            composed = compose(composed, parts[i]);
            if (composed < 0) {
                return false;
            }
        }
        return composed == c;
    }

    private static long pair(int a, int b) {
        return ((long) a << 21) | b;
    }

    /** The canonical combining class. */
    static int ccc(int cp) {
        return cp < 0x10000 ? BMP_CCC[cp] & 0xFF : SUPP_CCC.get(cp);
    }

    /** The composition of {@code a} and {@code b}, or -1. */
    static int compose(int a, int b) {
        if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT) {
            return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
        }
        if (a >= S_BASE && a < S_BASE + S_COUNT && b > T_BASE && b < T_BASE + T_COUNT
                && (a - S_BASE) % T_COUNT == 0) {
            return a + (b - T_BASE);
        }
        return COMPOSE.get(pair(a, b));
    }

    /**
     * Appends the full decomposition of {@code cp} (canonical, or compatibility then canonical) to
     * {@code out[at...]} and returns how many code points it wrote (1 when it has none). {@code out} must
     * have room for 18 (the longest decomposition).
     */
    static int decompose(int cp, boolean compat, int[] out, int at) {
        if (cp < 0x80) {
            out[at] = cp;
            return 1;
        }
        if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
            int s = cp - S_BASE;
            out[at] = L_BASE + s / N_COUNT;
            out[at + 1] = V_BASE + (s % N_COUNT) / T_COUNT;
            int t = s % T_COUNT;
            if (t > 0) {
                out[at + 2] = T_BASE + t;
                return 3;
            }
            return 2;
        }
        int[] parts = null;
        if (cp < 0x10000) {
            if (compat) {
                parts = BMP_COMPAT[cp];
            }
            if (parts == null) {
                parts = BMP_CANONICAL[cp];
            }
        } else {
            if (compat) {
                parts = SUPP_COMPAT.get(cp);
            }
            if (parts == null) {
                parts = SUPP_CANONICAL.get(cp);
            }
        }
        if (parts == null) {
            out[at] = cp;
            return 1;
        }
        System.arraycopy(parts, 0, out, at, parts.length);
        return parts.length;
    }

    /** The longest decomposition in the tables (U+FDFA has 18 parts). */
    static final int MAX_DECOMPOSITION = 18;

    /** Unicode General_Category Mark (Mn, Mc, Me) of Unicode 9.0: what {@code StripAccents} removes. */
    static boolean isCombiningMark(int cp) {
        if (cp < 0x10000) {
            return (BMP_FLAGS[cp] & COMBINING_MARK) != 0;
        }
        int lo = 0;
        int hi = SUPP_MARKS.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < SUPP_MARKS[2 * mid]) {
                hi = mid - 1;
            } else if (cp > SUPP_MARKS[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The BMP char's inert flags ({@link #INERT_NFD} ...): set when the form leaves it, and its context, alone. */
    static int flags(char c) {
        return BMP_FLAGS[c];
    }
}
