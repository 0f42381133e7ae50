package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.model.Model;
import io.subword.vocab.Vocabulary;
import io.subword.wordpiece.WordPiece;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Codecs of the models: {@code WordPiece}; helpers for the {@code "vocab"} object every model has. */
final class ModelCodecs {
    private ModelCodecs() {
    }

    /**
     * {@code {"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##",
     * "max_input_chars_per_word":100,"vocab":{...}}}; all fields are required, as in Hugging Face.
     */
    static final ComponentCodec<Model> WORD_PIECE = ComponentCodec.of(Stage.MODEL, "WordPiece", WordPiece.class,
            in -> {
                String unk = in.string("unk_token");
                String prefix = in.string("continuing_subword_prefix");
                int maxChars = in.integer("max_input_chars_per_word");
                Vocabulary vocab = readVocab(in, "vocab");
                try {
                    return WordPiece.of(vocab, unk, prefix, maxChars);
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
                }
            },
            (m, out, codecs) -> {
                out.put("unk_token", m.unkToken());
                out.put("continuing_subword_prefix", m.continuingSubwordPrefix());
                out.put("max_input_chars_per_word", m.maxInputCharsPerWord());
                out.set("vocab", writeVocab(m.vocabulary()));
            });

    static final List<ComponentCodec<?>> ALL = List.of(WORD_PIECE);

    /**
     * The {@code token -> id} object in {@code field} as a vocabulary.
     *
     * @throws TokenizerJsonException naming the entry with a bad id, or an id given twice
     */
    static Vocabulary readVocab(JsonObjectReader in, String field) throws TokenizerJsonException {
        JsonObjectReader vocab = in.object(field);
        ObjectNode node = vocab.node();
        Map<String, Integer> map = new HashMap<>(node.size() * 2);
        Map<Integer, String> byId = new HashMap<>(node.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String place = vocab.path() + "[" + jsonString(e.getKey()) + "]";
            int id = vocab.asInt(e.getValue(), place);
            if (id > Vocabulary.MAX_ID) {
                throw vocab.errorAt(place, "id " + id + " is too large (at most " + Vocabulary.MAX_ID + ")");
            }
            String previous = byId.putIfAbsent(id, e.getKey());
            if (previous != null) {
                throw vocab.errorAt(place, "id " + id + " is also given to " + Vocabulary.quote(previous));
            }
            map.put(e.getKey(), id);
        }
        return Vocabulary.fromMap(map);
    }

    /** The vocabulary as a {@code token -> id} object in id order, as Hugging Face writes it; gaps are skipped. */
    static ObjectNode writeVocab(Vocabulary vocabulary) {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        List<String> tokens = vocabulary.tokens();
        for (int id = 0; id < tokens.size(); id++) {
            if (tokens.get(id) != null) {
                out.put(tokens.get(id), id);
            }
        }
        return out;
    }

    private static String jsonString(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
