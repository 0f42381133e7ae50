package io.subword.compare;

import io.subword.Tokenizer;
import io.subword.bpe.Bpe;
import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.wordlevel.WordLevel;
import io.subword.wordpiece.WordPiece;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Metrics on hand-made held-out text, where every figure is worked out by hand in the comments. */
class ComparisonTest {
    private static final double EPS = 1e-12;

    /** word-level: [UNK] a b . (ids 0..3) */
    static Tokenizer wordLevel() {
        return Tokenizer.builder(WordLevel.of(Vocabulary.of("[UNK]", "a", "b", "."), "[UNK]"))
                .preTokenizer(BertPreTokenizer.INSTANCE).build();
    }

    /** WordPiece: [UNK] a b c ##b ##c . (ids 0..6); "abc" -> a ##b ##c, "d" -> [UNK] */
    static Tokenizer wordPiece() {
        return Tokenizer.builder(WordPiece.of(Vocabulary.of("[UNK]", "a", "b", "c", "##b", "##c", "."), "[UNK]", "##", 100))
                .preTokenizer(BertPreTokenizer.INSTANCE).build();
    }

    static Corpus corpus(Path dir, String... lines) throws IOException {
        Path file = dir.resolve("held-out.txt");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return Corpus.of(file);
    }

    static ComparisonResult run(Comparison comparison, Corpus corpus, Candidate... candidates) throws Exception {
        return comparison.run(List.of(candidates), corpus, "held-out.txt", w -> 0, TrainingListener.NONE);
    }

    /*
     * Held-out lines "a b abc" and "abc d.": words a b abc | abc d . (6 running words, 5 distinct:
     * a b abc d .), 7 + 6 = 13 characters and bytes.
     *
     * word-level:  a b [UNK] | [UNK] [UNK] .   6 tokens, 3 unknown; words with UNK: abc abc d (3 of 6);
     *              types with UNK: abc d (2 of 5); whole: a b . (3 of 6); fertility 1 1 1 1 1 1;
     *              lines 3 3 tokens; ids used 0 1 2 3 of 4.
     * wordpiece:   a b a ##b ##c | a ##b ##c [UNK] .   10 tokens, 1 unknown; words with UNK: d (1 of 6);
     *              types with UNK: d (1 of 5); whole: a b . (3 of 6); fertility 1 1 3 3 1 1 (mean 10/6,
     *              p50 rank 3 -> 1, p90 rank 6 -> 3, p99 rank 6 -> 3); lines 5 5; ids used 0 1 2 4 5 6 (6 of 7).
     */
    @Test
    void figuresWorkedOutByHand(@TempDir Path dir) throws Exception {
        ComparisonResult r = run(Comparison.builder().exampleCount(0).build(), corpus(dir, "a b abc", "abc d."),
                new Candidate("word", 4, wordLevel()), new Candidate("wordpiece", 7, wordPiece()));
        ComparisonResult.HeldOut h = r.heldOut();
        assertEquals(List.of(2L, 6L, 5L, 13L, 13L), List.of(h.lines(), h.words(), h.wordTypes(), h.chars(), h.bytes()));
        assertEquals(Map.of(LanguageGuesser.UNSURE, 2L), h.linesByLanguage());

        Metrics word = r.models().get(0).all();
        assertEquals(List.of(2L, 6L, 5L, 6L, 13L, 13L, 3L, 3L, 2L, 3L), counts(word));
        assertEquals(0.5, word.unkTokenRate(), EPS);
        assertEquals(0.5, word.unkWordRate(), EPS);
        assertEquals(0.4, word.unkWordTypeRate(), EPS);
        assertEquals(0.5, word.wholeWordRate(), EPS);
        assertEquals(new Distribution(6, 1.0, 1, 1, 1, 1, new long[] {0, 6}), word.fertility());
        assertEquals(new Distribution(2, 3.0, 3, 3, 3, 3, new long[] {0, 0, 0, 2}), word.sequenceLength());
        assertEquals(13.0 / 6, word.charsPerToken(), EPS);
        assertEquals(13.0 / 6, word.bytesPerToken(), EPS);
        assertEquals(List.of(4, 4), List.of(word.vocabSize(), word.vocabUsed()));
        assertEquals(1.0, word.vocabUse(), EPS);

        Metrics wp = r.models().get(1).all();
        assertEquals(List.of(2L, 6L, 5L, 10L, 13L, 13L, 1L, 1L, 1L, 3L), counts(wp));
        assertEquals(0.1, wp.unkTokenRate(), EPS);
        assertEquals(1.0 / 6, wp.unkWordRate(), EPS);
        assertEquals(0.2, wp.unkWordTypeRate(), EPS);
        assertEquals(0.5, wp.wholeWordRate(), EPS);
        assertEquals(new Distribution(6, 10.0 / 6, 1, 3, 3, 3, new long[] {0, 4, 0, 2}), wp.fertility());
        assertEquals(new Distribution(2, 5.0, 5, 5, 5, 5, new long[] {0, 0, 0, 0, 0, 2}), wp.sequenceLength());
        assertEquals(1.3, wp.charsPerToken(), EPS);
        assertEquals(List.of(7, 6), List.of(wp.vocabSize(), wp.vocabUsed()));
        assertEquals(6.0 / 7, wp.vocabUse(), EPS);

        // one language group: no per-language figures
        assertEquals(Map.of(), r.models().get(0).byLanguage());
    }

