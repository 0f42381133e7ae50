package io.subword.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classes as Hugging Face tokenizers 0.21 applies them, including where they differ from JDK 17's. */
class CharClassesTest {
    @ParameterizedTest(name = "U+{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # code point | control | whitespace | cjk | nonspacing mark | bert punctuation | word
        0000  | true  | false | false | false | false | false
        0009  | false | true  | false | false | false | false
        000B  | true  | true  | false | false | false | false
        0020  | false | true  | false | false | false | false
        0024  | false | false | false | false | true  | false
        005F  | false | false | false | false | true  | true
        0041  | false | false | false | false | false | true
        0085  | true  | true  | false | false | false | false
        00A0  | false | true  | false | false | false | false
        00AD  | true  | false | false | false | false | false
        00BF  | false | false | false | false | true  | false
        0301  | false | false | false | true  | false | true
        0660  | false | false | false | false | false | true
        08D3  | false | false | false | false | false | true
        08E2  | false | false | false | false | false | false
        166D  | false | false | false | false | true  | false
        200D  | true  | false | false | false | false | true
        2028  | false | true  | false | false | false | false
        3001  | false | false | false | false | true  | false
        3000  | false | true  | false | false | false | false
        4E2D  | false | false | true  | false | false | true
        E000  | true  | false | false | false | false | false
        F900  | false | false | true  | false | false | true
        FE0F  | false | false | false | true  | false | true
        FFFD  | false | false | false | false | false | false
        111C9 | false | false | false | false | true  | true
        1F600 | false | false | false | false | false | false
        20000 | false | false | true  | false | false | true
        E0041 | true  | false | false | false | false | false
        10FFFD| true  | false | false | false | false | false
        """)
    void classes(String hex, boolean control, boolean whitespace, boolean cjk, boolean mark, boolean punct,
            boolean word) {
        int cp = Integer.parseInt(hex, 16);
        assertEquals(control, CharClasses.isControl(cp), "control");
        assertEquals(whitespace, CharClasses.isWhitespace(cp), "whitespace");
        assertEquals(cjk, CharClasses.isCjk(cp), "cjk");
        assertEquals(mark, CharClasses.isNonspacingMark(cp), "nonspacing mark");
        assertEquals(punct, CharClasses.isBertPunctuation(cp), "bert punctuation");
        assertEquals(word, CharClasses.isWordChar(cp), "word");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource(textBlock = """
        0041, 0061
        00C5, 00E5
        03A3, 03C3
        0130, 0069
        1E9E, 00DF
        2C2F, 2C5F
        A7CB, 0264
        10400, 10428
        10570, 10597
        1F600, 1F600
        """)
    void lowercase(String hex, String lowerHex) {
        assertEquals(Integer.parseInt(lowerHex, 16), CharClasses.toLowerCase(Integer.parseInt(hex, 16)));
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource(textBlock = """
        00E9, 0065 0301
        1EC7, 0065 0323 0302
        D55C, 1112 1161 11AB
        F900, 8C48
        1D15E, 1D157 1D165
        """)
    void decomposition(String hex, String parts) {
        int cp = Integer.parseInt(hex, 16);
        assertEquals(CharClasses.DECOMPOSES, CharClasses.flags(cp) & CharClasses.DECOMPOSES);
        StringBuilder expected = new StringBuilder();
        for (String p : parts.split(" ")) {
            expected.appendCodePoint(Integer.parseInt(p, 16));
        }
        StringBuilder out = new StringBuilder();
        CharClasses.appendDecomposition(cp, out);
        assertEquals(expected.toString(), out.toString());
    }

    /** CharClasses skips these ranges when it scans the BMP: in this JDK none of their chars may need the scan. */
    @ParameterizedTest(name = "U+{0}..U+{1}")
    @CsvSource({"3400, 4DBF", "4E00, 9FFF", "E000, F8FF"})
    void skippedRangesNeitherDecomposeNorAreMarksNorLowercase(String from, String to) {
        int first = Integer.parseInt(from, 16);
        int last = Integer.parseInt(to, 16);
        int scanned = 0;
        for (int c = first; c <= last; c++) {
            String s = String.valueOf((char) c);
            assertEquals(true, java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFD), s);
            int type = Character.getType(c);
            assertEquals(false, type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK, s);
            assertEquals(c, Character.toLowerCase(c), s);
            assertEquals(0, CharClasses.flags(c) & (CharClasses.DECOMPOSES | CharClasses.MARK), s);
            assertEquals((char) c, CharClasses.lowerBmp((char) c), s);
            scanned++;
        }
        assertEquals(last - first + 1, scanned);
        assertEquals(true, java.util.Arrays.stream(CharClasses.PLAIN_BMP_RANGES).anyMatch(x -> x == first));
    }

    /**
     * The tables are built in one sweep from range toggles and one bulk NFD (for start-up); here every BMP char is
     * checked against the per-char definition: its ranges, its own NFD, the JDK's lowercase and mark category.
     */
    @ParameterizedTest(name = "U+{0}..U+{1}")
    @CsvSource({"0000, 0FFF", "1000, 2FFF", "3000, 9FFF", "A000, D7FF", "D800, DFFF", "E000, FFFF"})
    void everyBmpCharHasTheClassesOfItsPerCharDefinition(String from, String to) {
        int[][] ranges = {HfCharData.REMOVED_BY_CLEAN, HfCharData.WHITESPACE, {0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900,
            0xFAFF}, HfCharData.NONSPACING_MARK, HfCharData.BERT_PUNCTUATION, HfCharData.REGEX_WORD};
        int[] flags = {CharClasses.REMOVED_BY_CLEAN, CharClasses.WHITESPACE, CharClasses.CJK,
            CharClasses.NONSPACING_MARK, CharClasses.BERT_PUNCTUATION, CharClasses.WORD};
        int decomposing = 0;
        for (int c = Integer.parseInt(from, 16); c <= Integer.parseInt(to, 16); c++) {
            String s = String.valueOf((char) c);
            int expected = 0;
            for (int k = 0; k < ranges.length; k++) {
                for (int i = 0; i < ranges[k].length; i += 2) {
                    if (ranges[k][i] <= c && c <= ranges[k][i + 1]) {
                        expected |= flags[k];
                    }
                }
            }
            String nfd = "";
            if (Character.isSurrogate((char) c)) {
                expected |= CharClasses.SURROGATE;
            } else {
                int type = Character.getType(c);
                if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                        || type == Character.ENCLOSING_MARK) {
                    expected |= CharClasses.MARK;
                }
                if (!java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFD)) {
                    expected |= CharClasses.DECOMPOSES;
                    nfd = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
                    decomposing++;
                }
            }
            String at = String.format("U+%04X", c);
            assertEquals(expected, CharClasses.flags(c), at);
            assertEquals(nfd, new String(CharClasses.decompositionPool(), CharClasses.decompositionStart((char) c),
                    CharClasses.decompositionEnd((char) c) - CharClasses.decompositionStart((char) c)), at);
            char lower = c == 0x130 ? 'i' : (char) Character.toLowerCase(c);
            for (int i = 0; i < HfCharData.EXTRA_LOWERCASE.length; i += 2) {
                if (HfCharData.EXTRA_LOWERCASE[i] == c) {
                    lower = (char) HfCharData.EXTRA_LOWERCASE[i + 1];
                }
            }
            assertEquals(lower, CharClasses.lowerBmp((char) c), at);
        }
        if (from.equals("0000")) {
            assertEquals(403, decomposing, "chars below U+1000 that decompose (Latin, Greek, Cyrillic, Indic ...)");
        }
    }
}
