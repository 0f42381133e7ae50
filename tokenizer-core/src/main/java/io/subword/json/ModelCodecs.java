package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.bpe.Bpe;
import io.subword.model.Model;
import io.subword.unigram.Unigram;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.wordpiece.WordPiece;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Codecs of the models: {@code WordPiece}, {@code BPE}, {@code Unigram}; helpers for the {@code "vocab"} object every model has. */
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

    /**
     * {@code {"type":"BPE","dropout":null,"unk_token":null,"continuing_subword_prefix":null,
     * "end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":false,"vocab":{...},
     * "merges":[["a","b"],...]}}. Merges are read in both of Hugging Face's forms, {@code "a b"} (before 0.20)
     * and {@code ["a","b"]}, and written in the second, as Hugging Face 0.20 and later write them. Whether the
     * model is byte-level is not a field: {@link TokenizerJson} makes it byte-level when the pre-tokenizer has
     * a {@code ByteLevel} step, the way Hugging Face's byte-level tokenizers work.
     */
    static final ComponentCodec<Model> BPE = ComponentCodec.of(Stage.MODEL, "BPE", Bpe.class,
            ModelCodecs::readBpe,
            (m, out, codecs) -> {
                if (m.dropout() == null) {
                    out.putNull("dropout");
                } else {
                    out.put("dropout", m.dropout());
                }
                putNullable(out, "unk_token", m.unkToken());
                putNullable(out, "continuing_subword_prefix", m.continuingSubwordPrefix());
                putNullable(out, "end_of_word_suffix", m.endOfWordSuffix());
                out.put("fuse_unk", m.fuseUnk());
                out.put("byte_fallback", m.byteFallback());
                out.put("ignore_merges", m.ignoreMerges());
                out.set("vocab", writeVocab(m.vocabulary()));
                ArrayNode merges = out.putArray("merges");
                for (Merge merge : m.merges().merges(m.vocabulary())) {
                    merges.addArray().add(merge.left()).add(merge.right());
                }
            });

    /**
     * {@code {"type":"Unigram","unk_id":0,"vocab":[["<unk>",0.0],["▁the",-3.2],...],"byte_fallback":false}}:
     * ids are positions in {@code vocab}, each entry a piece and its score; {@code unk_id} may be {@code null}
     * and {@code byte_fallback} missing, as Hugging Face reads them.
     */
    static final ComponentCodec<Model> UNIGRAM = ComponentCodec.of(Stage.MODEL, "Unigram", Unigram.class,
            ModelCodecs::readUnigram,
            (m, out, codecs) -> {
                if (m.unkId() < 0) {
                    out.putNull("unk_id");
                } else {
                    out.put("unk_id", m.unkId());
                }
                ArrayNode vocab = out.putArray("vocab");
                for (int id = 0; id < m.size(); id++) {
                    vocab.addArray().add(m.piece(id)).add(m.score(id));
                }
                out.put("byte_fallback", m.byteFallback());
            });

    static final List<ComponentCodec<?>> ALL = List.of(WORD_PIECE, BPE, UNIGRAM);

    private static Unigram readUnigram(JsonObjectReader in) throws TokenizerJsonException {
        JsonNode vocab = in.asArray(in.required("vocab"), in.pathOf("vocab"));
        List<String> pieces = new ArrayList<>(vocab.size());
        double[] scores = new double[vocab.size()];
        for (int i = 0; i < vocab.size(); i++) {
            JsonNode entry = vocab.get(i);
            String place = in.pathOf("vocab") + "[" + i + "]";
            if (!entry.isArray() || entry.size() != 2) {
                throw in.errorAt(place, "expected [piece, score], got " + JsonObjectReader.describe(entry));
            }
            pieces.add(in.asString(entry.get(0), place + "[0]"));
            JsonNode score = entry.get(1);
            if (!score.isNumber()) {
                throw in.errorAt(place + "[1]", "expected a score (a number), got " + JsonObjectReader.describe(score));
            }
            scores[i] = score.doubleValue();
        }
        int unkId = -1;
        if (in.has("unk_id")) {
            unkId = in.integer("unk_id");
            if (unkId < 0 || unkId >= pieces.size()) {
                throw in.errorAt(in.pathOf("unk_id"), "unk_id " + unkId + " is not a piece id (the vocab has "
                        + pieces.size() + " pieces)");
            }
        }
        try {
            return Unigram.of(pieces, scores, unkId, in.optBool("byte_fallback", false));
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    private static Bpe readBpe(JsonObjectReader in) throws TokenizerJsonException {
        Vocabulary vocab = readVocab(in, "vocab");
        String prefix = in.optString("continuing_subword_prefix", null);
        List<Merge> merges = readMerges(in, "merges");
        MergeTable table;
        try {
            table = MergeTable.fromMerges(vocab, merges, prefix);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(in.pathOf("merges"), e.getMessage());
        }
        Bpe.Builder b = Bpe.builder(vocab, table)
                .unkToken(in.optString("unk_token", null))
                .continuingSubwordPrefix(prefix)
                .endOfWordSuffix(in.optString("end_of_word_suffix", null))
                .fuseUnk(in.optBool("fuse_unk", false))
                .byteFallback(in.optBool("byte_fallback", false))
                .ignoreMerges(in.optBool("ignore_merges", false));
        if (in.has("dropout")) {
            JsonNode d = in.node().get("dropout");
            if (!d.isNumber()) {
                throw in.errorAt(in.pathOf("dropout"), "expected a number or null, got " + JsonObjectReader.describe(d));
            }
            try {
                b.dropout(d.floatValue());
            } catch (IllegalArgumentException e) {
                throw in.errorAt(in.pathOf("dropout"), e.getMessage());
            }
        }
        return b.build();
    }

    /** The merges in either form: {@code "left right"} strings or {@code ["left", "right"]} arrays. */
    private static List<Merge> readMerges(JsonObjectReader in, String field) throws TokenizerJsonException {
        JsonNode array = in.asArray(in.required(field), in.pathOf(field));
        List<Merge> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode m = array.get(i);
            String place = in.pathOf(field) + "[" + i + "]";
            if (m.isTextual()) {
                String s = m.textValue();
                int space = s.indexOf(' ');
                if (space < 0 || s.indexOf(' ', space + 1) >= 0) {
                    throw in.errorAt(place, "expected two tokens separated by one space, got "
                            + JsonObjectReader.describe(m));
                }
                out.add(new Merge(s.substring(0, space), s.substring(space + 1)));
            } else if (m.isArray()) {
                if (m.size() != 2) {
                    throw in.errorAt(place, "expected [left, right], got an array of " + m.size());
                }
                out.add(new Merge(in.asString(m.get(0), place + "[0]"), in.asString(m.get(1), place + "[1]")));
            } else {
                throw in.errorAt(place, "expected \"left right\" or [left, right], got " + JsonObjectReader.describe(m));
            }
        }
        return out;
    }

    private static void putNullable(ObjectNode out, String field, String value) {
        if (value == null) {
            out.putNull(field);
        } else {
            out.put(field, value);
        }
    }

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
