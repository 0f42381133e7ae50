package io.subword;

import io.subword.post.BertProcessing;
import io.subword.post.PostProcessor;
import io.subword.post.RobertaProcessing;
import io.subword.post.TemplateProcessing;
import io.subword.post.Truncation;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The one-step frame around one text ({@link SingleTextFrame}) gives what the post-processor's general path
 * gives. The general path is forced by a truncation too long to cut anything. BERT uncased ids: [CLS] 101,
 * [SEP] 102, hello 7592, world 2088, [UNK] 100.
 */
class SingleTextFrameTest {
    private static Tokenizer bert;

    @BeforeAll
    static void load() throws Exception {
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = ';', value = {
            // post-processor (template for single text); text; expected ids with special tokens
            "bert;                   Hello world;     101 7592 2088 102",
            "template [CLS] $A [SEP]; Hello world;    101 7592 2088 102",
            "template [CLS] $A:1 [SEP]:1; Hello world; 101 7592 2088 102",
            "template $A [SEP] [SEP]; Hello, world!;  7592 1010 2088 999 102 102",
            "template [CLS] [CLS] $A; naïve [SEP] x;  101 101 15743 102 1060",
            "template $A;             hello;          7592",
            "bert;                    '';             101 102",
            "template [CLS] $A [SEP]; '  ';           101 102",
    })
    void framedEqualsTheGeneralPath(String post, String text, String expectedIds) {
        PostProcessor processor = post.equals("bert") ? BertProcessing.standard()
                : TemplateProcessing.of(post.substring("template ".length()), "[CLS] $A [SEP] $B:1 [SEP]:1",
                        Map.of("[CLS]", 101, "[SEP]", 102));
        Tokenizer framed = bert.toBuilder().postProcessor(processor).build();
        Tokenizer general = framed.withTruncation(Truncation.of(1_000_000));
        for (boolean special : new boolean[] {true, false}) {
            Encoding expected = general.encode(text, special);
            Encoding actual = framed.encode(text, special);
            assertSame(expected, actual);
            assertSame(expected, framed.encodeBatch(java.util.List.of(text, text), special).get(1));
        }
        int[] ids = Arrays.stream(expectedIds.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(ids, framed.encode(text).ids());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bert, true", "template, true", "roberta, false", "none, false"})
    void onlyPositionalPostProcessorsHaveAFrame(String post, boolean framed) {
        PostProcessor processor = switch (post) {
            case "bert" -> BertProcessing.standard();
            case "template" -> TemplateProcessing.bert(101, 102);
            case "roberta" -> new RobertaProcessing("[SEP]", 102, "[CLS]", 101, true, true);
            default -> null;
        };
        SingleTextFrame frame = SingleTextFrame.of(processor, bert.vocabulary(), true);
        if (framed) {
            assertNotNull(frame);
        } else {
            assertNull(frame);
        }
    }

    private static void assertSame(Encoding expected, Encoding actual) {
        assertArrayEquals(expected.ids(), actual.ids(), "ids");
        assertArrayEquals(expected.typeIds(), actual.typeIds(), "type ids");
        assertArrayEquals(expected.offsets().starts(), actual.offsets().starts(), "starts");
        assertArrayEquals(expected.offsets().ends(), actual.offsets().ends(), "ends");
        assertArrayEquals(expected.wordIds(), actual.wordIds(), "word ids");
        assertArrayEquals(expected.sequenceIds(), actual.sequenceIds(), "sequence ids");
        assertArrayEquals(expected.specialTokensMask(), actual.specialTokensMask(), "special mask");
        assertArrayEquals(expected.attentionMask(), actual.attentionMask(), "attention");
        assertEquals(expected.text(0), actual.text(0));
        assertEquals(expected.text(1), actual.text(1));
        assertEquals(expected.tokens(), actual.tokens());
    }
}
