package io.subword.parity;

import io.subword.AddedToken;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.subword.parity.Mismatches.Field.OFFSETS;
import static io.subword.parity.Mismatches.Field.SPECIAL_TOKENS_MASK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Added tokens in BERT uncased, as {@code tokenizer.add_tokens([...])} leaves them in a tokenizer.json, against
 * Hugging Face (DJL): {@code [E1]}, {@code [/E1]}, {@code COVID-19} and {@code Café} under every combination of
 * {@code special}, {@code normalized}, {@code lstrip}, {@code rstrip} and {@code single_word}, on some 400 lines
 * that put them inside words, at boundaries, between Unicode spaces, in other cases and with other accents. A
 * {@code normalized} token is looked for in the normalized text in its normalized form ({@code [e1]},
 * {@code covid-19}, {@code cafe}); ids, code point offsets and the special-tokens mask must be identical.
 */
class BertAddedTokensParityTest {
    private static final List<String> ADDED = List.of("[E1]", "[/E1]", "COVID-19", "Café");
    private static final int FIRST_NEW_ID = 30522;

    @TempDir
    static Path dir;
    private static String bertJson;
    private static Tokenizer bert;

    @BeforeAll
    static void readBert() throws Exception {
        bertJson = Files.readString(RealData.bertUncasedTokenizerJsonWithoutLimits());
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
    }

