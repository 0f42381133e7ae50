package io.subword.train;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SeedPieces}: the substrings that branch in running text, where a word is followed by the next word's space
 * or, where it ended a line, by the sentence end.
 */
class SeedPiecesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # words: word count [ended a line]          | multi-character seeds, score = frequency x length
              ab 3, abc 2                                | ab=10
              ab 3 0, abc 2 0                            | ab=10
              xab 2 0, yabz 1 0                          | ab=6
              xab 2 0, yab 1 1                           | ab=6
              xab 2 1, yab 1 0                           | ab=6, xab=6
              Commis 2 1                                 | Commis=12, ommis=10, mmis=8, mis=6, is=4
              Commission 3 0, Commis 1 1                 | Commis=24, ommis=20, mmis=16, mis=12, is=8
            """)
    void seedsAreTheBranchingSubstrings(String words, String expected) {
        List<String> list = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        for (String w : words.split(", ")) {
            String[] f = w.split(" ");
            list.add(f[0]);
            counts.add(Long.parseLong(f[1]));
            ends.add(f.length > 2 ? Long.parseLong(f[2]) : 0);
        }
        int[][] cps = list.stream().map(s -> s.codePoints().toArray()).toArray(int[][]::new);
        List<SeedPieces.Seed> seeds = SeedPieces.of(cps, counts.stream().mapToLong(Long::longValue).toArray(),
                ends.stream().mapToLong(Long::longValue).toArray(), 16, 1000, (t, a, b) -> true, 2);
        List<String> multi = new ArrayList<>();
        for (SeedPieces.Seed s : seeds) {
            if (s.codePoints().length > 1) {
                multi.add(new String(s.codePoints(), 0, s.codePoints().length) + "=" + s.score());
            }
        }
        assertEquals(List.of(expected.split(", ")), multi);
    }

    /**
     * Random words against the definition, counted by brute force, in the definition's order; any thread count
     * gives the same list.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void seedsMatchABruteForceCount(int seed) {
        Random random = new Random(seed);
        int n = 400;
        int[][] words = new int[n][];
        long[] counts = new long[n];
        long[] ends = new long[n];
        Set<String> seen = new HashSet<>();
        for (int w = 0; w < n; w++) {
            String word;
            do {
                StringBuilder b = new StringBuilder();
                int len = 1 + random.nextInt(9);
                for (int i = 0; i < len; i++) {
                    b.append("abcde".charAt(random.nextInt(random.nextInt(5) + 1)));
                }
                word = b.toString();
            } while (!seen.add(word));
            words[w] = word.codePoints().toArray();
            counts[w] = 1 + random.nextInt(5);
            ends[w] = random.nextInt(4) == 0 ? random.nextInt((int) counts[w] + 1) : 0;
        }
        int maxLength = 6;
        // the definition: a substring of 2..maxLength characters is a seed when what follows it differs among its
        // occurrences (a character, the next word's space, or the sentence end); its score, occurrences x length
        Map<String, Set<Integer>> next = new HashMap<>();
        Map<String, Long> freq = new HashMap<>();
        for (int w = 0; w < n; w++) {
            String word = new String(words[w], 0, words[w].length);
            for (int i = 0; i < word.length(); i++) {
                for (int j = i + 2; j <= Math.min(word.length(), i + maxLength); j++) {
                    String s = word.substring(i, j);
                    Set<Integer> after = next.computeIfAbsent(s, k -> new HashSet<>());
                    if (j < word.length()) {
                        after.add((int) word.charAt(j));
                    } else {
                        if (counts[w] > ends[w]) {
                            after.add(-1); // the next word's space
                        }
                        if (ends[w] > 0) {
                            after.add(-2); // the sentence end
                        }
                    }
                    freq.merge(s, counts[w], Long::sum);
                }
            }
        }
        Map<String, Long> expected = new HashMap<>();
        next.forEach((s, after) -> {
            if (after.size() > 1) {
                expected.put(s, freq.get(s) * s.length());
            }
        });
        List<SeedPieces.Seed> one = SeedPieces.of(words, counts, ends, maxLength, 1_000_000, (t, a, b) -> true, 1);
        List<SeedPieces.Seed> two = SeedPieces.of(words, counts, ends, maxLength, 1_000_000, (t, a, b) -> true, 2);
        Map<String, Long> ours = new HashMap<>();
        List<String> oneOrder = new ArrayList<>();
        List<String> twoOrder = new ArrayList<>();
        for (int k = 0; k < one.size(); k++) {
            int[] p = one.get(k).codePoints();
            if (p.length > 1) {
                ours.put(new String(p, 0, p.length), one.get(k).score());
            }
            oneOrder.add(new String(p, 0, p.length) + "=" + one.get(k).score());
            int[] q = two.get(k).codePoints();
            twoOrder.add(new String(q, 0, q.length) + "=" + two.get(k).score());
        }
        assertEquals(expected, ours);
        assertEquals(oneOrder, twoOrder);
        // the order: by falling score, ties as SentencePiece's suffix tree lists its nodes (by code point, an
        // extension before its prefix)
        List<String> byScore = new ArrayList<>(expected.keySet());
        byScore.sort((x, y) -> {
            int c = Long.compare(expected.get(y), expected.get(x));
            if (c != 0) {
                return c;
            }
            int common = Math.min(x.length(), y.length());
            c = x.substring(0, common).compareTo(y.substring(0, common));
            return c != 0 ? c : Integer.compare(y.length(), x.length());
        });
        List<String> multiOrder = new ArrayList<>();
        for (SeedPieces.Seed s : one) {
            if (s.codePoints().length > 1) {
                multiOrder.add(new String(s.codePoints(), 0, s.codePoints().length));
            }
        }
        assertEquals(byScore, multiOrder);
    }
}
