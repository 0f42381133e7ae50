package io.subword.train;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PieceLattice}'s trie walk against the definition of a word's lattice: at each position, every piece that
 * starts there (shorter first), and an unknown node where no one-character piece does. The alphabets are wide
 * enough that nodes below the root have more children than a scan looks through, so their hash tables are walked
 * too; some letters are no piece at all.
 */
class PieceLatticeTest {
    @ParameterizedTest(name = "seed {0}, {1} letters, {2} pieces, {3} threads")
    @CsvSource(delimiter = '|', textBlock = """
            # seed | letters | pieces | threads
              1    | 4       | 30     | 1
              2    | 30      | 3000   | 1
              3    | 30      | 3000   | 2
              4    | 300     | 20000  | 2
            """)
    void populateFindsEveryPieceInTheWord(long seed, int letters, int pieceCount, int threads) {
        Random random = new Random(seed);
        // letters 'a'.. and some above the BMP; the last letter is never a piece, nor in one
        int[] alphabet = new int[letters];
        for (int i = 0; i < letters; i++) {
            alphabet[i] = i % 7 == 6 ? 0x1F600 + i : 'a' + i;
        }
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> pieces = new ArrayList<>();
        for (int i = 0; i < letters - 1; i += 2) {
            add(new int[] {alphabet[i]}, ids, pieces); // every other letter is a piece of its own
        }
        while (pieces.size() < pieceCount) {
            int[] p = new int[2 + random.nextInt(5)];
            for (int k = 0; k < p.length; k++) {
                p[k] = alphabet[skewed(random, letters - 1)];
            }
            add(p, ids, pieces);
        }
        double[] scores = new double[pieces.size()];
        PieceLattice lattice = new PieceLattice(pieces.toArray(new int[0][]), scores, threads);
        PieceLattice.Scratch s = new PieceLattice.Scratch();
        for (int w = 0; w < 300; w++) {
            int[] word = new int[1 + random.nextInt(12)];
            for (int k = 0; k < word.length; k++) {
                word[k] = alphabet[skewed(random, letters)];
            }
            lattice.populate(word, s);
            List<String> ours = new ArrayList<>();
            for (int k = 0; k < s.nodes; k++) {
                ours.add(s.begin[k] + "-" + s.end[k] + ":" + s.id[k]);
            }
            assertEquals(bruteForce(word, ids), ours, () -> new String(word, 0, word.length));
        }
    }

    /** Mostly the first letters, so that they branch widely. */
    private static int skewed(Random random, int bound) {
        return Math.min(random.nextInt(bound), random.nextInt(bound));
    }

    private static void add(int[] piece, Map<String, Integer> ids, List<int[]> pieces) {
        if (ids.putIfAbsent(new String(piece, 0, piece.length), pieces.size()) == null) {
            pieces.add(piece);
        }
    }

    /** Nodes as "begin-end:id" (-1 for the unknown node), by begin, then end. */
    private static List<String> bruteForce(int[] word, Map<String, Integer> ids) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < word.length; i++) {
            boolean single = false;
            for (int j = i + 1; j <= word.length; j++) {
                Integer id = ids.get(new String(word, i, j - i));
                if (id != null) {
                    nodes.add(i + "-" + j + ":" + id);
                    single |= j == i + 1;
                }
            }
            if (!single) {
                nodes.add(i + "-" + (i + 1) + ":-1");
            }
        }
        return nodes;
    }
}
