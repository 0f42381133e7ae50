package io.subword.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values are what Hugging Face tokenizers 0.21 (through DJL 0.38) produces; alignments are the
 * original UTF-16 range of each normalized code point.
 */
class BertNormalizerTest {
    private static BertNormalizer config(String name) {
        return switch (name) {
            case "uncased" -> BertNormalizer.uncased();
            case "cased" -> BertNormalizer.cased();
            case "strip" -> BertNormalizer.cased().withStripAccents(true);
            case "lower" -> BertNormalizer.uncased().withStripAccents(false);
            case "noclean" -> BertNormalizer.uncased().withCleanText(false);
            case "raw" -> BertNormalizer.cased().withCleanText(false).withHandleChineseChars(false).withStripAccents(false);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Per normalized code point, "start-end" of its original range; both units of a pair must agree. */
    static String alignment(NormalizedText t) {
        StringJoiner sj = new StringJoiner(" ");
        String s = t.text();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            for (int k = 1; k < n; k++) {
                assertEquals(t.originalStart(i), t.originalStart(i + k), "pair split at " + i);
                assertEquals(t.originalEnd(i), t.originalEnd(i + k), "pair split at " + i);
            }
            sj.add(t.originalStart(i) + "-" + t.originalEnd(i));
            i += n;
        }
        return sj.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        uncased | Hello World       | hello world        | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10 10-11
        uncased | café              | cafe               | 0-1 1-2 2-3 3-4
        uncased | naïve             | naive              | 0-1 1-2 2-3 3-4 4-5
        uncased | Ångström          | angstrom           | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8
        cased   | Ångström          | Ångström           | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8
        strip   | Ångström          | Angstrom           | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8
        uncased | cafe\\u{301}      | cafe               | 0-1 1-2 2-3 3-4
        uncased | İstanbul          | istanbul           | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8
        lower   | İstanbul          | i\\u{307}stanbul   | 0-1 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8
        lower   | ÉCOLE             | école              | 0-1 1-2 2-3 3-4 4-5
        uncased | ΣΟΦΟΣ ΣΑΣ         | σοφοσ σασ          | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9
        uncased | Ἀθῆναι            | αθηναι             | 0-1 1-2 2-3 3-4 4-5 5-6
        uncased | ẞ                 | ß                  | 0-1
        uncased | \\u{2C2F}         | \\u{2C5F}          | 0-1
        uncased | مَرْحَبًا           | مرحبا              | 0-1 2-3 4-5 6-7 8-9
        cased   | مَرْحَبًا           | مَرْحَبًا            | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9
        uncased | ab中文c            | "ab 中  文 c"       | 0-1 1-2 2-3 2-3 2-3 3-4 3-4 3-4 4-5
        uncased | 東京、大阪。        | " 東  京 、 大  阪 。" | 0-1 0-1 0-1 1-2 1-2 1-2 2-3 3-4 3-4 3-4 4-5 4-5 4-5 5-6
        uncased | \\u{20000}x       | " \\u{20000} x"    | 0-2 0-2 0-2 2-3
        uncased | \\u{F900}         | " \\u{8C48} "      | 0-1 0-1 0-1
        uncased | a\\u{0}b\\u{FFFD}c\\u{1}d | abcd        | 0-1 2-3 4-5 6-7
        noclean | a\\u{0}b\\u{FFFD}c | a\\u{0}b\\u{FFFD}c | 0-1 1-2 2-3 3-4 4-5
        uncased | co\\u{AD}op       | coop               | 0-1 1-2 3-4 4-5
        cased   | \\u{1F468}\\u{200D}\\u{1F469} | \\u{1F468}\\u{1F469} | 0-2 3-5
        uncased | a😀b              | a😀b               | 0-1 1-3 3-4
        uncased | 👍\\u{1F3FB}      | 👍\\u{1F3FB}       | 0-2 2-4
        uncased | ❤\\u{FE0F}!       | ❤!                 | 0-1 2-3
        cased   | ❤\\u{FE0F}!       | ❤\\u{FE0F}!        | 0-1 1-2 2-3
        uncased | a\\tb\\nc\\r\\nd  | "a b c  d"         | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8
        uncased | a\\u{85}b\\u{A0}c\\u{3000}d\\u{2028}e | "ab c d e" | 0-1 2-3 3-4 4-5 5-6 6-7 7-8 8-9
        uncased | a\\u{B}\\u{C}\\u{1F}b | ab               | 0-1 4-5
        uncased | 한국              | \\u{1112}\\u{1161}\\u{11AB}\\u{1100}\\u{116E}\\u{11A8} | 0-1 0-1 0-1 1-2 1-2 1-2
        cased   | 한국              | 한국                | 0-1 1-2
        uncased | ¿Qué? «Sí»        | ¿que? «si»         | 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9 9-10
        raw     | A\\u{0}\\u{301}中  | A\\u{0}\\u{301}中   | 0-1 1-2 2-3 3-4
        uncased | \\u{11938}\\u{1D16E}\\u{94D}ß | \\u{11938}\\u{1D16E}ß | 0-2 4-5 5-6
        """)
    void normalizes(String config, String input, String expected, String expectedAlignment) {
        NormalizedText out = config(config).normalize(NormalizedText.of(TestText.unescape(input)));
        assertEquals(TestText.unescape(expected), out.text());
        assertEquals(expectedAlignment, alignment(out));
        assertEquals(TestText.unescape(expected), config(config).normalizeText(TestText.unescape(input)), "text only");
    }

    /**
     * The text-only path gives exactly the text of the aligned one. Rows from the Hugging Face parity corpora's
     * hard cases: accents and marks of two characters that NFD reorders, Greek capitals (no final-sigma rule),
     * CJK, control and format chars, lone and paired surrogates, U+0130, and ASCII that does or does not change.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        uncased | plain ascii, unchanged
        uncased | Mixed ASCII\\tWith TABS\\r\\n
        cased   | Mixed ASCII\\tWith TABS\\r\\n
        raw     | Mixed ASCII\\tWith TABS
        uncased | a\\u{0}b\\u{7F}c\\u{1}\\u{FFFD}
        uncased | e\\u{301}\\u{316}\\u{345}x o\\u{308}\\u{301}\\u{323}
        strip   | \\u{1EC7}\\u{316}\\u{301}\\u{302E}\\u{1D165}
        lower   | Ὀδυσσεύς ΣΟΦΟΣ İ\\u{307}
        cased   | ΣΟΦΟΣ Ὀδυσσεύς
        uncased | 東京、大阪。\\u{20000}\\u{F900}x
        noclean | 東京\\u{0}\\u{85}\\u{2028}
        uncased | A\\u{D800}b\\u{DC00}\\u{DBFF}
        cased   | \\u{D83D}\\u{DE00}\\u{1F468}\\u{200D}\\u{1F469}\\u{D83D}
        uncased | 한국어 مَرْحَبًا ¿Qué?
        raw     | İ\\u{0}\\u{301}中\\u{D800}
        uncased | \\u{11938}\\u{1D16E}\\u{94D}ß ẞ \\u{2C2F}
        """)
    void textOnlyEqualsTheAlignedText(String config, String input) {
        String text = TestText.unescape(input);
        assertEquals(config(config).normalize(NormalizedText.of(text)).text(), config(config).normalizeText(text));
    }

    /**
     * The same over every line of the Europarl sample (21 languages, titles and dates with tabs), in the two
     * settings that training counts most words with: WordPiece uncased (strip accents and lowercase: canonical
     * ordering, the dropped marks) and BPE / WordPiece cased (accents kept).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"uncased", "cased"})
    void textOnlyEqualsTheAlignedTextOnEuroparl(String config) {
        BertNormalizer n = config(config);
        for (String line : io.subword.testkit.RealData.europarlRaw()) {
            assertEquals(n.normalize(NormalizedText.of(line)).text(), n.normalizeText(line), line);
        }
    }

    @Test
    void asciiWithoutChangesIsReturnedAsItIs() {
        NormalizedText in = NormalizedText.of("hello, world");
        assertSame(in, BertNormalizer.uncased().normalize(in));
        NormalizedText cased = NormalizedText.of("Hello, World");
        assertSame(cased, BertNormalizer.cased().normalize(cased));
    }

    @Test
    void unchangedNonAsciiIsReturnedAsItIs() {
        NormalizedText in = NormalizedText.of("Café 東");
        assertSame(in, BertNormalizer.cased().withHandleChineseChars(false).withStripAccents(false).normalize(in));
    }

    @Test
    void asciiLowercaseKeepsTheAlignment() {
        NormalizedText out = BertNormalizer.uncased().normalize(NormalizedText.of("Hi\tYOU"));
        assertEquals("hi you", out.text());
        assertEquals("0-1 1-2 2-3 3-4 4-5 5-6", alignment(out));
    }

    @Test
    void offsetsOfASlicePointIntoTheWholeOriginal() {
        NormalizedText out = BertNormalizer.uncased().normalize(NormalizedText.of("xx Café\u0000! yy", 3, 9));
        assertEquals("cafe!", out.text());
        assertEquals("3-4 4-5 5-6 6-7 8-9", alignment(out));
    }

    @Test
    void aSecondPassKeepsTheFirstPassAlignment() {
        BertNormalizer n = BertNormalizer.uncased();
        NormalizedText once = n.normalize(NormalizedText.of("Ä中"));
        NormalizedText twice = n.normalize(once);
        assertEquals(" 中 ", once.text().substring(1));
        assertEquals("a  中  ", twice.text());
        assertEquals("0-1 1-2 1-2 1-2 1-2 1-2", alignment(twice));
    }

    @Test
    void loneSurrogatesPassThrough() {
        NormalizedText out = BertNormalizer.uncased().normalize(NormalizedText.of("A\uD800b\uDC00"));
        assertEquals("a\uD800b\uDC00", out.text());
        assertEquals(4, out.length());
        assertEquals(3, out.originalStart(3));
    }

    @Test
    void randomTextKeepsAlignmentsInOrderAndInBounds() {
        int[] pool = {'a', 'Z', ' ', '\t', '\n', 0, 0x7F, 0x85, 0xA0, 0xAD, 0xC9, 0x130, 0x3A3, 0x301, 0x316, 0x345,
            0x4E2D, 0xF900, 0xD55C, 0x1F600, 0x200D, 0xFE0F, 0x20000, 0xFFFD, 0xE000, 0x3000, 0x64E, 0x1D165, 0x302E,
            0x1EC7, 0x11938, 0x10400, '.', 0xBF};
        java.util.Random random = new java.util.Random(20240601);
        BertNormalizer[] normalizers = {BertNormalizer.uncased(), BertNormalizer.cased(),
            BertNormalizer.uncased().withCleanText(false).withStripAccents(true), BertNormalizer.uncased().withHandleChineseChars(false).withStripAccents(false)};
        for (int iter = 0; iter < 5000; iter++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(20);
            for (int k = 0; k < len; k++) {
                sb.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String text = sb.toString();
            for (BertNormalizer n : normalizers) {
                NormalizedText out = n.normalize(NormalizedText.of(text));
                assertEquals(out.text(), n.normalizeText(text), text);
                int prevStart = 0;
                for (int i = 0; i < out.length(); i++) {
                    int s = out.originalStart(i);
                    int e = out.originalEnd(i);
                    assertTrue(0 <= s && s < e && e <= text.length(), text + " unit " + i);
                    assertTrue(s >= prevStart || isNonStarterAlignment(out, i), text + " went back at " + i);
                    prevStart = Math.max(prevStart, s);
                }
                alignment(out); // pairs stay together
            }
        }
    }

    /** Only NFD reordering of marks from different characters may move an alignment backwards. */
    private static boolean isNonStarterAlignment(NormalizedText out, int i) {
        return (CharClasses.flags(out.text().codePointAt(i)) & CharClasses.MARK) != 0;
    }

    /**
     * Issue 15's stall: "a" then marks cycling through U+0300..U+036F (differing combining classes) used to cost
     * a rescan of the segment per mark. Steps are counted, not timed: ten times the text costs at most about
     * ten times the steps, and the marks are all stripped with every unit aligned to its own char.
     */
    @Test
    void canonicalOrderingStepsGrowLinearlyWithARunOfDifferingMarks() {
        int[] sizes = {10_000, 100_000, 1_000_000};
        long[] steps = new long[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            StringBuilder sb = new StringBuilder(sizes[s]).append('a');
            for (int i = 1; i < sizes[s]; i++) {
                // a spacing mark (kept by strip accents) every 1,000 chars, so the reordered text is visible
                sb.append(i % 1000 == 0 ? '\u0903' : (char) (0x300 + (i - 1) % 0x70));
            }
            CanonicalOrder canonical = new CanonicalOrder();
            NormalizedText out = BertNormalizer.uncased().normalize(NormalizedText.of(sb.toString()), canonical);
            int kept = sizes[s] / 1000 - (sizes[s] % 1000 == 0 ? 1 : 0);
            assertEquals("a" + "\u0903".repeat(kept), out.text());
            steps[s] = canonical.steps();
        }
        assertTrue(steps[0] > 10_000, "the run was not reordered: " + steps[0] + " steps");
        assertTrue(steps[1] <= 11 * steps[0] && steps[2] <= 11 * steps[1], java.util.Arrays.toString(steps));
    }

    @Test
    void accessorsAndFactories() {
        BertNormalizer uncased = BertNormalizer.uncased();
        assertTrue(uncased.cleanText());
        assertTrue(uncased.handleChineseChars());
        assertNull(uncased.stripAccents());
        assertTrue(uncased.lowercase());
        BertNormalizer cased = BertNormalizer.cased();
        assertFalse(cased.lowercase());
        assertNull(cased.stripAccents());
        BertNormalizer custom = BertNormalizer.cased().withCleanText(false).withHandleChineseChars(false).withStripAccents(Boolean.TRUE);
        assertFalse(custom.cleanText());
        assertFalse(custom.handleChineseChars());
        assertEquals(Boolean.TRUE, custom.stripAccents());
    }
}
