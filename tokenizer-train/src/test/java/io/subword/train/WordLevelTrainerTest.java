package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.wordlevel.WordLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordLevelTrainerTest {
    /** Hugging Face's own WordLevelTrainer example counts. */
    private static final WordCounts COUNTS = WordCounts.of(Map.of("the", 25, "roses", 22, "are", 24, "red", 12,
            "voilets", 10, "blue", 16));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # vocab size | min frequency | specials      | vocabulary (ids in order)
            6            | 0             | [UNK]         | [UNK] the are roses blue red
            100          | 0             | [UNK]         | [UNK] the are roses blue red voilets
            100          | 15            | [UNK]         | [UNK] the are roses blue
            100          | 16            | [UNK]         | [UNK] the are roses blue
            100          | 17            | [UNK]         | [UNK] the are roses
            3            | 0             | [PAD] [UNK]   | [PAD] [UNK] the
            2            | 0             | [UNK] [UNK]   | [UNK] the
            4            | 0             | the [UNK]     | the [UNK] are roses
            """)
    void ranksWordsByCount(int vocabSize, long minFrequency, String specials, String expected) {
        WordLevel model = WordLevelTrainer.builder().vocabSize(vocabSize).minFrequency(minFrequency)
                .specialTokens(Arrays.asList(specials.split(" "))).build().learn(COUNTS, TrainingListener.NONE);
        assertEquals(Arrays.asList(expected.split(" ")), model.vocabulary().tokens());
        assertEquals(model.vocabulary().id("[UNK]"), model.unkId());
    }

    @Test
    void equalCountsGoInCodePointOrder() {
        // U+1F600 (a surrogate pair in UTF-16) sorts after U+FB01 by code point, not by UTF-16 unit
        WordCounts counts = WordCounts.of(Map.of("b", 2, "a", 2, "\uFB01", 2, "\uD83D\uDE00", 2, "z", 3));
        WordLevel model = WordLevelTrainer.builder().build().learn(counts, TrainingListener.NONE);
        assertEquals(List.of("[UNK]", "z", "a", "b", "\uFB01", "\uD83D\uDE00"), model.vocabulary().tokens());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # specials | unk   | vocab size | message
            [PAD]      | [UNK] | 10         | the unknown token "[UNK]" must be among the special tokens [[PAD]]
            [PAD] [UNK]| [UNK] | 1          | vocabSize 1 is smaller than the 2 special tokens
            """)
    void rejectsBadSettings(String specials, String unk, int vocabSize, String message) {
        var e = assertThrows(IllegalArgumentException.class, () -> WordLevelTrainer.builder()
                .specialTokens(Arrays.asList(specials.split(" "))).unkToken(unk).vocabSize(vocabSize).build());
        assertEquals(message, e.getMessage());
    }
}
