package io.subword.train;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shortcuts the trainers take for speed give exactly the slow path's results: a merge split over two threads,
 * byte-level BPE visiting words in any order, and the word sort that skips the surrogate test.
 */
class TrainSpeedPathsTest {
    /**
     * {@code WORDS} distinct words {@code ab<base-5 number>}, counted 1 to 7 times: the first merge is {@code a b}
     * in every word, more than {@link BpeMerger#PARALLEL_MERGE_WORDS} of them when WORDS is large, so with two
     * threads its second half is merged on the helper. Inserted in reverse order, byte-level BPE sees the words in
     * another order; both must change nothing.
     */
    @ParameterizedTest(name = "{0}, {1} words")
    @CsvSource({
            // family,   words, first merges (the same for every thread count and word order): "a b" is in every
            // word; most numbers below 6000 (142000 in base 5) have 6 digits and start with 1
            "BYTE_LEVEL, 6000,  a b|ab 1|2 1|2 3",
            "BYTE_LEVEL, 300,   a b|ab 1|ab 2|ab1 1",
            "BPE,        6000,  a b|ab 1|ab1 1|ab 2",
    })
    void sameMergesForAnyThreadCountAndWordOrder(Family family, int words, String firstMerges) {
        assertTrue(words < BpeMerger.PARALLEL_MERGE_WORDS || words >= BpeMerger.PARALLEL_MERGE_WORDS + 1000);
        List<String> one = merges(family, counts(words, false), 1);
        assertEquals(List.of(firstMerges.split("\\|")), one.subList(0, 4));
        assertEquals(one, merges(family, counts(words, false), 2), "2 threads");
        assertEquals(one, merges(family, counts(words, true), 2), "2 threads, reversed insertion order");
        assertEquals(one, merges(family, counts(words, true), 1), "1 thread, reversed insertion order");
    }

    private static List<String> merges(Family family, WordCounts counts, int threads) {
        TrainingOptions options = TrainingOptions.builder().vocabSize(400).threads(threads).build();
        return BpeTrainerTest.merges(BpeTrainer.of(family, options).learn(counts, TrainingListener.NONE));
    }

