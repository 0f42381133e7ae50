package io.subword.post;

import io.subword.AddedToken;
import io.subword.Encoding;
import io.subword.Tokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.subword.post.PostTestSupport.describe;
import static io.subword.post.PostTestSupport.enc;
import static io.subword.post.PostTestSupport.offsets;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** BertProcessing and BERT's TemplateProcessing give the same encodings, as in Hugging Face. */
class PostProcessorTest {
    static PostProcessor processor(String name) {
        return switch (name) {
            case "bert" -> new BertProcessing("[SEP]", 2, "[CLS]", 1);
            case "template" -> TemplateProcessing.bert(1, 2);
            case "template-strings" -> new TemplateProcessing(
                    TemplateProcessing.parseTemplate("[CLS]:0 $0 [SEP]"),
                    TemplateProcessing.parseTemplate("[CLS] $A:0 [SEP]:0 $B:1 [SEP]:1"),
                    Map.of("[CLS]", TemplateProcessing.SpecialToken.of("[CLS]", 1),
                            "[SEP]", TemplateProcessing.SpecialToken.of("[SEP]", 2)));
            case "sequence" -> new SequenceProcessing(List.of(new BertProcessing("[SEP]", 2, "[CLS]", 1)));
            default -> throw new AssertionError(name);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # processor      | first       | second    | special | tokens/type/special/sequence                                           | offsets
            bert             | hello there | -         | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1                      | 0-0 0-5 6-11 0-0
            template         | hello there | -         | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1                      | 0-0 0-5 6-11 0-0
            template-strings | hello there | -         | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1                      | 0-0 0-5 6-11 0-0
            sequence         | hello there | -         | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1                      | 0-0 0-5 6-11 0-0
            bert             | hello there | pair      | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1 pair/1/0/1 [SEP]/1/1/-1 | 0-0 0-5 6-11 0-0 0-4 0-0
            template         | hello there | pair      | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1 pair/1/0/1 [SEP]/1/1/-1 | 0-0 0-5 6-11 0-0 0-4 0-0
            template-strings | hello there | pair      | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1 pair/1/0/1 [SEP]/1/1/-1 | 0-0 0-5 6-11 0-0 0-4 0-0
            sequence         | hello there | pair      | true    | [CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1 pair/1/0/1 [SEP]/1/1/-1 | 0-0 0-5 6-11 0-0 0-4 0-0
            bert             | hello there | pair with | false   | hello/0/0/0 there/0/0/0 pair/1/0/1 with/1/0/1                          | 0-5 6-11 0-4 5-9
            template         | hello there | pair with | false   | hello/0/0/0 there/0/0/0 pair/1/0/1 with/1/0/1                          | 0-5 6-11 0-4 5-9
            bert             | hello       | -         | false   | hello/0/0/0                                                            | 0-5
            template         | hello       | -         | false   | hello/0/0/0                                                            | 0-5
            bert             | ''          | ''        | true    | [CLS]/0/1/-1 [SEP]/0/1/-1 [SEP]/1/1/-1                                 | 0-0 0-0 0-0
            template         | ''          | ''        | true    | [CLS]/0/1/-1 [SEP]/0/1/-1 [SEP]/1/1/-1                                 | 0-0 0-0 0-0
            """)
    void processesSingleAndPair(String name, String first, String second, boolean special, String expected,
                                String expectedOffsets) {
        PostProcessor p = processor(name);
        Encoding e = p.process(enc(first), second == null ? null : enc(second), special);
        assertEquals(expected, describe(e));
        assertEquals(expectedOffsets, offsets(e));
        assertEquals(second == null ? 2 : 3, p.addedTokens(second != null));
    }

    /**
     * Hugging Face's template_processing_overflowing case: "hello there" overflows "you", "pair with"
     * overflows "info". The overflowing parts are each part with the other text and with its parts; the
     * second text's parts keep type id 1.
     */
    @ParameterizedTest
    @CsvSource({"bert", "template", "sequence"})
    void pairsOverflowingPartsAsHuggingFace(String name) {
        Encoding a = enc("hello there you");
        a = a.slice(0, 2).withOverflowing(List.of(a.slice(2, 3)));
        Encoding b = enc("pair with info");
        b = b.slice(0, 2).withOverflowing(List.of(b.slice(2, 3)));
        Encoding e = processor(name).process(a, b, true);
        assertEquals("[CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1 pair/1/0/1 with/1/0/1 [SEP]/1/1/-1",
                describe(e));
        List<Encoding> over = e.overflowing();
        assertEquals(3, over.size());
        assertEquals("[CLS]/0/1/-1 you/0/0/0 [SEP]/0/1/-1 pair/1/0/1 with/1/0/1 [SEP]/1/1/-1", describe(over.get(0)));
        assertEquals("0-0 12-15 0-0 0-4 5-9 0-0", offsets(over.get(0)));
        assertEquals("[CLS]/0/1/-1 you/0/0/0 [SEP]/0/1/-1 info/1/0/1 [SEP]/1/1/-1", describe(over.get(1)));
        assertEquals("[CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1 info/1/0/1 [SEP]/1/1/-1",
                describe(over.get(2)));
        assertEquals("0-0 0-5 6-11 0-0 10-14 0-0", offsets(over.get(2)));
    }

    @ParameterizedTest
    @CsvSource({"bert", "template"})
    void wrapsEachOverflowingPartOfOneText(String name) {
        Encoding a = enc("hello there you");
        a = a.slice(0, 2).withOverflowing(List.of(a.slice(1, 3)));
        Encoding e = processor(name).process(a, null, true);
        assertEquals("[CLS]/0/1/-1 hello/0/0/0 there/0/0/0 [SEP]/0/1/-1", describe(e));
        assertEquals(1, e.overflowing().size());
        assertEquals("[CLS]/0/1/-1 there/0/0/0 you/0/0/0 [SEP]/0/1/-1", describe(e.overflowing().get(0)));
    }

    /**
     * Through the tokenizer: truncation leaves room for the special tokens the processor adds, counts an
     * added token found in the text as a text token, and the overflowing parts get their own specials.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # processor | max | stride | strategy     | first                 | second         | main                                        | overflowing (;-separated)
            bert        | 5   | 0      | LONGEST_FIRST | hello there you       | -              | [CLS] hello there you [SEP]                 | -
            template    | 4   | 0      | LONGEST_FIRST | hello there you       | -              | [CLS] hello there [SEP]                     | [CLS] you [SEP]
            bert        | 4   | 1      | LONGEST_FIRST | hello there you info  | -              | [CLS] hello there [SEP]                     | [CLS] there you [SEP]; [CLS] you info [SEP]
            template    | 4   | 0      | LONGEST_FIRST | hello [SEP] you       | -              | [CLS] hello [SEP] [SEP]                     | [CLS] you [SEP]
            bert        | 6   | 0      | LONGEST_FIRST | hello there you       | pair with      | [CLS] hello there [SEP] pair [SEP]          | [CLS] you [SEP] pair [SEP]; [CLS] you [SEP] with [SEP]; [CLS] hello there [SEP] with [SEP]
            template    | 6   | 0      | ONLY_SECOND   | hello                 | pair with info | [CLS] hello [SEP] pair with [SEP]           | [CLS] hello [SEP] info [SEP]
            bert        | 6   | 0      | ONLY_FIRST    | hello there you       | pair           | [CLS] hello there [SEP] pair [SEP]          | [CLS] you [SEP] pair [SEP]
            """)
    void truncatesWithRoomForSpecialTokens(String name, int max, int stride, Truncation.Strategy strategy,
                                           String first, String second, String main, String overflowing) {
        Tokenizer tok = Tokenizer.builder(new PostTestSupport.WordModel())
                .addToken(AddedToken.special("[SEP]", 2))
                .addToken(AddedToken.special("[CLS]", 1))
                .postProcessor(processor(name))
                .truncation(new Truncation(max, strategy, stride, Truncation.Direction.RIGHT))
                .build();
        Encoding e = tok.encode(first, second, true);
        assertEquals(main, PostTestSupport.tokens(e));
        assertEquals(overflowing == null ? List.of() : List.of(overflowing.split("; ")),
                e.overflowing().stream().map(PostTestSupport::tokens).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # strategy    | multiple | left  | texts (;)               | expected ids (;)
            BATCH_LONGEST | 0        | false | hello;hello there you  | 1 3 2 0 0;1 3 4 5 2
            BATCH_LONGEST | 0        | true  | hello;hello there you  | 0 0 1 3 2;1 3 4 5 2
            BATCH_LONGEST | 4        | false | hello;hello there you  | 1 3 2 0 0 0 0 0;1 3 4 5 2 0 0 0
            FIXED         | 0        | false | hello;hello there you  | 1 3 2 0 0 0;1 3 4 5 2 0
            FIXED         | 4        | true  | hello;hello there you  | 0 0 0 0 0 1 3 2;0 0 0 1 3 4 5 2
            FIXED         | 0        | false | hello there you there you | 1 3 4 5 4 5 2
            """)
    void padsAfterPostProcessing(Padding.Strategy strategy, int multiple, boolean left, String texts,
                                 String expected) {
        Tokenizer tok = Tokenizer.builder(new PostTestSupport.WordModel())
                .postProcessor(processor("bert"))
                .padding(new Padding(strategy, strategy == Padding.Strategy.FIXED ? 6 : 0,
                        left ? Padding.Direction.LEFT : Padding.Direction.RIGHT, multiple, 0, 0, "[PAD]"))
                .build();
        List<Encoding> batch = tok.encodeBatch(List.of(texts.split(";")));
        assertEquals(List.of(expected.split(";")), batch.stream().map(e -> PostTestSupport.ints(e.ids())).toList());
        for (Encoding e : batch) {
            int[] ids = e.ids();
            int[] attention = e.attentionMask();
            int[] special = e.specialTokensMask();
            for (int i = 0; i < ids.length; i++) {
                boolean pad = ids[i] == 0;
                assertEquals(pad ? 0 : 1, attention[i], "attention at " + i);
                assertEquals(pad || ids[i] == 1 || ids[i] == 2 ? 1 : 0, special[i], "special at " + i);
            }
        }
    }
}
