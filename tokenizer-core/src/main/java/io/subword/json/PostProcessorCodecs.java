package io.subword.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.post.BertProcessing;
import io.subword.post.ByteLevelPostProcessor;
import io.subword.post.ChainablePostProcessor;
import io.subword.post.PostProcessor;
import io.subword.post.RobertaProcessing;
import io.subword.post.SequenceProcessing;
import io.subword.post.TemplateProcessing;
import io.subword.post.TemplateProcessing.Piece;
import io.subword.post.TemplateProcessing.SequencePiece;
import io.subword.post.TemplateProcessing.SpecialPiece;
import io.subword.post.TemplateProcessing.SpecialToken;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Codecs of the post-processors: {@code BertProcessing}, {@code TemplateProcessing}, {@code Sequence},
 * {@code ByteLevel}, {@code RobertaProcessing}.
 */
final class PostProcessorCodecs {
    private PostProcessorCodecs() {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** {@code {"type":"BertProcessing","sep":["[SEP]",102],"cls":["[CLS]",101]}} */
    static final ComponentCodec<PostProcessor> BERT = ComponentCodec.of(Stage.POST_PROCESSOR, "BertProcessing",
            BertProcessing.class,
            in -> {
                JsonNode sep = tokenAndId(in, "sep");
                JsonNode cls = tokenAndId(in, "cls");
                return new BertProcessing(sep.get(0).textValue(), sep.get(1).intValue(), cls.get(0).textValue(),
                        cls.get(1).intValue());
            },
            (p, out, codecs) -> {
                out.set("sep", F.arrayNode().add(p.sepToken()).add(p.sepId()));
                out.set("cls", F.arrayNode().add(p.clsToken()).add(p.clsId()));
            });

    /**
     * {@code {"type":"TemplateProcessing","single":[...],"pair":[...],"special_tokens":{...}}}, pieces as
     * {@code {"SpecialToken":{"id":"[CLS]","type_id":0}}} or {@code {"Sequence":{"id":"A","type_id":0}}}.
     * A template or piece in Hugging Face's string form ({@code "[CLS] $A [SEP]"}) is read too.
     */
    static final ComponentCodec<PostProcessor> TEMPLATE = ComponentCodec.of(Stage.POST_PROCESSOR,
            "TemplateProcessing", TemplateProcessing.class,
            in -> {
                List<Piece> single = template(in, "single");
                List<Piece> pair = template(in, "pair");
                Map<String, SpecialToken> specials = specialTokens(in);
                try {
                    return new TemplateProcessing(single, pair, specials);
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
                }
            },
            (t, out, codecs) -> {
                out.set("single", writeTemplate(t.single()));
                out.set("pair", writeTemplate(t.pair()));
                ObjectNode specials = F.objectNode();
                // Hugging Face writes the map sorted by key
                for (Map.Entry<String, SpecialToken> e : new TreeMap<>(t.specialTokens()).entrySet()) {
                    ObjectNode s = F.objectNode();
                    s.put("id", e.getValue().id());
                    ArrayNode ids = s.putArray("ids");
                    for (int id : e.getValue().ids()) {
                        ids.add(id);
                    }
                    ArrayNode tokens = s.putArray("tokens");
                    e.getValue().tokens().forEach(tokens::add);
                    specials.set(e.getKey(), s);
                }
                out.set("special_tokens", specials);
            });

    /** {@code {"type":"Sequence","processors":[...]}}; each step must be able to run in a chain. */
    static final ComponentCodec<PostProcessor> SEQUENCE = ComponentCodec.of(Stage.POST_PROCESSOR, "Sequence",
            SequenceProcessing.class,
            in -> {
                List<PostProcessor> steps = in.components(Stage.POST_PROCESSOR, "processors");
                List<ChainablePostProcessor> chain = new ArrayList<>(steps.size());
                for (int i = 0; i < steps.size(); i++) {
                    if (!(steps.get(i) instanceof ChainablePostProcessor c)) {
                        throw in.errorAt(in.pathOf("processors") + "[" + i + "]",
                                "this post-processor cannot run inside a Sequence");
                    }
                    chain.add(c);
                }
                return new SequenceProcessing(chain);
            },
            (s, out, codecs) -> out.set("processors", codecs.writeAll(Stage.POST_PROCESSOR, s.processors())));

    /**
     * {@code {"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}}; {@code use_regex}
     * does not matter after tokenization and is written as {@code true}.
     */
    static final ComponentCodec<PostProcessor> BYTE_LEVEL = ComponentCodec.of(Stage.POST_PROCESSOR, "ByteLevel",
            ByteLevelPostProcessor.class,
            in -> new ByteLevelPostProcessor().withTrimOffsets(in.optBool("trim_offsets", true))
                    .withAddPrefixSpace(in.optBool("add_prefix_space", true)),
            (p, out, codecs) -> {
                out.put("add_prefix_space", p.addPrefixSpace());
                out.put("trim_offsets", p.trimOffsets());
                out.put("use_regex", true);
            });

    /**
     * {@code {"type":"RobertaProcessing","sep":["</s>",2],"cls":["<s>",0],"trim_offsets":true,
     * "add_prefix_space":true}}
     */
    static final ComponentCodec<PostProcessor> ROBERTA = ComponentCodec.of(Stage.POST_PROCESSOR,
            "RobertaProcessing", RobertaProcessing.class,
            in -> {
                JsonNode sep = tokenAndId(in, "sep");
                JsonNode cls = tokenAndId(in, "cls");
                return new RobertaProcessing(sep.get(0).textValue(), sep.get(1).intValue(), cls.get(0).textValue(),
                        cls.get(1).intValue(), in.optBool("trim_offsets", true), in.optBool("add_prefix_space", true));
            },
            (p, out, codecs) -> {
                out.set("sep", F.arrayNode().add(p.sepToken()).add(p.sepId()));
                out.set("cls", F.arrayNode().add(p.clsToken()).add(p.clsId()));
                out.put("trim_offsets", p.trimOffsets());
                out.put("add_prefix_space", p.addPrefixSpace());
            });

    static final List<ComponentCodec<?>> ALL = List.of(BERT, TEMPLATE, SEQUENCE, BYTE_LEVEL, ROBERTA);

    /** A {@code ["token", id]} pair. */
    private static JsonNode tokenAndId(JsonObjectReader in, String field) throws TokenizerJsonException {
        JsonNode v = in.asArray(in.required(field), in.pathOf(field));
        if (v.size() != 2) {
            throw in.errorAt(in.pathOf(field), "expected [token, id], got an array of " + v.size());
        }
        in.asString(v.get(0), in.pathOf(field) + "[0]");
        in.asInt(v.get(1), in.pathOf(field) + "[1]");
        return v;
    }

    private static List<Piece> template(JsonObjectReader in, String field) throws TokenizerJsonException {
        JsonNode v = in.required(field);
        String place = in.pathOf(field);
        if (v.isTextual()) {
            try {
                return TemplateProcessing.parseTemplate(v.textValue());
            } catch (IllegalArgumentException e) {
                throw in.errorAt(place, e.getMessage());
            }
        }
        in.asArray(v, place);
        List<Piece> pieces = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            pieces.add(piece(in, v.get(i), place + "[" + i + "]"));
        }
        return pieces;
    }