    private static List<Long> counts(Metrics m) {
        return List.of(m.lines(), m.words(), m.wordTypes(), m.tokens(), m.chars(), m.bytes(), m.unkTokens(),
                m.unkWords(), m.unkWordTypes(), m.wholeWords());
    }

    /*
     * Per language: "the a and the b" (en: the, and, the = 3 votes) and "der a und dem c" (de: der, und, dem).
     * word-level [UNK] a b .: en: the a and the b -> [UNK] a [UNK] [UNK] b: 3 of 5 tokens unknown, types with
     * UNK the and (2 of 4: the a and b); de: der a und dem c -> all but a unknown: 4 of 5, types 4 of 5.
     * All: 7 of 10 tokens; types with UNK: the and der und dem c (6 of 8 distinct: the a and b der und dem c).
     */
    @Test
    void perLanguage(@TempDir Path dir) throws Exception {
        ComparisonResult r = run(Comparison.builder().exampleCount(0).build(),
                corpus(dir, "the a and the b", "der a und dem c"), new Candidate("word", 4, wordLevel()));
        assertEquals(List.of("de", "en"), List.copyOf(r.heldOut().linesByLanguage().keySet()));
        ModelResult m = r.models().get(0);
        Metrics en = m.byLanguage().get("en");
        Metrics de = m.byLanguage().get("de");
        assertEquals(List.of(1L, 5L, 4L, 5L, 15L, 15L, 3L, 3L, 2L, 2L), counts(en));
        assertEquals(List.of(1L, 5L, 5L, 5L, 15L, 15L, 4L, 4L, 4L, 1L), counts(de));
        assertEquals(0.7, m.all().unkTokenRate(), EPS);
        assertEquals(6.0 / 8, m.all().unkWordTypeRate(), EPS);
        assertEquals(List.of(3, 3), List.of(en.vocabUsed(), m.all().vocabUsed())); // en: [UNK] a b; all: [UNK] a b
    }

    /*
     * Byte-level BPE with tokens that start in the space before a word (GPT-2's " b"): the token belongs to
     * the word after the space. Vocabulary: the 256 byte chars, then "Ġb" by one merge. "a b": tokens a, Ġb ->
     * words a (1 token), b (1 token, offsets " b" cover it) -> both kept whole; no unknown token exists.
     */
    @Test
    void tokensStartingInTheSpaceBelongToTheNextWord(@TempDir Path dir) throws Exception {
        List<String> alphabet = new java.util.ArrayList<>();
        for (int b = 0; b < 256; b++) {
            alphabet.add(String.valueOf(io.subword.pretokenize.ByteLevelAlphabet.toChar(b)));
        }
        alphabet.add("Ġb");
        Vocabulary vocab = Vocabulary.of(alphabet);
        Tokenizer byteLevel = Tokenizer.builder(Bpe.byteLevel(vocab,
                        MergeTable.fromMerges(vocab, List.of(new io.subword.vocab.Merge("Ġ", "b")), null)))
                .preTokenizer(ByteLevelPreTokenizer.gpt2()).build();
        ComparisonResult r = run(Comparison.builder().exampleCount(0).build(), corpus(dir, "a b"),
                Candidate.of("bytelevel", byteLevel));
        Metrics m = r.models().get(0).all();
        assertEquals(List.of(1L, 2L, 2L, 2L, 3L, 3L, 0L, 0L, 0L, 2L), counts(m));
        assertEquals(257, m.vocabSize());
    }

    /*
     * Tokens that cover no word count too (GPT-2 on Portuguese looked 10% cheaper without them). Same byte-level
     * model (bytes + "Ġb"). Lines and their tokens:
     *   "a  b"   -> a | Ġ | Ġb      words a=1, b=2 (the lone Ġ counts toward the word after it)
     *   "a b  "  -> a | Ġb | Ġ | Ġ  words a=1, b=3 (trailing spaces count toward the line's last word)
     *   " a"     -> Ġ | a           words a=2
     * 9 tokens, 5 words: tokens per word 9/5 = 1.8 (not 5/5 = 1.0); histogram 1:2, 2:2, 3:1 (p50 rank 3 -> 2,
     * p90 and p99 rank 5 -> 3). Whole words are still judged on the tokens that overlap the word: a, b, a, b, a
     * are each one covering token, so all 5 are whole.
     */
    @Test
    void tokensPerWordCountsEveryToken(@TempDir Path dir) throws Exception {
        List<String> alphabet = new java.util.ArrayList<>();
        for (int b = 0; b < 256; b++) {
            alphabet.add(String.valueOf(io.subword.pretokenize.ByteLevelAlphabet.toChar(b)));
        }
        alphabet.add("Ġb");
        Vocabulary vocab = Vocabulary.of(alphabet);
        Tokenizer byteLevel = Tokenizer.builder(Bpe.byteLevel(vocab,
                        MergeTable.fromMerges(vocab, List.of(new io.subword.vocab.Merge("Ġ", "b")), null)))
                .preTokenizer(ByteLevelPreTokenizer.gpt2()).build();
        ComparisonResult r = run(Comparison.builder().exampleCount(0).build(), corpus(dir, "a  b", "a b  ", " a"),
                Candidate.of("bytelevel", byteLevel));
        Metrics m = r.models().get(0).all();
        assertEquals(List.of(3L, 5L, 2L, 9L, 11L, 11L, 0L, 0L, 0L, 5L), counts(m));
        assertEquals(new Distribution(5, 9.0 / 5, 2, 3, 3, 3, new long[] {0, 2, 2, 1}), m.fertility());
        assertEquals(m.tokens() / (double) m.words(), m.fertility().mean(), EPS);
    }

