package io.subword.train;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link UnigramTrainer}: each option of SentencePiece's that changes the result, on one tiny corpus. */
class UnigramTrainerTest {
    /**
     * Corpus, options, and the pieces {@code spm_train} 0.1.97 learns from the same lines
     * ({@code unigram-spm/make-goldens.sh} made the table): we learn the same vocabulary. The corpus is words one
     * per line ({@code .tsv}: word, count), or running text whose lines end mid-word ({@code cut-lines.txt}), where
     * the suffixes of each line's last word are seeds. The order of pieces with
     * equal scores is left open (SentencePiece sums in {@code float}, we in fixed point).
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvFileSource(resources = "unigram-spm/spm-goldens.csv", delimiter = ';', maxCharsPerColumn = 65536)
    void learnsThePiecesSpmTrainLearns(String corpus, int vocabSize, String options, String spmPieces)
            throws Exception {
        TrainingOptions.Builder b = TrainingOptions.builder().vocabSize(vocabSize).threads(2);
        for (String o : options == null ? new String[0] : options.split(" ")) {
            String[] kv = o.split("=");
            switch (kv[0]) {
                case "splitDigits" -> b.splitDigits(true);
                case "maxLength" -> b.maxTokenLength(Integer.parseInt(kv[1]));
                case "shrinking" -> b.shrinkingFactor(Double.parseDouble(kv[1]));
                case "subIterations" -> b.subIterations(Integer.parseInt(kv[1]));
                case "special" -> b.specialTokens(Arrays.asList(kv[1].split(",")));
                case "user" -> b.userDefinedSymbols(List.of(kv[1]));
                case "normalization" -> b.normalization(kv[1]);
                default -> throw new AssertionError(o);
            }
        }
        UnigramTrainer trainer = UnigramTrainer.of(b.build());
        List<String> lines = new ArrayList<>();
        var text = getClass().getResourceAsStream("unigram-spm/" + corpus + ".txt"); // running text, as it is
        if (text != null) {
            try (text) {
                lines.addAll(Arrays.asList(new String(text.readAllBytes(), UTF_8).split("\n")));
            }
        } else {
            try (var in = getClass().getResourceAsStream("unigram-spm/" + corpus + ".tsv")) {
                for (String row : new String(in.readAllBytes(), UTF_8).split("\n")) {
                    String[] wc = row.split("\t"); // word, count: that many lines of the word alone
                    lines.addAll(java.util.Collections.nCopies(Integer.parseInt(wc[1]), wc[0]));
                }
            }
        }
        WordCounts counts = trainer.wordCounter().countLines(lines.iterator());
        List<String> ours = trainer.learn(counts, TrainingListener.NONE).pieces();
        List<String> expected = Arrays.asList(spmPieces.split(" "));
        assertEquals(expected.size(), ours.size(), () -> ours.toString());
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(ours));
        assertEquals(expected.subList(0, 3), ours.subList(0, 3));
    }

    /**
     * The word counter marks the last word of each line with {@code \n} (a key of its own), so that the seeds see
     * it followed by the sentence end; without whitespace splitting the whole line is that word.
     */
    @ParameterizedTest(name = "\"{0}\" split {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # line               | split | words counted (the line end written as $)
              the Commis         | true  | ▁the ▁Commis$
              a a                | true  | ▁a ▁a$
              '  x   y  '        | true  | ▁x ▁y$
              ''                 | true  | ''
              a b                | false | ▁a▁b$
            """)
    void theLastWordOfALineIsCountedApart(String line, boolean split, String words) {
        WordCounts counts = UnigramTrainer.of(TrainingOptions.builder().splitByWhitespace(split).build())
                .wordCounter().countLines(List.of(line).iterator());
        Map<String, Long> expected = new java.util.HashMap<>();
        for (String w : words.isEmpty() ? new String[0] : words.split(" ")) {
            expected.merge(w.replace('$', '\n'), 1L, Long::sum);
        }
        assertEquals(expected, counts.toMap());
    }

    /** Words as SentencePiece's normalizer and pre-tokenizer make them: {@code ▁} in front. */
    static final WordCounts CORPUS = WordCounts.of(Map.ofEntries(
            Map.entry("▁the", 40), Map.entry("▁then", 12), Map.entry("▁there", 9), Map.entry("▁other", 7),
            Map.entry("▁hello", 10), Map.entry("▁help", 8), Map.entry("▁1990", 5), Map.entry("▁2024", 4),
            Map.entry("▁tea<sep>time", 3), Map.entry("▁žal", 1), Map.entry("▁a", 30)));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # options                   | first ids                                | every learned piece
              vocabSize=40              | <unk> <s> </s>                           | at most 16 chars, ▁ only in front
              vocabSize=40 maxLength=3  | <unk> <s> </s>                           | at most 3 chars
              vocabSize=40 splitDigits  | <unk> <s> </s>                           | a digit only alone
              vocabSize=300 byteFallback| <unk> <s> </s> <0x00> <0x01>             | no byte piece
              vocabSize=40 user=<sep>   | <unk> <s> </s> <sep>                     | never <sep>
              vocabSize=40 coverage=0.99| <unk> <s> </s>                           | never ž
            """)
    void optionsShapeTheVocabulary(String options, String firstIds, String rule) {
        TrainingOptions.Builder b = TrainingOptions.builder();
        for (String o : options.split(" ")) {
            String[] kv = o.split("=");
            switch (kv[0]) {
                case "vocabSize" -> b.vocabSize(Integer.parseInt(kv[1]));
                case "maxLength" -> b.maxTokenLength(Integer.parseInt(kv[1]));
                case "splitDigits" -> b.splitDigits(true);
                case "byteFallback" -> b.byteFallback(true);
                case "user" -> b.userDefinedSymbols(List.of(kv[1]));
                case "coverage" -> b.characterCoverage(Double.parseDouble(kv[1]));
                default -> throw new AssertionError(o);
            }
        }
        UnigramModelData data = UnigramTrainer.of(b.build()).learn(CORPUS, TrainingListener.NONE);
        List<String> first = Arrays.asList(firstIds.split(" "));
        assertEquals(first, data.pieces().subList(0, first.size()));
        List<String> learned = data.pieces().subList(data.metaPieces(), data.pieces().size());
        assertTrue(learned.size() > 10, () -> "learned " + learned);
        Predicate<String> ok = switch (rule) {
            case "at most 16 chars, ▁ only in front" -> p -> p.length() <= 16 && p.lastIndexOf('▁') <= 0;
            case "at most 3 chars" -> p -> p.codePointCount(0, p.length()) <= 3;
            case "a digit only alone" -> p -> p.chars().noneMatch(Character::isDigit) || p.length() == 1;
            case "no byte piece" -> p -> !p.startsWith("<0x");
            case "never <sep>" -> p -> !p.contains("<") && !p.contains(">");
            case "never ž" -> p -> !p.contains("ž");
            default -> throw new AssertionError(rule);
        };
        List<String> bad = new ArrayList<>(learned);
        bad.removeIf(ok);
        assertEquals(List.of(), bad, rule);
        // learned pieces come by falling score, as in a .model file
        double[] scores = data.scores();
        for (int i = data.metaPieces() + 1; i < scores.length; i++) {
            assertTrue(scores[i - 1] >= scores[i], data.pieces().get(i));
        }
    }

