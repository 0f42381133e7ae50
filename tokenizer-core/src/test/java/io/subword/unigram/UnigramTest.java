package io.subword.unigram;

import io.subword.model.SubwordSampling;
import io.subword.model.TokenBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnigramTest {
    /** Hugging Face's doc example: {@code abcdacdxx -> abcd a cd xx}, the two unknown x fused into one token. */
    static final List<String> PIECES = List.of("<unk>", "a", "b", "c", "d", "cd", "ab", "abc", "abcd");
    static final double[] SCORES = {0, 0, 0, 0, 0, 1, 2, 5, 10};

    static String split(Unigram m, String text) {
        TokenBuffer out = new TokenBuffer();
        m.tokenize(text, 0, text.length(), out);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            parts.add(text.substring(out.start(i), out.end(i)) + "=" + out.id(i));
        }
        return String.join(" ", parts);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abcdacdxx | abcd=8 a=1 cd=5 xx=0",
            "abc       | abc=7",
            "abcab     | abc=7 ab=6",
            "xay       | x=0 a=1 y=0",
            "dcba      | d=4 c=3 b=2 a=1",
            "x         | x=0",
    })
    void huggingFaceExamples(String text, String expected) {
        assertEquals(expected, split(Unigram.of(PIECES, SCORES, 0, false), text));
    }

    /** Equal scores: the first path found wins (shorter pieces from earlier starts are found first). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // "ab"+"c" (-2) ties "a"+"bc" (-2): into position 3, "ab"(start 0) then "c" is found via start 2 after
            // "bc" via start 1; start 1 comes first, so a+bc wins
            "-1,-1,-1,-1,-1 | a=1 bc=5",
            // "abc" alone (-2) ties a+bc (-2): abc from start 0 is found first
            "-1,-1,-1,-1,-1,-2 | abc=6",
    })
    void tiesKeepTheFirstPathFound(String scores, String expected) {
        List<String> pieces = List.of("<unk>", "a", "b", "c", "ab", "bc", "abc");
        double[] s = new double[pieces.size()];
        String[] given = scores.split(",");
        Arrays.fill(s, -100);
        s[0] = 0;
        for (int i = 0; i < given.length; i++) {
            s[i + 1] = Double.parseDouble(given[i]);
        }
        assertEquals(expected, split(Unigram.of(pieces, s, 0, false), "abc"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // unknown é (two UTF-8 bytes) becomes its bytes, each covering the whole run
            "aé  | a=1 é=3 é=4",
            // a fused run of two unknown chars: the bytes of both
            "éé  | éé=3 éé=4 éé=3 éé=4",
            // a byte piece that is missing: the unknown token
            "a€  | a=1 €=0",
    })
    void byteFallback(String text, String expected) {
        List<String> pieces = List.of("<unk>", "a", "b", "<0xC3>", "<0xA9>");
        assertEquals(expected, split(Unigram.of(pieces, new double[] {0, -1, -1, -5, -5}, 0, true), text));
    }

    @Test
    void surrogatePairIsOneUnknownCharacter() {
        Unigram m = Unigram.of(PIECES, SCORES, 0, false);
        assertEquals("a=1 \uD83D\uDE00=0 b=2", split(m, "a\uD83D\uDE00b"));
    }

    /** SentencePiece: a user-defined piece wins over better-scoring normal pieces; control pieces never match. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc     | abc=5",
            // the control piece <s> does not match; its three unknown characters are one unknown token
            "<s>ab   | <s>=0 ab=4",
            "ab      | ab=4",
    })
    void sentencePieceUserDefinedAndControl(String text, String expected) {
        List<String> pieces = List.of("<unk>", "<s>", "a", "b", "ab", "abc", "c");
        List<PieceType> types = List.of(PieceType.UNKNOWN, PieceType.CONTROL, PieceType.NORMAL, PieceType.NORMAL,
                PieceType.NORMAL, PieceType.USER_DEFINED, PieceType.NORMAL);
        Unigram m = Unigram.sentencePiece(pieces, new double[] {0, 0, -2, -2, -1, 0, -0.5}, types, false);
        assertEquals(expected, split(m, text));
    }

    @Test
    void samplingIsReproducibleAndOffEqualsViterbi() {
        List<String> pieces = List.of("<unk>", "a", "b", "c", "ab", "bc", "abc", "ca", "cab");
        double[] scores = {0, -1, -1, -1, -1.5, -1.5, -2, -1.2, -2.5};
        Unigram m = Unigram.of(pieces, scores, 0, false);
        String text = "abcabcabcab";
        String best = split(m, text);
        for (int nbest : new int[] {-1, 4}) {
            Unigram s = m.withSampling(SubwordSampling.unigram(0.3, nbest, 7));
            List<String> draws = new ArrayList<>();
            for (int seed = 0; seed < 40; seed++) {
                draws.add(sample(s, text, seed));
                assertEquals(draws.get(seed), sample(s, text, seed), "same seed, same draw");
            }
            assertTrue(draws.stream().distinct().count() > 1, "different seeds give different draws: " + draws);
            // a sharp distribution (large alpha) always draws the best path
            assertEquals(best, sample(m.withSampling(SubwordSampling.unigram(60, nbest, 7)), text, 11));
            assertEquals(best, split(s.withSampling(null), text));
        }
        // nbest 1: no sampling at all
        assertEquals(best, sample(m.withSampling(SubwordSampling.unigram(0.3, 1, 7)), text, 3));
    }

    private static String sample(Unigram m, String text, long seed) {
        TokenBuffer out = new TokenBuffer();
        m.tokenize(text, 0, text.length(), out, new SplittableRandom(seed));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            sb.append(text, out.start(i), out.end(i)).append('=').append(out.id(i)).append(' ');
        }
        return sb.toString().trim();
    }

    @Test
    void samplingFollowsTheModelProbabilities() {
        // two segmentations of "ab": "ab" (score -1) and "a"+"b" (-2); alpha 1 gives P(ab) = e^-1/(e^-1+e^-2)
        Unigram m = Unigram.of(List.of("<unk>", "a", "b", "ab"), new double[] {0, -1, -1, -1}, 0, false)
                .withSampling(SubwordSampling.unigram(1.0, -1, 0));
        int whole = 0;
        int n = 4000;
        for (int seed = 0; seed < n; seed++) {
            if (sample(m, "ab", seed).equals("ab=3")) {
                whole++;
            }
        }
        double expected = Math.exp(-1) / (Math.exp(-1) + Math.exp(-2));
        assertEquals(expected, whole / (double) n, 0.03);
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Unigram.of(PIECES, new double[] {1}, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Unigram.of(PIECES, SCORES, 9, false));
        assertThrows(IllegalArgumentException.class,
                () -> Unigram.of(PIECES, SCORES, 0, false).withSampling(SubwordSampling.bpeDropout(0.1, 1)));
        assertNotEquals(null, Unigram.of(PIECES, SCORES, -1, false));
    }
}
