package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.testkit.HostileFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.subword.testkit.HostileFiles.bytes;

/**
 * Broken {@code tokenizer.json} files, one row per file: malformed JSON, wrong encodings, every component
 * with a missing field, a value of the wrong type, an unknown type or an id out of range, each with the exact
 * message of the {@link TokenizerJsonException} it must raise ({@code <file>} stands for the path), or
 * {@code OK} with the number of tokens of a probe text for files the reference accepts too. Nothing else may
 * be thrown.
 */
class HostileTokenizerJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HostileFiles FILES = new HostileFiles(TokenizerJsonException.class);

    @TempDir
    static Path dir;

    /** A small, valid BERT tokenizer.json; each case breaks one thing in it. */
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

    static List<HostileFiles.Case> cases() {
        HostileFiles.Table c = HostileFiles.table();
        // ---- the file as a whole
        raw(c, "valid", BASE, "OK 6 tokens");
        raw(c, "empty", "", "<file>, $: expected an object, got nothing");
        raw(c, "whitespace only", " \n\t", "<file>, $: expected an object, got nothing");
        raw(c, "null", "null", "<file>, $: expected an object, got null");
        raw(c, "an array", "[]", "<file>, $: expected an object, got an array");
        raw(c, "a string", "\"tokenizer\"", "<file>, $: expected an object, got string \"tokenizer\"");
        raw(c, "empty object", "{}", "<file>, $: missing field \"model\"");
        raw(c, "truncated in the middle", BASE.substring(0, BASE.length() / 2),
                "<file>, line 9, column 123: Unexpected end-of-input within/between Object entries");
        raw(c, "truncated before the last brace", BASE.substring(0, BASE.length() - 1),
                "<file>, line 17, column 1: Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1)");
        raw(c, "two objects", BASE + BASE, "<file>, line 17, column 2: unexpected content after the end of the JSON object");
        raw(c, "trailing comma", BASE.replace("\"lowercase\": true}", "\"lowercase\": true,}"),
                "<file>, line 11, column 135: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
        raw(c, "comment", "// BERT\n" + BASE,
                "<file>, line 1, column 1: Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)");
        raw(c, "NaN as a number", BASE.replace("\"max_input_chars_per_word\": 100", "\"max_input_chars_per_word\": NaN"),
                "<file>, line 15, column 122: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
        raw(c, "byte order mark", "\uFEFF" + BASE, "OK 6 tokens");
        c.add("invalid UTF-8", () -> bytes(BASE.substring(0, 30), 0xFF, BASE.substring(30)),
                "<file>: the file is not valid UTF-8");
        c.add("Latin-1", () -> BASE.replace("hello", "h\u00e9llo").getBytes(StandardCharsets.ISO_8859_1),
                "<file>: the file is not valid UTF-8");
        c.add("UTF-16LE with byte order mark", () -> ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16LE),
                "<file>: the file is not valid UTF-8");
        raw(c, "raw NUL inside a string", BASE.replace("\"hello\"", "\"hel\0lo\""),
                "<file>, line 16, column 75: Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped using backslash to be included in name");
        raw(c, "NUL byte between values", BASE.replace("\"version\": \"1.0\",", "\"version\": \"1.0\",\0"),
                "<file>, line 2, column 21: Illegal character ((CTRL-CHAR, code 0)): only regular white space (\\r, \\n, \\t) is allowed between tokens");
        raw(c, "duplicate top-level key", BASE.replace("\"version\": \"1.0\",", "\"version\": \"1.0\", \"version\": \"1.0\","),
                "<file>, line 2, column 30: Duplicate field 'version'");
        raw(c, "duplicate vocabulary token", BASE.replace("\"!\": 7}", "\"!\": 7, \"hello\": 8}"),
                "<file>, line 16, column 120: Duplicate field 'hello'");
        raw(c, "lone surrogate escape in a token", BASE.replace("\"!\": 7}", "\"\\ud800\": 8}"),
                "<file>, $.model.vocab[\"\\ud800\"]: lone surrogate in a string");
        raw(c, "deep nesting", "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                "<file>: Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
        c.add("50 MB single line (a 50 MB unknown token)", () -> {
            byte[] b = new byte[50 << 20];
            Arrays.fill(b, (byte) 'a');
            byte[] head = "{\"model\": {\"unk_token\": \"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(head, 0, b, 0, head.length);
            byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(tail, 0, b, b.length - tail.length, tail.length);
            return b;
        }, "<file>: String value length (20054578) exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)");
        // ---- top level
        set(c, "version 2.0", "/version", "\"2.0\"", "<file>, $.version: unknown tokenizer version \"2.0\" (supported: 1.0)");
        set(c, "version as a number", "/version", "1.0", "<file>, $.version: expected a string, got number 1.0");
        set(c, "unknown top-level key (ignored)", "/comment", "\"hi\"", "OK 6 tokens");
        set(c, "model missing", "/model", null, "<file>, $: missing field \"model\"");
        set(c, "model is an array", "/model", "[]", "<file>, $.model: expected an object, got an array");
        set(c, "model is null", "/model", "null", "<file>, $.model: expected an object, got null");
        // ---- model
        set(c, "model type unknown", "/model/type", "\"Unigramm\"", "<file>, $.model.type: unknown model type \"Unigramm\" (supported: " + supported(Stage.MODEL) + ")");
        set(c, "model type is a number", "/model/type", "3", "<file>, $.model.type: expected a string, got number 3");
        set(c, "model type empty", "/model/type", "\"\"", "<file>, $.model.type: unknown model type \"\" (supported: " + supported(Stage.MODEL) + ")");
        set(c, "model type left out (told by its fields)", "/model/type", null, "OK 6 tokens");
        set(c, "vocab missing", "/model/vocab", null, "<file>, $.model: missing field \"vocab\"");
        set(c, "vocab is an array", "/model/vocab", "[[\"a\", 0]]", "<file>, $.model.vocab: expected an object, got an array");
        set(c, "vocab empty", "/model/vocab", "{}", "<file>, $.model: unknown token \"[UNK]\" is not in the vocabulary");
        set(c, "vocab id is a string", "/model/vocab/hello", "\"4\"", "<file>, $.model.vocab[\"hello\"]: expected a non-negative integer, got string \"4\"");
        set(c, "vocab id is null", "/model/vocab/hello", "null", "<file>, $.model.vocab[\"hello\"]: expected a non-negative integer, got null");
        set(c, "vocab id negative", "/model/vocab/hello", "-4", "<file>, $.model.vocab[\"hello\"]: expected a non-negative integer that fits in 31 bits, got -4");
        set(c, "vocab id fractional", "/model/vocab/hello", "4.5", "<file>, $.model.vocab[\"hello\"]: expected a non-negative integer, got number 4.5");
        set(c, "vocab id 1e400", "/model/vocab/hello", "1e400", "<file>, $.model.vocab[\"hello\"]: expected a non-negative integer, got string \"Infinity\"");
        set(c, "vocab id above long", "/model/vocab/hello", "123456789012345678901234567890",
                "<file>, $.model.vocab[\"hello\"]: expected a non-negative integer that fits in 31 bits, got 123456789012345678901234567890");
        set(c, "vocab id 2^31-1", "/model/vocab/hello", "2147483647",
                "<file>, $.model.vocab[\"hello\"]: id 2147483647 is too large (at most 16777215)");
        set(c, "vocab id gap (kept)", "/model/vocab/hello", "1000", "OK 6 tokens");
        set(c, "vocab duplicate id", "/model/vocab/hello", "5", "<file>, $.model.vocab[\"world\"]: id 5 is also given to \"hello\"");
        set(c, "vocab empty token", "/model/vocab/", "8", "OK 6 tokens");
        set(c, "unk_token missing", "/model/unk_token", null, "<file>, $.model: missing field \"unk_token\"");
        set(c, "unk_token not in the vocabulary", "/model/unk_token", "\"<unk>\"", "<file>, $.model: unknown token \"<unk>\" is not in the vocabulary");
        set(c, "unk_token is a number", "/model/unk_token", "1", "<file>, $.model.unk_token: expected a string, got number 1");
        set(c, "max_input_chars_per_word zero", "/model/max_input_chars_per_word", "0", "<file>, $.model: maxInputCharsPerWord must be at least 1, not 0");
        set(c, "max_input_chars_per_word negative", "/model/max_input_chars_per_word", "-1",
                "<file>, $.model.max_input_chars_per_word: expected a non-negative integer that fits in 31 bits, got -1");
        set(c, "max_input_chars_per_word a string", "/model/max_input_chars_per_word", "\"100\"",
                "<file>, $.model.max_input_chars_per_word: expected a non-negative integer, got string \"100\"");
        set(c, "continuing_subword_prefix null", "/model/continuing_subword_prefix", "null",
                "<file>, $.model.continuing_subword_prefix: expected a string, got null");
        set(c, "continuing_subword_prefix empty", "/model/continuing_subword_prefix", "\"\"", "OK 5 tokens");
        // ---- normalizer
        set(c, "normalizer unknown type", "/normalizer/type", "\"NFKQ\"", "<file>, $.normalizer.type: unknown normalizer type \"NFKQ\" (supported: " + supported(Stage.NORMALIZER) + ")");
        set(c, "normalizer type missing", "/normalizer/type", null, "<file>, $.normalizer: missing field \"type\"");
        set(c, "normalizer as a string", "/normalizer", "\"BertNormalizer\"", "<file>, $.normalizer: expected an object, got string \"BertNormalizer\"");
        set(c, "normalizer lowercase a string", "/normalizer/lowercase", "\"yes\"", "<file>, $.normalizer.lowercase: expected true or false, got string \"yes\"");
        set(c, "normalizer strip_accents a number", "/normalizer/strip_accents", "1", "<file>, $.normalizer.strip_accents: expected true or false, got number 1");
        set(c, "normalizer clean_text missing", "/normalizer/clean_text", null, "<file>, $.normalizer: missing field \"clean_text\"");
        set(c, "normalizer null (none)", "/normalizer", "null", "OK 6 tokens");
        set(c, "normalizer Sequence of an object", "/normalizer", "{\"type\": \"Sequence\", \"normalizers\": {}}",
                "<file>, $.normalizer.normalizers: expected an array, got an object");
        set(c, "normalizer Sequence holding a number", "/normalizer", "{\"type\": \"Sequence\", \"normalizers\": [1]}",
                "<file>, $.normalizer.normalizers[0]: expected an object, got number 1");
        set(c, "normalizer Sequence holding an unknown type", "/normalizer",
                "{\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"X\"}]}]}",
                "<file>, $.normalizer.normalizers[0].normalizers[0].type: unknown normalizer type \"X\" (supported: " + supported(Stage.NORMALIZER) + ")");
        set(c, "normalizer Sequence empty", "/normalizer", "{\"type\": \"Sequence\", \"normalizers\": []}", "OK 6 tokens");
        // ---- pre-tokenizer
        set(c, "pre_tokenizer unknown type", "/pre_tokenizer/type", "\"Bert\"",
                "<file>, $.pre_tokenizer.type: unknown pre-tokenizer type \"Bert\" (supported: " + supported(Stage.PRE_TOKENIZER) + ")");
        set(c, "pre_tokenizer type null", "/pre_tokenizer/type", "null", "<file>, $.pre_tokenizer.type: expected a string, got null");
        set(c, "pre_tokenizer Sequence missing its list", "/pre_tokenizer", "{\"type\": \"Sequence\"}",
                "<file>, $.pre_tokenizer: missing field \"pretokenizers\"");
        // ---- post-processor
        set(c, "post_processor unknown type", "/post_processor/type", "\"RobertaProcessingg\"",
                "<file>, $.post_processor.type: unknown post-processor type \"RobertaProcessingg\" (supported: " + supported(Stage.POST_PROCESSOR) + ")");
        set(c, "BertProcessing sep with one element", "/post_processor/sep", "[\"[SEP]\"]",
                "<file>, $.post_processor.sep: expected [token, id], got an array of 1");
        set(c, "BertProcessing sep id a string", "/post_processor/sep", "[\"[SEP]\", \"3\"]",
                "<file>, $.post_processor.sep[1]: expected a non-negative integer, got string \"3\"");
        set(c, "BertProcessing sep id negative", "/post_processor/sep", "[\"[SEP]\", -3]",
                "<file>, $.post_processor.sep[1]: expected a non-negative integer that fits in 31 bits, got -3");
        set(c, "BertProcessing cls token a number", "/post_processor/cls", "[2, 2]",
                "<file>, $.post_processor.cls[0]: expected a string, got number 2");
        set(c, "BertProcessing cls an object", "/post_processor/cls", "{\"[CLS]\": 2}",
                "<file>, $.post_processor.cls: expected an array, got an object");
        set(c, "TemplateProcessing with a bad template", "/post_processor",
                "{\"type\": \"TemplateProcessing\", \"single\": \"[CLS] $C\", \"pair\": \"$A $B\", \"special_tokens\": {}}",
                "<file>, $.post_processor.single: Cannot build Piece from string \"$C\"");
        set(c, "TemplateProcessing with an unknown special", "/post_processor",
                "{\"type\": \"TemplateProcessing\", \"single\": \"[CLS] $A\", \"pair\": \"[CLS] $A $B\", \"special_tokens\": {}}",
                "<file>, $.post_processor: Missing SpecialToken(s) with id(s) `[CLS]`");
        set(c, "Sequence of post-processors holding BertProcessing (chainable)", "/post_processor",
                "{\"type\": \"Sequence\", \"processors\": [{\"type\": \"BertProcessing\", \"sep\": [\"[SEP]\", 3], \"cls\": [\"[CLS]\", 2]}]}",
                "OK 6 tokens");
        // ---- decoder
        set(c, "decoder unknown type", "/decoder/type", "\"ByteLevell\"", "<file>, $.decoder.type: unknown decoder type \"ByteLevell\" (supported: " + supported(Stage.DECODER) + ")");
        set(c, "decoder cleanup null", "/decoder/cleanup", "null", "<file>, $.decoder.cleanup: expected true or false, got null");
        set(c, "decoder prefix missing", "/decoder/prefix", null, "<file>, $.decoder: missing field \"prefix\"");
        // ---- truncation and padding
        set(c, "truncation unknown strategy", "/truncation", "{\"direction\": \"Right\", \"max_length\": 8, \"strategy\": \"Longest\", \"stride\": 0}",
                "<file>, $.truncation.strategy: unknown truncation strategy \"Longest\" (supported: LongestFirst, OnlyFirst, OnlySecond)");
        set(c, "truncation unknown direction", "/truncation", "{\"direction\": \"Up\", \"max_length\": 8, \"strategy\": \"LongestFirst\", \"stride\": 0}",
                "<file>, $.truncation.direction: unknown truncation direction \"Up\" (supported: Left, Right)");
        set(c, "truncation max_length missing", "/truncation", "{\"strategy\": \"LongestFirst\", \"stride\": 0}",
                "<file>, $.truncation: missing field \"max_length\"");
        set(c, "truncation max_length negative", "/truncation", "{\"max_length\": -8, \"strategy\": \"LongestFirst\", \"stride\": 0}",
                "<file>, $.truncation.max_length: expected a non-negative integer that fits in 31 bits, got -8");
        set(c, "truncation an array", "/truncation", "[128]", "<file>, $.truncation: expected an object, got an array");
        set(c, "padding unknown strategy", "/padding", "{\"strategy\": \"Longest\", \"direction\": \"Right\", \"pad_id\": 0, \"pad_type_id\": 0, \"pad_token\": \"[PAD]\"}",
                "<file>, $.padding.strategy: expected \"BatchLongest\" or {\"Fixed\": length}, got string \"Longest\"");
        set(c, "padding fixed length zero", "/padding", "{\"strategy\": {\"Fixed\": 0}, \"direction\": \"Right\", \"pad_id\": 0, \"pad_type_id\": 0, \"pad_token\": \"[PAD]\"}",
                "<file>, $.padding.strategy.Fixed: fixed padding needs a length > 0");
        set(c, "padding fixed length a string", "/padding", "{\"strategy\": {\"Fixed\": \"8\"}, \"direction\": \"Right\", \"pad_id\": 0, \"pad_type_id\": 0, \"pad_token\": \"[PAD]\"}",
                "<file>, $.padding.strategy.Fixed: expected a non-negative integer, got string \"8\"");
        set(c, "padding pad_token a number", "/padding", "{\"strategy\": \"BatchLongest\", \"direction\": \"Right\", \"pad_id\": 0, \"pad_type_id\": 0, \"pad_token\": 0}",
                "<file>, $.padding.pad_token: expected a string, got number 0");
        // ---- added tokens
        set(c, "added_tokens an object", "/added_tokens", "{}", "<file>, $.added_tokens: expected an array, got an object");
        set(c, "added token a string", "/added_tokens", "[\"[MASK]\"]", "<file>, $.added_tokens[0]: expected an object, got string \"[MASK]\"");
        set(c, "added token without content", "/added_tokens", "[{\"id\": 9}]", "<file>, $.added_tokens[0]: missing field \"content\"");
        set(c, "added token with empty content", "/added_tokens", "[{\"id\": 9, \"content\": \"\"}]",
                "<file>, $.added_tokens[0].content: an added token needs content");
        set(c, "added token without id", "/added_tokens", "[{\"content\": \"[MASK]\"}]", "<file>, $.added_tokens[0]: missing field \"id\"");
        set(c, "added token id negative", "/added_tokens", "[{\"id\": -9, \"content\": \"[MASK]\"}]",
                "<file>, $.added_tokens[0].id: expected a non-negative integer that fits in 31 bits, got -9");
        // Hugging Face ignores an added token's id: one the model's vocabulary lacks gets the next free id
        set(c, "added token id taken by another token (renumbered)", "/added_tokens",
                "[{\"id\": 4, \"content\": \"[MASK]\"}]", "OK 6 tokens");
        set(c, "added token id 2^31-1 (renumbered)", "/added_tokens",
                "[{\"id\": 2147483647, \"content\": \"[MASK]\"}]", "OK 6 tokens");
        set(c, "added token id with a gap (renumbered)", "/added_tokens", "[{\"id\": 100000, \"content\": \"[MASK]\"}]", "OK 6 tokens");
        set(c, "added token given twice with two ids (one token)", "/added_tokens",
                "[{\"id\": 8, \"content\": \"[MASK]\"}, {\"id\": 9, \"content\": \"[MASK]\"}]", "OK 6 tokens");
        set(c, "added token special a string", "/added_tokens", "[{\"id\": 8, \"content\": \"[MASK]\", \"special\": \"true\"}]",
                "<file>, $.added_tokens[0].special: expected true or false, got string \"true\"");
        // ---- a BPE model
        String bpe = "{\"type\": \"BPE\", \"dropout\": null, \"unk_token\": \"[UNK]\", \"continuing_subword_prefix\": null, "
                + "\"end_of_word_suffix\": null, \"fuse_unk\": false, \"byte_fallback\": false, \"ignore_merges\": false, "
                + "\"vocab\": {\"[PAD]\": 0, \"[UNK]\": 1, \"[CLS]\": 2, \"[SEP]\": 3, \"h\": 4, \"e\": 5, \"he\": 6, \"!\": 7}, "
                + "\"merges\": MERGES}";
        set(c, "BPE model", "/model", bpe.replace("MERGES", "[[\"h\", \"e\"]]"), "OK 13 tokens");
        set(c, "BPE merges as strings", "/model", bpe.replace("MERGES", "[\"h e\"]"), "OK 13 tokens");
        set(c, "BPE merges missing", "/model", bpe.replace(", \"merges\": MERGES", ""), "<file>, $.model: missing field \"merges\"");
        set(c, "BPE merges an object", "/model", bpe.replace("MERGES", "{}"), "<file>, $.model.merges: expected an array, got an object");
        set(c, "BPE merge of one token", "/model", bpe.replace("MERGES", "[[\"h\"]]"), "<file>, $.model.merges[0]: expected [left, right], got an array of 1");
        set(c, "BPE merge string of three tokens", "/model", bpe.replace("MERGES", "[\"h e x\"]"), "<file>, $.model.merges[0]: expected two tokens separated by one space, got string \"h e x\"");
        set(c, "BPE merge of a token not in the vocabulary", "/model", bpe.replace("MERGES", "[[\"h\", \"x\"]]"), "<file>, $.model.merges: merge 0 (\"h x\"): token \"x\" is not in the vocabulary");
        set(c, "BPE merged token not in the vocabulary", "/model", bpe.replace("MERGES", "[[\"e\", \"h\"]]"), "<file>, $.model.merges: merge 0 (\"e h\"): token \"eh\" is not in the vocabulary");
        set(c, "BPE merge of numbers", "/model", bpe.replace("MERGES", "[[1, 2]]"), "<file>, $.model.merges[0][0]: expected a string, got number 1");
        set(c, "BPE dropout 1.5", "/model", bpe.replace("MERGES", "[]").replace("\"dropout\": null", "\"dropout\": 1.5"), "<file>, $.model.dropout: dropout 1.5 is not in [0, 1]");
        set(c, "BPE dropout a string", "/model", bpe.replace("MERGES", "[]").replace("\"dropout\": null", "\"dropout\": \"0\""), "<file>, $.model.dropout: expected a number or null, got string \"0\"");
        set(c, "BPE unk_token not in the vocabulary", "/model", bpe.replace("MERGES", "[]").replace("\"unk_token\": \"[UNK]\"", "\"unk_token\": \"<unk>\""), "OK 5 tokens");
        set(c, "BPE byte_fallback a number", "/model", bpe.replace("MERGES", "[]").replace("\"byte_fallback\": false", "\"byte_fallback\": 1"), "<file>, $.model.byte_fallback: expected true or false, got number 1");
        set(c, "ByteLevel pre-tokenizer with a string flag", "/pre_tokenizer", "{\"type\": \"ByteLevel\", \"add_prefix_space\": \"no\", \"trim_offsets\": true, \"use_regex\": true}", "<file>, $.pre_tokenizer.add_prefix_space: expected true or false, got string \"no\"");
        set(c, "Split pre-tokenizer with a bad regex", "/pre_tokenizer", "{\"type\": \"Split\", \"pattern\": {\"Regex\": \"(\"}, \"behavior\": \"Isolated\", \"invert\": false}", "<file>, $.pre_tokenizer.pattern: invalid split regex (: Unclosed group");
        set(c, "Split pre-tokenizer with an unknown behavior", "/pre_tokenizer", "{\"type\": \"Split\", \"pattern\": {\"String\": \" \"}, \"behavior\": \"Sideways\", \"invert\": false}", "<file>, $.pre_tokenizer.behavior: unknown split behavior Sideways (supported: Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous)");
        set(c, "Metaspace pre-tokenizer with a two-char replacement", "/pre_tokenizer", "{\"type\": \"Metaspace\", \"replacement\": \"__\", \"prepend_scheme\": \"always\", \"split\": true}", "<file>, $.pre_tokenizer.replacement: expected a single character, got \"__\"");
        set(c, "Replace decoder with an object pattern", "/decoder", "{\"type\": \"Replace\", \"pattern\": {\"Nope\": \"x\"}, \"content\": \" \"}", "<file>, $.decoder.pattern: expected {\"Regex\": \"...\"} or {\"String\": \"...\"}");
        return c.cases();
    }

    private static String supported(Stage<?> stage) {
        return String.join(", ", Codecs.builtin().types(stage));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void brokenFile(HostileFiles.Case c) throws Exception {
        FILES.check(dir, "tokenizer.json", c, f -> TokenizerJson.read(f).encode("Hello worlds!").size() + " tokens");
    }

    @AfterAll
    static void report() {
        System.out.println(FILES.report("tokenizer.json"));
    }

    // ---- helpers

    private static void raw(HostileFiles.Table c, String name, String json, String expected) {
        c.add(name, json, expected);
    }

    /** BASE with the value at {@code pointer} set to the JSON {@code value}, or removed for {@code null}. */
    private static void set(HostileFiles.Table c, String name, String pointer, String value, String expected) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
            String key = pointer.substring(slash + 1);
            JsonNode v = value == null ? null : MAPPER.readTree(value);
            if (parent instanceof ObjectNode o) {
                if (v == null) {
                    o.remove(key);
                } else {
                    o.set(key, v);
                }
            } else {
                ((ArrayNode) parent).set(Integer.parseInt(key), v);
            }
            raw(c, name, MAPPER.writeValueAsString(root), expected);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
