package io.subword.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import io.subword.unigram.Unigram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tokenizer.json of our own with a Unigram model (Metaspace pre-tokenizer, {@code $A </s>} template): our
 * tokenizer gives Hugging Face's ids and code point offsets on a Europarl sample and the hard cases, with and
 * without special tokens, with and without byte fallback. The vocabulary is made here from Europarl substring
 * counts (scores are log frequencies), so it has realistic ties, unknown characters (every char seen fewer
 * than 30 times is left out) and pieces of every length.
 */
class UnigramParityTest {
    static final int EVERY = 8;

    @TempDir
    static Path dir;
    static Path plain;
    static Path bytes;

    @BeforeAll
    static void write() throws Exception {
        plain = dir.resolve("unigram.json");
        bytes = dir.resolve("unigram-bytes.json");
        Files.writeString(plain, tokenizerJson(false));
        Files.writeString(bytes, tokenizerJson(true));
    }

    /** Pieces and scores from substring counts of the first 4,000 Europarl lines. */
    static String tokenizerJson(boolean byteFallback) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        List<String> lines = RealData.europarlLines();
        for (int l = 0; l < 4000; l++) {
            for (String w : lines.get(l).split(" ")) {
                String word = "\u2581" + w;
                for (int i = 0; i < word.length(); i++) {
                    for (int j = i + 1; j <= Math.min(word.length(), i + 8); j++) {
                        counts.merge(word.substring(i, j), 1, Integer::sum);
                    }
                }
            }
        }
        List<Map.Entry<String, Integer>> chars = new ArrayList<>();
        List<Map.Entry<String, Integer>> longer = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getKey().codePointCount(0, e.getKey().length()) == 1) {
                if (e.getValue() >= 30) {
                    chars.add(e);
                }
            } else if (e.getValue() >= 40) {
                longer.add(e);
            }
        }
        Comparator<Map.Entry<String, Integer>> order = Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        longer.sort(order);
        chars.sort(order);
        List<Map.Entry<String, Integer>> pieces = new ArrayList<>(chars);
        pieces.addAll(longer.subList(0, Math.min(6000, longer.size())));
        double total = pieces.stream().mapToLong(Map.Entry::getValue).sum();

        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        added.addObject().put("id", 1).put("content", "</s>").put("single_word", false).put("lstrip", false)
                .put("rstrip", false).put("normalized", false).put("special", true);
        root.putNull("normalizer");
        root.putObject("pre_tokenizer").put("type", "Metaspace").put("replacement", "\u2581")
                .put("prepend_scheme", "always").put("split", true);
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
        ObjectNode eos = post.putObject("special_tokens").putObject("</s>");
        eos.put("id", "</s>");
        eos.putArray("ids").add(1);
        eos.putArray("tokens").add("</s>");
        root.putObject("decoder").put("type", "Metaspace").put("replacement", "\u2581")
                .put("prepend_scheme", "always").put("split", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "Unigram");
        model.put("unk_id", 0);
        ArrayNode vocab = model.putArray("vocab");
        vocab.addArray().add("<unk>").add(0.0);
        vocab.addArray().add("</s>").add(0.0);
        if (byteFallback) {
            for (int b = 0; b < 256; b++) {
                vocab.addArray().add(Unigram.bytePiece(b)).add(0.0);
            }
        }
        for (Map.Entry<String, Integer> e : pieces) {
            // float scores, as SentencePiece stores them
            vocab.addArray().add(e.getKey()).add((double) (float) Math.log(e.getValue() / total));
        }
        model.put("byte_fallback", byteFallback);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    @ParameterizedTest(name = "byte_fallback={0} special={1}")
    @CsvSource({"false,true", "false,false", "true,true", "true,false"})
    void europarlAndHardCasesMatchHuggingFace(boolean byteFallback, boolean special) throws Exception {
        Path file = byteFallback ? bytes : plain;
        Tokenizer ours = Tokenizers.fromFile(file);
        assertTrue(ours.model() instanceof Unigram);
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> lines = RealData.europarlLines();
        for (int i = 0; i < lines.size(); i += EVERY) {
            texts.add(lines.get(i));
            names.add("Europarl line " + (i + 1));
        }
        for (Map.Entry<String, String> e : BpeHardCases.CASES.entrySet()) {
            texts.add(e.getValue());
            names.add(e.getKey());
        }
        Mismatches m = new Mismatches("Unigram tokenizer.json, byte_fallback=" + byteFallback + ", special="
                + special);
        try (HfReference hf = HfReference.load(file, special)) {
            List<RefEncoding> ref = hf.encodeBatch(texts);
            List<Encoding> got = ours.encodeBatch(texts, special);
            for (int i = 0; i < texts.size(); i++) {
                m.compare(names.get(i), texts.get(i), ref.get(i), got.get(i), Mismatches.Field.OFFSETS);
            }
        }
        m.assertNone();
        assertTrue(m.compared() > 2000);
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void writtenBackTheFileIsTheSame(boolean byteFallback) throws Exception {
        Path file = byteFallback ? bytes : plain;
        Tokenizer ours = Tokenizers.fromFile(file);
        Path again = dir.resolve("again-" + byteFallback + ".json");
        TokenizerJson.write(ours, again);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(file.toFile()).get("model"), mapper.readTree(again.toFile()).get("model"));
    }
}