    private static Piece piece(JsonObjectReader in, JsonNode v, String place) throws TokenizerJsonException {
        if (v.isTextual()) {
            try {
                return Piece.parse(v.textValue());
            } catch (IllegalArgumentException e) {
                throw in.errorAt(place, e.getMessage());
            }
        }
        JsonObjectReader o = in.asObject(v, place);
        if (o.node().size() != 1) {
            throw o.error("expected {\"Sequence\": {...}} or {\"SpecialToken\": {...}}");
        }
        String kind = o.node().fieldNames().next();
        switch (kind) {
            case "Sequence" -> {
                JsonObjectReader s = o.object("Sequence");
                String id = s.string("id");
                int typeId = s.integer("type_id");
                return switch (id) {
                    case "A" -> new SequencePiece(TemplateProcessing.Sequence.A, typeId);
                    case "B" -> new SequencePiece(TemplateProcessing.Sequence.B, typeId);
                    default -> throw s.errorAt(s.pathOf("id"), "unknown sequence " + io.subword.vocab.Vocabulary.quote(id)
                            + " (expected \"A\" or \"B\")");
                };
            }
            case "SpecialToken" -> {
                JsonObjectReader s = o.object("SpecialToken");
                return new SpecialPiece(s.string("id"), s.integer("type_id"));
            }
            default -> throw o.errorAt(o.pathOf(kind), "unknown template piece "
                    + io.subword.vocab.Vocabulary.quote(kind) + " (expected Sequence or SpecialToken)");
        }
    }

    private static Map<String, SpecialToken> specialTokens(JsonObjectReader in) throws TokenizerJsonException {
        JsonObjectReader map = in.object("special_tokens");
        Map<String, SpecialToken> out = new LinkedHashMap<>();
        for (Iterator<String> it = map.node().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonObjectReader s = map.object(key);
            String id = s.string("id");
            JsonNode idsNode = s.asArray(s.required("ids"), s.pathOf("ids"));
            JsonNode tokensNode = s.asArray(s.required("tokens"), s.pathOf("tokens"));
            int[] ids = new int[idsNode.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = s.asInt(idsNode.get(i), s.pathOf("ids") + "[" + i + "]");
            }
            List<String> tokens = new ArrayList<>(tokensNode.size());
            for (int i = 0; i < tokensNode.size(); i++) {
                tokens.add(s.asString(tokensNode.get(i), s.pathOf("tokens") + "[" + i + "]"));
            }
            try {
                out.put(key, new SpecialToken(id, ids, tokens));
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage());
            }
        }
        return out;
    }

    private static ArrayNode writeTemplate(List<Piece> pieces) {
        ArrayNode out = F.arrayNode();
        for (Piece p : pieces) {
            ObjectNode inner = F.objectNode();
            if (p instanceof SequencePiece s) {
                inner.put("id", s.id().name());
                inner.put("type_id", s.typeId());
                out.addObject().set("Sequence", inner);
            } else {
                SpecialPiece s = (SpecialPiece) p;
                inner.put("id", s.id());
                inner.put("type_id", s.typeId());
                out.addObject().set("SpecialToken", inner);
            }
        }
        return out;
    }
}
