package io.subword.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.subword.normalize.TestText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected words are what Hugging Face tokenizers 0.21 gives (offsets here in UTF-16 units). */
class WhitespaceTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        Hey man!                | Hey@0-3 man@4-7 !@7-8
        How are you doing?      | How@0-3 are@4-7 you@8-11 doing@12-17 ?@17-18
        \\n                      | ""
        don't                   | don@0-3 '@3-4 t@4-5
        a_b-c x+=1;             | a_b@0-3 -@3-4 c@4-5 x@6-7 +=@7-9 1@9-10 ;@10-11
        naïve cafe\\u{301}       | naïve@0-5 cafe\\u{301}@6-11
        ١٢٣ 東京               | ١٢٣@0-3 東京@4-6
        😀😀 ok?!               | 😀😀@0-4 ok@5-7 ?!@7-9
        a\\u{200D}b \\u{A0}c     | a\\u{200D}b@0-3 c@5-6
        ¿Qué?«tal»              | ¿@0-1 Qué@1-4 ?«@4-6 tal@6-9 »@9-10
        """)
    void whitespace(String input, String expected) {
        assertEquals(TestText.unescape(expected), SpansFormat.split(Whitespace.INSTANCE, TestText.unescape(input)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        Hey man!                | Hey@0-3 man!@4-8
        Hey, man, Good?         | Hey,@0-4 man,@5-9 Good?@10-15
        a\\u{A0}b\\u{3000}c\\tdd  | a@0-1 b@2-3 c@4-5 dd@6-8
        " 😀 x "                | 😀@1-3 x@4-5
        \\u{85}\\u{2028}         | ""
        """)
    void whitespaceSplit(String input, String expected) {
        assertEquals(TestText.unescape(expected), SpansFormat.split(WhitespaceSplit.INSTANCE, TestText.unescape(input)));
    }
}
