package io.subword.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our {@code TokenizerJson.write} of the loaded BERT uncased tokenizer is a tokenizer.json that Hugging Face
 * loads and that encodes exactly as the original does.
 */
class TokenizerJsonParityTest {
    /** Every this many-th Europarl line is encoded (1,100 lines, 1.3 MB). */
    static final int EVERY = 16;

    @TempDir
    static Path dir;
    private static Path written;

    @BeforeAll
    static void write() throws Exception {
        Tokenizer ours = Tokenizers.fromFile(RealData.bertUncasedTokenizerJson());
        written = dir.resolve("tokenizer.json");
        TokenizerJson.write(ours, written);
    }

    @Test
    void huggingFaceEncodesEuroparlIdenticallyWithTheWrittenFile() {
        List<String> lines = RealData.europarlLines();
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += EVERY) {
            sample.add(lines.get(i));
        }
        Mismatches m = new Mismatches("Europarl with the written tokenizer.json");
        try (HfReference original = HfReference.load(RealData.bertUncasedTokenizerJson(), true);
             HfReference rewritten = HfReference.load(written, true)) {
            List<RefEncoding> a = original.encodeBatch(sample);
            List<RefEncoding> b = rewritten.encodeBatch(sample);
            for (int i = 0; i < sample.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    m.add("Europarl line " + (i * EVERY + 1), "original: " + a.get(i).describe() + "\n  written:  "
                            + b.get(i).describe());
                }
            }
        }
        m.assertNone();
    }

    @Test
    void theWrittenLimitsAreTheOriginalOnes() {
        assertEquals(HfReference.Limits.fromJson(RealData.bertUncasedTokenizerJson()),
                HfReference.Limits.fromJson(written));
        try (HfReference configured = HfReference.loadAsConfigured(written, true)) {
            RefEncoding e = configured.encode("hello world");
            assertEquals(128, e.size());
            assertArrayEquals(new int[] {101, 7592, 2088, 102, 0}, java.util.Arrays.copyOf(e.ids(), 5));
        }
    }

    /** The same JSON tree as the original (object key order aside), so nothing is lost or invented. */
    @Test
    void theWrittenTreeEqualsTheOriginal() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode original = mapper.readTree(RealData.bertUncasedTokenizerJson().toFile());
        JsonNode ours = mapper.readTree(written.toFile());
        List<String> diffs = new ArrayList<>();
        diff("$", original, ours, diffs);
        if (!diffs.isEmpty()) {
            fail(diffs.size() + " differences between the original and the written tokenizer.json, the first "
                    + Math.min(20, diffs.size()) + ":\n" + String.join("\n", diffs.subList(0, Math.min(20,
                    diffs.size()))));
        }
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!b.has(e.getKey())) {
                    out.add(path + "." + e.getKey() + ": missing in ours (original " + brief(e.getValue()) + ")");
                } else {
                    diff(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()), out);
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    out.add(path + "." + k + ": only in ours (" + brief(b.get(k)) + ")");
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else {
            out.add(path + ": original " + brief(a) + ", ours " + brief(b));
        }
    }

    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
