package io.subword.cli;

import io.subword.sentencepiece.SentencePieceModel;
import io.subword.testkit.RealData;
import io.subword.unigram.PieceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code subword train unigram} with SentencePiece's flags: what each flag does to the model, and bad values. */
class TrainUnigramFlagsTest {
    @TempDir
    static Path dir;
    static Path corpus;
    /** The pieces of the run without flags, to tell that a flag changed something. */
    static List<String> plain;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = dir.resolve("corpus.txt");
        List<String> lines = new ArrayList<>(RealData.europarlLines().subList(0, 150));
        lines.add("COVID-19 <sep> 2024 1999 ﬁnancial ＡＢＣ"); // a ligature and full-width letters for the rules
        Files.write(corpus, lines, StandardCharsets.UTF_8);
        plain = train("plain", "").pieces();
    }

    private static SentencePieceModel train(String name, String flags) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "unigram", "--threads", "2", "-q", "-o",
                out.toString()));
        if (!flags.contains("--vocab-size")) {
            args.addAll(List.of("--vocab-size", "400"));
        }
        if (!flags.isBlank()) {
            args.addAll(Arrays.asList(flags.trim().split(" ")));
        }
        args.add(corpus.toString());
        CliRun.Result r = CliRun.run("", args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return SentencePieceModel.read(out.resolve("tokenizer.model"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # flags                                      | what the model shows
              --max-piece-length 3                       | every piece at most 3 characters
              --split-digits                             | a digit only alone
              --no-split-by-whitespace --vocab-size 1500 | a piece with ▁ inside
              --byte-fallback --vocab-size 700           | <0x00> to <0xFF> after </s>, byte fallback on
              --user-defined-symbols <sep>,COVID-19      | <sep> and COVID-19 user-defined after </s>
              --control-symbols <mask>,<cls>             | <mask> and <cls> control after </s>
              --normalization identity                   | normalizer identity, ﬁ unknown
              --normalization nmt_nfkc_cf                | normalizer nmt_nfkc_cf, no upper case
              --normalization nfkc                       | normalizer nfkc, ﬁ folded
              --character-coverage 0.98                  | fewer characters
              --seed-size 40                             | fewer pieces than asked
              --shrinking-factor 0.5                     | other pieces
              --sub-iterations 1                         | other pieces
            """)
    void flagShapesTheModel(String flags, String shows) throws Exception {
        SentencePieceModel m = train(flags.replaceAll("[^a-z0-9]+", "-"), flags);
        List<String> learned = new ArrayList<>();
        for (int id = 0; id < m.size(); id++) {
            if (m.type(id) == PieceType.NORMAL) {
                learned.add(m.piece(id));
            }
        }
        switch (shows) {
            case "every piece at most 3 characters" ->
                    assertEquals(List.of(), learned.stream().filter(p -> p.codePointCount(0, p.length()) > 3).toList());
            case "a digit only alone" -> assertEquals(List.of(), learned.stream()
                    .filter(p -> p.length() > 1 && p.chars().anyMatch(Character::isDigit)).toList());
            case "a piece with ▁ inside" ->
                    assertTrue(learned.stream().anyMatch(p -> p.indexOf('▁', 1) > 0), learned::toString);
            case "<0x00> to <0xFF> after </s>, byte fallback on" -> {
                assertEquals(List.of("<0x00>", "<0xFF>"), List.of(m.piece(3), m.piece(258)));
                assertEquals(PieceType.BYTE, m.type(3));
                assertTrue(m.byteFallback());
            }
            case "<sep> and COVID-19 user-defined after </s>" -> {
                assertEquals(List.of("<sep>", "COVID-19"), List.of(m.piece(3), m.piece(4)));
                assertEquals(PieceType.USER_DEFINED, m.type(4));
            }
            case "<mask> and <cls> control after </s>" -> {
                assertEquals(List.of("<mask>", "<cls>"), List.of(m.piece(3), m.piece(4)));
                assertEquals(PieceType.CONTROL, m.type(3));
                List<String> tokens = m.toTokenizer().encode("<mask>").tokens();
                assertTrue(!tokens.contains("<mask>") && tokens.contains("k"), () -> "a control piece never comes"
                        + " out of the text: " + tokens);
            }
            case "normalizer identity, ﬁ unknown" -> {
                assertEquals("identity", m.normalizerName());
                List<String> tokens = m.toTokenizer().encode("ﬁ").tokens();
                assertTrue(tokens.contains("<unk>"), tokens::toString);
            }
            case "normalizer nmt_nfkc_cf, no upper case" -> {
                assertEquals("nmt_nfkc_cf", m.normalizerName());
                assertEquals(List.of(), learned.stream().filter(p -> !p.equals(p.toLowerCase())).toList());
            }
            case "normalizer nfkc, ﬁ folded" -> {
                assertEquals("nfkc", m.normalizerName());
                List<String> tokens = m.toTokenizer().encode("ﬁ").tokens();
                assertTrue(!learned.contains("ﬁ") && !tokens.contains("<unk>"), tokens::toString);
            }
            case "fewer characters" -> assertTrue(singles(learned) < singles(plain),
                    () -> singles(learned) + " characters, against " + singles(plain) + " without the flag");
            case "fewer pieces than asked" -> assertTrue(m.size() < 400, () -> m.size() + " pieces");
            case "other pieces" -> assertNotEquals(plain, m.pieces());
            default -> throw new AssertionError(shows);
        }
    }

    private static long singles(List<String> pieces) {
        return pieces.stream().filter(p -> p.codePointCount(0, p.length()) == 1).count();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            unigram   | --shrinking-factor 1.5       | --shrinking-factor: shrinking factor must be in (0, 1), not 1.5
            unigram   | --shrinking-factor half      | Invalid value for option '--shrinking-factor': 'half' is not a double
            unigram   | --character-coverage 0       | --character-coverage: character coverage must be in (0, 1], not 0.0
            unigram   | --normalization nfd          | --normalization: unknown normalization rule "nfd": expected nmt_nfkc or nfkc or nmt_nfkc_cf or nfkc_cf or identity
            unigram   | --seed-size 0                | --seed-size: seed size must be at least 1, not 0
            unigram   | --sub-iterations 0           | --sub-iterations: sub-iterations must be at least 1, not 0
            unigram   | --max-piece-length 0         | --max-piece-length must be at least 1, not 0
            wordpiece | --split-digits               | --split-digits is an option of train unigram, not of train wordpiece
            bpe       | --normalization nfkc         | --normalization is an option of train unigram, not of train bpe
            """)
    void badValuesAreOneLineNamingTheFlag(String family, String flags, String message) {
        List<String> args = new ArrayList<>(List.of("train", family, "-q", "-o", dir.resolve("bad").toString()));
        args.addAll(Arrays.asList(flags.split(" ")));
        args.add(corpus.toString());
        CliRun.Result r = CliRun.run("", args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("subword: " + message), line);
        assertTrue(Files.notExists(dir.resolve("bad").resolve("tokenizer.model")));
    }
}
