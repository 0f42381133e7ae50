package io.subword.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random strings across Unicode categories, for property tests: the same seed gives the same strings on
 * every JVM. A string is a run of pieces, each drawn from one {@link Category}, mostly separated by whitespace.
 * Not thread-safe; use one instance per thread.
 */
public final class RandomText {
    /** The kinds of text a piece is drawn from. */
    public enum Category {
        /** Printable ASCII letters, digits and punctuation. */
        ASCII,
        /** U+00A0..U+00FF: accented Latin letters, symbols, NBSP, soft hyphen. */
        LATIN1,
        /** Latin letters followed by 1..3 combining marks (U+0300..U+036F), and precomposed letters. */
        COMBINING,
        /** CJK ideographs (BMP and the supplementary Extension B), kana, Hangul syllables. */
        CJK,
        /** Arabic letters, digits and marks. */
        ARABIC,
        /** Devanagari letters, vowel signs and virama. */
        DEVANAGARI,
        /** Thai letters and marks (no spaces between words). */
        THAI,
        /** Single emoji, with skin-tone modifiers and variation selectors. */
        EMOJI,
        /** Emoji ZWJ sequences, flags (regional indicator pairs), keycaps. */
        EMOJI_SEQUENCE,
        /** Unpaired UTF-16 surrogates: not well-formed Unicode, and not expressible in UTF-8. */
        LONE_SURROGATE,
        /** C0 and C1 controls including NUL, DEL, and format characters (ZWSP, ZWJ, ZWNJ, BOM, soft hyphen). */
        CONTROL,
        /** Every kind of whitespace: space, tab, CR, LF, NEL, NBSP, ogham space, en/em spaces, ideographic space. */
        WHITESPACE,
        /** U+FFFD, private-use characters and noncharacters. */
        REPLACEMENT,
        /** One word of 90..250 ASCII letters (around the usual 100-char WordPiece limit). */
        LONG_WORD,
        /** ASCII and Unicode punctuation, symbols and digits in runs. */
        PUNCTUATION
    }

    /** Every category but {@link Category#LONE_SURROGATE}: text that is well-formed Unicode. */
    public static Set<Category> wellFormed() {
        Set<Category> s = EnumSet.allOf(Category.class);
        s.remove(Category.LONE_SURROGATE);
        return Collections.unmodifiableSet(s);
    }

    private static final int[] WHITESPACE = {' ', ' ', ' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680,
        0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029,
        0x202F, 0x205F, 0x3000};
    private static final int[] FORMAT = {0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C,
        0x180E};
    private static final int[] UNICODE_PUNCT = {0x00A1, 0x00BF, 0x00AB, 0x00BB, 0x2010, 0x2013, 0x2014, 0x2018,
        0x2019, 0x201C, 0x201D, 0x2020, 0x2022, 0x2026, 0x2030, 0x203D, 0x3001, 0x3002, 0x300C, 0x300D, 0xFF01,
        0xFF0C, 0xFF1F, 0x00A7, 0x00B6, 0x20AC, 0x00A3, 0x2122, 0x00B0, 0x221E, 0x2192, 0x0964, 0x060C, 0x061F};
    private static final int[] SKIN_TONES = {0x1F3FB, 0x1F3FC, 0x1F3FD, 0x1F3FE, 0x1F3FF};
    private static final int[][] ZWJ_SEQUENCES = {
        {0x1F469, 0x200D, 0x1F4BB},                              // woman technologist
        {0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467, 0x200D, 0x1F466}, // family
        {0x1F3F3, 0xFE0F, 0x200D, 0x1F308},                      // rainbow flag
        {0x1F9D1, 0x1F3FD, 0x200D, 0x1F692},                     // firefighter, medium skin
        {0x2764, 0xFE0F, 0x200D, 0x1F525},                       // heart on fire
        {0x1F441, 0xFE0F, 0x200D, 0x1F5E8, 0xFE0F},              // eye in speech bubble
    };
    private static final String PRECOMPOSED = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćČčĎďĒēĘęĚěĞğĪīıŁłŃńŇňŌōŐőŒœŘřŚśŞşŠšŢţŤťŪūŮůŰűŸŹźŻżŽžǍǎǏǐǑǒǓǔ"
            + "ẞßḀḁẠạẤấỆệỸỹ";

    private final Random random;

    public RandomText(long seed) {
        this.random = new Random(seed);
    }

    /** The underlying random source, to draw lengths or choices consistently with the text. */
    public Random random() {
        return random;
    }

    /** A string of 0..{@code maxPieces} pieces from any category (including lone surrogates). */
    public String next(int maxPieces) {
        return next(maxPieces, EnumSet.allOf(Category.class));
    }

