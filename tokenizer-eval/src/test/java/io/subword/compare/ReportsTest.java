package io.subword.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportsTest {
    @Test
    void jsonHoldsTheExactFigures(@TempDir Path dir) throws Exception {
        ComparisonResult r = HtmlReportTest.multilingual(dir);
        JsonNode root = new ObjectMapper().readTree(MetricsJson.toJson(r, Map.of("training text", "t.txt")));
        assertEquals("t.txt", root.at("/info/training text").asText());
        assertEquals(3, root.at("/heldOut/lines").asLong());
        assertEquals(3, root.at("/models").size());
        JsonNode wp = root.at("/models/2");
        assertEquals("wordpiece", wp.get("model").asText());
        Metrics m = r.models().get(2).all();
        assertEquals(m.tokens(), wp.at("/all/tokens").asLong());
        assertEquals(m.unkTokenRate(), wp.at("/all/unkTokenRate").asDouble(), 0);
        assertEquals(m.fertility().p90(), wp.at("/all/fertility/p90").asInt());
        assertEquals(m.fertility().histogram().length, wp.at("/all/fertility/histogram").size());
        assertEquals(m.sequenceLength().p50(), wp.at("/all/sequenceLength/p50").asInt());
        assertTrue(wp.at("/byLanguage/en/words").asLong() > 0);
        JsonNode ex = root.at("/examples/0");
        assertEquals("inimagináveis", ex.get("word").asText());
        assertEquals("[UNK]", ex.at("/splits/0/pieces/0").asText());
        assertTrue(ex.at("/splits/0/unknown/0").asBoolean());
    }

    @Test
    void textTableAndSplits(@TempDir Path dir) throws Exception {
        StringWriter s = new StringWriter();
        TextReport.write(HtmlReportTest.multilingual(dir), new PrintWriter(s));
        String text = s.toString();
        assertTrue(text.startsWith("held-out text: held-out.txt: 3 lines, 15 words (11 distinct), 51 characters, 2 languages and 1 "
                        + "short/unknown line\n"),
                text);
        assertTrue(text.contains("\nmodel      vocab  UNK/token  UNK/type"), text);
        assertTrue(text.contains("  inimagináveis (?, unseen in training): word -> [UNK]; wordpiece -> [UNK]\n"), text);
        assertTrue(text.contains("UNK per word type by language"), text);
        assertTrue(text.contains("\nshort/unknown      1 "), text);
        assertTrue(text.contains(LanguageGuesser.explanation()), text);
    }

    @Test
    void compactSizesAndPercents() {
        assertEquals("1k", Sizes.compact(1000));
        assertEquals("1500", Sizes.compact(1500));
        assertEquals("2M", Sizes.compact(2_000_000));
        assertEquals("12.3%", Sizes.percent(0.1234));
        assertEquals("1.23%", Sizes.percent(0.01234));
        assertEquals("0.012%", Sizes.percent(0.00012));
        assertEquals("0%", Sizes.percent(0));
        assertEquals("25%", HtmlReport.percentTick(0.25));
        assertEquals("0.1%", HtmlReport.percentTick(0.001));
    }

    @Test
    void niceTicks() {
        assertEquals("[0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5]",
                java.util.Arrays.toString(Svg.niceTicks(0.486)));
        assertEquals("[0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0]", java.util.Arrays.toString(Svg.niceTicks(1054)));
        assertEquals("[0.0, 1.0]", java.util.Arrays.toString(Svg.niceTicks(0)));
    }
}
