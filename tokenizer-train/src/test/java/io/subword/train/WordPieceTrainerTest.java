package io.subword.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordPieceTrainerTest {
    /**
     * HF mode on the corpus of HF's WordPiece tutorial (hug 10, pug 5, pun 12, bun 4, hugs 5): BPE with the
     * ## prefix. The tokens match HF (npm tokenizers 0.23.2); HF gives the ## characters ids in hash-map
     * order, we in the order words are visited (code point order: bun, hug, hugs ...).
     */
    @Test
    void hfModeWithBertSpecialTokens() {
        WordPieceModelData data = WordPieceTrainer.builder().build().learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "b", "g", "h", "n", "p", "s", "u",
                "##u", "##n", "##g", "##s", "##ug", "##un", "hug", "pun", "pug", "hugs", "bun"),
                data.vocabulary().tokens());
        assertEquals("[UNK]", data.unkToken());
        assertEquals("##", data.continuingSubwordPrefix());
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), data.specialTokens());
    }

    @Test
    void hfModeStopsAtVocabSize() {
        WordPieceModelData data = WordPieceTrainer.builder().vocabSize(20).build()
                .learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "b", "g", "h", "n", "p", "s", "u",
                "##u", "##n", "##g", "##s", "##ug", "##un", "hug", "pun"), data.vocabulary().tokens());
    }

    /**
     * Ratio mode, worked by hand. Symbol counts: ##u 36, ##g 20, p 17, ##n 16, h 15, ##s 5, b 4.
     * Scores count(ab)/(count(a)count(b)): (##g,##s) = 5/100 wins; then every pair scores 1/36 and the
     * smallest ids (b,##u) win; (bu,##n) = 1/16; then (h,##u) by ids at 1/32; (hu,##gs) = 1/15;
     * (hu,##g) = 1/15; then (p,##u) by ids at 1/17; (pu,##n) by ids at 1/17; (pu,##g) = 1/5.
     */
    @Test
    void ratioMode() {
        WordPieceModelData data = WordPieceTrainer.builder().mode(WordPieceTrainer.Mode.RATIO).build()
                .learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "b", "g", "h", "n", "p", "s", "u",
                "##u", "##n", "##g", "##s", "##gs", "bu", "bun", "hu", "hugs", "hug", "pu", "pun", "pug"),
                data.vocabulary().tokens());
    }

    @Test
    void ratioModeStopsAtVocabSizeAndMinFrequency() {
        WordPieceModelData small = WordPieceTrainer.builder().mode(WordPieceTrainer.Mode.RATIO)
                .specialTokens(List.of("[UNK]")).vocabSize(14).build()
                .learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        assertEquals(List.of("[UNK]", "b", "g", "h", "n", "p", "s", "u", "##u", "##n", "##g", "##s", "##gs", "bu"),
                small.vocabulary().tokens());
        // min frequency 6 skips (##g,##s) (count 5) and (b,##u) (count 4); (h,##u) is then first by ids at 1/36.
        WordPieceModelData frequent = WordPieceTrainer.builder().mode(WordPieceTrainer.Mode.RATIO)
                .specialTokens(List.of()).minFrequency(6).vocabSize(12).build()
                .learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        assertEquals(List.of("b", "g", "h", "n", "p", "s", "u", "##u", "##n", "##g", "##s", "hu"),
                frequent.vocabulary().tokens());
    }

    @Test
    void threadCountDoesNotChangeTheResult() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wp");
        java.nio.file.Path corpus = TestText.europarl(dir, "euro.txt", 200);
        for (WordPieceTrainer.Mode mode : WordPieceTrainer.Mode.values()) {
            List<String> first = null;
            for (int threads : new int[] {1, 2}) {
                WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(threads).build()
                        .count(Corpus.of(corpus), TrainingListener.NONE);
                List<String> tokens = WordPieceTrainer.builder().mode(mode).threads(threads).vocabSize(2000).build()
                        .learn(counts, TrainingListener.NONE).vocabulary().tokens();
                assertEquals(2000, tokens.size());
                if (first == null) {
                    first = tokens;
                } else {
                    assertEquals(first, tokens);
                }
            }
        }
    }

    @Test
    void badSettings() {
        assertEquals("endOfWordSuffix is not supported in RATIO mode: \"</w>\"",
                assertThrows(IllegalArgumentException.class, () -> WordPieceTrainer.builder()
                        .mode(WordPieceTrainer.Mode.RATIO).endOfWordSuffix("</w>").build()).getMessage());
        assertEquals("WordPiece needs a non-empty continuing-subword prefix",
                assertThrows(IllegalArgumentException.class,
                        () -> WordPieceTrainer.builder().continuingSubwordPrefix("")).getMessage());
    }
}
