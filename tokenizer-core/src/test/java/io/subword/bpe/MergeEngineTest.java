package io.subword.bpe;

import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeEngineTest {
    /** A random merge table over the letters of {@code alphabet}: tokens are strings, ids their list index. */
    private static final class RandomModel {
        final List<String> tokens = new ArrayList<>();
        final Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        final MergeTable table;

        RandomModel(Random random, String alphabet, int merges, boolean byConcatenation) {
            for (char c : alphabet.toCharArray()) {
                add(String.valueOf(c));
            }
            IntArrayList l = new IntArrayList();
            IntArrayList r = new IntArrayList();
            IntArrayList m = new IntArrayList();
            for (int i = 0; i < merges; i++) {
                // bias towards short tokens so merges chain
                int a = random.nextInt(Math.min(tokens.size(), alphabet.length() + i / 2 + 1));
                int b = random.nextInt(Math.min(tokens.size(), alphabet.length() + i / 2 + 1));
                String joined = tokens.get(a) + tokens.get(b);
                if (ids.containsKey(joined)) {
                    continue;
                }
                l.add(a);
                r.add(b);
                m.add(add(joined));
            }
            table = byConcatenation ? MergeTable.byConcatenation(Vocabulary.of(tokens))
                    : MergeTable.fromIds(l.toIntArray(), r.toIntArray(), m.toIntArray());
        }

        private int add(String token) {
            ids.put(token, tokens.size());
            tokens.add(token);
            return tokens.size() - 1;
        }

        int[] word(Random random, String alphabet, int length) {
            int[] w = new int[length];
            for (int i = 0; i < length; i++) {
                w[i] = ids.getInt(String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            return w;
        }
    }

    private static int[][] run(boolean heap, MergeTable table, int[] word) {
        MergeEngine engine = new MergeEngine(table);
        int[] ids = word.clone();
        int[] lens = new int[word.length];
        Arrays.fill(lens, 1);
        int n = heap ? engine.mergeHeap(ids, lens, ids.length) : engine.mergeFlat(ids, lens, ids.length);
        return new int[][] {Arrays.copyOf(ids, n), Arrays.copyOf(lens, n)};
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void flatAndHeapAgreeOnRandomInputs(long seed) {
        Random random = new Random(seed);
        for (boolean byConcatenation : new boolean[] {false, true}) {
            for (String alphabet : List.of("ab", "abc", "abcdefgh")) {
                RandomModel model = new RandomModel(random, alphabet, 80, byConcatenation);
                for (int trial = 0; trial < 60; trial++) {
                    int length = 1 + random.nextInt(trial < 40 ? 40 : 700);
                    int[] word = model.word(random, alphabet, length);
                    int[][] flat = run(false, model.table, word);
                    int[][] heap = run(true, model.table, word);
                    assertArrayEquals(flat[0], heap[0], "ids, seed " + seed + " trial " + trial);
                    assertArrayEquals(flat[1], heap[1], "lengths, seed " + seed + " trial " + trial);
                    assertEquals(length, Arrays.stream(flat[1]).sum());
                }
            }
        }
    }

    /** Ids of "a", "aa", "aaaa", ... and merges x x -> xx. */
    private static MergeTable doubling(int levels) {
        int[] l = new int[levels];
        int[] r = new int[levels];
        int[] m = new int[levels];
        for (int i = 0; i < levels; i++) {
            l[i] = i;
            r[i] = i;
            m[i] = i + 1;
        }
        return MergeTable.fromIds(l, r, m);
    }

    @ParameterizedTest(name = "{0} a's")
    @CsvSource({
            "1, 0",
            "2, 1",
            "3, 1 0",
            "4, 2",
            "5, 2 0",
            "7, 2 1 0",
    })
    void equalRanksMergeLeftmostFirst(int n, String expected) {
        int[] word = new int[n];
        for (boolean heap : new boolean[] {false, true}) {
            int[][] out = run(heap, doubling(10), word);
            assertEquals(expected, String.join(" ", Arrays.stream(out[0]).mapToObj(String::valueOf).toList()));
        }
    }

    private static long heapSteps(MergeTable table, int[] word) {
        MergeEngine engine = new MergeEngine(table);
        int[] lens = new int[word.length];
        Arrays.fill(lens, 1);
        engine.mergeHeap(word.clone(), lens, word.length);
        return engine.steps();
    }

    @Test
    void heapStepsGrowNearLinearlyOnARun() {
        MergeTable table = doubling(12);
        long small = heapSteps(table, new int[10_000]);
        long large = heapSteps(table, new int[100_000]);
        assertTrue(small > 10_000, "steps(10k) = " + small);
        assertTrue(large <= 15 * small, "steps(10k) = " + small + ", steps(100k) = " + large);
    }

    @Test
    void heapStepsGrowNearLinearlyOnRandomText() {
        Random random = new Random(7);
        RandomModel model = new RandomModel(random, "abcd", 300, false);
        long small = heapSteps(model.table, model.word(new Random(1), "abcd", 10_000));
        long large = heapSteps(model.table, model.word(new Random(1), "abcd", 100_000));
        assertTrue(large <= 15 * small, "steps(10k) = " + small + ", steps(100k) = " + large);
    }

    @Test
    void theFlatScanIsUsedForShortWordsAndTheHeapForLongOnes() {
        MergeTable table = doubling(12);
        MergeEngine engine = new MergeEngine(table);
        int n = MergeEngine.FLAT_MAX;
        int[] lens = new int[4 * n];
        Arrays.fill(lens, 1);
        assertEquals(1, engine.merge(new int[n], lens.clone(), n)); // 128 = 2^7 a's merge into one token
        long afterFlat = engine.steps();
        assertEquals(n - 1, afterFlat);
        assertEquals(2, engine.merge(new int[3 * n], lens.clone(), 3 * n)); // 384 = 256 + 128
        assertTrue(engine.steps() - afterFlat > 3 * n, "heap pops are counted too");
    }
}
