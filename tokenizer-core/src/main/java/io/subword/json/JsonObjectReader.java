package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object of {@code tokenizer.json} being read, with its JSON path ({@code $.model}), so that every
 * error names the file and the place. Typed accessors throw {@link TokenizerJsonException} for a missing
 * field or a value of the wrong JSON type.
 */
public final class JsonObjectReader {
    private final Path file;
    private final String path;
    private final ObjectNode node;
    private final Codecs codecs;

    JsonObjectReader(Path file, String path, ObjectNode node, Codecs codecs) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.codecs = codecs;
    }

    /** The JSON path of this object, e.g. {@code $.normalizer.normalizers[1]}. */
    public String path() {
        return path;
    }

    /** The raw node, for shapes the accessors do not cover. */
    public ObjectNode node() {
        return node;
    }

    public Path file() {
        return file;
    }

    /** The path of {@code field} in this object. */
    public String pathOf(String field) {
        return path + "." + field;
    }

    /** Whether {@code field} is present and not {@code null}. */
    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The value of a required field; {@code null} is allowed. */
    public JsonNode required(String field) throws TokenizerJsonException {
        JsonNode v = node.get(field);
        if (v == null) {
            throw error("missing field \"" + field + "\"");
        }
        return v;
    }

    public String string(String field) throws TokenizerJsonException {
        return asString(required(field), pathOf(field));
    }

    /** A string field, or {@code fallback} when it is missing or {@code null}. */
    public String optString(String field, String fallback) throws TokenizerJsonException {
        return has(field) ? asString(node.get(field), pathOf(field)) : fallback;
    }

    public boolean bool(String field) throws TokenizerJsonException {
        return asBool(required(field), pathOf(field));
    }

    /** A boolean field, or {@code fallback} when it is missing or {@code null}. */
    public boolean optBool(String field, boolean fallback) throws TokenizerJsonException {
        return has(field) ? asBool(node.get(field), pathOf(field)) : fallback;
    }

    /** An optional boolean ({@code Option<bool>} in Hugging Face): {@code null} when missing or {@code null}. */
    public Boolean nullableBool(String field) throws TokenizerJsonException {
        return has(field) ? asBool(node.get(field), pathOf(field)) : null;
    }

    /** A required non-negative integer that fits in an {@code int}. */
    public int integer(String field) throws TokenizerJsonException {
        return asInt(required(field), pathOf(field));
    }

    /** A non-negative integer, or {@code fallback} when it is missing or {@code null}. */
    public int optInteger(String field, int fallback) throws TokenizerJsonException {
        return has(field) ? asInt(node.get(field), pathOf(field)) : fallback;
    }

    /** A required object field. */
    public JsonObjectReader object(String field) throws TokenizerJsonException {
        return asObject(required(field), pathOf(field));
    }

    /** The objects of a required array field. */
    public List<JsonObjectReader> objects(String field) throws TokenizerJsonException {
        JsonNode array = asArray(required(field), pathOf(field));
        List<JsonObjectReader> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(asObject(array.get(i), pathOf(field) + "[" + i + "]"));
        }
        return out;
    }

    /** The component of {@code stage} in a required object field (as in a {@code Sequence}). */
    public <T> T component(Stage<T> stage, String field) throws TokenizerJsonException {
        return codecs.read(stage, object(field));
    }

    /** The components of {@code stage} in a required array field, e.g. a Sequence's {@code normalizers}. */
    public <T> List<T> components(Stage<T> stage, String field) throws TokenizerJsonException {
        List<T> out = new ArrayList<>();
        for (JsonObjectReader o : objects(field)) {
            out.add(codecs.read(stage, o));
        }
        return out;
    }

    /** An error at this object. */
    public TokenizerJsonException error(String problem) {
        return new TokenizerJsonException(file, path, problem);
    }

    /** An error at {@code place} (a JSON path) of this file. */
    public TokenizerJsonException errorAt(String place, String problem) {
        return new TokenizerJsonException(file, place, problem);
    }

    /** {@code value} at {@code place} as a string. */
    public String asString(JsonNode value, String place) throws TokenizerJsonException {
        if (!value.isTextual()) {
            throw errorAt(place, "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    public boolean asBool(JsonNode value, String place) throws TokenizerJsonException {
        if (!value.isBoolean()) {
            throw errorAt(place, "expected true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    /** {@code value} at {@code place} as a non-negative {@code int}. */
    public int asInt(JsonNode value, String place) throws TokenizerJsonException {
        if (!value.isIntegralNumber()) {
            throw errorAt(place, "expected a non-negative integer, got " + describe(value));
        }
        if (!value.canConvertToInt() || value.intValue() < 0) {
            throw errorAt(place, "expected a non-negative integer that fits in 31 bits, got " + value.asText());
        }
        return value.intValue();
    }

    public JsonObjectReader asObject(JsonNode value, String place) throws TokenizerJsonException {
        if (!value.isObject()) {
            throw errorAt(place, "expected an object, got " + describe(value));
        }
        return new JsonObjectReader(file, place, (ObjectNode) value, codecs);
    }

    public JsonNode asArray(JsonNode value, String place) throws TokenizerJsonException {
        if (!value.isArray()) {
            throw errorAt(place, "expected an array, got " + describe(value));
        }
        return value;
    }

    /** A short description of a JSON value for error messages: {@code string "abc"}, {@code null}, ... */
    static String describe(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String s = v.textValue();
            return "string " + io.subword.vocab.Vocabulary.quote(s.length() > 40 ? s.substring(0, 40) + "..." : s);
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return "number " + v.asText();
        }
        if (v.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
