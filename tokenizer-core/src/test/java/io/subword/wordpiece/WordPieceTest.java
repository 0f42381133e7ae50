package io.subword.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordPieceTest {

    /** Vocabulary from space-separated tokens; ids are positions. */
    private static Vocabulary vocab(String spaceSeparated) {
        return Vocabulary.of(spaceSeparated.split(" "));
    }

    /** Tokens as "token@start-end" joined by spaces; "" for none. */
    private static String describe(WordPiece wp, TokenBuffer out) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            parts.add(wp.vocabulary().token(out.id(i)) + "@" + out.start(i) + "-" + out.end(i));
        }
        return String.join(" ", parts);
    }

    private static String ids(TokenBuffer out) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            parts.add(Integer.toString(out.id(i)));
        }
        return String.join(" ", parts);
    }

    private static TokenBuffer run(WordPiece wp, String word) {
        TokenBuffer out = new TokenBuffer();
        wp.tokenize(word, 0, word.length(), out);
        return out;
    }

    /** A word inside another CharSequence than a String is walked through a copy; offsets stay the caller's. */
    @ParameterizedTest(name = "{1} [{2}, {3})")
    @CsvSource(delimiter = '|', value = {
        "[UNK] a abcd ##b ##bc ##z | xx abcz yy | 3 | 7 | a@3-4 ##bc@4-6 ##z@6-7",
        "[UNK] a abcd ##b ##bc ##z | abcdz      | 0 | 5 | abcd@0-4 ##z@4-5",
        "[UNK] a abcd ##b ##bc ##z | x abd      | 2 | 5 | [UNK]@2-5",
    })
    void anyCharSequenceTokenizesAsItsString(String tokens, String text, int from, int to, String expected) {
        WordPiece wp = WordPiece.of(vocab(tokens));
        TokenBuffer fromString = new TokenBuffer();
        wp.tokenize(text, from, to, fromString);
        TokenBuffer fromBuilder = new TokenBuffer();
        fromBuilder.add(0, 0, 0); // the walk appends after what the buffer already holds
        wp.tokenize(new StringBuilder(text), from, to, fromBuilder);
        assertEquals(expected, describe(wp, fromString));
        assertEquals("[UNK]@0-0 " + expected, describe(wp, fromBuilder));
    }

    @ParameterizedTest(name = "{1} over {0}")
    @CsvSource(delimiter = '|', value = {
        // Google's blog post on Fast WordPiece: vocabulary {a, abcd, ##b, ##bc, ##z}.
        "[UNK] a abcd ##b ##bc ##z                        | abcz      | a@0-1 ##bc@1-3 ##z@3-4             | 1 4 5",
        "[UNK] a abcd ##b ##bc ##z                        | abcd      | abcd@0-4                           | 2",
        "[UNK] a abcd ##b ##bc ##z                        | abcdz     | abcd@0-4 ##z@4-5                   | 2 5",
        "[UNK] a abcd ##b ##bc ##z                        | abz       | a@0-1 ##b@1-2 ##z@2-3              | 1 3 5",
        "[UNK] a abcd ##b ##bc ##z                        | abcbz     | a@0-1 ##bc@1-3 ##b@3-4 ##z@4-5     | 1 4 3 5",
        "[UNK] a abcd ##b ##bc ##z                        | abd       | [UNK]@0-3                          | 0",
        "[UNK] a abcd ##b ##bc ##z                        | bc        | [UNK]@0-2                          | 0",
        // The paper's Figure 1: vocabulary {a, abcdx, ##b, ##c, ##cdy, ##dz}.
        "[UNK] a abcdx ##b ##c ##cdy ##dz                 | abcdz     | a@0-1 ##b@1-2 ##c@2-3 ##dz@3-5     | 1 3 4 6",
        "[UNK] a abcdx ##b ##c ##cdy ##dz                 | abcdx     | abcdx@0-5                          | 2",
        "[UNK] a abcdx ##b ##c ##cdy ##dz                 | abcdy     | a@0-1 ##b@1-2 ##cdy@2-5            | 1 3 5",
        "[UNK] a abcdx ##b ##c ##cdy ##dz                 | abcd      | [UNK]@0-4                          | 0",
        // TensorFlow Text's FastWordpieceTokenizer test vocabulary.
        "<unk> a abc abcdefghi ##de ##defgxy ##deh ##f ##ghz | abcdefghz | abc@0-3 ##de@3-5 ##f@5-6 ##ghz@6-9 | 2 4 7 8",
        "<unk> a abc abcdefghi ##de ##defgxy ##deh ##f ##ghz | abcdefghi | abcdefghi@0-9                    | 3",
        "<unk> a abc abcdefghi ##de ##defgxy ##deh ##f ##ghz | abcdefgxy | abc@0-3 ##defgxy@3-9             | 2 5",
        "<unk> a abc abcdefghi ##de ##defgxy ##deh ##f ##ghz | abcdeh    | abc@0-3 ##deh@3-6                | 2 6",
        "<unk> a abc abcdefghi ##de ##defgxy ##deh ##f ##ghz | abcdefgh  | <unk>@0-8                        | 0",
        // Hugging Face's own unit tests.
        "##na ba [UNK]                                    | banana    | ba@0-2 ##na@2-4 ##na@4-6           | 1 0 0",
        "##na ba [UNK]                                    | nanana    | [UNK]@0-6                          | 2",
        // The prefix as (part of) a word: matched literally at the word start, with the prefix after it.
        "[UNK] # ### ##a a                                | ##        | #@0-1 ###@1-2                      | 1 2",
        "[UNK] # ### ##a a                                | ##a       | ##a@0-3                            | 3",
        "[UNK] # ### ##a a                                | ###       | ###@0-3                            | 2",
        "[UNK] # ### ##a a                                | ####      | ###@0-3 ###@3-4                    | 2 2",
        "[UNK] # ### ##a a                                | a##a      | a@0-1 ###@1-2 ###@2-3 ##a@3-4      | 4 2 2 3",
        "[UNK] # ### ##a a                                | a#        | a@0-1 ###@1-2                      | 4 2",
        "[UNK] # ### ##a a                                | aa        | a@0-1 ##a@1-2                      | 4 3",
        "[UNK] ## #                                       | ##        | ##@0-2                             | 1",
        "[UNK] ## #                                       | #         | #@0-1                              | 2",
        "[UNK] ## #                                       | ###       | [UNK]@0-3                          | 0",
        "[UNK] #                                          | ##        | [UNK]@0-2                          | 0",
        // Special tokens are plain entries: a word spelling one matches it.
        "[UNK] [CLS] [ ##C                                | [CLS]     | [CLS]@0-5                          | 1",
        "[UNK] [CLS] [ ##C                                | [C        | [@0-1 ##C@1-2                      | 2 3",
        // Accents and chars outside the BMP; offsets are UTF-16 indices.
        "[UNK] a ##a é ##é 😀 ##😀                        | 😀😀      | 😀@0-2 ##😀@2-4                    | 5 6",
        "[UNK] a ##a é ##é 😀 ##😀                        | aé😀      | a@0-1 ##é@1-2 ##😀@2-4             | 1 4 6",
        "[UNK] a ##a é ##é 😀 ##😀                        | 😀aé      | 😀@0-2 ##a@2-3 ##é@3-4             | 5 2 4",
        "[UNK] a ##a é ##é 😀 ##😀                        | a😀🙂     | [UNK]@0-5                          | 0",
        "[UNK] a ##a é ##é 😀 ##😀                        | é         | é@0-1                              | 3",
        "[UNK] a ##a é ##é 😀 ##😀                        | e\u0301   | [UNK]@0-2                          | 0",
    })
    void tokenizesAsGreedyLongestMatchFirst(String tokens, String word, String expected, String expectedIds) {
        String unk = tokens.startsWith("<unk>") ? "<unk>" : "[UNK]";
        WordPiece wp = WordPiece.of(vocab(tokens), unk, "##", 100);
        TokenBuffer out = run(wp, word);
        assertEquals(expected, describe(wp, out));
        assertEquals(expectedIds, ids(out));
        TokenBuffer reference = new TokenBuffer();
        new ReferenceMaxMatch(wp.vocabulary(), unk, "##", 100).tokenize(word, 0, word.length(), reference);
        assertEquals(describe(wp, reference), describe(wp, out), "reference MaxMatch disagrees");
    }

    @ParameterizedTest(name = "prefix \"{0}\": {2}")
    @CsvSource(delimiter = '|', value = {
        "''  | [UNK] ab a b c       | abc   | ab@0-2 c@2-3",
        "''  | [UNK] ab a b c       | cab   | c@0-1 ab@1-3",
        "@@  | [UNK] ab @@c @@ab c  | abc   | ab@0-2 @@c@2-3",
        "@@  | [UNK] ab @@c @@ab c  | cab   | c@0-1 @@ab@1-3",
        "@@  | [UNK] ab @@c @@ab c  | @@c   | @@c@0-3",
        "@@  | [UNK] ab @@c @@ab c  | ab@   | [UNK]@0-3",
        "#   | [UNK] a #a ##         | aa##  | a@0-1 #a@1-2 ##@2-3 ##@3-4",
    })
    void otherContinuationPrefixes(String prefix, String tokens, String word, String expected) {
        WordPiece wp = WordPiece.of(vocab(tokens), "[UNK]", prefix, 100);
        assertEquals(prefix, wp.continuingSubwordPrefix());
        TokenBuffer out = run(wp, word);
        assertEquals(expected, describe(wp, out));
        TokenBuffer reference = new TokenBuffer();
        new ReferenceMaxMatch(wp.vocabulary(), "[UNK]", prefix, 100).tokenize(word, 0, word.length(), reference);
        assertEquals(describe(wp, reference), describe(wp, out));
    }

    /** {@code unit} repeated {@code count} times, under a limit of {@code max} code points. */
    @ParameterizedTest(name = "{1} x {0} under {2}")
    @CsvSource({
        "100, a,  100, 100, 100",
        "101, a,  100,   1, 101",
        "100, 😀, 100, 100, 200",
        "101, 😀, 100,   1, 202",
        "51,  😀, 100,  51, 102",
        "5,   a,    5,   5,   5",
        "6,   a,    5,   1,   6",
        "1,   a,    1,   1,   1",
        "2,   a,    1,   1,   2",
    })
    void maxInputCharsPerWordCountsCodePoints(int count, String unit, int max, int expectedTokens,
                                              int expectedLastEnd) {
        WordPiece wp = WordPiece.of(vocab("[UNK] a ##a 😀 ##😀"), "[UNK]", "##", max);
        String word = unit.repeat(count);
        TokenBuffer out = run(wp, word);
        assertEquals(expectedTokens, out.size());
        assertEquals(expectedLastEnd, out.end(out.size() - 1));
        boolean unk = out.id(0) == 0;
        assertEquals(count > max, unk);
        if (unk) {
            assertEquals(0, out.start(0));
        }
    }

    @Test
    void lastWordOfLimitWithSurrogatePairIsStillTokenized() {
        WordPiece wp = WordPiece.of(vocab("[UNK] a ##a 😀 ##😀"));
        String word = "a".repeat(99) + "😀"; // 101 chars, 100 code points
        TokenBuffer out = run(wp, word);
        assertEquals(100, out.size());
        assertEquals("##😀", wp.vocabulary().token(out.id(99)));
        assertEquals(99, out.start(99));
        assertEquals(101, out.end(99));
        TokenBuffer over = run(wp, "😀" + word);
        assertEquals("[UNK]@0-103", describe(wp, over));
    }

    @Test
    void wordInsideLargerTextHasOffsetsInThatText() {
        WordPiece wp = WordPiece.of(vocab("[UNK] a abcd ##b ##bc ##z"));
        String text = "xx abcz yy qq";
        TokenBuffer out = new TokenBuffer();
        out.add(99, 0, 2); // tokens already present stay
        wp.tokenize(text, 3, 7, out);
        wp.tokenize(text, 8, 10, out);
        wp.tokenize(text, 11, 11, out);
        assertEquals(5, out.size());
        assertEquals(99, out.id(0));
        assertEquals("a@3-4 ##bc@4-6 ##z@6-7 [UNK]@8-10",
                describe(wp, out).substring(describe(wp, out).indexOf(' ') + 1));
    }

    @Test
    void emptyRangeGivesNoTokens() {
        WordPiece wp = WordPiece.of(vocab("[UNK] a"));
        TokenBuffer out = new TokenBuffer();
        wp.tokenize("", 0, 0, out);
        wp.tokenize("aaa", 2, 2, out);
        assertEquals(0, out.size());
    }

    @Test
    void tokenEndingInHighSurrogateNeverSplitsAPair() {
        // "\uD83D" alone cannot match the first half of 😀 (U+1F600 = D83D DE00), as in Hugging Face
        // where strings are code points.
        WordPiece wp = WordPiece.of(vocab("[UNK] \uD83D ##\uDE00 a"));
        assertEquals("[UNK]@0-2", describe(wp, run(wp, "😀")));
        assertEquals("[UNK]@0-3", describe(wp, run(wp, "a😀")));
        // Malformed input (lone surrogates) never throws: it is matched by UTF-16 unit like anything else.
        assertEquals("[UNK]@0-3", describe(wp, run(wp, "a\uDE00a")));
        assertEquals("a@0-1 ##\uDE00@1-2", describe(wp, run(wp, "a\uDE00")));
    }

    @Test
    void defaultsAndAccessors() {
        Vocabulary v = vocab("[PAD] [UNK] a");
        WordPiece wp = WordPiece.of(v);
        assertEquals("[UNK]", wp.unkToken());
        assertEquals(1, wp.unkId());
        assertEquals("##", wp.continuingSubwordPrefix());
        assertEquals(100, wp.maxInputCharsPerWord());
        assertEquals(v, wp.vocabulary());
    }

    @Test
    void configurationErrorsNameTheValue() {
        Vocabulary v = vocab("[UNK] a");
        IllegalArgumentException noUnk = assertThrows(IllegalArgumentException.class,
                () -> WordPiece.of(v, "<unk>", "##", 100));
        assertTrue(noUnk.getMessage().contains("\"<unk>\""), noUnk.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> WordPiece.of(v, "[UNK]", "##", 0));
        assertTrue(zero.getMessage().contains("0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WordPiece.of(v, "[UNK]", "##", -5));
    }
}
