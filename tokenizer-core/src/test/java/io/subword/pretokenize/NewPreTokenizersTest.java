package io.subword.pretokenize;

import io.subword.decode.CtcDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pre-tokenizers and the decoder of issue 14 as tables of examples ({@code word@start-end}). UnicodeScripts
 * and CharDelimiterSplit are also checked against Hugging Face ({@code PreTokenizerDecoderParityTest});
 * FixedLength came after the reference's version, so its expected splits follow Hugging Face's source.
 */
class NewPreTokenizersTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            5; "abcdefghijkl";          "abcde@0-5 fghij@5-10 kl@10-12"
            3; "abc";                   "abc@0-3"
            3; "";                      ""
            1; "a b";                   "a@0-1  @1-2 b@2-3"
            2; "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"; "\uD83D\uDE00\uD83D\uDE00@0-4 \uD83D\uDE00@4-6"
            2; "a\uD83D\uDE00b";        "a\uD83D\uDE00@0-3 b@3-4"
            """)
    void fixedLengthCutsEveryLengthCodePoints(int length, String text, String expected) {
        assertEquals(expected, SpansFormat.split(new FixedLength(length), text));
    }

    @Test
    void fixedLengthNeedsAPositiveLength() {
        assertThrows(IllegalArgumentException.class, () -> new FixedLength(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hello World";              "Hello World@0-11"
            "  Hello";                  "Hello@2-7"
            "abc日本語";                 "abc@0-3 日本語@3-6"
            "ひらがなカタカナ漢字ー";       "ひらがなカタカナ漢字ー@0-11"
            "a1,b";                     "a@0-1 1,@1-3 b@3-4"
            "Русский text";             "Русский @0-8 text@8-12"
            "   ";                      ""
            "\uD835\uDC00x";            "\uD835\uDC00@0-2 x@2-3"
            """)
    void unicodeScriptsSplitsWhereTheScriptChanges(String text, String expected) {
        assertEquals(expected, SpansFormat.split(UnicodeScripts.INSTANCE, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "|";                "a|b||c|";          "a@0-1 b@2-3 c@5-6"
            "|";                "|||";              ""
            " ";                " hello  world ";   "hello@1-6 world@8-13"
            "\uD83D\uDE00";     "x\uD83D\uDE00y";   "x@0-1 y@3-4"
            """)
    void charDelimiterSplitRemovesTheDelimiter(String delimiter, String text, String expected) {
        assertEquals(expected, SpansFormat.split(new CharDelimiterSplit(delimiter.codePointAt(0)), text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "<pad> h h e <pad> l l <pad> l o | w o r l d";  true;  "hello world"
            "h e | | ' s";                                   true;  "he 's"
            "h e | | ' s";                                   false; "he|'s"
            "<pad> <pad>";                                   true;  ""
            "a . | b ?";                                     true;  "a. b?"
            """)
    void ctcCollapsesRunsDropsPadAndCleansUp(String tokens, boolean cleanup, String expected) {
        List<String> list = Arrays.asList(tokens.split(" "));
        assertEquals(expected, new CtcDecoder("<pad>", "|", cleanup).decode(list));
    }
}