    private static WordCounts counts(int words, boolean reversed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            order.add(i);
        }
        if (reversed) {
            Collections.reverse(order);
        }
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i : order) {
            map.put("ab" + Integer.toString(i, 5), 1L + i % 7);
        }
        return WordCounts.of(map);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // words, in code point order (a surrogate pair, U+1F600, sorts after U+FFFD, unlike String order)
            "a;ab;b;é;\uFFFD;\uD83D\uDE00",
            "a;aa;aaa;ab",
            "\uE000;\uD800\uDC00;\uD800\uDC01",
    })
    void sortsInCodePointOrder(String sortedWords) {
        String[] expected = sortedWords.split(";");
        String[] words = expected.clone();
        Collections.reverse(Arrays.asList(words));
        WordCounts.sortInCodePointOrder(words, 1);
        assertArrayEquals(expected, words);
    }

    /** The parallel sort (used for more than 8192 words) gives the order of the comparator, surrogates or not. */
    @Test
    void parallelSortMatchesTheComparator() {
        Random random = new Random(13);
        for (boolean surrogates : new boolean[] {false, true}) {
            String[] words = new String[20_000];
            for (int i = 0; i < words.length; i++) {
                StringBuilder s = new StringBuilder();
                int len = 1 + random.nextInt(6);
                for (int k = 0; k < len; k++) {
                    int cp = surrogates && random.nextInt(4) == 0 ? 0x1F600 + random.nextInt(50)
                            : random.nextInt(3) == 0 ? 0xE000 + random.nextInt(5) : 'a' + random.nextInt(26);
                    s.appendCodePoint(cp);
                }
                words[i] = s.toString() + i; // distinct
            }
            String[] expected = words.clone();
            Arrays.sort(expected, WordCounts.CODE_POINT_ORDER);
            WordCounts.sortInCodePointOrder(words, 2);
            assertArrayEquals(expected, words, "surrogates: " + surrogates);
        }
    }
    /**
     * The hf path gives prefixed and suffixed character forms their ids without sorting the words; the ids must be
     * those of visiting the words in code point order (the sorted path, which the other WordPiece modes use). The
     * words are given in an order unlike code point order, with forms first met at different positions, characters
     * above U+FFFF (whose surrogates sort after U+E000, unlike String order) and a character left out by the
     * alphabet limit. With no room for merges, the learned vocabulary is exactly the prepared one.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "BPE;        zq yx xz \uE000b b\uD83D\uDE00 ba ab a\uE000 qqz",
            "WORD_PIECE; zq yx xz \uE000b b\uD83D\uDE00 ba ab a\uE000 qqz",
            "WORD_PIECE; dcba abcd bdca cadb dd a",
            "BPE;        dcba abcd bdca cadb dd a",
    })
    void hfPathGivesTheSortedPathsIds(Family family, String words) {
        Map<String, Long> map = new LinkedHashMap<>();
        String[] list = unescape(words).split(" ");
        for (int i = 0; i < list.length; i++) {
            map.put(list[i], 1L + i % 3);
        }
        WordCounts counts = WordCounts.of(map);
        TrainingOptions.Builder options = TrainingOptions.builder().vocabSize(1000).limitAlphabet(6);
        BpeTrainer trainer = family == Family.WORD_PIECE
                ? BpeTrainer.withPrefix(options.specialTokens(List.of("[UNK]")).build(), "##")
                : BpeTrainer.of(family, options.build());
        List<String> sorted = trainer.prepare(counts, TrainingListener.NONE).idToToken();
        BpeTrainer noMerges = family == Family.WORD_PIECE
                ? BpeTrainer.withPrefix(options.vocabSize(sorted.size()).build(), "##")
                : BpeTrainer.of(family, options.vocabSize(sorted.size()).build());
        assertTrue(sorted.stream().anyMatch(t -> t.startsWith("##") || t.endsWith("</w>")), "forms were made");
        assertEquals(sorted, noMerges.learn(counts, TrainingListener.NONE).vocabulary().tokens());
    }

    /** {@code s} with each backslash-u and four hex digits (as a CSV row writes a char) made that char. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * The alphabet counted in an array per BMP char (a map above it) is the alphabet of counting code points: pairs
     * of surrogates are one character, a lone surrogate is one of its own, U+FFFF and U+10000 sit on either side of
     * the array's end, and a limit drops the least frequent first, the larger code point among equals.
     */
    @ParameterizedTest(name = "{0}, limit {1}")
    @CsvSource(delimiter = ';', value = {
            // words (word:count|...); limitAlphabet (0: none); the alphabet, code points in hex, in id order
            "ab:3|ba:1|c:1;                          0; 61 62 63",
            "x\uD83D\uDE00:2|\uD83D\uDE00y:1|z:5;   0; 78 79 7A 1F600",
            "a\uD800:2|\uDC00b:1;                    0; 61 62 D800 DC00",
            "ab:2|cd:2|e:1;                          3; 61 62 63",
            "\uFFFF:3|\uD800\uDC00:3|a:1;            2; FFFF 10000",
            "\uFFFF:1|\uD800\uDC00:3|a:2;            2; 61 10000",
    })
    void alphabetCountsCodePoints(String words, int limit, String expected) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String entry : words.strip().split("\\|")) {
            int colon = entry.lastIndexOf(':');
            counts.put(entry.substring(0, colon), Long.parseLong(entry.substring(colon + 1)));
        }
        BpeTrainer.Builder b = BpeTrainer.builder().vocabSize(1);
        if (limit > 0) {
            b.limitAlphabet(limit);
        }
        List<String> alphabet = b.build().learn(WordCounts.of(counts), TrainingListener.NONE).vocabulary().tokens();
        List<String> hex = new ArrayList<>();
        for (String token : alphabet) {
            assertEquals(1, token.codePointCount(0, token.length()), token);
            hex.add(Integer.toHexString(token.codePointAt(0)).toUpperCase(java.util.Locale.ROOT));
        }
        assertEquals(expected, String.join(" ", hex));
    }
}
