package io.subword.parity;

import io.subword.AddedToken;
import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two character classes of added-token matching, against Hugging Face (DJL) on BERT uncased with
 * {@code [NEW]} added (not normalized, so it is matched in the original text):
 * <ul>
 *   <li>{@code single_word}: "inside a word" means a neighbouring code point is regex {@code \w} (Alphabetic,
 *       marks, decimal digits, connector punctuation, Join_Control), letters outside the BMP included;</li>
 *   <li>{@code lstrip}/{@code rstrip}: the whitespace taken is the White_Space property ({@code \s}), which
 *       has U+00A0, U+2007, U+202F and U+0085 but not U+001C..U+001F, unlike {@link Character#isWhitespace}.</li>
 * </ul>
 * Inputs use {@code \\u{...}} escapes, decoded by {@link BertHardCasesParityTest#unescape}.
 */
class AddedTokenCharClassesParityTest {
    private static final int NEW_ID = 30522;
    @TempDir
    static Path dir;
    private static Tokenizer singleWord;
    private static Tokenizer strip;
    private static HfReference hfSingleWord;
    private static HfReference hfStrip;

    @BeforeAll
    static void load() throws Exception {
        Tokenizer bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        singleWord = bert.toBuilder().addToken(AddedToken.normal("[NEW]", NEW_ID).withSingleWord(true).withNormalized(false))
                .build();
        strip = bert.toBuilder().addToken(AddedToken.normal("[NEW]", NEW_ID).withLstrip(true).withRstrip(true).withNormalized(false)).build();
        hfSingleWord = HfReference.load(write(singleWord, "single-word.json"), false);
        hfStrip = HfReference.load(write(strip, "strip.json"), false);
    }

    private static Path write(Tokenizer t, String name) throws Exception {
        Path file = dir.resolve(name);
        TokenizerJson.write(t, file);
        return file;
    }

    @AfterAll
    static void close() {
        hfSingleWord.close();
        hfStrip.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x [NEW] y               | true  | spaces
            \\u{1D400}[NEW]         | false | MATHEMATICAL BOLD CAPITAL A (Lu outside the BMP)
            [NEW]\\u{1D7D9}         | false | MATHEMATICAL DOUBLE-STRUCK DIGIT ONE (Nd outside the BMP)
            \\u{915}\\u{93E}[NEW]   | false | Devanagari ka + vowel sign aa (Mc)
            a\\u{301}[NEW]          | false | combining acute (Mn)
            [NEW]\\u{301}           | false | combining acute after the token
            \\u{663}[NEW]           | false | Arabic-Indic digit three (Nd)
            \\u{216B}[NEW]          | false | ROMAN NUMERAL TWELVE (Nl, Alphabetic)
            \\u{3007}[NEW]          | false | IDEOGRAPHIC NUMBER ZERO (Nl)
            \\u{203F}[NEW]          | false | UNDERTIE (Pc)
            _[NEW]_                 | false | low line (Pc)
            a\\u{200D}[NEW]         | false | ZERO WIDTH JOINER (Join_Control)
            [NEW]\\u{200C}          | false | ZERO WIDTH NON-JOINER (Join_Control)
            \\u{2B0}[NEW]           | false | MODIFIER LETTER SMALL H (Lm)
            \\u{B2}[NEW]            | true  | SUPERSCRIPT TWO (No, not \\w)
            \\u{1F600}[NEW]         | true  | emoji (So)
            -[NEW].                 | true  | punctuation
            \\u{A0}[NEW]\\u{A0}     | true  | no-break spaces
            """)
    void singleWordJudgesWordCharsAsHuggingFace(String escaped, boolean matches, String what) {
        String text = BertHardCasesParityTest.unescape(escaped);
        RefEncoding ref = hfSingleWord.encode(text);
        Encoding e = singleWord.encode(text, false);
        assertEquals(matches, Arrays.stream(ref.ids()).anyMatch(id -> id == NEW_ID), "the reference itself");
        assertArrayEquals(ref.ids(), e.ids(), what);
        assertArrayEquals(ref.starts(), e.offsets(OffsetUnit.CODE_POINT).starts(), what);
        assertArrayEquals(ref.ends(), e.offsets(OffsetUnit.CODE_POINT).ends(), what);
    }

    /** {@code [NEW]}'s code point span: the token plus the White_Space it strips on both sides. */
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            a [NEW] b                             | 1 | 8  | space
            a\\u{A0}[NEW]\\u{A0}b                 | 1 | 8  | NO-BREAK SPACE
            a\\u{2007}[NEW]\\u{202F}b             | 1 | 8  | FIGURE SPACE, NARROW NO-BREAK SPACE
            a\\u{3000}\\u{2003}[NEW]\\u{85}b      | 1 | 9  | ideographic space, em space, NEXT LINE
            a\\u{2028}[NEW]\\u{2029}b             | 1 | 8  | line and paragraph separators
            a \\t[NEW]\\n\\u{B}\\u{C}\\rb         | 1 | 12 | ASCII whitespace
            a\\u{1C}[NEW]\\u{1F}b                 | 2 | 7  | FILE and UNIT SEPARATOR (not White_Space)
            a\\u{1D}\\u{1E}[NEW]b                 | 3 | 8  | GROUP and RECORD SEPARATOR
            a\\u{200B}[NEW]\\u{180E}b             | 2 | 7  | ZERO WIDTH SPACE, MONGOLIAN VOWEL SEPARATOR
            a\\u{FEFF}[NEW]\\u{2060}b             | 2 | 7  | BOM, WORD JOINER
            \\u{A0}\\u{A0}[NEW]                   | 0 | 7  | at the start
            """)
    void stripTakesWhiteSpaceAsHuggingFace(String escaped, int start, int end, String what) {
        String text = BertHardCasesParityTest.unescape(escaped);
        RefEncoding ref = hfStrip.encode(text);
        Encoding e = strip.encode(text, false);
        int at = Arrays.stream(ref.ids()).boxed().toList().indexOf(NEW_ID);
        assertEquals(start + "," + end, ref.starts()[at] + "," + ref.ends()[at], "the reference itself");
        assertArrayEquals(ref.ids(), e.ids(), what);
        Offsets off = e.offsets(OffsetUnit.CODE_POINT);
        assertArrayEquals(ref.starts(), off.starts(), what);
        assertArrayEquals(ref.ends(), off.ends(), what);
    }
}