    @Test
    void frequentWordsBecomePiecesAndTheVocabularyHasItsSize() {
        UnigramModelData data = UnigramTrainer.of(TrainingOptions.builder().vocabSize(28).build())
                .learn(CORPUS, TrainingListener.NONE);
        assertEquals(28, data.pieces().size());
        assertTrue(data.pieces().contains("▁the"), () -> data.pieces().toString());
        // As in spm_train, whose seeds are the substrings that branch in running text: "▁a" is always followed by
        // the next word's "▁" (no other word starts with it), so it is never a seed, however frequent.
        assertTrue(!data.pieces().contains("▁a"), () -> data.pieces().toString());
    }

    @Test
    void aVocabularyTooSmallForTheAlphabetIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> UnigramTrainer.of(TrainingOptions.builder()
                .vocabSize(10).build()).learn(CORPUS, TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("vocabulary size 10 cannot hold the "), e.getMessage());
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        UnigramModelData one = UnigramTrainer.of(TrainingOptions.builder().vocabSize(40).threads(1).build())
                .learn(CORPUS, TrainingListener.NONE);
        UnigramModelData two = UnigramTrainer.of(TrainingOptions.builder().vocabSize(40).threads(2).build())
                .learn(CORPUS, TrainingListener.NONE);
        assertEquals(one.pieces(), two.pieces());
        assertTrue(Arrays.equals(one.scores(), two.scores()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <s> </s>  | 100 | a unigram tokenizer needs <unk> among the special tokens, which are [<s>, </s>]
            <unk>     | 1   | vocabulary size 1 leaves no room after the 1 special, user-defined and byte pieces
            """)
    void badSettingsAreNamed(String specials, int vocabSize, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> UnigramTrainer.of(
                TrainingOptions.builder().specialTokens(Arrays.asList(specials.split(" "))).vocabSize(vocabSize)
                        .build())).getMessage());
    }
}
