package io.subword.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.AddedToken;
import io.subword.Tokenizer;
import io.subword.bpe.Bpe;
import io.subword.pretokenize.PreTokenizer;
import io.subword.model.Model;
import io.subword.post.Padding;
import io.subword.post.Truncation;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes Hugging Face's {@code tokenizer.json}.
 *
 * <p>Reading follows Hugging Face's deserializer: {@code "version"} must be {@code "1.0"} when present;
 * {@code normalizer}, {@code pre_tokenizer}, {@code post_processor}, {@code decoder}, {@code truncation} and
 * {@code padding} may be missing or {@code null}; {@code model} is required (its {@code "type"} may be left
 * out, as older files do); unknown top-level keys are ignored. Each component is read by the
 * {@link ComponentCodec} of its {@code "type"} in a {@link Codecs} registry. Added tokens get the ids Hugging
 * Face gives them, whatever their {@code "id"} says: the model's id for a content in its vocabulary, else the
 * next free id after the vocabulary.
 *
 * <p>Writing produces what Hugging Face writes: the same keys in the same order, components with
 * {@code "type"} first, the vocabulary in id order, added tokens sorted by id, pretty-printed with two
 * spaces.
 *
 * <p>Every problem is a {@link TokenizerJsonException} naming the file and the place: {@code line L, column C}
 * for malformed JSON, else a JSON path such as {@code $.pre_tokenizer.type}.
 */
