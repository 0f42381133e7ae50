package io.subword.pretokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.subword.normalize.BertNormalizer;
import io.subword.normalize.NormalizedText;
import io.subword.normalize.TestText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected words are what Hugging Face tokenizers 0.21 gives (offsets here in UTF-16 units). */
class BertPreTokenizerTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        Hey friend!     How are you?!?  | Hey@0-3 friend@4-10 !@10-11 How@16-19 are@20-23 you@24-27 ?@27-28 !@28-29 ?@29-30
        ¿Qué tal?                       | ¿@0-1 Qué@1-4 tal@5-8 ?@8-9
        «Bonjour», dit-il.              | «@0-1 Bonjour@1-8 »@8-9 ,@9-10 dit@11-14 -@14-15 il@15-17 .@17-18
        東京、大阪。                     | 東京@0-2 、@2-3 大阪@3-5 。@5-6
        $5+3=8 ~ok^                      | $@0-1 5@1-2 +@2-3 3@3-4 =@4-5 8@5-6 ~@7-8 ok@8-10 ^@10-11
        don't                           | don@0-3 '@3-4 t@4-5
        a😀b 👍🏻!                       | a😀b@0-4 👍🏻@5-9 !@9-10
        x\\u{A0}y\\u{3000}z\\u{2028}w\\u{85}v | x@0-1 y@2-3 z@4-5 w@6-7 v@8-9
        "  "                            | ""
        a\\u{166D}b\\u{2014}c             | a@0-1 \\u{166D}@1-2 b@2-3 \\u{2014}@3-4 c@4-5
        """)
    void splits(String input, String expected) {
        assertEquals(TestText.unescape(expected), SpansFormat.split(BertPreTokenizer.INSTANCE, TestText.unescape(input)));
    }

    @Test
    void splitsOnlyTheGivenRange() {
        assertEquals("b@2-3 ,@3-4 c@4-5", SpansFormat.split(new BertPreTokenizer(), "a b,c d", 2, 5));
        assertEquals("bc@2-4", SpansFormat.split(BertPreTokenizer.INSTANCE, "a bcd", 2, 4));
    }

    /** A String is split in place; any other CharSequence through a copy of the range, with the same spans. */
    @ParameterizedTest(name = "{0} [{1}, {2})")
    @CsvSource(delimiter = '|', textBlock = """
        a b,c d           | 2 | 5  | b@2-3 ,@3-4 c@4-5
        xx Hey friend! yy | 3 | 14 | Hey@3-6 friend@7-13 !@13-14
        xx Hey friend! yy | 4 | 10 | ey@4-6 fri@7-10
        a😀b 👍🏻!         | 1 | 10 | 😀b@1-4 👍🏻@5-9 !@9-10
        """)
    void anyCharSequenceGivesTheSpansOfItsString(String text, int from, int to, String expected) {
        assertEquals(expected, SpansFormat.split(BertPreTokenizer.INSTANCE, text, from, to));
        Spans spans = new Spans();
        BertPreTokenizer.INSTANCE.split(new StringBuilder(text), from, to, spans);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            sb.append(i > 0 ? " " : "").append(text, spans.start(i), spans.end(i)).append('@')
                    .append(spans.start(i)).append('-').append(spans.end(i));
        }
        assertEquals(expected, sb.toString());
    }

    @Test
    void afterTheBertNormalizerEveryIdeographIsAWord() {
        NormalizedText n = BertNormalizer.uncased().normalize(NormalizedText.of("野口里佳 Noguchi Rika"));
        Spans spans = new Spans();
        BertPreTokenizer.INSTANCE.split(n.text(), 0, n.length(), spans);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            int s = spans.start(i);
            int e = spans.end(i);
            sb.append(n.text(), s, e).append('@').append(n.originalStart(s)).append('-').append(n.originalEnd(e - 1))
                    .append(' ');
        }
        assertEquals("野@0-1 口@1-2 里@2-3 佳@3-4 noguchi@5-12 rika@13-17 ", sb.toString());
    }
}
