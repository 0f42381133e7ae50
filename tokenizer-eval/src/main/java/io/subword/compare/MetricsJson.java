package io.subword.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A comparison as {@code metrics.json}: the held-out text, then per model and vocabulary size the counts and
 * rates of {@link Metrics} (on all lines and per language), then the example splits. Counts are exact; rates
 * are fractions (0.25, not 25%). The layout:
 * <pre>{@code
 * {"info": {...}, "heldOut": {"name", "lines", "words", "wordTypes", "chars", "bytes", "linesByLanguage": {...}},
 *  "models": [{"model": "wordpiece", "vocabSize": 4000, "all": {METRICS}, "byLanguage": {"en": {METRICS}, ...}}],
 *  "examples": [{"word", "language", "trainingCount", "heldOutCount",
 *                "splits": [{"model", "vocabSize", "pieces": ["in", "##ima"], "unknown": [false, false]}]}]}
 * }</pre>
 */
public final class MetricsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    /** The JSON text, pretty-printed; {@code info} holds free-form facts (corpus, timings) written first. */
    public static String toJson(ComparisonResult result, Map<String, String> info) {
        ObjectNode root = F.objectNode();
        ObjectNode i = root.putObject("info");
        info.forEach(i::put);
        ComparisonResult.HeldOut h = result.heldOut();
        ObjectNode held = root.putObject("heldOut");
        held.put("name", h.name());
        held.put("lines", h.lines());
        held.put("words", h.words());
        held.put("wordTypes", h.wordTypes());
        held.put("chars", h.chars());
        held.put("bytes", h.bytes());
        ObjectNode langs = held.putObject("linesByLanguage");
        h.linesByLanguage().forEach(langs::put);
        ArrayNode models = root.putArray("models");
        for (ModelResult m : result.models()) {
            ObjectNode o = models.addObject();
            o.put("model", m.model());
            o.put("vocabSize", m.vocabSize());
            o.set("all", metrics(m.all()));
            ObjectNode by = o.putObject("byLanguage");
            m.byLanguage().forEach((lang, metrics) -> by.set(lang, metrics(metrics)));
        }
        ArrayNode examples = root.putArray("examples");
        for (Example e : result.examples()) {
            ObjectNode o = examples.addObject();
            o.put("word", e.word());
            o.put("language", e.language());
            o.put("trainingCount", e.trainingCount());
            o.put("heldOutCount", e.heldOutCount());
            ArrayNode splits = o.putArray("splits");
            for (Example.Split s : e.splits()) {
                ObjectNode so = splits.addObject();
                so.put("model", s.model());
                so.put("vocabSize", s.vocabSize());
                ArrayNode pieces = so.putArray("pieces");
                ArrayNode unknown = so.putArray("unknown");
                for (Example.Piece p : s.pieces()) {
                    pieces.add(p.text());
                    unknown.add(p.unknown());
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode metrics(Metrics m) {
        ObjectNode o = F.objectNode();
        o.put("lines", m.lines());
        o.put("words", m.words());
        o.put("wordTypes", m.wordTypes());
        o.put("tokens", m.tokens());
        o.put("chars", m.chars());
        o.put("bytes", m.bytes());
        o.put("unkTokens", m.unkTokens());
        o.put("unkWords", m.unkWords());
        o.put("unkWordTypes", m.unkWordTypes());
        o.put("wholeWords", m.wholeWords());
        o.put("unkTokenRate", m.unkTokenRate());
        o.put("unkWordRate", m.unkWordRate());
        o.put("unkWordTypeRate", m.unkWordTypeRate());
        o.put("wholeWordRate", m.wholeWordRate());
        o.set("fertility", distribution(m.fertility()));
        o.put("charsPerToken", m.charsPerToken());
        o.put("bytesPerToken", m.bytesPerToken());
        o.set("sequenceLength", distribution(m.sequenceLength()));
        o.put("vocabSize", m.vocabSize());
        o.put("vocabUsed", m.vocabUsed());
        o.put("vocabUse", m.vocabUse());
        return o;
    }

    private static ObjectNode distribution(Distribution d) {
        ObjectNode o = F.objectNode();
        o.put("count", d.count());
        o.put("mean", d.mean());
        o.put("p50", d.p50());
        o.put("p90", d.p90());
        o.put("p99", d.p99());
        o.put("max", d.max());
        ArrayNode h = o.putArray("histogram");
        for (long c : d.histogram()) {
            h.add(c);
        }
        return o;
    }
}
