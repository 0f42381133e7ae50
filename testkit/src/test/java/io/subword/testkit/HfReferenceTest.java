package io.subword.testkit;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HfReferenceTest {
    private static HfReference bert;

    @BeforeAll
    static void load() {
        bert = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true);
    }

    @AfterAll
    static void close() {
        bert.close();
    }

    @Test
    void helloWorldHasTheKnownBertIds() {
        RefEncoding e = bert.encode("hello world");
        assertArrayEquals(new int[] {101, 7592, 2088, 102}, e.ids());
        assertArrayEquals(new String[] {"[CLS]", "hello", "world", "[SEP]"}, e.tokens());
        assertArrayEquals(new int[] {0, 0, 6, 0}, e.starts());
        assertArrayEquals(new int[] {0, 5, 11, 0}, e.ends());
        assertArrayEquals(new int[] {0, 0, 0, 0}, e.typeIds());
        assertArrayEquals(new int[] {1, 1, 1, 1}, e.attentionMask());
        assertArrayEquals(new int[] {1, 0, 0, 1}, e.specialTokensMask());
        assertArrayEquals(new int[] {-1, 0, 1, -1}, e.wordIds());
        assertArrayEquals(new int[] {-1, 0, 0, -1}, e.sequenceIds());
        assertEquals(List.of(), e.overflowing());
    }

    @Test
    void withoutSpecialTokensOnlyTheTextIsEncoded() {
        try (HfReference plain = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), false)) {
            RefEncoding e = plain.encode("hello world");
            assertArrayEquals(new int[] {7592, 2088}, e.ids());
            assertArrayEquals(new int[] {0, 6}, e.starts());
        }
    }

    /** Offsets count code points: the emoji is one unit (two in UTF-16), "é" after NFD stripping is one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "😀 x héllo | [CLS] [UNK] x hello [SEP] | 0 0 2 4 0 | 0 1 3 9 0",
        "x😀y z     | [CLS] [UNK] z [SEP]       | 0 0 4 0   | 0 3 5 0",
        "日本 go    | [CLS] 日 本 go [SEP]       | 0 0 1 3 0 | 0 1 2 5 0",
    })
    void offsetsAreCodePoints(String text, String tokens, String starts, String ends) {
        RefEncoding e = bert.encode(text);
        assertEquals(tokens, String.join(" ", e.tokens()));
        assertArrayEquals(ints(starts), e.starts());
        assertArrayEquals(ints(ends), e.ends());
    }

    @Test
    void pairsGetTypeIdsAndOffsetsIntoTheirOwnText() {
        RefEncoding e = bert.encodePair("hello", "big world");
        assertArrayEquals(new int[] {101, 7592, 102, 2502, 2088, 102}, e.ids());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, e.typeIds());
        assertArrayEquals(new int[] {0, 0, 0, 0, 4, 0}, e.starts());
        assertArrayEquals(new int[] {0, 5, 0, 3, 9, 0}, e.ends());
        assertArrayEquals(new int[] {-1, 0, -1, 1, 1, -1}, e.sequenceIds());
    }

    @Test
    void batchEqualsOneByOneAndIsNotPadded() {
        List<String> texts = List.of("hello world", "a much longer line of text , with punctuation !", "");
        List<RefEncoding> batch = bert.encodeBatch(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(bert.encode(texts.get(i)), batch.get(i), texts.get(i));
        }
        assertEquals(2, batch.get(2).size());
    }

    @Test
    void decodeJoinsWordPiecesAndCanSkipSpecialTokens() {
        long[] ids = {101, 7592, 1010, 2088, 102};
        assertEquals("[CLS] hello, world [SEP]", bert.decode(ids, false));
        assertEquals("hello, world", bert.decode(ids, true));
        assertEquals("hello, world", bert.decode(new int[] {101, 7592, 1010, 2088, 102}, true));
    }

    /** The point of {@link HfReference.Limits#NONE}: DJL left alone truncates at 512 although the JSON says none. */
    @Test
    void djlOnItsOwnTruncatesAt512ButTheReferenceDoesNot() throws Exception {
        String text = "word ".repeat(600);
        try (InputStream in = Files.newInputStream(RealData.bertUncasedTokenizerJsonWithoutLimits())) {
            HuggingFaceTokenizer raw = HuggingFaceTokenizer.newInstance(in, null);
            try {
                assertEquals("LONGEST_FIRST", raw.getTruncation());
                assertEquals("LONGEST", raw.getPadding());
                assertEquals(512, raw.encode(text).getIds().length);
            } finally {
                raw.close();
            }
        }
        assertEquals(602, bert.encode(text).size());
    }

    /** And DJL left alone ignores the JSON's fixed padding to 128 (it pads to the longest of the batch). */
    @Test
    void djlOnItsOwnIgnoresFixedPaddingButLoadAsConfiguredHonoursIt() throws Exception {
        try (InputStream in = Files.newInputStream(RealData.bertUncasedTokenizerJson())) {
            HuggingFaceTokenizer raw = HuggingFaceTokenizer.newInstance(in, null);
            try {
                assertEquals(3, raw.encode("hi").getIds().length);
            } finally {
                raw.close();
            }
        }
        try (HfReference configured = HfReference.loadAsConfigured(RealData.bertUncasedTokenizerJson(), true)) {
            assertEquals(new HfReference.Limits(HfReference.Limits.Truncate.LONGEST_FIRST, 128, 0,
                    HfReference.Limits.Pad.FIXED, 0), configured.limits());
            RefEncoding shortOne = configured.encode("hi");
            assertEquals(128, shortOne.size());
            assertArrayEquals(new int[] {101, 7632, 102, 0}, Arrays.copyOf(shortOne.ids(), 4));
            assertEquals(3, Arrays.stream(shortOne.attentionMask()).sum());
            RefEncoding longOne = configured.encode("word ".repeat(600));
            assertEquals(128, longOne.size());
            assertEquals(102, longOne.ids()[127]);
            // 600 words, 126 per window: the rest overflows in 4 more windows.
            assertEquals(4, longOne.overflowing().size());
        }
    }

    @Test
    void loadIgnoresTheLimitsOfTheOriginalJson() {
        try (HfReference r = HfReference.load(RealData.bertUncasedTokenizerJson(), true)) {
            assertEquals(3, r.encode("hi").size());
            assertEquals(602, r.encode("word ".repeat(600)).size());
        }
    }

    @Test
    void explicitLimitsTruncatePairsLongestFirstAndPadTheBatch() {
        HfReference.Limits limits = HfReference.Limits.truncate(8).padLongest();
        try (HfReference r = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true, limits)) {
            RefEncoding pair = r.encodePair("one two three four five six", "seven");
            // 8 - 3 special tokens = 5: the longer first text is cut to 4, the second keeps its 1.
            assertEquals("[CLS] one two three four [SEP] seven [SEP]", String.join(" ", pair.tokens()));
            List<RefEncoding> batch = r.encodeBatch(List.of("a", "a b c"));
            assertEquals(5, batch.get(0).size());
            assertArrayEquals(new int[] {1, 1, 1, 0, 0}, batch.get(0).attentionMask());
        }
    }

    /**
     * A lone surrogate cannot cross JNI as itself: DJL's string conversion turns it into three U+FFFD (one per
     * byte of its CESU-8 form), which BERT's normalizer then drops; offsets after it are shifted by 2.
     */
    @Test
    void loneSurrogatesReachRustAsThreeReplacementChars() {
        RefEncoding e = bert.encode("a\uD800b c");
        assertEquals("[CLS] ab c [SEP]", String.join(" ", e.tokens()));
        assertArrayEquals(new int[] {0, 0, 6, 0}, e.starts());
        assertArrayEquals(new int[] {0, 5, 7, 0}, e.ends());
    }

    @Test
    void djlIsConfiguredOffline() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
