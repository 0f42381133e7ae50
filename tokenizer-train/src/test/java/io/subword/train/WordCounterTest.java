package io.subword.train;

import io.subword.normalize.Normalizer;
import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordCounterTest {
    @TempDir
    Path dir;

    static final Normalizer LOWERCASE = t -> t.withSameAlignment(t.text().toLowerCase(Locale.ROOT));

    @Test
    void countsNormalizedWords() throws Exception {
        Path file = dir.resolve("c.txt");
        Files.writeString(file, "The cat\n\nthe  CAT sat\r\n");
        WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).normalizer(LOWERCASE).build()
                .count(Corpus.of(file), TrainingListener.NONE);
        assertEquals(Map.of("the", 2L, "cat", 2L, "sat", 1L), counts.toMap());
        assertEquals(5, counts.total());
        assertEquals(List.of("cat", "sat", "the"), counts.sortedWords());
        assertEquals(0, counts.count("dog"));
    }

    @Test
    void countsAStream() throws Exception {
        Corpus corpus = Corpus.ofStream(new ByteArrayInputStream("a b\nb".getBytes(StandardCharsets.UTF_8)), "<stdin>");
        Recorder events = new Recorder();
        WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(1).build().count(corpus, events);
        assertEquals(Map.of("a", 1L, "b", 2L), counts.toMap());
        assertEquals(List.of("phase count words", "words 2 2", "bytes 5 -1", "bytes 5 -1"), events.events);
    }

    /**
     * Chunks of two lines, a limit of 4 words: after the second chunk the table holds 6 words, so words
     * seen fewer than 2 times are dropped (c d e f), leaving 2 (at most 3 = three quarters of the limit).
     */
    @Test
    void prunesRareWordsBetweenChunks() throws Exception {
        Path file = dir.resolve("p.txt");
        Files.writeString(file, "a a a b\nc d\ne a\nb f\ng\n");
        Recorder events = new Recorder();
        WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(1).maxEntries(4).chunkLines(2).build()
                .count(Corpus.of(file), events);
        assertEquals(Map.of("a", 4L, "b", 2L, "g", 1L), counts.toMap());
        assertEquals(2, counts.prunedBelow());
        assertEquals(List.of("phase count words", "words 2 4", "bytes 22 22", "pruned 2 6 2", "words 4 2",
                "bytes 22 22", "words 5 3", "bytes 22 22", "bytes 22 22"), events.events);
    }

    /** Same words, same counts and same pruning for any number of threads. */
    @Test
    void threadCountDoesNotChangeTheResult() throws Exception {
        Path corpus = TestText.europarl(dir, "euro.txt", 600);
        Map<String, Long> first = null;
        List<String> firstPrunes = null;
        for (int threads : new int[] {1, 2, 4}) {
            Recorder events = new Recorder();
            WordCounts counts = WordCounter.builder(TestText.WHITESPACE_SPLIT).normalizer(LOWERCASE)
                    .threads(threads).maxEntries(20000).chunkLines(37).build().count(Corpus.of(corpus), events);
            List<String> prunes = events.events.stream().filter(e -> e.startsWith("pruned")).toList();
            if (first == null) {
                first = counts.toMap();
                firstPrunes = prunes;
                assertEquals(true, !prunes.isEmpty(), "the limit is low enough to prune");
            } else {
                assertEquals(first, counts.toMap());
                assertEquals(firstPrunes, prunes);
            }
        }
    }

    @Test
    void invalidUtf8StopsCounting() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'a', (byte) 0xff});
        VocabFormatExceptionAssert.assertMessage(file + ", line 2: invalid UTF-8 at byte offset 4 (byte 2 of the line)",
                () -> WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(2).build()
                        .count(Corpus.of(file), TrainingListener.NONE));
    }

    @Test
    void badSettings() {
        assertEquals("threads must be at least 1, not 0", assertThrows(IllegalArgumentException.class,
                () -> WordCounter.builder(TestText.WHITESPACE_SPLIT).threads(0)).getMessage());
        assertEquals("maxEntries must be at least 4, not 3", assertThrows(IllegalArgumentException.class,
                () -> WordCounter.builder(TestText.WHITESPACE_SPLIT).maxEntries(3)).getMessage());
        assertEquals("count 0 of word \"a\" is not positive", assertThrows(IllegalArgumentException.class,
                () -> WordCounts.of(Map.of("a", 0))).getMessage());
    }

    @Test
    void codePointOrderPutsSupplementaryCharactersLast() {
        List<String> words = new ArrayList<>(List.of("\uD83D\uDE00", "\uFB01", "a"));
        words.sort(WordCounts.CODE_POINT_ORDER);
        assertEquals(List.of("a", "\uFB01", "\uD83D\uDE00"), words);
    }

    /** Records listener calls as strings. */
    static final class Recorder implements TrainingListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void phase(String name) {
            events.add("phase " + name);
        }

        @Override
        public void bytesRead(long bytesRead, long totalBytes) {
            events.add("bytes " + bytesRead + " " + totalBytes);
        }

        @Override
        public void wordsCounted(long lines, long distinctWords) {
            events.add("words " + lines + " " + distinctWords);
        }

        @Override
        public void pruned(long minCount, long before, long after) {
            events.add("pruned " + minCount + " " + before + " " + after);
        }
    }

}
