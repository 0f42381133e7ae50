package io.subword.pretokenize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pieces of each split pattern on the hard cases: contractions in every case (and U+2019, which is not an
 * apostrophe to the patterns), digit runs, whitespace runs before words and at the end, CRLF, non-ASCII spaces,
 * emoji, marks, surrogate pairs. Texts and pieces use {@code \\n \\r \\t \\uXXXX} escapes; pieces are separated by
 * {@code |}.
 */
class SplitPatternTest {
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    static void assertPieces(SplitPattern pattern, String text, String pieces) {
        String s = unescape(text);
        List<String> expected = List.of(pieces.split("\\|", -1)).stream().map(SplitPatternTest::unescape).toList();
        assertEquals(expected, SplitPatternEquivalenceTest.scannerPieces(pattern, s, 0, s.length()), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hello world"; "Hello| world"
            "I'm here, aren't you?"; "I|'m| here|,| aren|'t| you|?"
            "HE'S SHE'S"; "HE|'|S| SHE|'|S"
            "he\\u2019s"; "he|\\u2019|s"
            "x's 'S '\\u017F"; "x|'s| '|S| '|\\u017F"
            "x'S y'\\u017F z'LL"; "x|'|S| y|'|\\u017F| z|'|LL"
            "\\uD83D\\uDC4D\\uD83C\\uDFFD"; "\\uD83D\\uDC4D\\uD83C\\uDFFD"
            "\\u01C5ungla"; "\\u01C5ungla"
            "\\u02B0a\\u02B0B"; "\\u02B0a\\u02B0B"
            "1234567"; "1234567"
            "a1234567b"; "a|1234567|b"
            "\\u0663\\u0664\\u0665\\u0666"; "\\u0663\\u0664\\u0665\\u0666"
            "\\u216B\\u216B"; "\\u216B\\u216B"
            "a  b"; "a| | b"
            "a   \\n\\n  b"; "a|   \\n\\n | b"
            "a\\r\\nb"; "a|\\r|\\n|b"
            "a \\r\\n b"; "a| \\r\\n| b"
            "end   "; "end|   "
            "\\t\\tx"; "\\t|\\t|x"
            "x\\u00A0y"; "x|\\u00A0|y"
            "x\\u3000y"; "x|\\u3000|y"
            "\\u00A0\\u00A0x"; "\\u00A0|\\u00A0|x"
            "\\uD83D\\uDE00\\uD83D\\uDE00!"; "\\uD83D\\uDE00\\uD83D\\uDE00!"
            "\\uD83D\\uDC68\\u200D\\uD83D\\uDC69 hi"; "\\uD83D\\uDC68\\u200D\\uD83D\\uDC69| hi"
            "caf\\u00E9 na\\u00EFve"; "caf\\u00E9| na\\u00EFve"
            "\\u4E2D\\u6587abc"; "\\u4E2D\\u6587abc"
            "HTMLParser"; "HTMLParser"
            "McDonald's"; "McDonald|'s"
            "\\u0301ABC"; "\\u0301|ABC"
            "don't STOP's"; "don|'t| STOP|'s"
            "a/b//c\\n"; "a|/|b|//|c|\\n"
            "!\\n\\n"; "!|\\n\\n"
            "'ll've"; "'ll|'ve"
            "\\u0915\\u094D\\u0937\\u093F"; "\\u0915|\\u094D|\\u0937|\\u093F"
            """)
    void gpt2(String text, String pieces) {
        assertPieces(SplitPattern.GPT2, text, pieces);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hello world"; "Hello| world"
            "I'm here, aren't you?"; "I|'m| here|,| aren|'t| you|?"
            "HE'S SHE'S"; "HE|'S| SHE|'S"
            "he\\u2019s"; "he|\\u2019s"
            "x's 'S '\\u017F"; "x|'s| '|S| '|\\u017F"
            "x'S y'\\u017F z'LL"; "x|'S| y|'\\u017F| z|'LL"
            "\\uD83D\\uDC4D\\uD83C\\uDFFD"; "\\uD83D\\uDC4D\\uD83C\\uDFFD"
            "\\u01C5ungla"; "\\u01C5ungla"
            "\\u02B0a\\u02B0B"; "\\u02B0a\\u02B0B"
            "1234567"; "123|456|7"
            "a1234567b"; "a|123|456|7|b"
            "\\u0663\\u0664\\u0665\\u0666"; "\\u0663\\u0664\\u0665|\\u0666"
            "\\u216B\\u216B"; "\\u216B\\u216B"
            "a  b"; "a| | b"
            "a   \\n\\n  b"; "a|   \\n\\n| | b"
            "a\\r\\nb"; "a|\\r\\n|b"
            "a \\r\\n b"; "a| \\r\\n| b"
            "end   "; "end|   "
            "\\t\\tx"; "\\t|\\tx"
            "x\\u00A0y"; "x|\\u00A0y"
            "x\\u3000y"; "x|\\u3000y"
            "\\u00A0\\u00A0x"; "\\u00A0|\\u00A0x"
            "\\uD83D\\uDE00\\uD83D\\uDE00!"; "\\uD83D\\uDE00\\uD83D\\uDE00!"
            "\\uD83D\\uDC68\\u200D\\uD83D\\uDC69 hi"; "\\uD83D\\uDC68\\u200D\\uD83D\\uDC69| hi"
            "caf\\u00E9 na\\u00EFve"; "caf\\u00E9| na\\u00EFve"
            "\\u4E2D\\u6587abc"; "\\u4E2D\\u6587abc"
            "HTMLParser"; "HTMLParser"
            "McDonald's"; "McDonald|'s"
            "\\u0301ABC"; "\\u0301ABC"
            "don't STOP's"; "don|'t| STOP|'s"
            "a/b//c\\n"; "a|/b|//|c|\\n"
            "!\\n\\n"; "!\\n\\n"
            "'ll've"; "'ll|'ve"
            "\\u0915\\u094D\\u0937\\u093F"; "\\u0915|\\u094D\\u0937|\\u093F"
            """)
    void cl100k(String text, String pieces) {
        assertPieces(SplitPattern.CL100K, text, pieces);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hello world"; "Hello| world"
            "I'm here, aren't you?"; "I'm| here|,| aren't| you|?"
            "HE'S SHE'S"; "HE'S| SHE'S"
            "he\\u2019s"; "he|\\u2019s"
            "x's 'S '\\u017F"; "x's| '|S| '|\\u017F"
            "x'S y'\\u017F z'LL"; "x'S| y'\\u017F| z'LL"
            "\\uD83D\\uDC4D\\uD83C\\uDFFD"; "\\uD83D\\uDC4D\\uD83C\\uDFFD"
            "\\u01C5ungla"; "\\u01C5ungla"
            "\\u02B0a\\u02B0B"; "\\u02B0a\\u02B0|B"
            "1234567"; "123|456|7"
            "a1234567b"; "a|123|456|7|b"
            "\\u0663\\u0664\\u0665\\u0666"; "\\u0663\\u0664\\u0665|\\u0666"
            "\\u216B\\u216B"; "\\u216B\\u216B"
            "a  b"; "a| | b"
            "a   \\n\\n  b"; "a|   \\n\\n| | b"
            "a\\r\\nb"; "a|\\r\\n|b"
            "a \\r\\n b"; "a| \\r\\n| b"
            "end   "; "end|   "
            "\\t\\tx"; "\\t|\\tx"
            "x\\u00A0y"; "x|\\u00A0y"
            "x\\u3000y"; "x|\\u3000y"
            "\\u00A0\\u00A0x"; "\\u00A0|\\u00A0x"
            "\\uD83D\\uDE00\\uD83D\\uDE00!"; "\\uD83D\\uDE00\\uD83D\\uDE00!"
            "\\uD83D\\uDC68\\u200D\\uD83D\\uDC69 hi"; "\\uD83D\\uDC68\\u200D\\uD83D\\uDC69| hi"
            "caf\\u00E9 na\\u00EFve"; "caf\\u00E9| na\\u00EFve"
            "\\u4E2D\\u6587abc"; "\\u4E2D\\u6587abc"
            "HTMLParser"; "HTMLParser"
            "McDonald's"; "Mc|Donald's"
            "\\u0301ABC"; "\\u0301|ABC"
            "don't STOP's"; "don't| STOP's"
            "a/b//c\\n"; "a|/b|//|c|\\n"
            "!\\n\\n"; "!\\n\\n"
            "'ll've"; "'ll've"
            "\\u0915\\u094D\\u0937\\u093F"; "\\u0915\\u094D\\u0937\\u093F"
            """)
    void o200k(String text, String pieces) {
        assertPieces(SplitPattern.O200K, text, pieces);
    }

    @Test
    void tenThousandSpacesGiveTheLastOneToTheNextWord() {
        String spaces = " ".repeat(10_000);
        for (SplitPattern p : SplitPattern.values()) {
            assertEquals(List.of("x", " ".repeat(9_999), " y"),
                    SplitPatternEquivalenceTest.scannerPieces(p, "x" + spaces + "y", 0, 10_002), p.name());
            assertEquals(List.of(spaces), SplitPatternEquivalenceTest.scannerPieces(p, spaces, 0, 10_000), p.name());
        }
    }

    @Test
    void longDigitRuns() {
        String digits = "9".repeat(10);
        assertEquals(List.of(digits), SplitPatternEquivalenceTest.scannerPieces(SplitPattern.GPT2, digits, 0, 10));
        for (SplitPattern p : List.of(SplitPattern.CL100K, SplitPattern.O200K)) {
            assertEquals(List.of("999", "999", "999", "9"), SplitPatternEquivalenceTest.scannerPieces(p, digits, 0, 10));
        }
    }

    @Test
    void emptyRangeGivesNoPieces() {
        for (SplitPattern p : SplitPattern.values()) {
            Spans out = new Spans();
            p.split("abc", 1, 1, out);
            assertEquals(0, out.size());
        }
    }

    @Test
    void recognizesReferenceAndTiktokenSpellings() {
        for (SplitPattern p : SplitPattern.values()) {
            assertEquals(Optional.of(p), SplitPattern.forRegex(p.regex()));
        }
        assertEquals(Optional.of(SplitPattern.GPT2), SplitPattern.forRegex(
                "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+"));
        assertEquals(Optional.empty(), SplitPattern.forRegex("\\w+"));
    }
}
