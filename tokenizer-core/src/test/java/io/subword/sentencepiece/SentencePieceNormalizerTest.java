package io.subword.sentencepiece;

import io.subword.normalize.NormalizedText;
import io.subword.normalize.PrecompiledCharsMap;
import io.subword.normalize.TestText;
import io.subword.testkit.RandomText;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two shortcuts of {@link SentencePieceNormalizer}: ASCII text skips the charsmap's trie where no rule can match
 * ({@link PrecompiledCharsMap#mayMatch}), and {@code normalizeText} gives the text of {@code normalize} without
 * alignments. Charsmaps are those of the golden models (nmt_nfkc; nfkc_cf), made by spm_train.
 */
class SentencePieceNormalizerTest {
    /** What may follow two ASCII chars: nothing, ASCII, combining marks, other scripts, fullwidth, a surrogate pair. */
    private static final List<String> TAILS = List.of("", "a", " ", "\u0301", "\u0327\u0301", "\u0308x", "\u00e9",
            "\uff21", "\u2126", "\u3000", "\ud83d\ude00", "\u0000", "\t\n");

    static PrecompiledCharsMap charsMap(String model) throws Exception {
        return PrecompiledCharsMap.decode(SentencePieceModel.read(SentencePieceGoldenTest.resource(model + ".model"))
                .precompiledCharsMap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"uni-en-nmt", "uni-el-nfkccf"})
    void whereNoRuleMayMatchTheTrieFindsNone(String model) throws Exception {
        PrecompiledCharsMap map = charsMap(model);
        int[] value = new int[1];
        int skipped = 0;
        for (int c = 0; c < 128; c++) {
            if (!map.mayMatch(c, -1)) {
                assertEquals(-1, map.longestMatch(String.valueOf((char) c), 0, value), "rule at char " + c);
            }
            for (int d = 0; d < 128; d++) {
                if (map.mayMatch(c, d)) {
                    continue;
                }
                skipped++;
                for (String tail : TAILS) {
                    String text = "" + (char) c + (char) d + tail;
                    assertEquals(-1, map.longestMatch(text, 0, value), () -> "a rule matches " + SentencePiecePropertyTest.escape(text));
                }
            }
        }
        // the shortcut is taken for most pairs, also after letters, which start rules (a letter + combining mark)
        assertTrue(skipped >= 90 * 128, "pairs skipped: " + skipped); // the printable chars: their pairs never match
        if (model.equals("uni-en-nmt")) {
            assertTrue(map.startsRule('a') && !map.mayMatch('a', 'b'), "'a' starts a rule, 'ab' none");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // flags: dummy prefix, remove extra whitespaces, escape whitespaces, whitespace as suffix
            "true  | true  | true  | false",
            "false | true  | true  | false",
            "true  | false | true  | false",
            "true  | true  | false | false",
            "true  | true  | true  | true",
            "false | false | false | false",
    })
    void normalizeTextIsTheTextOfNormalize(boolean dummy, boolean removeExtra, boolean escape, boolean suffix)
            throws Exception {
        for (String model : List.of("uni-en-nmt", "uni-el-nfkccf")) {
            SentencePieceNormalizer n = new SentencePieceNormalizer(charsMap(model), dummy, removeExtra, escape,
                    suffix, List.of("<sep>", "ab"));
            for (String text : texts()) {
                assertEquals(n.normalize(NormalizedText.of(text)).text(), n.normalizeText(text),
                        () -> model + ": " + SentencePiecePropertyTest.escape(text));
            }
        }
        SentencePieceNormalizer identity = new SentencePieceNormalizer(null, dummy, removeExtra, escape, suffix,
                List.of());
        for (String text : texts()) {
            assertEquals(identity.normalize(NormalizedText.of(text)).text(), identity.normalizeText(text));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // text | nmt_nfkc, with spm's default flags
            "Hello  world | \u2581Hello\u2581world",
            "  caf\\u{65}\\u{301} | \u2581caf\u00e9",
            "\\u{FF21}\\u{FF22}c | \u2581ABc",
            "a\\tb | \u2581a\u2581b",
            "x<sep>y | \u2581x<sep>y",
    })
    void examples(String text, String expected) throws Exception {
        SentencePieceNormalizer n = new SentencePieceNormalizer(charsMap("uni-en-nmt"), true, true, true, false,
                List.of("<sep>"));
        String input = TestText.unescape(text);
        assertEquals(expected, n.normalizeText(input));
        assertEquals(expected, n.normalize(NormalizedText.of(input)).text());
    }

    @Test
    void everyEuroparlLine() throws Exception {
        SentencePieceNormalizer n = new SentencePieceNormalizer(charsMap("uni-en-nmt"), true, true, true, false,
                List.of());
        List<String> lines = RealData.europarlLines();
        int changed = 0;
        for (String line : lines) {
            String text = n.normalizeText(line);
            assertEquals(n.normalize(NormalizedText.of(line)).text(), text, line);
            if (!text.equals("\u2581" + line.strip().replace(' ', '\u2581'))) {
                changed++;
            }
        }
        assertFalse(lines.isEmpty());
        assertTrue(changed > 0, "some lines hold characters that nmt_nfkc changes");
    }

    private static List<String> texts() {
        List<String> out = new ArrayList<>(new RandomText(17).strings(300, 12, EnumSet.allOf(RandomText.Category.class)));
        out.addAll(List.of("", " ", "   ", "a", "ab", " a  b ", "caf\u0065\u0301", "\uff21\uff22", "x<sep>y", "\u3000",
                "\u00a0\u2009x", "\t", "\ud800", "a\u0301\u0302\u0303b", "<sep>", "\u2581"));
        return out;
    }
}
