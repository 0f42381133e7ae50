package io.subword.train;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pieces distributed counting (tokenizer-spark) builds on: counting lines in pieces and adding the pieces up
 * gives the counts of the whole corpus, and a trainer trained on them gives the same tokenizer.
 */
class DistributedCountingTest {
    private static final List<String> LINES = List.of("Hello, world! Hello again.", "", "café CAFÉ ação",
            "  spaces   and\ttabs  ", "don't stop; 42 + 7 = 49");

    @ParameterizedTest
    @CsvSource({"bpe", "bytelevel", "wordpiece", "word", "unigram"})
    void countingLinesInPiecesAndAddingThemUpIsCountingTheCorpus(String name) throws Exception {
        Trainer trainer = Trainer.of(Family.fromName(name), TrainingOptions.builder().vocabSize(60).build());
        Corpus corpus = Corpus.ofStream(new ByteArrayInputStream(String.join("\n", LINES)
                .getBytes(StandardCharsets.UTF_8)), "lines");
        WordCounts whole = trainer.wordCounter().count(corpus, TrainingListener.NONE);

        WordCounts.Builder sum = WordCounts.builder();
        sum.addAll(trainer.wordCounter().countLines(LINES.subList(0, 2).iterator()));
        sum.addAll(trainer.wordCounter().countLines(LINES.subList(2, LINES.size()).iterator()));
        WordCounts pieces = sum.build();

        assertEquals(whole.toMap(), pieces.toMap());
        assertEquals(trainer.train(whole, TrainingListener.NONE).tokenizer().vocabulary().size(),
                trainer.train(pieces, TrainingListener.NONE).tokenizer().vocabulary().size());
        assertEquals(trainer.train(whole, TrainingListener.NONE).merges(),
                trainer.train(pieces, TrainingListener.NONE).merges());
    }

    @Test
    void theBuilderAddsCountsOfTheSameWordAndRejectsBadOnes() {
        WordCounts counts = WordCounts.builder().add("a", 2).add("b", 1).add("a", 3).prunedBelow(2).build();
        assertEquals(Map.of("a", 5L, "b", 1L), counts.toMap());
        assertEquals(2, counts.prunedBelow());
        assertEquals("count 0 of word \"x\" is not positive",
                assertThrows(IllegalArgumentException.class, () -> WordCounts.builder().add("x", 0)).getMessage());
        assertEquals("empty word",
                assertThrows(IllegalArgumentException.class, () -> WordCounts.builder().add("", 1)).getMessage());
    }
}
