package io.subword.post;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Post-processing with truncation against Hugging Face tokenizers (through DJL) on bert-base-uncased: ids,
 * type ids, special-token mask and sequence ids of the encoding and of every overflowing part.
 */
class PostProcessorParityTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # strategy      | max | stride | first                                          | second
            LONGEST_FIRST   | 6   | 0      | the quick brown fox jumps over the lazy dog   | -
            LONGEST_FIRST   | 6   | 2      | the quick brown fox jumps over the lazy dog   | -
            LONGEST_FIRST   | 9   | 1      | the quick brown fox jumps over the lazy dog   | a small cat sat on the mat today
            LONGEST_FIRST   | 7   | 0      | one two three four five                       | six seven eight nine ten eleven
            ONLY_FIRST      | 10  | 1      | the quick brown fox jumps over the lazy dog   | a cat
            ONLY_SECOND     | 10  | 0      | a cat                                          | the quick brown fox jumps over the lazy dog
            LONGEST_FIRST   | 64  | 0      | the quick brown fox                           | a cat
            """)
    void matchesHuggingFace(String strategy, int max, int stride, String first, String second) throws Exception {
        var limits = new HfReference.Limits(HfReference.Limits.Truncate.valueOf(strategy), max, stride,
                HfReference.Limits.Pad.NONE, 0);
        Tokenizer ours = TokenizerJson.read(RealData.bertUncasedTokenizerJsonWithoutLimits())
                .withTruncation(new Truncation(max, Truncation.Strategy.valueOf(strategy), stride,
                        Truncation.Direction.RIGHT));
        try (HfReference ref = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true, limits)) {
            RefEncoding expected = second == null ? ref.encode(first) : ref.encodePair(first, second);
            Encoding actual = ours.encode(first, second, true);
            assertEquals(describe(expected), describe(actual));
            assertEquals(expected.overflowing().stream().map(PostProcessorParityTest::describe).toList(),
                    actual.overflowing().stream().map(PostProcessorParityTest::describe).toList());
        }
    }

    private static String describe(RefEncoding e) {
        return Arrays.toString(e.ids()) + Arrays.toString(e.typeIds()) + Arrays.toString(e.specialTokensMask())
                + Arrays.toString(e.sequenceIds());
    }

    private static String describe(Encoding e) {
        return Arrays.toString(e.ids()) + Arrays.toString(e.typeIds()) + Arrays.toString(e.specialTokensMask())
                + Arrays.toString(e.sequenceIds());
    }

}