public final class TokenizerJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // a repeated key would silently let the later value win; like VocabJson, reject it
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TokenizerJson() {
    }

    /** Reads {@code file} with the built-in codecs. */
    public static Tokenizer read(Path file) throws InputFormatException, IOException {
        return read(file, Codecs.builtin());
    }

    /** Reads {@code file} with the codecs of {@code codecs}. */
    public static Tokenizer read(Path file, Codecs codecs) throws InputFormatException, IOException {
        String json;
        try {
            json = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new TokenizerJsonException(file, null, "the file is not valid UTF-8", e);
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte order mark, skipped as every reader of this library does
        }
        return parse(json, file, codecs);
    }

    /**
     * Parses a tokenizer.json held in a string.
     *
     * @param nameForErrors the name error messages give the input, or {@code null}
     */
    public static Tokenizer parse(String json, Path nameForErrors) throws InputFormatException {
        return parse(json, nameForErrors, Codecs.builtin());
    }

    public static Tokenizer parse(String json, Path nameForErrors, Codecs codecs) throws InputFormatException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(json)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new TokenizerJsonException(nameForErrors, where(parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON object");
            }
        } catch (JsonProcessingException e) {
            // Jackson's message without its "[Source: ...; line: L, column: C]" decorations
            String problem = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]",
                    "line $1, column $2");
            throw new TokenizerJsonException(nameForErrors, where(e.getLocation()), problem, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string", e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new TokenizerJsonException(nameForErrors, "$", "expected an object, got "
                    + (root == null || root.isMissingNode() ? "nothing" : JsonObjectReader.describe(root)));
        }
        String lone = loneSurrogate(root, "$");
        if (lone != null) {
            throw new TokenizerJsonException(nameForErrors, lone, "lone surrogate in a string");
        }
        return read(new JsonObjectReader(nameForErrors, "$", (ObjectNode) root, codecs), codecs);
    }

    /**
     * The JSON path of the first string (key or value) holding an unpaired surrogate, or {@code null}. serde_json
     * (Hugging Face) rejects {@code "\ud800"} escapes; Jackson accepts them, so they are checked here. Paths
     * are built only on the way back from a find.
     */
    private static String loneSurrogate(JsonNode node, String path) {
        if (node.isTextual()) {
            return hasLoneSurrogate(node.textValue()) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isContainerNode() || child.isTextual()) {
                    String found = loneSurrogate(child, "");
                    if (found != null) {
                        return path + "[" + i + "]" + found;
                    }
                }
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode child = e.getValue();
                String found = hasLoneSurrogate(e.getKey()) ? ""
                        : child.isContainerNode() || child.isTextual() ? loneSurrogate(child, "") : null;
                if (found != null) {
                    return path + member(e.getKey()) + found;
                }
            }
        }
        return null;
    }

    /** {@code .key} for a plain key, else {@code ["key"]} with quotes, controls and surrogates escaped. */
    private static String member(String key) {
        if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "." + key;
        }
        StringBuilder sb = new StringBuilder("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append("\"]").toString();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String where(JsonLocation at) {
        return at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static Tokenizer read(JsonObjectReader in, Codecs codecs) throws TokenizerJsonException {
        if (in.has("version")) {
            String version = in.string("version");
            if (!version.equals("1.0")) {
                throw in.errorAt(in.pathOf("version"), "unknown tokenizer version " + Vocabulary.quote(version)
                        + " (supported: 1.0)");
            }
        }
        Model model = readModel(in, codecs);
        PreTokenizer preTokenizer = in.has("pre_tokenizer") ? in.component(Stage.PRE_TOKENIZER, "pre_tokenizer") : null;
        Tokenizer.Builder b = Tokenizer.builder(model);
        if (model instanceof Bpe bpe && bpe.dropout() != null && bpe.dropout() > 0) {
            // Hugging Face merges with dropout whenever the file sets it; here it is seeded (0) for repeatability
            b.sampling(io.subword.model.SubwordSampling.bpeDropout(bpe.dropout(), 0));
        }
        if (in.has("normalizer")) {
            b.normalizer(in.component(Stage.NORMALIZER, "normalizer"));
        }
        b.preTokenizer(preTokenizer);
        if (in.has("post_processor")) {
            b.postProcessor(in.component(Stage.POST_PROCESSOR, "post_processor"));
        }
        if (in.has("decoder")) {
            b.decoder(in.component(Stage.DECODER, "decoder"));
        }
        if (in.has("truncation")) {
            b.truncation(readTruncation(in.object("truncation")));
        }
        if (in.has("padding")) {
            b.padding(readPadding(in.object("padding")));
        }
        if (in.has("added_tokens")) {
            b.addedTokens(readAddedTokens(in, model.vocabulary()));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw in.errorAt(in.pathOf("added_tokens"), e.getMessage());
        }
    }

    /** The model; without a {@code "type"} it is told by its fields, as Hugging Face's untagged fallback does. */
    private static Model readModel(JsonObjectReader root, Codecs codecs) throws TokenizerJsonException {
        JsonObjectReader in = root.object("model");
        if (in.node().has("type")) {
            return codecs.read(Stage.MODEL, in);
        }
        String type;
        if (in.node().has("merges")) {
            type = "BPE";
        } else if (in.node().has("continuing_subword_prefix") || in.node().has("max_input_chars_per_word")) {
            type = "WordPiece";
        } else if (in.node().path("vocab").isArray()) {
            type = "Unigram";
        } else {
            type = "WordLevel";
        }
        return codecs.read(Stage.MODEL, type, in);
    }

    /**
     * The added tokens with the ids Hugging Face gives them ({@link AddedIds}), which may differ from the file's
     * {@code "id"}s. A token exactly like one read before is skipped; a later token with the same content
     * replaces the earlier one's flags.
     */
    private static List<AddedToken> readAddedTokens(JsonObjectReader in, Vocabulary modelVocab)
            throws TokenizerJsonException {
        AddedIds ids = new AddedIds(modelVocab);
        Map<String, AddedToken> byContent = new LinkedHashMap<>();
        for (JsonObjectReader t : in.objects("added_tokens")) {
            t.integer("id"); // required, as in Hugging Face, but not used
            String content = t.string("content");
            if (content.isEmpty()) {
                throw t.errorAt(t.pathOf("content"), "an added token needs content");
            }
            boolean special = t.optBool("special", false);
            byContent.put(content, new AddedToken(content, ids.idOf(content), special,
                    t.optBool("single_word", false), t.optBool("lstrip", false), t.optBool("rstrip", false),
                    t.optBool("normalized", !special)));
        }
        return new ArrayList<>(byContent.values());
    }

    /**
     * Hugging Face's ids for added tokens read from a file (tokenizers 0.21, {@code AddedVocabulary.add_tokens}),
     * which ignore the file's {@code "id"}: in file order, a token takes the id its content already has, among
     * the added tokens so far or else in the model's vocabulary; any other token takes the next free id, which
     * is the model's token count while no added id has reached it, else one more than the largest added id. So
     * an added token outside the model's vocabulary keeps its id only if the ids run on from the vocabulary.
     */
    static final class AddedIds {
        private final Vocabulary model;
        private final int modelCount;
        private final Map<String, Integer> ids = new HashMap<>();
        private int maxId = -1;

        AddedIds(Vocabulary model) {
            this.model = model;
            this.modelCount = model.tokenCount();
        }

        /** The id of the next added token read, whose content is {@code content}. */
        int idOf(String content) {
            Integer known = ids.get(content);
            int id;
            if (known != null) {
                id = known;
            } else if (model.id(content) >= 0) {
                id = model.id(content);
            } else {
                id = maxId < 0 ? modelCount : maxId >= modelCount || modelCount == 0 ? maxId + 1 : modelCount;
            }
            ids.put(content, id);
            maxId = Math.max(maxId, id);
            return id;
        }
    }

    private static Truncation readTruncation(JsonObjectReader in) throws TokenizerJsonException {
        Truncation.Direction direction = in.has("direction")
                ? choose(in, "direction", "truncation direction", Truncation.Direction.values(), "Left", "Right")
                : Truncation.Direction.RIGHT;
        int maxLength = in.integer("max_length");
        Truncation.Strategy strategy = choose(in, "strategy", "truncation strategy", Truncation.Strategy.values(),
                "LongestFirst", "OnlyFirst", "OnlySecond");
        int stride = in.integer("stride");
        return new Truncation(maxLength, strategy, stride, direction);
    }

    private static Padding readPadding(JsonObjectReader in) throws TokenizerJsonException {
        JsonNode strategy = in.required("strategy");
        Padding.Strategy kind;
        int length = 0;
        if (strategy.isTextual() && strategy.textValue().equals("BatchLongest")) {
            kind = Padding.Strategy.BATCH_LONGEST;
        } else if (strategy.isObject() && strategy.size() == 1 && strategy.has("Fixed")) {
            kind = Padding.Strategy.FIXED;
            length = in.asInt(strategy.get("Fixed"), in.pathOf("strategy") + ".Fixed");
            if (length == 0) {
                throw in.errorAt(in.pathOf("strategy") + ".Fixed", "fixed padding needs a length > 0");
            }
        } else {
            throw in.errorAt(in.pathOf("strategy"), "expected \"BatchLongest\" or {\"Fixed\": length}, got "
                    + JsonObjectReader.describe(strategy));
        }
        Padding.Direction direction = choose(in, "direction", "padding direction", Padding.Direction.values(),
                "Left", "Right");
        int multiple = in.optInteger("pad_to_multiple_of", 0);
        int padId = in.integer("pad_id");
        int padTypeId = in.integer("pad_type_id");
        String padToken = in.string("pad_token");
        return new Padding(kind, length, direction, multiple, padId, padTypeId, padToken);
    }

    /** The enum constant whose JSON name ({@code names}, in the same order as {@code values}) is in the field. */
    private static <E extends Enum<E>> E choose(JsonObjectReader in, String field, String what, E[] values,
                                                String... names) throws TokenizerJsonException {
        String s = in.string(field);
        for (E v : values) {
            if (jsonName(v).equals(s)) {
                return v;
            }
        }
        throw in.errorAt(in.pathOf(field), "unknown " + what + " " + Vocabulary.quote(s) + " (supported: "
                + String.join(", ", names) + ")");
    }

    /** {@code LONGEST_FIRST -> LongestFirst}, {@code LEFT -> Left}. */
    private static String jsonName(Enum<?> e) {
        StringBuilder sb = new StringBuilder();
        for (String part : e.name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    /** The tokenizer as Hugging Face's {@code tokenizer.json}, with the built-in codecs. */
    public static String toJson(Tokenizer t) {
        return toJson(t, Codecs.builtin());
    }

    /**
     * @throws IllegalArgumentException if a component has no codec in {@code codecs}
     */
    public static String toJson(Tokenizer t, Codecs codecs) {
        try {
            return MAPPER.writer(new HuggingFacePrettyPrinter()).writeValueAsString(toTree(t, codecs));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code t} to {@code file} atomically: the old file or the new one, never half of one. */
    public static void write(Tokenizer t, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(t));
    }

    /**
     * The JSON tree of {@code t}, in Hugging Face's key order.
     *
     * @throws IllegalArgumentException if a component has no codec, or if Hugging Face would give an added token
     *                                  another id ({@link AddedIds}). (A byte-level model always has a ByteLevel
     *                                  step: {@link Tokenizer.Builder#build} sees to it.)
     */
    public static ObjectNode toTree(Tokenizer t, Codecs codecs) {
        List<AddedToken> added = t.addedTokens().stream().sorted(Comparator.comparingInt(AddedToken::id)).toList();
        AddedIds hfIds = new AddedIds(t.model().vocabulary());
        for (AddedToken a : added) {
            int hf = hfIds.idOf(a.content());
            if (hf != a.id()) {
                throw new IllegalArgumentException("the added token " + Vocabulary.quote(a.content()) + " has id "
                        + a.id() + ", but Hugging Face would read it as id " + hf + ": an added token that the"
                        + " model's vocabulary lacks gets the next id after the vocabulary, whatever the file says;"
                        + " put the token in the model's vocabulary (Tokenizers.withMergeList does so for BPE)");
            }
        }
        ObjectNode root = F.objectNode();
        root.put("version", "1.0");
        root.set("truncation", t.truncation() == null ? F.nullNode() : writeTruncation(t.truncation()));
        root.set("padding", t.padding() == null ? F.nullNode() : writePadding(t.padding()));
        ArrayNode addedArray = root.putArray("added_tokens");
        added.forEach(a -> {
            ObjectNode o = addedArray.addObject();
            o.put("id", a.id());
            o.put("content", a.content());
            o.put("single_word", a.singleWord());
            o.put("lstrip", a.lstrip());
            o.put("rstrip", a.rstrip());
            o.put("normalized", a.normalized());
            o.put("special", a.special());
        });
        putComponent(root, Stage.NORMALIZER, t.normalizer(), codecs);
        putComponent(root, Stage.PRE_TOKENIZER, t.preTokenizer(), codecs);
        putComponent(root, Stage.POST_PROCESSOR, t.postProcessor(), codecs);
        putComponent(root, Stage.DECODER, t.decoder(), codecs);
        root.set("model", codecs.write(Stage.MODEL, t.model()));
        return root;
    }

    private static <T> void putComponent(ObjectNode root, Stage<T> stage, T component, Codecs codecs) {
        root.set(stage.key(), component == null ? F.nullNode() : codecs.write(stage, component));
    }

    private static ObjectNode writeTruncation(Truncation t) {
        ObjectNode o = F.objectNode();
        o.put("direction", jsonName(t.direction()));
        o.put("max_length", t.maxLength());
        o.put("strategy", jsonName(t.strategy()));
        o.put("stride", t.stride());
        return o;
    }

    private static ObjectNode writePadding(Padding p) {
        ObjectNode o = F.objectNode();
        if (p.strategy() == Padding.Strategy.FIXED) {
            o.putObject("strategy").put("Fixed", p.length());
        } else {
            o.put("strategy", "BatchLongest");
        }
        o.put("direction", jsonName(p.direction()));
        if (p.padToMultipleOf() == 0) {
            o.putNull("pad_to_multiple_of");
        } else {
            o.put("pad_to_multiple_of", p.padToMultipleOf());
        }
        o.put("pad_id", p.padId());
        o.put("pad_type_id", p.padTypeId());
        o.put("pad_token", p.padToken());
        return o;
    }

    /** serde_json's pretty format: two-space indents, {@code "key": value}, one array element per line. */
    private static final class HuggingFacePrettyPrinter extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        HuggingFacePrettyPrinter() {
            super(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new HuggingFacePrettyPrinter();
        }
    }

}
