package io.subword.json;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.wordlevel.WordLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The WordLevel model in tokenizer.json, as Hugging Face reads and writes it. */
class WordLevelJsonTest {
    private static final Path NAME = Path.of("tokenizer.json");

    /** Hugging Face's own serialization test: {@code {"type":"WordLevel","vocab":{...},"unk_token":...}}. */
    private static final String DOC = """
            {
              "version": "1.0",
              "truncation": null,
              "padding": null,
              "added_tokens": [],
              "normalizer": null,
              "pre_tokenizer": {
                "type": "WhitespaceSplit"
              },
              "post_processor": null,
              "decoder": null,
              "model": {
                "type": "WordLevel",
                "vocab": {
                  "<unk>": 0,
                  "amigos": 1,
                  "b": 3
                },
                "unk_token": "<unk>"
              }
            }""";

    @Test
    void readsEncodesAndWritesBackTheSameText() throws Exception {
        Tokenizer t = TokenizerJson.parse(DOC, NAME);
        WordLevel model = assertInstanceOf(WordLevel.class, t.model());
        assertEquals("<unk>", model.unkToken());
        Encoding e = t.encode("amigos inimagináveis b");
        assertEquals(List.of("amigos", "<unk>", "b"), e.tokens());
        assertEquals("[1, 0, 3]", java.util.Arrays.toString(e.ids()));
        assertEquals(DOC, TokenizerJson.toJson(t));
    }

    @Test
    void aModelWithoutTypeAndWithoutWordPieceFieldsIsWordLevel() throws Exception {
        String doc = "{\"model\": {\"vocab\": {\"[UNK]\": 0, \"x\": 1}, \"unk_token\": \"[UNK]\"}}";
        Tokenizer t = TokenizerJson.parse(doc, NAME);
        assertInstanceOf(WordLevel.class, t.model());
        // no pre-tokenizer: the whole text is one word
        assertEquals(List.of("x"), t.encode("x").tokens());
        assertEquals(List.of("[UNK]"), t.encode("x y").tokens());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # model                                                            | message
            {"type":"WordLevel","vocab":{"<unk>":0}}                           | tokenizer.json, $.model: missing field "unk_token"
            {"type":"WordLevel","unk_token":"<unk>"}                           | tokenizer.json, $.model: missing field "vocab"
            {"type":"WordLevel","vocab":{"a":0},"unk_token":"<unk>"}           | tokenizer.json, $.model.unk_token: unknown token "<unk>" is not in the vocabulary
            {"type":"WordLevel","vocab":{"<unk>":0,"a":0},"unk_token":"<unk>"} | tokenizer.json, $.model.vocab["a"]: id 0 is also given to "<unk>"
            {"type":"WordLevel","vocab":[],"unk_token":"<unk>"}                | tokenizer.json, $.model.vocab: expected an object, got an array
            """)
    void namesThePlaceOfEachProblem(String model, String message) {
        var e = assertThrows(TokenizerJsonException.class,
                () -> TokenizerJson.parse("{\"model\": " + model + "}", NAME));
        assertEquals(message, e.getMessage());
    }
}
