package io.subword.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hugging Face's {@code pattern} objects: {@code {"Regex": "..."}} or {@code {"String": "..."}}, as the
 * {@code Split} pre-tokenizer and the {@code Replace} normalizer and decoder store them.
 */
final class JsonPatterns {
    private JsonPatterns() {
    }

    /** A pattern's text and whether it is a regex. */
    record Pattern(String text, boolean regex) {
    }

    static Pattern read(JsonObjectReader in, String field) throws TokenizerJsonException {
        JsonObjectReader p = in.object(field);
        if (p.node().size() != 1 || !(p.node().has("Regex") || p.node().has("String"))) {
            throw p.error("expected {\"Regex\": \"...\"} or {\"String\": \"...\"}");
        }
        boolean regex = p.node().has("Regex");
        return new Pattern(p.string(regex ? "Regex" : "String"), regex);
    }

    static ObjectNode write(String text, boolean regex) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(regex ? "Regex" : "String", text);
        return o;
    }

    /** A single-character string field (a Rust {@code char}) as a code point. */
    static int readChar(JsonObjectReader in, String field) throws TokenizerJsonException {
        String s = in.string(field);
        if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
            throw in.errorAt(in.pathOf(field), "expected a single character, got "
                    + io.subword.vocab.Vocabulary.quote(s));
        }
        return s.codePointAt(0);
    }
}