    /**
     * The BERT uncased file with {@link #ADDED} appended to its added tokens, all with the given flags, as
     * {@code add_tokens} would write them.
     */
    static Path withAdded(boolean special, boolean normalized, boolean lstrip, boolean rstrip, boolean singleWord)
            throws IOException {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < ADDED.size(); i++) {
            entries.append(String.format(Locale.ROOT, ", {\"id\": %d, \"content\": \"%s\", \"single_word\": %b,"
                            + " \"lstrip\": %b, \"rstrip\": %b, \"normalized\": %b, \"special\": %b}",
                    FIRST_NEW_ID + i, ADDED.get(i), singleWord, lstrip, rstrip, normalized, special));
        }
        // the added_tokens array is followed by the normalizer: the last ']' before it closes the array
        int close = bertJson.lastIndexOf(']', bertJson.indexOf("\"normalizer\""));
        String json = bertJson.substring(0, close) + entries + bertJson.substring(close);
        Path file = dir.resolve("bert-added-" + special + normalized + lstrip + rstrip + singleWord + ".json");
        Files.writeString(file, json);
        return file;
    }

    /** The defaults of {@code tokenizer.add_tokens}: not special, normalized, no stripping, not single word. */
    @Test
    void addTokensDefaultsGiveHuggingFaceIds() throws Exception {
        Path file = withAdded(false, true, false, false, false);
        Tokenizer ours = Tokenizers.fromFile(file);
        try (HfReference hf = HfReference.load(file, true)) {
            for (String[] row : new String[][] {
                    {"[E1] Paris [/E1] has COVID-19 cases", "101 30522 3000 30523 2038 30524 3572 102"},
                    {"[e1] paris [/e1] has covid-19 cases", "101 30522 3000 30523 2038 30524 3572 102"},
                    {"Le CAFÉ du Café, un cafe.", "101 3393 30525 4241 30525 1010 4895 30525 1012 102"},
                    {"x[E1]y COVID-19s", "101 1060 30522 1061 30524 1055 102"}}) {
                String text = row[0];
                int[] expected = Arrays.stream(row[1].split(" ")).mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(expected, hf.encode(text).ids(), "the reference itself");
                assertArrayEquals(expected, ours.encode(text).ids(), text);
                assertEquals(hf.decode(expected, false), ours.decode(expected, false), text);
                assertEquals(hf.decode(expected, true), ours.decode(expected, true), text);
            }
        }
    }

    /** Every flag combination, ids, offsets and special-tokens mask on every tricky line, and decoding. */
    @Test
    void everyFlagCombinationMatchesHuggingFace() throws Exception {
        List<String> lines = trickyLines();
        assertTrue(lines.size() >= 300, "lines: " + lines.size());
        Mismatches mismatches = new Mismatches("BERT uncased with added tokens");
        for (int flags = 0; flags < 32; flags++) {
            boolean special = (flags & 1) != 0;
            boolean normalized = (flags & 2) != 0;
            boolean lstrip = (flags & 4) != 0;
            boolean rstrip = (flags & 8) != 0;
            boolean singleWord = (flags & 16) != 0;
            String name = "special=" + special + " normalized=" + normalized + " lstrip=" + lstrip + " rstrip="
                    + rstrip + " single_word=" + singleWord;
            Path file = withAdded(special, normalized, lstrip, rstrip, singleWord);
            // the same tokens added in Java (reading the whole file 32 times would take most of the time)
            Tokenizer.Builder b = bert.toBuilder();
            for (int i = 0; i < ADDED.size(); i++) {
                b.addToken(new AddedToken(ADDED.get(i), FIRST_NEW_ID + i, special, singleWord, lstrip, rstrip,
                        normalized));
            }
            Tokenizer ours = b.build();
            try (HfReference hf = HfReference.load(file, true)) {
                List<RefEncoding> refs = hf.encodeBatch(lines);
                for (int i = 0; i < lines.size(); i++) {
                    Encoding e = ours.encode(lines.get(i));
                    if (mismatches.compare(name + ", line " + i, lines.get(i), refs.get(i), e, OFFSETS,
                            SPECIAL_TOKENS_MASK) && i % 16 == 0) {
                        // decoding too, on a sample (DJL decodes one call at a time)
                        String want = hf.decode(e.ids(), true);
                        if (!want.equals(ours.decode(e.ids(), true))) {
                            mismatches.add(name + ", line " + i, "decodes to " + ours.decode(e.ids(), true)
                                    + ", reference " + want);
                        }
                    }
                }
            }
        }
        mismatches.assertNone();
    }

    /**
     * The lines: each spelling of each added token (as added, other cases, decomposed, with a suffix) in each
     * context (inside a word, at a boundary, beside ASCII and Unicode spaces, beside marks, digits, CJK), plus
     * sentences with several of them.
     */
    static List<String> trickyLines() {
        List<String> spellings = List.of("[E1]", "[e1]", "[E1", "[/E1]", "[/e1]", "[ /E1]", "COVID-19", "covid-19",
                "Covid-19", "COVID\u201019", "COVID-19s", "Café", "cafe", "CAFÉ", "Cafe\u0301", "café", "Cafés");
        List<String> contexts = List.of("%s", " %s ", "  %s  ", "x%sy", "x%s", "%sy", "(%s)", "%s.", "\u00A0%s\u00A0",
                "\t%s\n", "a %s b", "a%s b", "a %sb", "%s%s", "%s %s", "1%s2", "é%s", "_%s_", "\u2007%s\u202F",
                "\u001C%s\u001F", "\u3000%s\u3000", "日%s本", "%s\u0301x");
        Set<String> lines = new LinkedHashSet<>();
        for (String s : spellings) {
            for (String c : contexts) {
                lines.add(c.replace("%s", s));
            }
        }
        lines.addAll(List.of(
                "[E1] Paris [/E1] has COVID-19 cases",
                "[E1]Paris[/E1] has covid-19 cases at the Café",
                "The CAFÉ [E1]Café[/E1] reported COVID-19, covid-19 and Covid-19.",
                "[[E1]] [/E1][E1] [E1][/E1] COVID-19COVID-19",
                "   [E1]   Paris   [/E1]   ",
                "\u00A0\u00A0[E1]\u00A0Paris\u00A0[/E1]\u00A0\u00A0",
                "ＣＯＶＩＤ-19 ｃａｆé [Ｅ1]",
                "café's Café-owner COVID-19-related [E1]-[/E1]",
                "Straße CAFE\u0301 İstanbul [E1]",
                "𝐀[E1] का[E1] a\u0301[E1] ٣[E1] Ⅻ[E1] ²[E1]"));
        return new ArrayList<>(lines);
    }
}