    @Test
    void resultDoesNotDependOnThreadsOrChunks(@TempDir Path dir) throws Exception {
        Corpus c = corpus(dir, "a b abc", "abc d.", "the a and the b", "der a und die c", "b b b", "x y z a");
        Candidate[] candidates = {new Candidate("word", 4, wordLevel()), new Candidate("wordpiece", 7, wordPiece())};
        ComparisonResult one = run(Comparison.builder().exampleCount(3).build(), c, candidates);
        ComparisonResult many = run(Comparison.builder().exampleCount(3).threads(2).chunkLines(1).build(), c,
                candidates);
        assertEquals(one, many);
    }

    @Test
    void emptyHeldOutTextIsAnError(@TempDir Path dir) throws Exception {
        Corpus c = corpus(dir, "", "  ");
        var e = assertThrows(IllegalArgumentException.class, () -> run(Comparison.builder().build(), c,
                new Candidate("word", 4, wordLevel())));
        assertEquals("held-out.txt: the held-out text has no words to measure on", e.getMessage());
    }

    /*
     * Examples: words of letters, 6+ chars; rarest in training first, then most frequent in the held-out text.
     * Training counts: abcabc 0, bcabca 5, cababc 0; held-out counts: abcabc 1, cababc 2 -> cababc, abcabc,
     * bcabca. The given word comes first.
     */
    @Test
    void examplesAreTheRarestWords(@TempDir Path dir) throws Exception {
        Corpus c = corpus(dir, "abcabc bcabca cababc cababc abc 123456 ab-cabc");
        Map<String, Long> training = Map.of("bcabca", 5L);
        ComparisonResult r = Comparison.builder().exampleCount(5).exampleWords(List.of("dab")).build()
                .run(List.of(new Candidate("word", 4, wordLevel()), new Candidate("wordpiece", 7, wordPiece())), c,
                        "held-out", w -> training.getOrDefault(w, 0L), TrainingListener.NONE);
        assertEquals(List.of("dab", "cababc", "abcabc", "bcabca"),
                r.examples().stream().map(Example::word).toList());
        Example dab = r.examples().get(0);
        assertEquals(List.of("?", 0L, 0L), List.of(dab.language(), dab.trainingCount(), dab.heldOutCount()));
        assertEquals("[UNK]", dab.splits().get(0).joined());
        assertEquals("[UNK]", dab.splits().get(1).joined()); // d is not in the WordPiece vocabulary
        Example cababc = r.examples().get(1);
        assertEquals(List.of(LanguageGuesser.UNSURE, 0L, 2L), List.of(cababc.language(), cababc.trainingCount(), cababc.heldOutCount()));
        assertEquals(List.of("[UNK]"), cababc.splits().get(1).pieces().stream().map(Example.Piece::text).toList());
        assertEquals(true, cababc.splits().get(1).hasUnknown()); // no ##a in the vocabulary
        assertEquals("a ##b ##c", ExampleChooser.pieces(wordPiece(), "abc").stream().map(Example.Piece::text)
                .collect(Collectors.joining(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            # byte-level token ; shown as
            Ã©                 ; é
            Ã                  ; <0xC3>
            ©                  ; <0xA9>
            inimaginÃ¡veis     ; inimagináveis
            ĠÃ                 ; ' <0xC3>'
            <|endoftext|>      ; <|endoftext|>
            """)
    void byteLevelPiecesShowTheirText(String token, String shown) {
        assertEquals(shown, ExampleChooser.byteLevelText(token));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # UTF-16 text          | UTF-8 bytes
            abc                    | 3
            é                      | 2
            €                      | 3
            \uD83D\uDE00           | 4
            """)
    void utf8Length(String s, long bytes) {
        assertEquals(bytes, HeldOutText.utf8Length(s));
        assertEquals(bytes, s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    static String words(String... w) {
        return String.join(" ", Arrays.asList(w));
    }
}
