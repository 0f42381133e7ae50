package io.subword.embed;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import io.subword.vocab.io.InputFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubwordVectorsTest {
    static final Tokenizer TOKENIZER = Tokenizers.bert(Vocabulary.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "amigo", "##s", "casa", "perro", "gato", "##ito", "nada"), true);
    /** Special rows point where the queries go, so a search that forgot to skip them would find them first. */
    static final EmbeddingTable TABLE = EmbeddingTable.wrap(12, 2, new float[] {
            9f, 9f,  9f, 9f,  9f, 9f,  9f, 9f,  9f, 9f,   // [PAD] [UNK] [CLS] [SEP] [MASK]
            1f, 0f,     // amigo
            0f, 1f,     // ##s
            1f, 1f,     // casa
            -1f, 0f,    // perro
            0.9f, 0.1f, // gato
            0f, -1f,    // ##ito
            0f, 0f,     // nada: never trained
    });
    static final SubwordVectors VECTORS = SubwordVectors.of(TOKENIZER,
            new TokenEmbeddings(TOKENIZER.vocabulary().tokens(), TABLE));

    @ParameterizedTest(name = "{0} -> ({1}, {2})")
    @CsvSource(delimiter = '|', value = {
            "amigos        | 0.5  | 0.5",   // mean of amigo and ##s
            "amigo         | 1    | 0",
            "Amigo         | 1    | 0",     // the tokenizer lowercases
            "amigo xyz     | 1    | 0",     // xyz is [UNK]: left out, not averaged in
            "amigo nada    | 1    | 0",     // nada's row is zeros: left out
            "gatoito       | 0.45 | -0.45", // an unseen word from seen pieces
            "[CLS] casa    | 1    | 1",     // special tokens are left out
    })
    void vectorIsTheMeanOfUsablePieces(String word, float x, float y) {
        assertArrayEquals(new float[] {x, y}, VECTORS.vector(word), 1e-7f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "xyz      | [[UNK]]",
            "nada     | [nada]",
            "[SEP]    | [[SEP]]",
            "''       | []",
    })
    void wordsWithoutUsablePiecesHaveNoVector(String word, String pieces) {
        assertTrue(VECTORS.findVector(word).isEmpty());
        assertEquals("no vector for \"" + word + "\": its pieces " + pieces
                        + " are all special, unknown or untrained tokens",
                assertThrows(IllegalArgumentException.class, () -> VECTORS.vector(word)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VECTORS.nearest(word, 3));
    }

    /**
     * Candidates in this order: casa, amigos, perro, gatoito, gato (the query), nada (no vector), xyz ([UNK]),
     * amigo, amigo (a repeat). casa and amigos point the same way: the earlier one comes first.
     */
    @ParameterizedTest(name = "k={0}")
    @CsvSource(delimiter = '|', value = {
            "10 | amigo casa amigos gatoito perro",
            "2  | amigo casa",
            "0  | ''",
    })
    void nearestWordsSearchOnlyTheCandidates(int k, String expected) {
        List<SubwordVectors.WordNeighbor> n = VECTORS.nearestWords("gato",
                List.of("casa", "amigos", "perro", "gatoito", "gato", "nada", "xyz", "amigo", "amigo"), k);
        assertEquals(expected, String.join(" ", n.stream().map(SubwordVectors.WordNeighbor::word).toList()));
        if (k == 10) {
            assertEquals(0.9 / Math.sqrt(0.82), n.get(0).score(), 1e-6);       // gato (0.9, 0.1) and amigo (1, 0)
            assertEquals(0.5 / Math.sqrt(0.41), n.get(1).score(), 1e-6);       // casa (1, 1)
            assertEquals(0.36 / Math.sqrt(0.82 * 0.405), n.get(3).score(), 1e-6); // gatoito (0.45, -0.45)
        }
        assertThrows(IllegalArgumentException.class, () -> VECTORS.nearestWords("xyz", List.of("casa"), 1));
        assertThrows(IllegalArgumentException.class, () -> VECTORS.nearestWords("gato", List.of("casa"), -1));
    }

    @Test
    void nearestSkipsSpecialUnknownUntrainedAndOwnPieces() {
        assertEquals(List.of("casa", "gato", "perro"), tokens(VECTORS.nearest("amigos", 3)));
        List<SubwordVectors.Neighbor> n = VECTORS.nearest("amigos", 10);
        assertEquals(List.of("casa", "gato", "perro", "##ito"), tokens(n)); // ties broken by the smaller id
        assertEquals(1f, n.get(0).score(), 1e-6f);
        assertEquals(1.0 / Math.sqrt(1.64), n.get(1).score(), 1e-6);
        assertEquals(-Math.sqrt(0.5), n.get(2).score(), 1e-6);
        assertEquals(7, n.get(0).id());
    }

    @Test
    void aOnePieceWordDoesNotFindItself() {
        assertEquals(List.of("gato", "casa"), tokens(VECTORS.nearest("amigo", 2)));
    }

    @Test
    void nearestToAVectorKeepsEveryUsableRow() {
        assertEquals(List.of("##s", "casa"), tokens(VECTORS.nearest(new float[] {0f, 1f}, 2)));
        assertEquals(List.of(), VECTORS.nearest(new float[] {0f, 0f}, 2));
        assertEquals(List.of(), VECTORS.nearest(new float[] {0f, 1f}, 0));
    }

    @Test
    void similarity() {
        assertEquals(1f, VECTORS.similarity("amigos", "casa"), 1e-6f);
        assertEquals(0f, SubwordVectors.cosine(new float[] {1f, 0f}, new float[] {0f, 1f}), 0f);
    }

    @Test
    void aTrainedTableMustCoverTheVocabulary() {
        SkipGramResult fromAnotherTokenizer = new SkipGramResult(EmbeddingTable.zeros(3, 2),
                EmbeddingTable.zeros(3, 2), new long[3], new boolean[3], 0);
        assertEquals("the table has 3 rows but the tokenizer's vocabulary has 12 ids",
                assertThrows(IllegalArgumentException.class,
                        () -> SubwordVectors.trained(TOKENIZER, fromAnotherTokenizer)).getMessage());
    }

    /** Issue 15: a .vec whose rows are in another order must give the same vectors and neighbours. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"v.vec", "v.bin", "v.npy"})
    void aFileWithShuffledRowsGivesTheSameNeighbours(String name, @TempDir Path dir) throws Exception {
        List<String> tokens = TOKENIZER.vocabulary().tokens();
        List<Integer> order = new ArrayList<>(IntStream.range(0, tokens.size()).boxed().toList());
        Collections.shuffle(order, new Random(15));
        assertNotEquals(IntStream.range(0, tokens.size()).boxed().toList(), order);
        float[] shuffled = new float[TABLE.data().length];
        List<String> shuffledTokens = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            shuffledTokens.add(tokens.get(order.get(r)));
            System.arraycopy(TABLE.data(), order.get(r) * 2, shuffled, r * 2, 2);
        }
        Path ordered = dir.resolve("ordered-" + name);
        Path mixed = dir.resolve(name);
        EmbeddingFiles.write(ordered, EmbeddingFormat.forFile(ordered), tokens, TABLE);
        EmbeddingFiles.write(mixed, EmbeddingFormat.forFile(mixed), shuffledTokens,
                EmbeddingTable.wrap(12, 2, shuffled));

        SubwordVectors a = SubwordVectors.load(ordered, TOKENIZER);
        SubwordVectors b = SubwordVectors.load(mixed, TOKENIZER);
        for (String word : List.of("amigos", "amigo", "gatoito", "casa")) {
            assertEquals(tokens(VECTORS.nearest(word, 4)), tokens(a.nearest(word, 4)), word);
            assertEquals(tokens(VECTORS.nearest(word, 4)), tokens(b.nearest(word, 4)), word);
            assertArrayEquals(VECTORS.vector(word), b.vector(word), 0f, word);
        }
        assertArrayEquals(TABLE.data(), b.table().data(), 0f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # what is wrong | rows (token list)                                                    | message
        a repeated token | [PAD] [UNK] [CLS] [SEP] [MASK] amigo ##s casa perro gato ##ito amigo | row 12: repeats the token "amigo" of row 6
        a missing token  | [PAD] [UNK] [CLS] [SEP] [MASK] amigo ##s casa perro gato ##ito       | its 11 tokens are not the tokenizer's 12 (1 of the tokenizer's without a row, such as "nada"); use the tokenizer the vectors were trained with
        another vocabulary | [PAD] [UNK] [CLS] [SEP] [MASK] friend ##s casa perro gato ##ito nada x y | its 14 tokens are not the tokenizer's 12 (3 not in the tokenizer's vocabulary, such as "friend", "x", "y"; 1 of the tokenizer's without a row, such as "amigo"); use the tokenizer the vectors were trained with
        """)
    void rowsThatAreNotTheVocabularyAreRefused(String what, String rowTokens, String message, @TempDir Path dir)
            throws Exception {
        List<String> tokens = List.of(rowTokens.split(" "));
        EmbeddingTable table = EmbeddingTable.zeros(tokens.size(), 2);
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> SubwordVectors.of(TOKENIZER, new TokenEmbeddings(tokens, table))).getMessage());
        Path vec = dir.resolve("v.vec");
        Word2VecText.write(vec, tokens, table);
        assertEquals(vec + (message.startsWith("row ") ? ", " : ": ") + message, assertThrows(InputFormatException.class,
                () -> SubwordVectors.load(vec, TOKENIZER)).getMessage());
    }

    @Test
    void topKKeepsTheBestInOrder() {
        SubwordVectors.TopK top = new SubwordVectors.TopK(3);
        float[] scores = {0.1f, 0.9f, -1f, 0.5f, 0.9f, 0.3f, Float.NaN, 0.7f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        assertArrayEquals(new int[] {1, 4, 7}, top.sortedIds());
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.7f}, top.sortedScores(), 0f);
    }

    static List<String> tokens(List<SubwordVectors.Neighbor> neighbors) {
        return neighbors.stream().map(SubwordVectors.Neighbor::token).toList();
    }

    @ParameterizedTest(name = "{0}: ({1}, {2})")
    @CsvSource(delimiter = '|', value = {
            // all-but-the-top with 0 components only centers: row minus the mean of the six usable rows,
            // (1.9/6, 1.1/6) = (0.3166667, 0.1833333)
            "amigo  | 0.6833333  | -0.1833333",
            "casa   | 0.6833333  | 0.8166667",
            "perro  | -1.3166667 | -0.1833333",
    })
    void centeringSubtractsTheMeanOfUsableRows(String word, float x, float y) {
        SubwordVectors centered = VECTORS.allButTheTop(0);
        assertArrayEquals(new float[] {x, y}, centered.vector(word), 1e-6f);
        assertTrue(centered.findVector("nada").isEmpty(), "an untrained row stays out");
        assertEquals(0f, centered.table().row(TOKENIZER.tokenToId("[CLS]"))[0], "special rows are zeroed");
    }

    @Test
    void removingTheOnlyRemainingComponentLeavesNothing() {
        // In two dimensions, the mean and two components explain everything: every row becomes zero.
        SubwordVectors flat = VECTORS.allButTheTop(2);
        float[] amigo = flat.table().row(TOKENIZER.tokenToId("amigo"));
        assertEquals(0, Math.hypot(amigo[0], amigo[1]), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> VECTORS.allButTheTop(3));
    }

    @Test
    void meanRandomCosineIsTheAverageOverPairsOfUsableRows() {
        // Worked out over all 30 ordered pairs of the six usable rows: -0.0813 raw, -0.1663 centered.
        assertEquals(-0.0813, VECTORS.meanRandomCosine(20_000, 1), 0.02);
        assertEquals(-0.1663, VECTORS.allButTheTop(0).meanRandomCosine(20_000, 1), 0.02);
        assertEquals(VECTORS.meanRandomCosine(500, 7), VECTORS.meanRandomCosine(500, 7), "seeded");
    }
}
