package io.subword.bpe;

import io.subword.model.TokenBuffer;
import io.subword.testkit.JtokkitReference;
import io.subword.testkit.RealData;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.TiktokenRanks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Bpe#fromTiktoken} on the real r50k/p50k/cl100k/o200k ranks against jtokkit, one pre-split piece at a
 * time (each input below is a single match of the encoding's split pattern, so jtokkit's encoding of it is the
 * BPE of that piece alone).
 */
class BpeTiktokenTest {
    private static final Map<String, TiktokenRanks> RANKS = new ConcurrentHashMap<>();
    private static final Map<String, Bpe> MODELS = new ConcurrentHashMap<>();

    static TiktokenRanks ranks(String name) {
        return RANKS.computeIfAbsent(name, n -> {
            try {
                return TiktokenRanks.read(RealData.tiktoken(n));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    static Bpe model(String name) {
        return MODELS.computeIfAbsent(name, n -> Bpe.fromTiktoken(ranks(n)));
    }

    static int[] ids(Bpe bpe, String piece) {
        TokenBuffer out = new TokenBuffer();
        bpe.tokenize(piece, 0, piece.length(), out);
        return out.idsCopy();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "r50k_base,   50256,  50256",
            "p50k_base,   50281,  50280",
            "cl100k_base, 100256, 100256",
            "o200k_base,  199998, 199998",
    })
    void readsTheRealRanks(String name, int size, int tokenCount) {
        TiktokenRanks ranks = ranks(name);
        assertEquals(size, ranks.size());
        assertEquals(tokenCount, ranks.tokenCount());
        assertArrayEquals(new byte[] {'!'}, ranks.token(0));
    }

    @ParameterizedTest(name = "{0}: [{1}]")
    @CsvSource(delimiter = '|', value = {
            "r50k_base   | ' hello'",
            "r50k_base   | world",
            "r50k_base   | ' inimagináveis'",
            "r50k_base   | ' 12345678901234567890123456789'",
            "r50k_base   | ' привет'",
            "r50k_base   | 😀😀😀",
            "r50k_base   | '    '",
            "p50k_base   | ' inimagináveis'",
            "cl100k_base | ' hello'",
            "cl100k_base | world",
            "cl100k_base | ' inimagináveis'",
            "cl100k_base | 123",
            "cl100k_base | ' привет'",
            "cl100k_base | 你好世界",
            "cl100k_base | ' 😀😀'",
            "cl100k_base | supercalifragilisticexpialidocious",
            "o200k_base  | ' hello'",
            "o200k_base  | ' Hello'",
            "o200k_base  | ' inimagináveis'",
            "o200k_base  | 你好世界",
            "o200k_base  | ' привет'",
    })
    void aPieceGivesJtokkitsIds(String name, String piece) {
        assertArrayEquals(JtokkitReference.of(name).encodeOrdinary(piece), ids(model(name), piece));
    }

    /** Lowercase letter runs are one piece in all these encodings; long ones take the heap path. */
    static List<String> randomLowercasePieces(long seed, int count, int maxLength) {
        Random random = new Random(seed);
        String letters = "etaoinshrdlucmfwypvbgkjqxzáéíóúçãõ";
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 1 + random.nextInt(i % 10 == 0 ? maxLength : 30);
            StringBuilder sb = new StringBuilder(i % 2 == 0 ? " " : "");
            for (int k = 0; k < length; k++) {
                sb.append(letters.charAt(random.nextInt(letters.length())));
            }
            pieces.add(sb.toString());
        }
        return pieces;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "cl100k_base", "o200k_base"})
    void randomPiecesGiveJtokkitsIds(String name) {
        JtokkitReference reference = JtokkitReference.of(name);
        Bpe bpe = model(name);
        for (String piece : randomLowercasePieces(name.hashCode(), 400, 2000)) {
            assertArrayEquals(reference.encodeOrdinary(piece), ids(bpe, piece), piece);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "cl100k_base"})
    void pathologicalPiecesGiveJtokkitsIds(String name) {
        JtokkitReference reference = JtokkitReference.of(name);
        Bpe bpe = model(name);
        for (String piece : List.of("a".repeat(20_000), " " + "ab".repeat(10_000), "z".repeat(4097),
                "á".repeat(5000))) {
            assertArrayEquals(reference.encodeOrdinary(piece), ids(bpe, piece), piece.substring(0, 10));
        }
    }

    @Test
    void aHundredThousandAsIsOneFastPiece() {
        String piece = "a".repeat(100_000);
        int[] ids = ids(model("cl100k_base"), piece);
        assertArrayEquals(JtokkitReference.of("cl100k_base").encodeOrdinary(piece), ids);
    }

    /**
     * The usual conversion of tiktoken ranks to a merge list gives a ranked-list model with the same results as
     * tiktoken's merge-by-concatenation rule, on these pieces.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "cl100k_base"})
    void theConvertedMergeListGivesTheSameIds(String name) {
        TiktokenRanks ranks = ranks(name);
        List<Merge> merges = ranks.toMerges();
        assertEquals(ranks.tokenCount() - 256, merges.size());
        Bpe converted = Bpe.byteLevel(ranks.toVocabulary(), MergeTable.fromMerges(ranks.toVocabulary(), merges));
        Bpe tiktoken = model(name);
        for (String piece : randomLowercasePieces(7, 400, 500)) {
            assertArrayEquals(ids(tiktoken, piece), ids(converted, piece), piece);
        }
    }

    @Test
    void gpt2sFirstMerges() {
        List<Merge> merges = ranks("r50k_base").toMerges();
        assertEquals(List.of(new Merge("Ġ", "t"), new Merge("Ġ", "a"), new Merge("h", "e")), merges.subList(0, 3));
    }

    /**
     * tiktoken looks a piece up whole before merging: with ranks {@code a b c d bc abcd}, BPE of {@code abcd}
     * stops at {@code a bc d} (neither {@code abc} nor {@code bcd} is a token), but the piece is the token
     * {@code abcd}. Other pieces merge as usual; a merge list keeps plain BPE (Hugging Face has no such lookup).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "abcd, 5",
            "abc, 0 4",
            "bcd, 4 3",
            "dabcd, 3 0 4 3",
            "bc, 4",
    })
    void aPieceThatIsATokenIsThatToken(String piece, String expected) {
        List<byte[]> tokens = new ArrayList<>();
        for (String t : List.of("a", "b", "c", "d", "bc", "abcd")) {
            tokens.add(t.getBytes(StandardCharsets.UTF_8));
        }
        Bpe bpe = Bpe.fromTiktoken(TiktokenRanks.of(tokens));
        int[] want = Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(want, ids(bpe, piece));
        assertArrayEquals(want, ids(bpe.toBuilder().cacheCapacity(0).build(), piece));
    }

    @Test
    void aMergeListDoesNotLookPiecesUpWhole() {
        Vocabulary v = Vocabulary.of("a", "b", "c", "d", "bc", "abcd");
        Bpe bpe = Bpe.byteLevel(v, MergeTable.fromMerges(v, List.of(new Merge("b", "c"))));
        assertArrayEquals(new int[] {0, 4, 3}, ids(bpe, "abcd"));
        assertArrayEquals(new int[] {5}, ids(bpe.toBuilder().ignoreMerges(true).build(), "abcd"));
    }
}
