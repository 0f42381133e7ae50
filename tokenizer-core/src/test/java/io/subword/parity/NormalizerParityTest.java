package io.subword.parity;

import io.subword.testkit.RandomText;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Each normalizer of Hugging Face's, alone and in the sequences real files use, gives Hugging Face's text and
 * alignments (through {@link ComponentProbe}: every byte of the normalized text is a token carrying its
 * offsets) on a Europarl sample from every language, the hard cases, the normalization edge cases below and
 * seeded random text.
 */
class NormalizerParityTest {
    /** Every this many-th Europarl line (the file is in language blocks, so every language is in). */
    static final int EVERY = 90;

    @TempDir
    static Path dir;
    static List<String> texts;

    /** Characters added after Unicode 9.0 (and 13.0): the reference's tables and the JDK's disagree on them. */
    static final String NEWER_THAN_UNICODE_9 =
            "\uD806\uDD38 \uD806\uDD35\uD806\uDD30 \u1DFA \u1DF7 a\u1DF6\u0301 \u0C00 \u08D4";

    /** What normalization forms treat specially, as Unicode 9.0 and the reference's alignment rule see it. */
    static final List<String> NORMALIZATION_CASES = List.of(
            "Café café cafe\u0301 CAFE\u0301 \u00C5ngstr\u00F6m \u212Bngstr\u00F6m",
            "a\u0316\u0301 a\u0301\u0316 \u00E1\u0316 \u1EA5\u0323 q\u0307\u0323 \u1E0B\u0323",
            "\u0344 \u0F73 \u0F75 \u0F81 x\u0344y \u0958 \u2126 \u212A \u0385",
            "\uFB01 \uFB03 \u2460 \u3231 \uFDFA \uFDFB \u32FF \u33C6 \u00BD \u00B2 \u2075 \uFF21\uFF22 \u3000",
            "\uAC00 \uAC01 \u1100\u1161 \u1100\u1161\u11A8 \uAC00\u11A8 \u1100\u1100\u1161 \u110B\u1175\u11AB",
            "\u0130stanbul \u0130 I\u0307 \u03A3\u039F\u03A6\u039F\u03A3 \u1E9E \u0149 \u01C5 \u1F88",
            "e\u0301\u0301\u0301\u0301 \u0301start \u0300\u0301\u0302 a\u05B0\u05B1\u0591",
            "\uD835\uDC00\uD835\uDC01 \uD801\uDC00 \uD800\uDD07 \uD834\uDD5E \uD834\uDD5F\uD834\uDD6E \uD87E\uDC00",
            NEWER_THAN_UNICODE_9,
            "\u0000a\u0001b\u0008\u000B\u000E\u001F\u007F\u008F\u009F end",
            "tab\there\nnew\u000Cff\rcr \u1680 \u200B\u200C\u200D\u200E\u200F \u2028\u2029 \u2581 \uFEFF \uFFFD",
            "  leading and trailing  \u3000\u00A0", "\u00A0\u2007\u202F\u0085 nbsp", " ", "   ", "",
            "\u0915\u094D\u0937 \u0928\u093F \u0BCA \u0B4B \u0DDA \u1025\u102E \u1B3B",
            "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C7\u00C8\u00C9\u00D1\u00D6\u00DC\u00E0\u00E7\u00F1\u00F6\u00FC\u00FF",
            "\u05E9\u05C1 \uFB2A \uFB2C \uFB4B \u2ADC \u2ADD\u0338 \u226E <\u0338 =\u0338");

    @BeforeAll
    static void texts() {
        texts = new ArrayList<>(NORMALIZATION_CASES);
        texts.addAll(BpeHardCases.CASES.values());
        List<String> lines = RealData.europarlLines();
        for (int i = 0; i < lines.size(); i += EVERY) {
            texts.add(lines.get(i));
        }
        RandomText random = new RandomText(14);
        texts.addAll(random.strings(100, 12, RandomText.wellFormed()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"NFC\"}", "{\"type\":\"NFD\"}", "{\"type\":\"NFKC\"}", "{\"type\":\"NFKD\"}",
        "{\"type\":\"Lowercase\"}", "{\"type\":\"StripAccents\"}", "{\"type\":\"Nmt\"}", "{\"type\":\"ByteLevel\"}",
        "{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":true}",
        "{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":false}",
        "{\"type\":\"Strip\",\"strip_left\":false,\"strip_right\":true}",
        "{\"type\":\"Prepend\",\"prepend\":\"\u2581\"}",
        "{\"type\":\"Prepend\",\"prepend\":\"<\uD83D\uDE00>\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"String\":\" \"},\"content\":\"\u2581\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"String\":\"ab\"},\"content\":\"\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"String\":\"e\"},\"content\":\"\u00E9\u00E9\uD83D\uDE00\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"\\\\s+\"},\"content\":\" \"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"[aeiou]\\\\p{Mn}*\"},\"content\":\"_\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"^ +| +$\"},\"content\":\"\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"(?i)the\"},\"content\":\"THE\"}",
        "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\"(?m)a.b|[[:digit:]]+|\\\\h\"},\"content\":\"#\"}",
        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"NFD\"},{\"type\":\"StripAccents\"},{\"type\":\"Lowercase\"}]}",
        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Prepend\",\"prepend\":\"\u2581\"},"
                + "{\"type\":\"Replace\",\"pattern\":{\"String\":\" \"},\"content\":\"\u2581\"}]}",
        "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":true},"
                + "{\"type\":\"NFKC\"},{\"type\":\"Prepend\",\"prepend\":\"\u2581\"},{\"type\":\"NFKD\"},"
                + "{\"type\":\"Nmt\"},{\"type\":\"Lowercase\"}]}",
    })
    void normalizerMatchesHuggingFace(String normalizer) {
        Mismatches m = new Mismatches(normalizer);
        try (ComponentProbe probe = ComponentProbe.of(dir, "n" + Integer.toHexString(normalizer.hashCode()),
                normalizer, null, null)) {
            probe.compareAll(normalizer, texts, m);
        }
        m.assertNone();
    }
}
