package io.subword.train;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordPieceTrainerTest {
    /**
     * Every mode on the corpus of Hugging Face's WordPiece tutorial (hug 10, pug 5, pun 12, bun 4, hugs 5): the
     * corpus, the options, and the whole vocabulary. All modes start with the special tokens, the alphabet and
     * the ## characters in the order words are visited (code point order: bun, hug, hugs ...); they differ in
     * the pairs they merge.
     * <ul>
     * <li>{@code HF}: BPE with the ## prefix, the most frequent pair first; the tokens match Hugging Face (npm
     * tokenizers 0.23.2).
     * <li>{@code LIKELIHOOD}: the largest exact gain of {@code L = Σ c(s) ln(c(s)/N)}. Symbol counts h 15, p 17,
     * b 4, ##u 36, ##g 20, ##n 16, ##s 5 (N = 113); the merges and their gains, checked by
     * benchmarks/wordpiece-modes/brute_force_likelihood.py, which merges each pair in a copy of the corpus and
     * recomputes L: (##u,##g) +28.018, (##u,##n) +42.697, (h,##ug) +26.723, (p,##un) +11.166, (p,##ug) +16.254,
     * (b,##un) +13.498, (hug,##s) +5.655: (b,##un), count 4, comes before (hug,##s), count 5, where Hugging
     * Face merges by count. After all seven merges ##ug and ##un are used up (count 0): they do not count towards
     * the size and are dropped, so size 21 holds all seven merges; size 22 keeps ##ug again, the oldest
     * used-up symbol, to fill the vocabulary. With minimum frequency 6, (p,##ug) (count 5) is never merged and
     * nothing after it is better.
     * <li>{@code RATIO}, by hand. Scores count(ab)/(count(a)count(b)): (##g,##s) = 5/100 wins; then every pair
     * scores 1/36 and the smallest ids (b,##u) win; (bu,##n) = 1/16; then (h,##u) by ids at 1/32; (hu,##gs) =
     * 1/15; (hu,##g) = 1/15; then (p,##u) by ids at 1/17; (pu,##n) by ids at 1/17; (pu,##g) = 1/5. Minimum
     * frequency 6 skips (##g,##s) (count 5) and (b,##u) (count 4); (h,##u) is then first by ids at 1/36.
     * </ul>
     */
    @ParameterizedTest(name = "{0} size {1} min {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # mode     | size | min | special tokens | vocabulary after the special tokens
              HF         | 1000 | 0 | BERT  | b g h n p s u ##u ##n ##g ##s ##ug ##un hug pun pug hugs bun
              HF         | 20   | 0 | BERT  | b g h n p s u ##u ##n ##g ##s ##ug ##un hug pun
              LIKELIHOOD | 1000 | 0 | BERT  | b g h n p s u ##u ##n ##g ##s ##ug ##un hug pun pug bun hugs
              LIKELIHOOD | 19   | 0 | BERT  | b g h n p s u ##u ##n ##g ##s ##ug ##un hug
              LIKELIHOOD | 21   | 0 | BERT  | b g h n p s u ##u ##n ##g ##s hug pun pug bun hugs
              LIKELIHOOD | 22   | 0 | BERT  | b g h n p s u ##u ##n ##g ##s ##ug hug pun pug bun hugs
              LIKELIHOOD | 1000 | 6 | BERT  | b g h n p s u ##u ##n ##g ##s ##ug ##un hug pun
              LIKELIHOOD | 14   | 0 | [UNK] | b g h n p s u ##u ##n ##g ##s ##ug ##un
              RATIO      | 1000 | 0 | BERT  | b g h n p s u ##u ##n ##g ##s ##gs bu bun hu hugs hug pu pun pug
              RATIO      | 14   | 0 | [UNK] | b g h n p s u ##u ##n ##g ##s ##gs bu
              RATIO      | 12   | 6 | NONE  | b g h n p s u ##u ##n ##g ##s hu
            """)
    void vocabularyOfTheHugsCorpus(WordPieceTrainer.Mode mode, int vocabSize, long minFrequency, String specials,
                                   String expected) {
        List<String> specialTokens = switch (specials) {
            case "BERT" -> List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
            case "NONE" -> List.of();
            default -> List.of(specials.split(" "));
        };
        WordPieceModelData data = WordPieceTrainer.builder().mode(mode).specialTokens(specialTokens)
                .vocabSize(vocabSize).minFrequency(minFrequency).build()
                .learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        List<String> tokens = data.vocabulary().tokens();
        assertEquals(specialTokens, tokens.subList(0, specialTokens.size()));
        assertEquals(List.of(expected.split(" ")), tokens.subList(specialTokens.size(), tokens.size()));
    }

    @Test
    void modelDataNamesTheUnknownTokenAndPrefix() {
        WordPieceModelData data = WordPieceTrainer.builder().build().learn(BpeTrainerTest.hugs(), TrainingListener.NONE);
        assertEquals("[UNK]", data.unkToken());
        assertEquals("##", data.continuingSubwordPrefix());
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), data.specialTokens());
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
