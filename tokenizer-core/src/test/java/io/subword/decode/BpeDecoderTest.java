package io.subword.decode;

import io.subword.json.TokenizerJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hugging Face's BPEDecoder: the suffix becomes a space, except in the last token, where it goes. */
class BpeDecoderTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lo w est</w> new er</w> !</w>  | lowest newer !",
            "lo w est</w> new er            | lowest newer",
            "a</w>                          | a",
            "a</w>b</w> c                   | a b c",
            "'' | ''",
    })
    void suffixBecomesSpaceExceptAtTheEnd(String tokens, String text) {
        List<String> list = tokens.isEmpty() ? List.of() : Arrays.asList(tokens.split(" "));
        assertEquals(text, new BpeDecoder("</w>").decode(list));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"BPEDecoder\",\"suffix\":\"</w>\"} | </w>",
            "{\"type\":\"BPEDecoder\",\"suffix\":\"_\"}    | _",
    })
    void jsonRoundTrip(String json, String suffix) throws Exception {
        String doc = "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],\"normalizer\":null,"
                + "\"pre_tokenizer\":null,\"post_processor\":null,\"decoder\":" + json + ",\"model\":{\"type\":"
                + "\"WordPiece\",\"unk_token\":\"[UNK]\",\"continuing_subword_prefix\":\"##\","
                + "\"max_input_chars_per_word\":100,\"vocab\":{\"[UNK]\":0}}}";
        var tok = TokenizerJson.parse(doc, java.nio.file.Path.of("tokenizer.json"));
        assertEquals(suffix, ((BpeDecoder) tok.decoder()).suffix());
        assertEquals(doc.replace(" ", ""), TokenizerJson.toJson(tok).replaceAll("\\s+", ""));
    }
}
