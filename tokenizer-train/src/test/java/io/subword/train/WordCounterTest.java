package io.subword.train;

import io.subword.normalize.Normalizer;
import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Counts, pruning and pruning events are those of one thread whatever the thread count. Corpora: Europarl
     * lines from two places of the sample; pipelines: lowercase and whitespace split, WordPiece's (BERT uncased:
     * the normalizer's text-only path), byte-level's (no normalizer) and Unigram's (SentencePiece normalizer and
     * Metaspace: the aligned path). Limits, from the distinct words {@code D} of an unlimited count: {@code none}
     * never prunes; {@code D} never prunes, but the workers' tables together pass it (they repeat words), so the
     * count switches to the ordered mode part way; {@code D-1} switches, then prunes only at the last chunk that
     * brings a new word; {@code D/4} switches and prunes from the first chunks on. Byte-level chunks (no normalizer)
     * are counted straight into the workers' tables while their chars fit the limit: all of them with {@code none},
     * the first few with {@code D} (then splits, then the ordered mode), none with {@code D/4}.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} threads, limit {4}")
    @CsvSource(textBlock = """
        0,     300, lowercase, 2, none
        0,     300, lowercase, 2, D
        0,     300, lowercase, 3, D-1
        0,     300, lowercase, 2, D/4
        10000, 10300, wordpiece, 2, none
        10000, 10300, wordpiece, 2, D
        10000, 10300, wordpiece, 4, D-1
        10000, 10300, wordpiece, 3, D/4
        5000,  5300, bytelevel, 2, none
        5000,  5300, bytelevel, 3, D
        5000,  5300, bytelevel, 2, D/4
        16000, 16300, unigram,  3, D-1
        """)
    void threadsChangeNeitherCountsNorPruning(int from, int to, String pipeline, int threads, String limit)
            throws Exception {
        Path corpus = TrainingTest.europarl(dir, from, to);
        int distinct = counter(pipeline, 1, 10_000_000).count(Corpus.of(corpus), TrainingListener.NONE).size();
        int maxEntries = switch (limit) {
            case "none" -> 10_000_000;
            case "D" -> distinct;
            case "D-1" -> distinct - 1;
            case "D/4" -> distinct / 4;
            default -> throw new IllegalArgumentException(limit);
        };
        Recorder oneEvents = new Recorder();
        WordCounts one = counter(pipeline, 1, maxEntries).count(Corpus.of(corpus), oneEvents);
        Recorder manyEvents = new Recorder();
        WordCounts many = counter(pipeline, threads, maxEntries).count(Corpus.of(corpus), manyEvents);
        assertEquals(one.toMap(), many.toMap());
        assertEquals(one.prunedBelow(), many.prunedBelow());
        List<String> prunes = prunes(oneEvents);
        assertEquals(prunes, prunes(manyEvents));
        assertEquals(!limit.equals("D-1") && !limit.equals("D/4"), prunes.isEmpty(), prunes.toString());
        if (!limit.equals("none")) {
            // the ordered mode reports the one table's exact size, as one thread does
            assertEquals(last(oneEvents, "words"), last(manyEvents, "words"), "the count went on in order");
        }
    }

    private static WordCounter counter(String pipeline, int threads, int maxEntries) {
        WordCounter.Builder b = switch (pipeline) {
            case "lowercase" -> WordCounter.builder(TestText.WHITESPACE_SPLIT).normalizer(LOWERCASE);
            case "wordpiece" -> WordCounter.builder(Family.WORD_PIECE.preTokenizer())
                    .normalizer(Family.WORD_PIECE.normalizer(true));
            case "bytelevel" -> WordCounter.builder(Family.BYTE_LEVEL.preTokenizer());
            case "unigram" -> WordCounter.builder(new LineEndMarking(UnigramTrainer.preTokenizer(true)))
                    .normalizer(Family.UNIGRAM.normalizer(false));
            default -> throw new IllegalArgumentException(pipeline);
        };
        return b.threads(threads).maxEntries(maxEntries).chunkLines(17).build();
    }

    private static List<String> prunes(Recorder events) {
        return events.events.stream().filter(e -> e.startsWith("pruned")).toList();
    }

    private static String last(Recorder events, String kind) {
        return events.events.stream().filter(e -> e.startsWith(kind + " ")).reduce((a, b) -> b).orElseThrow();
    }

    /**
     * Which pre-tokenizers let a line be normalized without alignments: those whose prepare step reads the text
     * alone (the default, ByteLevel's prefix space, the Unigram counter's marking around Metaspace's 'never'
     * scheme), not Metaspace itself, whose "first" scheme reads the alignment, nor the marking around that scheme.
     */
    @ParameterizedTest
    @CsvSource(textBlock = """
        bert,            true
        bytelevel,       true
        bytelevel-space, true
        whitespace,      true
        metaspace,       false
        unigram,         true
        unigram-first,   false
        """)
    void textOnlyPathWhereThePrepareStepReadsTheTextAlone(String preTokenizer, boolean textAlone) {
        io.subword.pretokenize.PreTokenizer p = switch (preTokenizer) {
            case "bert" -> io.subword.pretokenize.BertPreTokenizer.INSTANCE;
            case "bytelevel" -> io.subword.pretokenize.ByteLevelPreTokenizer.gpt2();
            case "bytelevel-space" -> io.subword.pretokenize.ByteLevelPreTokenizer.gpt2().withAddPrefixSpace(true);
            case "whitespace" -> TestText.WHITESPACE_SPLIT;
            case "metaspace" -> UnigramTrainer.preTokenizer(true);
            case "unigram" -> new LineEndMarking(UnigramTrainer.preTokenizer(true));
            case "unigram-first" -> new LineEndMarking(new io.subword.pretokenize.MetaspacePreTokenizer(
                    io.subword.pretokenize.MetaspacePreTokenizer.DEFAULT_REPLACEMENT,
                    io.subword.pretokenize.MetaspacePreTokenizer.PrependScheme.FIRST, true));
            default -> throw new IllegalArgumentException(preTokenizer);
        };
        assertEquals(textAlone, WordCounter.preparesFromTextAlone(p));
    }

    /**
     * The text-only path counts what the aligned one does: the BERT normalizers of the families against the same
     * normalizers seen only through {@code normalize} (whose default text-only method reads the aligned text).
     */
    @ParameterizedTest
    @CsvSource({"WORD_PIECE, true", "WORD_PIECE, false", "BYTE_LEVEL, true"})
    void textOnlyCountsEqualAlignedCounts(Family family, boolean lowercase) {
        Normalizer fast = family.normalizer(lowercase);
        Normalizer aligned = fast::normalize;
        List<String> lines = io.subword.testkit.RealData.europarlRaw().subList(0, 800);
        WordCounts a = WordCounter.builder(family.preTokenizer()).normalizer(fast).build().countLines(lines.iterator());
        WordCounts b = WordCounter.builder(family.preTokenizer()).normalizer(aligned).build().countLines(lines.iterator());
        assertEquals(b.toMap(), a.toMap());
        assertTrue(a.size() > 3_000, "a real vocabulary: " + a.size());
    }

    /**
     * The same for Unigram's counter: SentencePiece's normalizer (each rule, with a user-defined symbol) and the
     * line-end marking, text-only against aligned, with and without splitting by whitespace.
     */
    @ParameterizedTest
    @CsvSource({"nmt_nfkc, true", "nfkc, true", "nmt_nfkc_cf, false", "identity, true"})
    void unigramTextOnlyCountsEqualAlignedCounts(String rule, boolean split) {
        Normalizer fast = UnigramTrainer.normalizer(rule, List.of("Kommission"));
        Normalizer aligned = fast::normalize;
        LineEndMarking marking = new LineEndMarking(UnigramTrainer.preTokenizer(split));
        List<String> lines = io.subword.testkit.RealData.europarlRaw().subList(0, 1500);
        WordCounts a = WordCounter.builder(marking).normalizer(fast).build().countLines(lines.iterator());
        WordCounts b = WordCounter.builder(marking).normalizer(aligned).build().countLines(lines.iterator());
        assertEquals(b.toMap(), a.toMap());
        assertTrue(a.size() > (split ? 5_000 : 1_000), "a real vocabulary: " + a.size());
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