    /** A string of 0..{@code maxPieces} pieces from the {@code allowed} categories. */
    public String next(int maxPieces, Set<Category> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("no category allowed");
        }
        Category[] cats = allowed.toArray(new Category[0]);
        int pieces = random.nextInt(maxPieces + 1);
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < pieces; p++) {
            if (p > 0 && random.nextInt(4) != 0) {
                sb.append(random.nextInt(8) == 0 ? Character.toString(pick(WHITESPACE)) : " ");
            }
            piece(sb, cats[random.nextInt(cats.length)]);
        }
        return sb.toString();
    }

    /** {@code count} strings of {@link #next(int, Set)}. */
    public List<String> strings(int count, int maxPieces, Set<Category> allowed) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(maxPieces, allowed));
        }
        return out;
    }

    /** Appends one piece of {@code category} to {@code sb}. */
    public void piece(StringBuilder sb, Category category) {
        int len = 1 + random.nextInt(8);
        switch (category) {
            case ASCII -> {
                for (int i = 0; i < len; i++) {
                    sb.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
                }
            }
            case LATIN1 -> {
                for (int i = 0; i < len; i++) {
                    sb.append((char) (0xA0 + random.nextInt(0x60)));
                }
            }
            case COMBINING -> {
                for (int i = 0; i < len; i++) {
                    if (random.nextBoolean()) {
                        sb.append(PRECOMPOSED.charAt(random.nextInt(PRECOMPOSED.length())));
                    } else {
                        sb.append((char) ('a' + random.nextInt(26)));
                        int marks = 1 + random.nextInt(3);
                        for (int m = 0; m < marks; m++) {
                            sb.append((char) (0x0300 + random.nextInt(0x70)));
                        }
                    }
                }
            }
            case CJK -> {
                for (int i = 0; i < len; i++) {
                    switch (random.nextInt(5)) {
                        case 0 -> sb.appendCodePoint(0x3041 + random.nextInt(0x56));   // hiragana
                        case 1 -> sb.appendCodePoint(0xAC00 + random.nextInt(11172));  // hangul
                        case 2 -> sb.appendCodePoint(0x20000 + random.nextInt(0xA6D0)); // ext B
                        default -> sb.appendCodePoint(0x4E00 + random.nextInt(0x5200));
                    }
                }
            }
            case ARABIC -> appendRange(sb, len, 0x0600, 0x0700);
            case DEVANAGARI -> appendRange(sb, len, 0x0900, 0x0980);
            case THAI -> appendRange(sb, len, 0x0E01, 0x0E5C);
            case EMOJI -> {
                for (int i = 0; i < len; i++) {
                    sb.appendCodePoint(random.nextBoolean() ? 0x1F600 + random.nextInt(0x50)
                            : 0x1F300 + random.nextInt(0x300));
                    int r = random.nextInt(4);
                    if (r == 0) {
                        sb.appendCodePoint(pick(SKIN_TONES));
                    } else if (r == 1) {
                        sb.append('\uFE0F');
                    }
                }
            }
            case EMOJI_SEQUENCE -> {
                for (int i = 0; i < len; i++) {
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            for (int cp : ZWJ_SEQUENCES[random.nextInt(ZWJ_SEQUENCES.length)]) {
                                sb.appendCodePoint(cp);
                            }
                        }
                        case 1 -> sb.appendCodePoint(0x1F1E6 + random.nextInt(26))
                                .appendCodePoint(0x1F1E6 + random.nextInt(26)); // flag
                        default -> sb.append((char) ('0' + random.nextInt(10))).append("\uFE0F\u20E3"); // keycap
                    }
                }
            }
            case LONE_SURROGATE -> {
                for (int i = 0; i < len; i++) {
                    if (random.nextBoolean()) {
                        sb.append((char) ('a' + random.nextInt(26)));
                    }
                    sb.append((char) (0xD800 + random.nextInt(0x800)));
                }
            }
            case CONTROL -> {
                for (int i = 0; i < len; i++) {
                    switch (random.nextInt(4)) {
                        case 0 -> sb.append((char) random.nextInt(0x20));
                        case 1 -> sb.append((char) (0x7F + random.nextInt(0x21)));
                        case 2 -> sb.appendCodePoint(pick(FORMAT));
                        default -> sb.append((char) ('a' + random.nextInt(26)));
                    }
                }
            }
            case WHITESPACE -> {
                for (int i = 0; i < len; i++) {
                    sb.appendCodePoint(pick(WHITESPACE));
                }
            }
            case REPLACEMENT -> {
                for (int i = 0; i < len; i++) {
                    switch (random.nextInt(4)) {
                        case 0 -> sb.append('\uFFFD');
                        case 1 -> sb.appendCodePoint(0xE000 + random.nextInt(0x1900));
                        case 2 -> sb.appendCodePoint(random.nextBoolean() ? 0xFFFE : 0xFFFF);
                        default -> sb.append('x').append('\uFFFD');
                    }
                }
            }
            case LONG_WORD -> {
                int n = 90 + random.nextInt(161);
                for (int i = 0; i < n; i++) {
                    sb.append((char) ('a' + random.nextInt(26)));
                }
            }
            case PUNCTUATION -> {
                for (int i = 0; i < len; i++) {
                    switch (random.nextInt(3)) {
                        case 0 -> sb.append("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".charAt(random.nextInt(32)));
                        case 1 -> sb.appendCodePoint(pick(UNICODE_PUNCT));
                        default -> sb.append((char) ('0' + random.nextInt(10)));
                    }
                }
            }
            default -> throw new AssertionError(category);
        }
    }

    private void appendRange(StringBuilder sb, int len, int from, int to) {
        for (int i = 0; i < len; i++) {
            sb.appendCodePoint(from + random.nextInt(to - from));
        }
    }

    private int pick(int[] a) {
        return a[random.nextInt(a.length)];
    }
}
