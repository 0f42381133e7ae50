package io.subword.parity;

import io.subword.SpecialTokenPolicy;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ids of added tokens, against Hugging Face (DJL). Hugging Face ignores the {@code "id"} of an added token
 * in a tokenizer.json: a token in the model's vocabulary takes the model's id, any other the next free id after
 * the vocabulary, in file order. We read files the same way, and the tiktoken conversion puts the special
 * tokens into {@code model.vocab}, so that the converted cl100k and o200k files give tiktoken's ids.
 */
class AddedTokenIdsParityTest {
    @TempDir
    static Path dir;

    /**
     * A WordLevel model {@code a=0 b=1 c=2 [UNK]=3} with added tokens {@code content:fileId} in file order, and the
     * ids that Hugging Face gives them.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <x>:4 <y>:5               | <x>:4 <y>:5
            <x>:10 <y>:0              | <x>:4 <y>:5
            <y>:100 <x>:50            | <y>:4 <x>:5
            c:7 <x>:10                | c:2 <x>:4
            <x>:10 c:0 <y>:11         | <x>:4 c:2 <y>:5
            <x>:10 <x>:3 <y>:1        | <x>:4 <y>:5
            a:3 [UNK]:9 <z>:3         | a:0 [UNK]:3 <z>:4
            """)
    void addedTokenIdsAreHuggingFaces(String added, String expected) throws Exception {
        StringBuilder tokens = new StringBuilder();
        for (String t : added.split(" ")) {
            int colon = t.lastIndexOf(':');
            tokens.append(tokens.length() == 0 ? "" : ", ").append("{\"id\": ").append(t.substring(colon + 1))
                    .append(", \"content\": \"").append(t, 0, colon).append("\", \"single_word\": false, "
                            + "\"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": true}");
        }
        String json = "{\"version\": \"1.0\", \"truncation\": null, \"padding\": null, \"added_tokens\": [" + tokens
                + "], \"normalizer\": null, \"pre_tokenizer\": {\"type\": \"WhitespaceSplit\"},"
                + " \"post_processor\": null, \"decoder\": null, \"model\": {\"type\": \"WordLevel\","
                + " \"vocab\": {\"a\": 0, \"b\": 1, \"c\": 2, \"[UNK]\": 3}, \"unk_token\": \"[UNK]\"}}";
        Path file = dir.resolve("added-" + Math.abs(added.hashCode()) + ".json");
        Files.writeString(file, json);
        Tokenizer ours = Tokenizers.fromFile(file);
        List<String> hfIds = new ArrayList<>();
        List<String> ourIds = new ArrayList<>();
        try (HfReference hf = HfReference.load(file, false)) {
            for (String t : expected.split(" ")) {
                String content = t.substring(0, t.lastIndexOf(':'));
                int[] ref = hf.encode(content).ids();
                hfIds.add(content + ":" + (ref.length == 1 ? ref[0] : List.of(ref)));
                int[] e = ours.encode(content).ids();
                ourIds.add(content + ":" + (e.length == 1 ? e[0] : List.of(e)));
                assertEquals(hf.decode(ref, false), ours.decode(ref), content);
            }
        }
        assertEquals(expected, String.join(" ", hfIds), "the reference itself");
        assertEquals(expected, String.join(" ", ourIds));
    }

    /**
     * cl100k and o200k converted to tokenizer.json: every special token encodes and decodes with tiktoken's id, in
     * our reader and in Hugging Face.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cl100k_base", "o200k_base"})
    void convertedTiktokenFilesKeepTiktokensSpecialIds(String name) throws Exception {
        Tokenizer tiktoken = TiktokenTokenizers.of(name);
        Path file = dir.resolve(name + ".json");
        TokenizerJson.write(Tokenizers.withMergeList(tiktoken), file);
        Tokenizer ours = Tokenizers.fromFile(file);
        Map<String, Integer> specials = TiktokenEncoding.forName(name).specialTokens();
        String text = "Hello<|endoftext|> world <|endofprompt|>!";
        int[] expected = tiktoken.encode(text, SpecialTokenPolicy.ALLOW_ALL).ids();
        assertTrue(expected.length > 2);
        try (HfReference hf = HfReference.load(file, false)) {
            for (Map.Entry<String, Integer> s : specials.entrySet()) {
                int[] id = {s.getValue()};
                assertArrayEquals(id, hf.encode(s.getKey()).ids(), "Hugging Face, " + s.getKey());
                assertArrayEquals(id, ours.encode(s.getKey()).ids(), s.getKey());
                assertEquals(s.getKey(), hf.decode(id, false), "Hugging Face, " + s.getKey());
                assertEquals(s.getKey(), ours.decode(id), s.getKey());
                assertEquals("", ours.decode(id, true), s.getKey());
            }
            assertArrayEquals(expected, hf.encode(text).ids(), "Hugging Face");
            assertArrayEquals(expected, ours.encode(text).ids());
            assertEquals(text, hf.decode(expected, false));
            assertEquals(text, ours.decode(expected));
        }
    }

    /** Writing a file that Hugging Face would read with other ids is refused, naming the token and both ids. */
    @org.junit.jupiter.api.Test
    void writingAnAddedTokenHuggingFaceWouldRenumberFails() throws Exception {
        Tokenizer t = TokenizerJson.parse("{\"model\": {\"type\": \"WordLevel\", \"vocab\": {\"a\": 0, \"[UNK]\": 1},"
                + " \"unk_token\": \"[UNK]\"}}", null);
        Tokenizer gap = t.toBuilder().addToken(io.subword.AddedToken.special("<s>", 5)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenizerJson.toJson(gap));
        assertTrue(e.getMessage().startsWith("the added token \"<s>\" has id 5, but Hugging Face would read it as"
                + " id 2"), e.getMessage());
    }
}
