package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BpeTrainerTest {
    @TempDir
    Path dir;

    /** Hugging Face's models/bpe/trainer.rs test_train, restated. */
    @Test
    void rosesAreRed() {
        BpeModelData data = BpeTrainer.builder().minFrequency(2).build().learn(roses(), TrainingListener.NONE);
        assertEquals(List.of("-", "2", "B", "E", "G", "P", "R", "T", "a", "b", "d", "e", "g", "i", "l", "n", "o",
                "r", "s", "t", "u", "v", "re", "are", "is"), data.vocabulary().tokens());
        assertEquals(List.of("r e", "a re", "i s"), merges(data));
    }

    static WordCounts roses() {
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
        return WordCounts.of(words);
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
                .learn(WordCounts.of(words), TrainingListener.NONE);
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

    /** Sennrich's example; checked against HF (npm tokenizers 0.23.2, default BpeTrainer). */
    @Test
    void lowLowerNewestWidest() {
        BpeModelData data = BpeTrainer.builder().build().learn(lowest(), TrainingListener.NONE);
        assertEquals(List.of("e s", "es t", "l o", "lo w", "e w", "n ew", "new est", "d est", "i dest", "w idest",
                "e r", "low er"), merges(data));
        assertEquals(List.of("d", "e", "i", "l", "n", "o", "r", "s", "t", "w", "es", "est", "lo", "low", "ew", "new",
                "newest", "dest", "idest", "widest", "er", "lower"), data.vocabulary().tokens());
    }

    static WordCounts lowest() {
        return WordCounts.of(Map.of("low", 5, "lower", 2, "newest", 6, "widest", 3));
    }

    /**
     * With an end-of-word suffix the last character of each word is its own symbol ({@code w</w>} apart from
     * {@code w}), so {@code low</w>} and {@code lower</w>} share only {@code lo}. Worked out by hand.
     */
    @Test
    void endOfWordSuffix() {
        BpeModelData data = BpeTrainer.builder().endOfWordSuffix("</w>").build().learn(lowest(), TrainingListener.NONE);
        assertEquals(List.of("e s", "es t</w>", "l o", "e w", "n ew", "new est</w>", "lo w</w>", "d est</w>",
                "i dest</w>", "w idest</w>", "e r</w>", "w er</w>", "lo wer</w>"), merges(data));
        assertEquals(List.of("d", "e", "i", "l", "n", "o", "r", "s", "t", "w", "w</w>", "r</w>", "t</w>", "es",
                "est</w>", "lo", "ew", "new", "newest</w>", "low</w>", "dest</w>", "idest</w>", "widest</w>",
                "er</w>", "wer</w>", "lower</w>"), data.vocabulary().tokens());
        assertEquals("</w>", data.endOfWordSuffix());
    }

    /** HF's WordPiece example corpus with the ## prefix; checked against HF (npm tokenizers 0.23.2). */
    @Test
    void continuingSubwordPrefix() {
        BpeModelData data = BpeTrainer.builder().continuingSubwordPrefix("##").build()
                .learn(hugs(), TrainingListener.NONE);
        assertEquals(List.of("##u ##g", "##u ##n", "h ##ug", "p ##un", "p ##ug", "hug ##s", "b ##un"), merges(data));
        assertEquals(List.of("b", "g", "h", "n", "p", "s", "u", "##u", "##n", "##g", "##s", "##ug", "##un", "hug",
                "pun", "pug", "hugs", "bun"), data.vocabulary().tokens());
    }

    static WordCounts hugs() {
        return WordCounts.of(Map.of("hug", 10, "pug", 5, "pun", 12, "bun", 4, "hugs", 5));
    }

    /** Checked against HF (npm tokenizers 0.23.2, default BpeTrainer). */
    @Test
    void hugsWithoutPrefix() {
        BpeModelData data = BpeTrainer.builder().build().learn(hugs(), TrainingListener.NONE);
        assertEquals(List.of("u g", "u n", "h ug", "p un", "p ug", "hug s", "b un"), merges(data));
    }

    @Test
    void specialTokensComeFirstOnceAndVocabSizeStopsTheMerges() {
        BpeModelData data = BpeTrainer.builder().specialTokens(List.of("<s>", "</s>", "<s>")).vocabSize(14)
                .build().learn(hugs(), TrainingListener.NONE);
        assertEquals(List.of("<s>", "</s>", "b", "g", "h", "n", "p", "s", "u", "ug", "un", "hug", "pun", "pug"),
                data.vocabulary().tokens());
        assertEquals(List.of("<s>", "</s>", "<s>"), data.specialTokens());
    }

    /**
     * Alphabet counts: u 36, g 20, n 16, p 17, h 15, s 5, b 4. A limit of 5 drops b and s; a word keeps
     * its other characters, glued ("bun" becomes "un", "hugs" becomes "hug").
     */
    @Test
    void limitAlphabetDropsTheRarestCharacters() {
        BpeModelData data = BpeTrainer.builder().limitAlphabet(5).build().learn(hugs(), TrainingListener.NONE);
        assertEquals(List.of("g", "h", "n", "p", "u", "ug", "un", "hug", "pun", "pug"), data.vocabulary().tokens());
        assertEquals(List.of("u g", "u n", "h ug", "p un", "p ug"), merges(data));
    }

    /** An initial-alphabet character counts as most frequent: it survives the limit even if unseen. */
    @Test
    void initialAlphabetSurvivesTheLimit() {
        BpeModelData data = BpeTrainer.builder().limitAlphabet(2).initialAlphabet(List.of("z")).build()
                .learn(hugs(), TrainingListener.NONE);
        assertEquals(List.of("u", "z"), data.vocabulary().tokens());
        assertEquals(List.of(), merges(data));
    }

    /** Equally frequent characters beyond the limit: the larger code point is dropped first. */
    @Test
    void limitAlphabetTies() {
        BpeModelData data = BpeTrainer.builder().limitAlphabet(2).build()
                .learn(WordCounts.of(Map.of("ab", 1, "cd", 1)), TrainingListener.NONE);
        assertEquals(List.of("a", "b"), data.vocabulary().tokens().subList(0, 2));
        assertEquals(List.of("a b"), merges(data));
    }

    /** Byte-level: "é" is two bytes (Ã ©), a space is Ġ; the alphabet has all 256 byte characters first. */
    @Test
    void byteLevel() {
        BpeModelData data = BpeTrainer.builder().byteLevel(true).build()
                .learn(WordCounts.of(Map.of("é", 3, " é", 2)), TrainingListener.NONE);
        assertEquals(List.of("\u00c3 \u00a9", "\u0120 \u00c3\u00a9"), merges(data));
        List<String> tokens = data.vocabulary().tokens();
        assertEquals(258, tokens.size());
        assertEquals("!", tokens.get(0));
        assertEquals("\u00c3\u00a9", tokens.get(256));
        assertEquals("\u0120\u00c3\u00a9", tokens.get(257));
        assertEquals(true, data.byteLevel());
    }

    @Test
    void minFrequencyStopsTheMerges() {
        BpeModelData data = BpeTrainer.builder().minFrequency(15).build().learn(hugs(), TrainingListener.NONE);
        assertEquals(List.of("u g", "u n", "h ug"), merges(data));
    }

    /**
     * The whole merge list and vocabulary of HF's BpeTrainer on 50 Europarl lines (21 languages),
     * whitespace-split; see the README next to the reference file.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void europarlParityWithHuggingFace(int threads) throws Exception {
        Path corpus = TestText.europarl(dir, "euro50.txt", 50);
        WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(threads).chunkLines(7).build()
                .count(Corpus.of(corpus), TrainingListener.NONE);
        BpeModelData data = BpeTrainer.builder().threads(threads).build().learn(counts, TrainingListener.NONE);
        List<String> expected = TestText.resourceLines("hf-bpe-50.txt.gz");
        assertEquals(TestText.section(expected, "#merges"), merges(data));
        assertEquals(TestText.section(expected, "#vocab"), data.vocabulary().tokens());
    }

    /**
     * Byte-level parity: HF was trained without an initial alphabet, so its vocabulary lacks the unseen
     * byte characters; the merges do not depend on them. Our vocabulary is made large enough that it does
     * not stop earlier than HF's.
     */
    @Test
    void europarlByteLevelParityWithHuggingFace() throws Exception {
        Path corpus = TestText.europarl(dir, "euro50.txt", 50);
        WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).build()
                .count(Corpus.of(corpus), TrainingListener.NONE);
        BpeModelData data = BpeTrainer.builder().byteLevel(true).vocabSize(30000 + 256).build()
                .learn(counts, TrainingListener.NONE);
        List<String> expected = TestText.section(TestText.resourceLines("hf-bytes-50.txt.gz"), "#merges");
        assertEquals(expected, merges(data));
    }

    @Test
    void threadCountDoesNotChangeTheResult() throws Exception {
        Path corpus = TestText.europarl(dir, "euro300.txt", 300);
        List<BpeModelData> results = new ArrayList<>();
        for (int threads : new int[] {1, 2, 3}) {
            WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(threads).build()
                    .count(Corpus.of(corpus), TrainingListener.NONE);
            results.add(BpeTrainer.builder().threads(threads).vocabSize(3000).continuingSubwordPrefix("##")
                    .build().learn(counts, TrainingListener.NONE));
        }
        for (BpeModelData other : results.subList(1, results.size())) {
            assertEquals(merges(results.get(0)), merges(other));
            assertEquals(results.get(0).vocabulary().tokens(), other.vocabulary().tokens());
        }
        assertEquals(3000, results.get(0).vocabulary().size());
    }

    @Test
    void badSettings() {
        assertEquals("vocabulary size must be at least 1, not -1",
                assertThrows(IllegalArgumentException.class, () -> BpeTrainer.builder().vocabSize(-1)).getMessage());
        assertEquals("initial alphabet entry must be one character: \"ab\"",
                assertThrows(IllegalArgumentException.class,
                        () -> BpeTrainer.builder().initialAlphabet(List.of("ab"))).getMessage());
        assertEquals("threads must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> BpeTrainer.builder().threads(0)).getMessage());
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
