package io.subword.parity;

import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RandomText;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pre-tokenizers and the decoder added for issue 14 against Hugging Face (DJL 0.38, tokenizers 0.21):
 * {@code UnicodeScripts} and {@code CharDelimiterSplit} split as the reference does (ids and offsets through
 * {@link ComponentProbe}), alone and in sequences; {@code CTC} decodes random id sequences to the reference's
 * strings. ({@code FixedLength} came after 0.21; its table test is {@code NewPreTokenizersTest}.)
 */
class PreTokenizerDecoderParityTest {
    static final int EVERY = 80;

    @TempDir
    static Path dir;
    static List<String> texts;

    @BeforeAll
    static void texts() {
        texts = new ArrayList<>(List.of(
                "Hello 世界 こんにちは カタカナー ｶﾀｶﾅ 한국어 Ελληνικά Русский العربية עברית हिन्दी ไทย",
                "  leading spaces then text", " ", "", "abc", "a b  c   d", "x|y||z|", "|||", "1+1=2, 3.14 $5 €",
                "日本語の文章です。English mixed中文", "\uD83D\uDE00 emoji \uD83D\uDE00\uD83D\uDE03 a\uD83D\uDE00b",
                "\uD835\uDC00\uD835\uDC01 math \uD800\uDD07 aegean \u0301 mark a\u0301",
                "tab\there\nnewline\u3000ideographic\u00A0nbsp", "\u30FC\u30FCa\u30FC"));
        texts.addAll(BpeHardCases.CASES.values());
        List<String> lines = RealData.europarlLines();
        for (int i = 0; i < lines.size(); i += EVERY) {
            texts.add(lines.get(i));
        }
        texts.addAll(new RandomText(1414).strings(150, 12, RandomText.wellFormed()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"UnicodeScripts\"}",
        "{\"type\":\"CharDelimiterSplit\",\"delimiter\":\" \"}",
        "{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"|\"}",
        "{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"\uD83D\uDE00\"}",
        "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"WhitespaceSplit\"},{\"type\":\"UnicodeScripts\"}]}",
        "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"UnicodeScripts\"},{\"type\":\"Digits\",\"individual_digits\":true},"
                + "{\"type\":\"CharDelimiterSplit\",\"delimiter\":\"a\"}]}",
    })
    void preTokenizerMatchesHuggingFace(String preTokenizer) {
        Mismatches m = new Mismatches(preTokenizer);
        try (ComponentProbe probe = ComponentProbe.of(dir, "p" + Integer.toHexString(preTokenizer.hashCode()),
                null, preTokenizer, null)) {
            probe.compareAll(preTokenizer, texts, m);
        }
        m.assertNone();
    }

    /** A normalizer and a pre-tokenizer of this issue together, as SentencePiece-converted files have them. */
    @Test
    void nmtNfkcAndScriptsTogetherMatchHuggingFace() {
        String n = "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Nmt\"},{\"type\":\"NFKC\"},"
                + "{\"type\":\"Replace\",\"pattern\":{\"Regex\":\" {2,}\"},\"content\":\" \"}]}";
        Mismatches m = new Mismatches("Nmt+NFKC+Replace / UnicodeScripts");
        try (ComponentProbe probe = ComponentProbe.of(dir, "nmt-scripts", n, "{\"type\":\"UnicodeScripts\"}", null)) {
            probe.compareAll("nmt-scripts", texts, m);
        }
        m.assertNone();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\",\"cleanup\":true}",
        "{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\",\"cleanup\":false}",
        "{\"type\":\"CTC\",\"pad_token\":\"a\",\"word_delimiter_token\":\"|\",\"cleanup\":true}",
        "{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"CTC\",\"pad_token\":\"<pad>\",\"word_delimiter_token\":\"|\","
                + "\"cleanup\":true},{\"type\":\"Fuse\"}]}",
    })
    void ctcDecodesAsHuggingFace(String decoder) throws Exception {
        String[] vocab = {"<pad>", "|", "a", "b", "c", "'", "s", "m", "t", ".", ",", "?", " ", "n't", "do", "not",
            "<pad>a", "é", "\uD83D\uDE00", "ab|", " '"};
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < vocab.length; i++) {
            v.append(i == 0 ? "" : ",").append('"').append(vocab[i]).append("\":").append(i);
        }
        String json = "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
                + "\"normalizer\":null,\"pre_tokenizer\":null,\"post_processor\":null,\"decoder\":" + decoder
                + ",\"model\":{\"type\":\"WordLevel\",\"vocab\":{" + v + "},\"unk_token\":\"<pad>\"}}";
        Path file = dir.resolve("ctc" + Integer.toHexString(decoder.hashCode()) + ".json");
        Files.writeString(file, json);
        Tokenizer ours = TokenizerJson.read(file);
        Random random = new Random(14);
        Mismatches m = new Mismatches(decoder);
        try (HfReference hf = HfReference.load(file, false)) {
            for (int k = 0; k < 400; k++) {
                int[] ids = new int[random.nextInt(12)];
                for (int i = 0; i < ids.length; i++) {
                    // runs of one id are what CTC collapses
                    ids[i] = i > 0 && random.nextInt(3) == 0 ? ids[i - 1] : random.nextInt(vocab.length);
                }
                String expected = hf.decode(ids, false);
                String actual = ours.decode(ids, false);
                if (!expected.equals(actual)) {
                    m.add(java.util.Arrays.toString(ids), "reference " + Mismatches.escape(expected) + ", ours "
                            + Mismatches.escape(actual));
                }
            }
        }
        m.assertNone();
    }
}
