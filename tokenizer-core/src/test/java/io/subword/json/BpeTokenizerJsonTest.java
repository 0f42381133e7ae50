package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.bpe.Bpe;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tokenizer.json with a BPE model and the byte-level, Metaspace and SentencePiece-style components. */
class BpeTokenizerJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path NAME = Path.of("tokenizer.json");

    /** A tiny GPT-2 style tokenizer.json. */
    static final String BASE = """
            {
              "version": "1.0",
              "truncation": null,
              "padding": null,
              "added_tokens": [
                {"id": 13, "content": "<|endoftext|>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
              ],
              "normalizer": null,
              "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
              "post_processor": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
              "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true},
              "model": {"type": "BPE", "dropout": null, "unk_token": null, "continuing_subword_prefix": null,
                        "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
                        "vocab": {"h": 0, "e": 1, "l": 2, "o": 3, "\u0120": 4, "w": 5, "r": 6, "d": 7, "he": 8, "ll": 9,
                                  "hell": 10, "hello": 11, "\u0120w": 12, "<|endoftext|>": 13},
                        "merges": [["h", "e"], ["l", "l"], ["he", "ll"], ["hell", "o"], ["\u0120", "w"]]}
            }""";

    static String with(String key, String value) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
            root.set(key, MAPPER.readTree(value));
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsAByteLevelBpeTokenizerAndEncodesWithIt() throws Exception {
        Tokenizer t = TokenizerJson.parse(BASE, NAME);
        assertTrue(((Bpe) t.model()).isByteLevel(), "a ByteLevel pre-tokenizer makes the model byte-level");
        Encoding e = t.encode("hello world<|endoftext|>");
        assertEquals(List.of("hello", "\u0120w", "o", "r", "l", "d", "<|endoftext|>"), e.tokens());
        assertArrayEquals(new int[] {11, 12, 3, 6, 2, 7, 13}, e.ids());
        assertArrayEquals(new int[] {0, 5, 7, 8, 9, 10, 11}, e.offsets().starts());
        assertArrayEquals(new int[] {5, 7, 8, 9, 10, 11, 24}, e.offsets().ends());
        assertEquals("hello world<|endoftext|>", t.decode(e.ids()));
        assertEquals("hello world", t.decode(e.ids(), true));
    }

    /** Each component survives parse -> toJson -> parse, written as Hugging Face 0.21 writes it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # key           | input                                                                                              | written (= same)
            pre_tokenizer   | {"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false,"use_regex":false}                | =
            pre_tokenizer   | {"type":"ByteLevel","add_prefix_space":false}                                                      | {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true}
            pre_tokenizer   | {"type":"Split","pattern":{"Regex":"\\\\s+"},"behavior":"Removed","invert":false}                  | =
            pre_tokenizer   | {"type":"Split","pattern":{"String":"-"},"behavior":"MergedWithPrevious","invert":true}             | =
            pre_tokenizer   | {"type":"Split","pattern":{"Regex":"\\\\d"},"behavior":"Contiguous"}                               | {"type":"Split","pattern":{"Regex":"\\\\d"},"behavior":"Contiguous","invert":false}
            pre_tokenizer   | {"type":"Sequence","pretokenizers":[{"type":"Split","pattern":{"Regex":"\\\\p{N}{1,3}"},"behavior":"Isolated","invert":false},{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}]} | =
            pre_tokenizer   | {"type":"Metaspace","replacement":"▁","prepend_scheme":"first","split":false}                     | =
            pre_tokenizer   | {"type":"Metaspace","replacement":"▁","add_prefix_space":true}                                      | {"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}
            pre_tokenizer   | {"type":"Metaspace","replacement":"_","add_prefix_space":false,"str_rep":"_"}                      | {"type":"Metaspace","replacement":"_","prepend_scheme":"never","split":true}
            pre_tokenizer   | {"type":"Digits","individual_digits":true}                                                        | =
            pre_tokenizer   | {"type":"Punctuation","behavior":"Contiguous"}                                                     | =
            pre_tokenizer   | {"type":"Punctuation"}                                                                             | {"type":"Punctuation","behavior":"Isolated"}
            decoder         | {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true}                 | =
            decoder         | {"type":"Metaspace","replacement":"▁","prepend_scheme":"never","split":true}                       | =
            decoder         | {"type":"Sequence","decoders":[{"type":"Replace","pattern":{"String":"▁"},"content":" "},{"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":1,"stop":0}]} | =
            decoder         | {"type":"Replace","pattern":{"Regex":"\\\\s+"},"content":" "}                                     | =
            post_processor  | {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true}                 | =
            post_processor  | {"type":"RobertaProcessing","sep":["</s>",2],"cls":["<s>",0],"trim_offsets":true,"add_prefix_space":true} | =
            post_processor  | {"type":"RobertaProcessing","sep":["e",1],"cls":["h",0]}                                          | {"type":"RobertaProcessing","sep":["e",1],"cls":["h",0],"trim_offsets":true,"add_prefix_space":true}
            post_processor  | {"type":"Sequence","processors":[{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true},{"type":"RobertaProcessing","sep":["e",1],"cls":["h",0],"trim_offsets":false,"add_prefix_space":false}]} | =
            model           | {"type":"BPE","dropout":null,"unk_token":"o","continuing_subword_prefix":"##","end_of_word_suffix":"</w>","fuse_unk":true,"byte_fallback":true,"ignore_merges":true,"vocab":{"a":0,"##b":1,"ab</w>":2,"ab":3,"##b</w>":4,"o":5},"merges":[["a","##b"],["a","##b</w>"]]} | =
            model           | {"type":"BPE","dropout":0.0,"unk_token":null,"continuing_subword_prefix":null,"end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":false,"vocab":{"a":0,"b":1,"ab":2},"merges":["a b"]} | {"type":"BPE","dropout":0.0,"unk_token":null,"continuing_subword_prefix":null,"end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":false,"vocab":{"a":0,"b":1,"ab":2},"merges":[["a","b"]]}
            model           | {"vocab":{"b":1,"a":0,"ab":2},"merges":["a b"]}                                                    | {"type":"BPE","dropout":null,"unk_token":null,"continuing_subword_prefix":null,"end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":false,"vocab":{"a":0,"b":1,"ab":2},"merges":[["a","b"]]}
            """)
    void roundTripsEachComponent(String key, String input, String written) throws Exception {
        String expected = written.equals("=") ? input : written;
        String doc = with(key, input);
        if (key.equals("model")) {
            doc = withTree(doc, "added_tokens", "[]");
            doc = withTree(doc, "pre_tokenizer", "null");
        }
        Tokenizer t = TokenizerJson.parse(doc, NAME);
        String json = TokenizerJson.toJson(t);
        JsonNode tree = MAPPER.readTree(json);
        assertEquals(MAPPER.readTree(expected), tree.get(key), json);
        assertEquals(json, TokenizerJson.toJson(TokenizerJson.parse(json, NAME)));
    }

    private static String withTree(String doc, String key, String value) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(doc);
        root.set(key, MAPPER.readTree(value));
        return MAPPER.writeValueAsString(root);
    }

    @Test
    void theWholeFileRoundTripsWithMergesAsPairs() throws Exception {
        String json = TokenizerJson.toJson(TokenizerJson.parse(BASE, NAME));
        assertEquals(MAPPER.readTree(BASE), MAPPER.readTree(json));
        assertTrue(json.contains("\"merges\": [\n      [\n        \"h\",\n        \"e\"\n      ],"), json);
    }

    /** Bad input: the error names the JSON path and the problem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            model          | {"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":["a b","a  b"]}                 | $.model.merges[1]         | two tokens separated by one space
            model          | {"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":[["a","b","c"]]}                | $.model.merges[0]         | expected [left, right]
            model          | {"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":[["a",1]]}                      | $.model.merges[0][1]      | expected a string
            model          | {"type":"BPE","vocab":{"a":0,"b":1,"ab":2},"merges":[7]}                             | $.model.merges[0]         | expected "left right" or [left, right]
            model          | {"type":"BPE","vocab":{"a":0,"b":1},"merges":[["a","b"]]}                           | $.model.merges            | token "ab" is not in the vocabulary
            model          | {"type":"BPE","vocab":{"a":0,"ab":2},"merges":[["a","b"]]}                          | $.model.merges            | token "b" is not in the vocabulary
            model          | {"type":"BPE","dropout":1.5,"vocab":{"a":0},"merges":[]}                            | $.model.dropout           | dropout 1.5 is not in [0, 1]
            model          | {"type":"BPE","vocab":{"a":0}}                                                      | $.model                   | missing field "merges"
            pre_tokenizer  | {"type":"Split","pattern":{"Regex":"("},"behavior":"Isolated","invert":false}       | $.pre_tokenizer.pattern   | invalid split regex
            pre_tokenizer  | {"type":"Split","pattern":{"Glob":"*"},"behavior":"Isolated","invert":false}        | $.pre_tokenizer.pattern   | {"Regex": "..."} or {"String": "..."}
            pre_tokenizer  | {"type":"Split","pattern":{"String":"-"},"behavior":"Dropped","invert":false}       | $.pre_tokenizer.behavior  | unknown split behavior Dropped
            pre_tokenizer  | {"type":"Metaspace","replacement":"ab"}                                             | $.pre_tokenizer.replacement | expected a single character
            pre_tokenizer  | {"type":"Metaspace","replacement":"_","prepend_scheme":"sometimes"}                 | $.pre_tokenizer.prepend_scheme | unknown prepend_scheme sometimes
            decoder        | {"type":"Strip","content":" ","start":-1,"stop":0}                                  | $.decoder.start           | non-negative integer
            """)
    void reportsMalformedComponents(String key, String value, String path, String problem) {
        String doc = with(key, value);
        if (key.equals("model")) {
            try {
                doc = withTree(withTree(doc, "added_tokens", "[]"), "pre_tokenizer", "null");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        String json = doc;
        InputFormatException e = assertThrows(InputFormatException.class, () -> TokenizerJson.parse(json, NAME));
        assertTrue(e.getMessage().contains(path), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
    }

    /**
     * The pipeline's rule ({@code Tokenizer.Builder.build}): a byte-level model left without a ByteLevel step gets
     * one that only marks bytes, so it encodes as before, and the file it writes reads back to the same ids.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hello world", "h\u00e9llo  w\u00f6rld!", "\u6771\u4eac"})
    void aByteLevelModelWithoutAByteLevelPreTokenizerGetsOne(String text) throws Exception {
        Tokenizer t = TokenizerJson.parse(BASE, NAME);
        Tokenizer noByteLevel = t.toBuilder().preTokenizer(null).build();
        assertEquals(ByteLevelPreTokenizer.afterSplit().toString(), noByteLevel.preTokenizer().toString());
        Tokenizer back = TokenizerJson.parse(TokenizerJson.toJson(noByteLevel), NAME);
        assertArrayEquals(noByteLevel.encode(text).ids(), back.encode(text).ids());
        assertFalse(((Bpe) TokenizerJson.parse(with("pre_tokenizer", "{\"type\":\"Whitespace\"}"), NAME).model())
                .isByteLevel());
    }
}
