package io.subword.embed;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Skip-gram on real text gives vectors that mean something: trained on English, Spanish and Portuguese lines of
 * the Europarl sample with the BERT uncased tokenizer (fixed seed, small enough for a loaded 2-core machine), a
 * word is closer to its inflections and to its translation in the sister language than to random tokens.
 */
class EuroparlQualityTest {
    /** A word and a related form: an inflection, a derivation, or the Spanish and Portuguese spellings. */
    static final String[][] RELATED = {
            {"country", "countries"}, {"member", "members"}, {"policy", "policies"}, {"right", "rights"},
            {"decision", "decisions"}, {"proposal", "proposals"}, {"government", "governments"},
            {"parliament", "parliamentary"}, {"vote", "voted"}, {"debate", "debates"}, {"economic", "economy"},
            {"comisión", "comissão"}, {"política", "políticas"}, {"europea", "europeia"}, {"gobierno", "governo"},
            {"derechos", "direitos"}, {"presidente", "president"}, {"países", "paises"}, {"importante", "importantes"},
            {"parlamento", "parlamentos"},
    };

    static Tokenizer bert;
    static SkipGramResult result;
    static SubwordVectors vectors;

    @BeforeAll
    static void train() throws Exception {
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        List<String> lines = new ArrayList<>();
        for (String line : RealData.europarlLines()) {
            if (isEnglishSpanishOrPortuguese(line)) {
                lines.add(line);
                if (lines.size() == 2000) {
                    break;
                }
            }
        }
        result = SkipGramTrainer.builder().dim(40).window(5).negative(5).epochs(3).minCount(3).sample(1e-3)
                .threads(2).seed(1).build().train(bert, lines, TrainingListener.NONE);
        vectors = SubwordVectors.trained(bert, result);
    }

    /** A stop-word guess, good enough to pick training text. */
    static boolean isEnglishSpanishOrPortuguese(String line) {
        String s = " " + line.toLowerCase(java.util.Locale.ROOT) + " ";
        return s.contains(" the ") && s.contains(" and ")
                || s.contains(" los ") && s.contains(" que ") && s.contains(" el ")
                || s.contains(" não ") || s.contains(" os ") && s.contains(" que ") && s.contains(" uma ");
    }

    @Test
    void relatedFormsAreCloserThanRandomTokens() {
        SplittableRandom random = new SplittableRandom(3);
        List<Integer> trained = new ArrayList<>();
        for (int id = 0; id < result.trained().length; id++) {
            if (result.trained()[id]) {
                trained.add(id);
            }
        }
        double related = 0;
        double percentile = 0;
        for (String[] pair : RELATED) {
            float[] a = vectors.vector(pair[0]);
            float cos = SubwordVectors.cosine(a, vectors.vector(pair[1]));
            related += cos;
            // The share of random tokens that are further from a than its related form.
            int further = 0;
            for (int n = 0; n < 500; n++) {
                int id = trained.get(random.nextInt(trained.size()));
                if (SubwordVectors.cosine(a, result.input().row(id)) < cos) {
                    further++;
                }
            }
            percentile += further / 500.0;
        }
        related /= RELATED.length;
        percentile /= RELATED.length;
        double unrelated = 0;
        int pairs = 2000;
        for (int n = 0; n < pairs; n++) {
            int a = trained.get(random.nextInt(trained.size()));
            int b = trained.get(random.nextInt(trained.size()));
            unrelated += SubwordVectors.cosine(result.input().row(a), result.input().row(b));
        }
        unrelated /= pairs;
        System.out.printf(java.util.Locale.ROOT, "related %.3f, random pairs %.3f, percentile %.3f%n", related,
                unrelated, percentile);
        assertTrue(related > unrelated + 0.15, "mean cosine of related forms " + related
                + ", of random token pairs " + unrelated);
        // Chance is 0.5; runs on this slice give about 0.85 (two Hogwild threads, so not bit-reproducible).
        assertTrue(percentile > 0.75, "a related form is closer than " + percentile + " of random tokens");
    }

    @Test
    void anUnseenWordHasNeighboursAndNeverTheUnknownRow() {
        int unk = bert.tokenToId("[UNK]");
        int[] pieces = vectors.pieces("inimagináveis");
        assertTrue(pieces.length > 1, "composed from several pieces");
        for (int id : pieces) {
            assertFalse(id == unk || bert.isSpecial(id));
        }
        List<SubwordVectors.Neighbor> near = vectors.nearest("inimagináveis", 10);
        assertEquals(10, near.size());
        for (SubwordVectors.Neighbor n : near) {
            assertFalse(n.id() == unk || bert.isSpecial(n.id()), n.toString());
            assertTrue(result.trained()[n.id()], n.toString());
            for (int piece : pieces) {
                assertFalse(piece == n.id(), "the query's own piece " + n);
            }
        }
        for (int i = 1; i < near.size(); i++) {
            assertTrue(near.get(i - 1).score() >= near.get(i).score());
        }
    }
}
