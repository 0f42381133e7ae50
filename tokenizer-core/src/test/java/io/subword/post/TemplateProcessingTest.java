package io.subword.post;

import io.subword.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.subword.post.PostTestSupport.describe;
import static io.subword.post.PostTestSupport.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplateProcessingTest {
    @ParameterizedTest
    @CsvSource({
            "$, $A:0",
            "$A, $A:0",
            "$a, $A:0",
            "$B, $B:0",
            "$b:1, $B:1",
            "$1, $A:1",
            "$:1, $A:1",
            "$1:2, $A:2",
            "$B:2, $B:2",
            "[CLS], [CLS]:0",
            "[SEP]:1, [SEP]:1",
            "</s>:7, </s>:7",
    })
    void parsesPieces(String piece, String expected) {
        assertEquals(expected, TemplateProcessing.Piece.parse(piece).toString());
    }

    @ParameterizedTest
    @CsvSource({"$C:1", "$A:", "a:b:c", "$x", "[CLS]:-1", "$A:1x"})
    void rejectsPieces(String piece) {
        var e = assertThrows(IllegalArgumentException.class, () -> TemplateProcessing.Piece.parse(piece));
        assertEquals("Cannot build Piece from string \"" + piece + "\"", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # single          | pair                     | message
            $0                | $0 $1                    | Template for `pair` must use both sequences
            $A                | $A $B [X]                | Missing SpecialToken(s) with id(s) `[X]`
            [Y] $A            | $A $B [X]                | Missing SpecialToken(s) with id(s) `[Y], [X]`
            $B                | $A $B                    | Template for `single` cannot use $B
            """)
    void validatesTemplates(String single, String pair, String message) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TemplateProcessing.of(single, pair, Map.of("[CLS]", 1)));
        assertEquals(message, e.getMessage());
    }

    /** RoBERTa-like and multi-id special tokens, with type ids taken from the template. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # single          | pair                               | first | second | added | expected
            <s> $A </s>       | <s> $A </s> </s> $B </s>           | hello | -      | 2     | <s>/0/1/-1 hello/0/0/0 </s>/0/1/-1
            <s> $A </s>       | <s> $A </s> </s> $B </s>           | hello | pair   | 4     | <s>/0/1/-1 hello/0/0/0 </s>/0/1/-1 </s>/0/1/-1 pair/0/0/1 </s>/0/1/-1
            $A:1 </s>:2       | $B:0 <s> $A:3                      | hello | pair   | 1     | pair/0/0/1 <s>/0/1/-1 hello/3/0/0
            [2] $A            | $A:0 [2]:1 $B:1                    | hello | -      | 2     | [CLS]/0/1/-1 [SEP]/0/1/-1 hello/0/0/0
            [2] $A            | $A:0 [2]:1 $B:1                    | hello | pair   | 2     | hello/0/0/0 [CLS]/1/1/-1 [SEP]/1/1/-1 pair/1/0/1
            """)
    void appliesTemplates(String single, String pair, String first, String second, int added, String expected) {
        var specials = Map.of(
                "<s>", TemplateProcessing.SpecialToken.of("<s>", 10),
                "</s>", TemplateProcessing.SpecialToken.of("</s>", 11),
                "[2]", new TemplateProcessing.SpecialToken("[2]", new int[] {1, 2}, List.of("[CLS]", "[SEP]")));
        var t = new TemplateProcessing(TemplateProcessing.parseTemplate(single),
                TemplateProcessing.parseTemplate(pair), specials);
        Encoding e = t.process(enc(first), second == null ? null : enc(second), true);
        assertEquals(expected, describe(e));
        assertEquals(added, t.addedTokens(second != null));
    }

    @Test
    void specialTokenNeedsOneTokenPerId() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TemplateProcessing.SpecialToken("[2FR]", new int[] {1, 2}, List.of("a", "b", "c")));
        assertEquals("special token [2FR]: 2 ids but 3 tokens; they must be of the same length", e.getMessage());
    }
}
