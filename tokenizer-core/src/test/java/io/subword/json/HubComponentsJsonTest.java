package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.Encoding;
import io.subword.Offsets;
import io.subword.Tokenizer;
import io.subword.pretokenize.ByteLevelAlphabet;
import io.subword.testkit.RandomText;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tokenizer.json side of the components added for issue 14: each reads and writes back to the same JSON,
 * a malformed one fails with one line naming the file and the JSON path, and a tokenizer using it never throws
 * on any string (lone surrogates, controls, huge runs), keeps offsets in bounds and never going backwards, and
 * encodes a batch as it encodes one text at a time.
 */
class HubComponentsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FILE = Path.of("hub.json");

    /** Every new component, as its stage's JSON field and Hugging Face's JSON for it. */
    static Stream<String[]> components() {
        return Stream.of(
                new String[] {"normalizer", "{\"type\":\"NFC\"}"},
                new String[] {"normalizer", "{\"type\":\"NFD\"}"},
                new String[] {"normalizer", "{\"type\":\"NFKC\"}"},
                new String[] {"normalizer", "{\"type\":\"NFKD\"}"},
                new String[] {"normalizer", "{\"type\":\"Lowercase\"}"},
                new String[] {"normalizer", "{\"type\":\"StripAccents\"}"},
                new String[] {"normalizer", "{\"type\":\"Nmt\"}"},
                new String[] {"normalizer", "{\"type\":\"ByteLevel\"}"},
                new String[] {"normalizer", "{\"type\":\"Strip\",\"strip_left\":false,\"strip_right\":true}"},
                new String[] {"normalizer", "{\"type\":\"Prepend\",\"prepend\":\"\u2581\"}"},
                new String[] {"normalizer", "{\"type\":\"Replace\",\"pattern\":{\"String\":\" \"},\"content\":\"\u2581\"}"},
                new String[] {"normalizer", "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\" {2,}\"},\"content\":\" \"}"},
                new String[] {"normalizer", "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"NFKD\"},"
                        + "{\"type\":\"StripAccents\"},{\"type\":\"Lowercase\"},{\"type\":\"Strip\",\"strip_left\":true,"
                        + "\"strip_right\":true}]}"},
                new String[] {"pre_tokenizer", "{\"type\":\"UnicodeScripts\"}"},
                new String[] {"pre_tokenizer", "{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"\uD83D\uDE00\"}"},
                new String[] {"pre_tokenizer", "{\"type\":\"FixedLength\",\"length\":3}"},
                new String[] {"decoder", "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\","
                        + "\"cleanup\":true}"});
    }

    /** A byte-level tokenizer (every byte a token) with {@code component} in place of its {@code field}. */
    static String json(String field, String component) {
        StringBuilder vocab = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            char c = ByteLevelAlphabet.toChar(b);
            vocab.append(b == 0 ? "" : ",").append('"').append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : String.valueOf(c))
                    .append("\":").append(b);
        }
        String byteLevel = "{\"type\":\"ByteLevel\",\"add_prefix_space\":false,\"trim_offsets\":false,\"use_regex\":false}";
        String pre = field.equals("pre_tokenizer")
                ? "{\"type\":\"Sequence\",\"pretokenizers\":[" + component + "," + byteLevel + "]}" : byteLevel;
        return "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":" + (field.equals("normalizer") ? component : "null")
                + ",\"pre_tokenizer\":" + pre + ",\"post_processor\":null,"
                + "\"decoder\":" + (field.equals("decoder") ? component : byteLevel)
                + ",\"model\":{\"type\":\"BPE\",\"dropout\":null,\"unk_token\":null,\"continuing_subword_prefix\":null,"
                + "\"end_of_word_suffix\":null,\"fuse_unk\":false,\"byte_fallback\":false,\"vocab\":{" + vocab
                + "},\"merges\":[]}}";
    }

    @ParameterizedTest
    @MethodSource("components")
    void writesBackTheSameJson(String field, String component) throws Exception {
        Tokenizer t = TokenizerJson.parse(json(field, component), FILE);
        JsonNode written = MAPPER.readTree(TokenizerJson.toJson(t)).get(field);
        if (field.equals("pre_tokenizer")) {
            written = written.get("pretokenizers").get(0);
        }
        assertEquals(MAPPER.readTree(component), written);
    }

    @ParameterizedTest
    @MethodSource("components")
    void anyStringEncodesWithOffsetsInOrderAndBatchEqualsOneByOne(String field, String component) throws Exception {
        Tokenizer t = TokenizerJson.parse(json(field, component), FILE);
        RandomText random = new RandomText(component.hashCode());
        List<String> texts = new ArrayList<>(random.strings(120, 10, EnumSet.allOf(RandomText.Category.class)));
        texts.add("");
        texts.add("\uD800");
        texts.add("a" + "\u0301\u0316".repeat(5000));
        List<Encoding> batch = t.encodeBatch(texts);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Encoding one = t.encode(text);
            Offsets off = one.offsets();
            assertArrayEquals(one.ids(), batch.get(i).ids(), "batch differs from one by one on text " + i);
            assertArrayEquals(off.starts(), batch.get(i).offsets().starts(), "batch offsets, text " + i);
            assertArrayEquals(off.ends(), batch.get(i).offsets().ends(), "batch offsets, text " + i);
            int previousStart = 0;
            for (int k = 0; k < one.ids().length; k++) {
                int s = off.starts()[k];
                int e = off.ends()[k];
                assertTrue(0 <= s && s <= e && e <= text.length(), "offsets out of bounds at " + k + " of text " + i);
                assertTrue(s >= previousStart, "offsets go backwards at " + k + " of text " + i);
                previousStart = s;
            }
            t.decode(one.ids());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            normalizer    | {"type":"Replace","pattern":{"Regex":"a(b"},"content":"x"}                  | hub.json, $.normalizer.pattern: regex "a(b" does not compile: Unclosed group near index 3
            normalizer    | {"type":"Sequence","normalizers":[{"type":"NFC"},{"type":"Replace","pattern":{"Regex":"[x"},"content":""}]} | hub.json, $.normalizer.normalizers[1].pattern: regex "[x" does not compile: Unclosed character class near index 1
            normalizer    | {"type":"Replace","pattern":{"Regex":"\\\\Kx"},"content":"x"}                | hub.json, $.normalizer.pattern: regex "\\u005cKx" does not compile: \\K is not supported
            normalizer    | {"type":"Replace","pattern":{"Glob":"*"},"content":"x"}                     | hub.json, $.normalizer.pattern: expected {"Regex": "..."} or {"String": "..."}
            normalizer    | {"type":"Replace","pattern":{"String":" "}}                                 | hub.json, $.normalizer: missing field "content"
            normalizer    | {"type":"Strip","strip_left":true}                                          | hub.json, $.normalizer: missing field "strip_right"
            normalizer    | {"type":"Prepend","prepend":7}                                              | hub.json, $.normalizer.prepend: expected a string, got number 7
            normalizer    | {"type":"NFX"}                                                              | hub.json, $.normalizer.type: unknown normalizer type "NFX"
            pre_tokenizer | {"type":"CharDelimiterSplit","delimiter":"ab"}                              | hub.json, $.pre_tokenizer.pretokenizers[0].delimiter: expected a single character, got "ab"
            pre_tokenizer | {"type":"FixedLength","length":0}                                           | hub.json, $.pre_tokenizer.pretokenizers[0].length: must be at least 1, not 0
            decoder       | {"type":"CTC","pad_token":5}                                                | hub.json, $.decoder.pad_token: expected a string, got number 5
            """)
    void malformedComponentsFailWithOneLineNamingFileAndPath(String field, String component, String message) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TokenizerJson.parse(json(field, component), FILE));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
    }

    /**
     * Every serde type tag Hugging Face tokenizers 0.21 (DJL 0.38) reads, per stage, from its
     * {@code NormalizerWrapper}, {@code PreTokenizerWrapper}, {@code ModelWrapper}, {@code PostProcessorWrapper} and
     * {@code DecoderWrapper}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            normalizer     | BertNormalizer Strip StripAccents NFC NFD NFKC NFKD Sequence Lowercase Nmt Precompiled Replace Prepend ByteLevel
            pre_tokenizer  | BertPreTokenizer ByteLevel CharDelimiterSplit Metaspace Whitespace Sequence Split Punctuation WhitespaceSplit Digits UnicodeScripts
            model          | BPE WordPiece WordLevel Unigram
            post_processor | RobertaProcessing BertProcessing ByteLevel TemplateProcessing Sequence
            decoder        | BPEDecoder ByteLevel WordPiece Metaspace CTC Sequence Replace Fuse Strip ByteFallback
            """)
    void everyTypeHuggingFaceReadsIsRegistered(String stage, String types) {
        Stage<?> s = switch (stage) {
            case "normalizer" -> Stage.NORMALIZER;
            case "pre_tokenizer" -> Stage.PRE_TOKENIZER;
            case "model" -> Stage.MODEL;
            case "post_processor" -> Stage.POST_PROCESSOR;
            case "decoder" -> Stage.DECODER;
            default -> throw new IllegalArgumentException(stage);
        };
        List<String> known = Codecs.builtin().types(s);
        for (String type : types.trim().split(" +")) {
            assertTrue(known.contains(type), stage + " type " + type + " is not registered: " + known);
        }
    }
}
