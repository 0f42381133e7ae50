package io.subword.post;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code OnlySecond} truncation of a single text, against Hugging Face (DJL) on BERT uncased: Hugging Face
 * raises "Second sequence not provided" when the text must be cut, and leaves it alone when it fits (or when
 * the special tokens leave no room, where it cuts to nothing without asking which text). We throw
 * {@link IllegalArgumentException} naming the strategy in the first case and give its encoding otherwise.
 */
class OnlySecondTruncationParityTest {
    private static Tokenizer bert;

    @BeforeAll
    static void load() throws Exception {
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
    }

    @ParameterizedTest(name = "{0} / max {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # text                              | max | outcome
            hello world                         | 8   | [CLS] hello world [SEP]
            hello world                         | 4   | [CLS] hello world [SEP]
            ''                                  | 2   | [CLS] [SEP]
            the quick brown fox jumps over      | 2   | [CLS] [SEP]
            hello world                         | 3   | error
            the quick brown fox jumps over      | 5   | error
            """)
    void singleTextAsHuggingFace(String text, int max, String outcome) {
        Tokenizer ours = bert.withTruncation(new Truncation(max, Truncation.Strategy.ONLY_SECOND, 0,
                Truncation.Direction.RIGHT));
        var limits = new HfReference.Limits(HfReference.Limits.Truncate.ONLY_SECOND, max, 0,
                HfReference.Limits.Pad.NONE, 0);
        try (HfReference hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true, limits)) {
            if (outcome.equals("error")) {
                RuntimeException ref = assertThrows(RuntimeException.class, () -> hf.encode(text));
                assertTrue(String.valueOf(ref.getMessage()).contains("Second sequence not provided"),
                        "the reference itself: " + ref);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ours.encode(text));
                assertTrue(e.getMessage().startsWith("truncation strategy ONLY_SECOND (OnlySecond) cuts the second"
                        + " text of a pair, but one text was given"), e.getMessage());
            } else {
                RefEncoding ref = hf.encode(text);
                Encoding e = ours.encode(text);
                assertEquals(outcome, String.join(" ", ref.tokens()), "the reference itself");
                assertEquals(outcome, String.join(" ", e.tokens()));
                assertArrayEquals(ref.ids(), e.ids());
                assertEquals(Arrays.toString(ref.typeIds()), Arrays.toString(e.typeIds()));
            }
        }
    }
}
