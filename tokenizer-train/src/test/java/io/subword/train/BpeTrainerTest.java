package io.subword.train;

import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BpeTrainerTest {
    /** Hugging Face's models/bpe/trainer.rs test_train, restated. */
    @Test
    void rosesAreRed() {
        Map<String, Long> words = new LinkedHashMap<>();
        words.put("roses", 1L);
        words.put("are", 2L);
        words.put("red", 1L);
        words.put("voilets", 1L);
        words.put("blue", 1L);
        words.put("BERT", 1L);
        words.put("is", 2L);
        words.put("big", 1L);
        words.put("and", 1L);
        words.put("so", 1L);
        words.put("GPT-2", 1L);
        BpeModelData data = BpeTrainer.builder().minFrequency(2).build()
                .train(WordCounts.of(words), TrainingListener.NONE);
        assertEquals(List.of("-", "2", "B", "E", "G", "P", "R", "T", "a", "b", "d", "e", "g", "i", "l", "n", "o",
                "r", "s", "t", "u", "v", "re", "are", "is"), data.vocabulary().tokens());
        assertEquals(List.of("r e", "a re", "i s"), merges(data));
    }

    /** Hugging Face's bpe_test_max_token_length_direct_assert, restated: whole vocabulary with ids. */
    @Test
    void maxTokenLengthTwo() {
        Map<String, Long> words = new LinkedHashMap<>();
        for (String w : List.of("sin", "Sin", "Lon", "Ano", "짧은한", "긴한글", "短字符", "长字符", "短い文", "長い文",
                "so", "GP")) {
            words.put(w, 2L);
        }
        BpeModelData data = BpeTrainer.builder().maxTokenLength(2).build()
                .train(WordCounts.of(words), TrainingListener.NONE);
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("短", 12), Map.entry("n", 6), Map.entry("i", 5), Map.entry("s", 8),
                Map.entry("字符", 23), Map.entry("長", 14), Map.entry("긴", 17), Map.entry("い文", 22),
                Map.entry("L", 2), Map.entry("in", 21), Map.entry("o", 7), Map.entry("은한", 29),
                Map.entry("S", 4), Map.entry("P", 3), Map.entry("so", 27), Map.entry("符", 13),
                Map.entry("文", 11), Map.entry("字", 10), Map.entry("짧", 19), Map.entry("GP", 25),
                Map.entry("글", 16), Map.entry("G", 1), Map.entry("An", 24), Map.entry("长", 15),
                Map.entry("A", 0), Map.entry("Lo", 26), Map.entry("긴한", 28), Map.entry("い", 9),
                Map.entry("한", 20), Map.entry("은", 18));
        assertEquals(expected, asMap(data.vocabulary()));
    }

    static List<String> merges(BpeModelData data) {
        return data.merges().stream().map(BpeModelData.Merge::toString).collect(Collectors.toList());
    }

    static Map<String, Integer> asMap(Vocabulary v) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < v.size(); i++) {
            m.put(v.token(i), i);
        }
        return m;
    }
}
