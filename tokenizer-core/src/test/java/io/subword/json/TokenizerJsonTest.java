package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenizerJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path NAME = Path.of("tokenizer.json");

    /** A small BERT-like tokenizer.json; {@code %s} pairs replace top-level keys. */
    static final String BASE = """
            {
              "version": "1.0",
              "truncation": null,
              "padding": null,
              "added_tokens": [
                {"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 1, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 2, "content": "[CLS]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 3, "content": "[SEP]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
              ],
              "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
              "pre_tokenizer": {"type": "BertPreTokenizer"},
              "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
              "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
              "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100,
                        "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "hello": 4, "world": 5, "##s": 6, "!": 7}}
            }""";

    /** BASE with {@code key} set to the JSON {@code value} (or removed when {@code value} is null). */
    static String with(String key, String value) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
            if (value == null) {
                root.remove(key);
            } else {
                root.set(key, MAPPER.readTree(value));
            }
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each component survives parse -> toJson -> parse; the written form is Hugging Face's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # key           | input                                                                                                                   | written (= same)
            normalizer      | {"type":"BertNormalizer","clean_text":false,"handle_chinese_chars":true,"strip_accents":false,"lowercase":false}          | =
            normalizer      | {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":false,"strip_accents":true,"lowercase":true}            | =
            normalizer      | {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":false,"lowercase":true}                                 | {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":false,"strip_accents":null,"lowercase":true}
            normalizer      | {"type":"Sequence","normalizers":[{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":false}]} | =
            normalizer      | null                                                                                                                    | =
            pre_tokenizer   | {"type":"BertPreTokenizer"}                                                                                             | =
            pre_tokenizer   | {"type":"Whitespace"}                                                                                                   | =
            pre_tokenizer   | {"type":"WhitespaceSplit"}                                                                                              | =
            pre_tokenizer   | {"type":"Sequence","pretokenizers":[{"type":"WhitespaceSplit"},{"type":"BertPreTokenizer"}]}                           | =
            pre_tokenizer   | null                                                                                                                    | =
            post_processor  | {"type":"BertProcessing","sep":["[SEP]",3],"cls":["[CLS]",2]}                                                          | =
            post_processor  | {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}}],"pair":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}},{"Sequence":{"id":"B","type_id":1}},{"SpecialToken":{"id":"[SEP]","type_id":1}}],"special_tokens":{"[CLS]":{"id":"[CLS]","ids":[2],"tokens":["[CLS]"]},"[SEP]":{"id":"[SEP]","ids":[3],"tokens":["[SEP]"]}}} | =
            post_processor  | {"type":"TemplateProcessing","single":"[CLS] $0 [SEP]","pair":["$A","[SEP]:1","$B:1"],"special_tokens":{"[SEP]":{"id":"[SEP]","ids":[3],"tokens":["[SEP]"]},"[CLS]":{"id":"[CLS]","ids":[2],"tokens":["[CLS]"]}}} | {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}}],"pair":[{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":1}},{"Sequence":{"id":"B","type_id":1}}],"special_tokens":{"[CLS]":{"id":"[CLS]","ids":[2],"tokens":["[CLS]"]},"[SEP]":{"id":"[SEP]","ids":[3],"tokens":["[SEP]"]}}}
            post_processor  | {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"[2]","type_id":0}},{"Sequence":{"id":"A","type_id":0}}],"pair":[{"Sequence":{"id":"A","type_id":0}},{"Sequence":{"id":"B","type_id":1}}],"special_tokens":{"[2]":{"id":"[2]","ids":[2,3],"tokens":["[CLS]","[SEP]"]}}} | =
            post_processor  | {"type":"Sequence","processors":[{"type":"BertProcessing","sep":["[SEP]",3],"cls":["[CLS]",2]}]}                      | =
            post_processor  | null                                                                                                                    | =
            decoder         | {"type":"WordPiece","prefix":"##","cleanup":false}                                                                      | =
            decoder         | null                                                                                                                    | =
            truncation      | {"direction":"Right","max_length":128,"strategy":"LongestFirst","stride":0}                                             | =
            truncation      | {"direction":"Left","max_length":16,"strategy":"OnlySecond","stride":2}                                                 | =
            truncation      | {"max_length":16,"strategy":"OnlyFirst","stride":0}                                                                     | {"direction":"Right","max_length":16,"strategy":"OnlyFirst","stride":0}
            padding         | {"strategy":{"Fixed":128},"direction":"Right","pad_to_multiple_of":null,"pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"} | =
            padding         | {"strategy":"BatchLongest","direction":"Left","pad_to_multiple_of":8,"pad_id":0,"pad_type_id":1,"pad_token":"[PAD]"}    | =
            padding         | {"strategy":"BatchLongest","direction":"Right","pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"}                         | {"strategy":"BatchLongest","direction":"Right","pad_to_multiple_of":null,"pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"}
            added_tokens    | [{"id":8,"content":"<x>","single_word":true,"lstrip":true,"rstrip":false,"normalized":true,"special":false},{"id":1,"content":"[UNK]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}] | [{"id":1,"content":"[UNK]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},{"id":8,"content":"<x>","single_word":true,"lstrip":true,"rstrip":false,"normalized":true,"special":false}]
            added_tokens    | [{"id":9,"content":"[MASK]","special":true}]                                                                           | [{"id":8,"content":"[MASK]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}]
            added_tokens    | [{"id":99,"content":"hello","single_word":false,"lstrip":false,"rstrip":false,"normalized":true,"special":false}]      | [{"id":4,"content":"hello","single_word":false,"lstrip":false,"rstrip":false,"normalized":true,"special":false}]
            model           | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"@@","max_input_chars_per_word":5,"vocab":{"[UNK]":0,"b":2,"a":1,"@@c":3}} | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"@@","max_input_chars_per_word":5,"vocab":{"[UNK]":0,"a":1,"b":2,"@@c":3}}
            model           | {"unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{"[UNK]":1,"[PAD]":0}}   | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{"[PAD]":0,"[UNK]":1}}
            """)
    void roundTripsEachComponent(String key, String input, String written) throws Exception {
        String expected = written.equals("=") ? input : written;
        // a model of its own needs added tokens of its own: none
        String doc = key.equals("model") ? withIn(with("added_tokens", "[]"), key, input) : with(key, input);
        Tokenizer t = TokenizerJson.parse(doc, NAME);
        String json = TokenizerJson.toJson(t);
        JsonNode tree = MAPPER.readTree(json);
        assertEquals(MAPPER.readTree(expected), tree.get(key), json);
        // and again: what we write reads back to the same
        assertEquals(json, TokenizerJson.toJson(TokenizerJson.parse(json, NAME)));
    }

    private static String withIn(String doc, String key, String value) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(doc);
        root.set(key, MAPPER.readTree(value));
        return MAPPER.writeValueAsString(root);
    }

    @Test
    void writesHuggingFaceKeyOrderAndFormat() throws Exception {
        String json = TokenizerJson.toJson(TokenizerJson.parse(BASE, NAME));
        var keys = new java.util.ArrayList<String>();
        MAPPER.readTree(json).fieldNames().forEachRemaining(keys::add);
        assertEquals(java.util.List.of("version", "truncation", "padding", "added_tokens", "normalizer",
                "pre_tokenizer", "post_processor", "decoder", "model"), keys);
        String expectedStart = """
                {
                  "version": "1.0",
                  "truncation": null,
                  "padding": null,
                  "added_tokens": [
                    {
                      "id": 0,
                      "content": "[PAD]",
                      "single_word": false,""";
        assertEquals(expectedStart, json.substring(0, expectedStart.length()));
        String modelEnd = """
                  "model": {
                    "type": "WordPiece",
                    "unk_token": "[UNK]",
                    "continuing_subword_prefix": "##",
                    "max_input_chars_per_word": 100,
                    "vocab": {
                      "[PAD]": 0,
                      "[UNK]": 1,
                      "[CLS]": 2,
                      "[SEP]": 3,
                      "hello": 4,
                      "world": 5,
                      "##s": 6,
                      "!": 7
                    }
                  }
                }""";
        assertEquals(modelEnd, json.substring(json.length() - modelEnd.length()));
    }

    @Test
    void encodesWithWhatItRead() throws Exception {
        Tokenizer t = TokenizerJson.parse(BASE, NAME);
        Encoding e = t.encode("hello worlds [SEP]");
        assertEquals(java.util.List.of("[CLS]", "hello", "world", "##s", "[SEP]", "[SEP]"), e.tokens());
        assertEquals("[0, 0, 0, 0, 0, 0]", java.util.Arrays.toString(e.typeIds()));
        assertEquals("[1, 0, 0, 0, 0, 1]", java.util.Arrays.toString(e.specialTokensMask()));
        assertEquals("hello worlds", t.decode(e.ids(), true));
    }

    @Test
    void writesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
        Tokenizer t = TokenizerJson.parse(with("padding",
                "{\"strategy\":\"BatchLongest\",\"direction\":\"Left\",\"pad_to_multiple_of\":4,\"pad_id\":0,\"pad_type_id\":0,\"pad_token\":\"[PAD]\"}"),
                NAME);
        Path file = dir.resolve("out").resolve("tokenizer.json");
        TokenizerJson.write(t, file);
        assertEquals(TokenizerJson.toJson(t), Files.readString(file));
        Tokenizer back = TokenizerJson.read(file);
        assertEquals(TokenizerJson.toJson(t), TokenizerJson.toJson(back));
        assertEquals("[0, 2, 4, 3]",
                java.util.Arrays.toString(back.encodeBatch(java.util.List.of("hello")).get(0).ids()));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # key          | value                                                                                   | message
            pre_tokenizer  | {"type":"Foo"}                                                                          | tokenizer.json, $.pre_tokenizer.type: unknown pre-tokenizer type "Foo" (supported: BertPreTokenizer, ByteLevel, CharDelimiterSplit, Digits, FixedLength, Metaspace, Punctuation, Sequence, Split, UnicodeScripts, Whitespace, WhitespaceSplit)
            pre_tokenizer  | {}                                                                                      | tokenizer.json, $.pre_tokenizer: missing field "type"
            pre_tokenizer  | {"type":7}                                                                              | tokenizer.json, $.pre_tokenizer.type: expected a string, got number 7
            pre_tokenizer  | "BertPreTokenizer"                                                                      | tokenizer.json, $.pre_tokenizer: expected an object, got string "BertPreTokenizer"
            pre_tokenizer  | {"type":"Sequence","pretokenizers":[{"type":"Whitespace"},{"type":"Nope"}]}             | tokenizer.json, $.pre_tokenizer.pretokenizers[1].type: unknown pre-tokenizer type "Nope" (supported: BertPreTokenizer, ByteLevel, CharDelimiterSplit, Digits, FixedLength, Metaspace, Punctuation, Sequence, Split, UnicodeScripts, Whitespace, WhitespaceSplit)
            normalizer     | {"type":"Sequence","normalizers":{}}                                                    | tokenizer.json, $.normalizer.normalizers: expected an array, got an object
            normalizer     | {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"lowercase":"yes"} | tokenizer.json, $.normalizer.lowercase: expected true or false, got string "yes"
            normalizer     | {"type":"BertNormalizer","handle_chinese_chars":true,"strip_accents":null,"lowercase":true} | tokenizer.json, $.normalizer: missing field "clean_text"
            decoder        | {"type":"WordPiece","prefix":"##"}                                                      | tokenizer.json, $.decoder: missing field "cleanup"
            decoder        | {"type":"ByteFallbackish"}                                                              | tokenizer.json, $.decoder.type: unknown decoder type "ByteFallbackish" (supported: BPEDecoder, ByteFallback, ByteLevel, CTC, Fuse, Metaspace, Replace, Sequence, Strip, WordPiece)
            model          | {"type":"WordPiece","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{}} | tokenizer.json, $.model: missing field "unk_token"
            model          | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":"100","vocab":{"[UNK]":0}} | tokenizer.json, $.model.max_input_chars_per_word: expected a non-negative integer, got string "100"
            model          | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{"[UNK]":0,"a":-1}} | tokenizer.json, $.model.vocab["a"]: expected a non-negative integer that fits in 31 bits, got -1
            model          | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{"[UNK]":0,"a":0}} | tokenizer.json, $.model.vocab["a"]: id 0 is also given to "[UNK]"
            model          | {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{"[UNK]":0,"a":1.5}} | tokenizer.json, $.model.vocab["a"]: expected a non-negative integer, got number 1.5
            model          | {"type":"Mystery","vocab":{}}                                                           | tokenizer.json, $.model.type: unknown model type "Mystery" (supported: BPE, Unigram, WordLevel, WordPiece)
            model          | -                                                                                       | tokenizer.json, $: missing field "model"
            post_processor | {"type":"BertProcessing","sep":["[SEP]"],"cls":["[CLS]",2]}                             | tokenizer.json, $.post_processor.sep: expected [token, id], got an array of 1
            post_processor | {"type":"BertProcessing","sep":[3,"[SEP]"],"cls":["[CLS]",2]}                           | tokenizer.json, $.post_processor.sep[0]: expected a string, got number 3
            post_processor | {"type":"TemplateProcessing","single":"[CLS] $A [SEP]","pair":"[CLS] $A [SEP] $B:1 [SEP]:1","special_tokens":{"[CLS]":{"id":"[CLS]","ids":[2],"tokens":["[CLS]"]}}} | tokenizer.json, $.post_processor: Missing SpecialToken(s) with id(s) `[SEP]`
            post_processor | {"type":"TemplateProcessing","single":"$A","pair":"$A $C:1","special_tokens":{}}       | tokenizer.json, $.post_processor.pair: Cannot build Piece from string "$C:1"
            post_processor | {"type":"TemplateProcessing","single":[{"Sequence":{"id":"C","type_id":0}}],"pair":"$A $B","special_tokens":{}} | tokenizer.json, $.post_processor.single[0].Sequence.id: unknown sequence "C" (expected "A" or "B")
            post_processor | {"type":"TemplateProcessing","single":[{"Special":{"id":"x","type_id":0}}],"pair":"$A $B","special_tokens":{}} | tokenizer.json, $.post_processor.single[0].Special: unknown template piece "Special" (expected Sequence or SpecialToken)
            post_processor | {"type":"TemplateProcessing","single":"$A","pair":"$A $B","special_tokens":{"x":{"id":"x","ids":[1,2],"tokens":["a"]}}} | tokenizer.json, $.post_processor.special_tokens.x: special token x: 2 ids but 1 tokens; they must be of the same length
            post_processor | {"type":"TemplateProcessing","single":"$A","pair":"$A $A","special_tokens":{}}         | tokenizer.json, $.post_processor: Template for `pair` must use both sequences
            truncation     | {"max_length":8,"strategy":"LongestLast","stride":0}                                    | tokenizer.json, $.truncation.strategy: unknown truncation strategy "LongestLast" (supported: LongestFirst, OnlyFirst, OnlySecond)
            truncation     | {"max_length":8,"strategy":"LongestFirst","stride":0,"direction":"Up"}                  | tokenizer.json, $.truncation.direction: unknown truncation direction "Up" (supported: Left, Right)
            truncation     | {"strategy":"LongestFirst","stride":0}                                                  | tokenizer.json, $.truncation: missing field "max_length"
            padding        | {"strategy":{"Fixed":"8"},"direction":"Right","pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"} | tokenizer.json, $.padding.strategy.Fixed: expected a non-negative integer, got string "8"
            padding        | {"strategy":"Longest","direction":"Right","pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"} | tokenizer.json, $.padding.strategy: expected "BatchLongest" or {"Fixed": length}, got string "Longest"
            padding        | {"strategy":"BatchLongest","direction":"Right","pad_id":0,"pad_type_id":0}              | tokenizer.json, $.padding: missing field "pad_token"
            added_tokens   | [{"id":1,"content":"[UNK]"},{"content":"x"}]                                           | tokenizer.json, $.added_tokens[1]: missing field "id"
            added_tokens   | {"id":1}                                                                                | tokenizer.json, $.added_tokens: expected an array, got an object
            version        | "2.0"                                                                                   | tokenizer.json, $.version: unknown tokenizer version "2.0" (supported: 1.0)
            """)
    void namesThePlaceOfEachProblem(String key, String value, String message) {
        String doc = with(key, value.equals("-") ? null : value);
        var e = assertThrows(TokenizerJsonException.class, () -> TokenizerJson.parse(doc, NAME));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # json (\\n is a line break)                | message
            {\\n  "version": "1.0",\\n  "model": }      | tokenizer.json, line 3, column 12: Unexpected character ('}' (code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
            {\\n  "version": "1.0"\\n  "model": {}\\n}  | tokenizer.json, line 3, column 3: Unexpected character ('"' (code 34)): was expecting comma to separate Object entries
            {"model": {}} {}                             | tokenizer.json, line 1, column 15: unexpected content after the end of the JSON object
            {"model": {"type": "WordPiece"             | tokenizer.json, line 1, column 31: Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 11)
            []                                           | tokenizer.json, $: expected an object, got an array
            ``                                           | tokenizer.json, $: expected an object, got nothing
            """)
    void reportsMalformedJsonWithLineAndColumn(String json, String message) {
        var e = assertThrows(TokenizerJsonException.class,
                () -> TokenizerJson.parse(json.replace("\\n", "\n"), NAME));
        assertEquals(message, e.getMessage());
    }

    @Test
    void reportsInvalidUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.write(file, new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
        var e = assertThrows(InputFormatException.class, () -> TokenizerJson.read(file));
        assertEquals(file + ": the file is not valid UTF-8", e.getMessage());
    }

    @Test
    void refusesToWriteAComponentWithoutCodec() throws InputFormatException {
        Tokenizer t = TokenizerJson.parse(BASE, NAME).toBuilder().normalizer(text -> text).build();
        var e = assertThrows(IllegalArgumentException.class, () -> TokenizerJson.toJson(t));
        assertEquals(true, e.getMessage().startsWith("cannot write normalizer "), e.getMessage());
    }
}
