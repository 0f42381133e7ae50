package io.subword.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The normalizers of Hugging Face's tokenizer.json, as tables: input, normalized text, and the original range
 * of every normalized code point ({@code start-end} per code point, as Hugging Face's alignments). Escapes
 * {@code \}{@code uXXXX} in the table are decoded first. Note Hugging Face's rule for composition: a composed
 * character keeps the range of its first part only (é from e + U+0301 is 3-4, not 3-5), and the parts of a
 * decomposition all get the range of the character they came from.
 */
class HubNormalizersTest {
    private static Normalizer named(String name) {
        return switch (name) {
            case "NFC" -> NfcNormalizer.INSTANCE;
            case "NFD" -> NfdNormalizer.INSTANCE;
            case "NFKC" -> NfkcNormalizer.INSTANCE;
            case "NFKD" -> NfkdNormalizer.INSTANCE;
            case "Lowercase" -> LowercaseNormalizer.INSTANCE;
            case "StripAccents" -> StripAccentsNormalizer.INSTANCE;
            case "Nmt" -> NmtNormalizer.INSTANCE;
            case "ByteLevel" -> ByteLevelNormalizer.INSTANCE;
            case "Strip" -> StripNormalizer.bothEnds();
            case "LStrip" -> StripNormalizer.startOnly();
            case "RStrip" -> StripNormalizer.endOnly();
            case "Prepend" -> new PrependNormalizer("\u2581");
            case "ReplaceSpace" -> new ReplaceNormalizer(" ", false, "\u2581");
            case "ReplaceRegex" -> new ReplaceNormalizer("o+", true, "0");
            case "ReplaceDrop" -> new ReplaceNormalizer("ab", false, "");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** {@code start-end} of every code point of the normalized text, in code point offsets of the original. */
    static String alignments(NormalizedText t) {
        String original = t.original();
        List<String> out = new ArrayList<>();
        String s = t.text();
        for (int i = 0; i < s.length(); ) {
            int len = Character.charCount(s.codePointAt(i));
            int start = original.codePointCount(0, t.originalStart(i));
            int end = original.codePointCount(0, t.originalEnd(i + len - 1));
            out.add(start + "-" + end);
            i += len;
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "{0} of \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            NFD          | caf\\u00E9             | cafe\\u0301          | 0-1 1-2 2-3 3-4 3-4
            NFC          | cafe\\u0301            | caf\\u00E9           | 0-1 1-2 2-3 3-4
            NFC          | caf\\u00E9             | caf\\u00E9           | 0-1 1-2 2-3 3-4
            NFD          | a\\u0301\\u0316        | a\\u0316\\u0301      | 0-1 1-2 2-3
            NFC          | a\\u0301\\u0316        | \\u00E1\\u0316       | 0-1 2-3
            NFKC         | \\uFB01x               | fix                  | 0-1 0-1 1-2
            NFKD         | \\u2460                | 1                    | 0-1
            NFKC         | \\u3000a               | \\u0020a             | 0-1 1-2
            NFD          | \\uAC01                | \\u1100\\u1161\\u11A8 | 0-1 0-1 0-1
            NFC          | \\u1100\\u1161\\u11A8  | \\uAC01              | 0-1
            NFD          | \\u1DF6                | \\u1DF6              | 0-1
            Lowercase    | \\u0130X\\u03A3        | i\\u0307x\\u03C3     | 0-1 0-1 1-2 2-3
            StripAccents | e\\u0301\\u0903x       | ex                   | 0-1 3-4
            StripAccents | \\u00E9                | \\u00E9              | 0-1
            Nmt          | a\\u0001\\u0009b\\u200B    | a b\\u0020           | 0-1 2-3 3-4 4-5
            Strip        | \\u3000 ab \\u00A0     | ab                   | 2-3 3-4
            LStrip       | \\u0020 ab             | ab                   | 2-3 3-4
            RStrip       | ab\\u0020\\u0020       | ab                   | 0-1 1-2
            Prepend      | ab                     | \\u2581ab            | 0-1 0-1 1-2
            ReplaceSpace | a b                    | a\\u2581b            | 0-1 1-2 2-3
            ReplaceRegex | foo boooo              | f0 b0                | 0-1 2-3 3-4 4-5 8-9
            ReplaceDrop  | xaby                   | xy                   | 0-1 3-4
            ByteLevel    | a\\u00E9               | a\\u00C3\\u00A9      | 0-1 1-2 1-2
            """)
    void normalizesAndAligns(String name, String input, String expected, String alignments) {
        NormalizedText out = named(name).normalize(NormalizedText.of(unescape(input)));
        assertEquals(unescape(expected), out.text());
        assertEquals(alignments, alignments(out));
    }

    @Test
    void textTheFormLeavesAloneComesBackAsItIs() {
        NormalizedText in = NormalizedText.of("plain ASCII, and déjà vu in NFC");
        assertSame(in, NfcNormalizer.INSTANCE.normalize(in));
        assertSame(in, NfkcNormalizer.INSTANCE.normalize(in));
        assertSame(in, new ReplaceNormalizer("\u2581", false, " ").normalize(in));
        assertSame(in, StripAccentsNormalizer.INSTANCE.normalize(in));
    }

    /** A million combining marks of changing classes after one letter: the canonical sort is linear, not quadratic. */
    @Test
    void aMillionMarksAreOrderedCanonically() {
        int n = 1_000_000;
        StringBuilder sb = new StringBuilder(n + 1).append('a');
        char[] marks = {'\u0301', '\u0316', '\u0334', '\u0345', '\u0323'};  // classes 230, 220, 1, 240, 220
        for (int i = 0; i < n; i++) {
            sb.append(marks[i % marks.length]);
        }
        NormalizedText out = NfdNormalizer.INSTANCE.normalize(NormalizedText.of(sb.toString()));
        String s = out.text();
        assertEquals(n + 1, s.length());
        int previous = 0;
        for (int i = 1; i < s.length(); i++) {
            int ccc = HfUnicode.ccc(s.charAt(i));
            assertTrue(ccc >= previous, "not in canonical order at " + i);
            previous = ccc;
        }
        // a stable sort: the 220s keep their order (U+0316 before U+0323 in every period)
        assertEquals('\u0334', s.charAt(1));
        assertEquals('\u0316', s.charAt(1 + n / 5));
        assertEquals('\u0323', s.charAt(2 + n / 5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a(b           | Unclosed group
            \\K            | \\K is not supported
            [a             | Unclosed character class
            """)
    void aRegexThatDoesNotCompileIsNamed(String regex, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplaceNormalizer(regex, true, "x"));
        assertTrue(e.getMessage().startsWith("regex " + io.subword.vocab.Vocabulary.quote(regex) + " does not compile: "),
                e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            (?m)a.b          | (?s)a.b
            [[:alpha:]_]+    | [\\p{Alpha}_]+
            [[:^digit:]]     | [\\P{Digit}]
            \\h+\\H          | [0-9a-fA-F]+[^0-9a-fA-F]
            \\p{^L}          | \\P{L}
            []a]             | [\\]a]
            (?im-x:x)        | (?is-x:x)
            """)
    void onigurumaSyntaxBecomesJavas(String oniguruma, String java) {
        assertEquals(java, OnigurumaRegex.translate(oniguruma));
    }
}
