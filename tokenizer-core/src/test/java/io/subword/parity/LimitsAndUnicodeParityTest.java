package io.subword.parity;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.bpe.Bpe;
import io.subword.decode.ByteLevelDecoder;
import io.subword.pretokenize.SplitPattern;
import io.subword.pretokenize.SplitPreTokenizer;
import io.subword.testkit.HfReference;
import io.subword.testkit.JtokkitReference;
import io.subword.testkit.RealData;
import io.subword.vocab.io.TiktokenRanks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.subword.parity.Mismatches.Field.OFFSETS;
import static io.subword.parity.Mismatches.Field.WORD_IDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Documented limits and odd Unicode against the references. BERT (Hugging Face through DJL): the
 * {@code max_input_chars_per_word} limit of 100 counts code points of the normalized word (an emoji is one, a
 * stripped accent is none), unpaired combining marks, characters outside the BMP. cl100k (jtokkit): words around
 * the BPE cache's 128-unit limit and very long pieces. Lone surrogates, which neither reference can receive from
 * Java, are checked against what is documented: byte-level BPE encodes each as U+FFFD (tiktoken's own fix-up),
 * WordPiece makes it {@code [UNK]} (Hugging Face's Python binding refuses such a string; ours never throws).
 */
class LimitsAndUnicodeParityTest {
    private static Tokenizer bert;
    private static HfReference hf;
    private static Tokenizer cl100k;
    private static JtokkitReference jtokkit;

    @BeforeAll
    static void load() throws Exception {
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), false);
        cl100k = Tokenizer.builder(Bpe.fromTiktoken(TiktokenRanks.read(RealData.tiktoken("cl100k_base"))))
                .preTokenizer(SplitPreTokenizer.of(SplitPattern.CL100K)).decoder(ByteLevelDecoder.INSTANCE).build();
        jtokkit = JtokkitReference.of("cl100k_base");
    }

    @AfterAll
    static void close() {
        hf.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            100 emoji (200 UTF-16 units, 100 code points)   | \\u{REPEAT:😀:100}
            101 emoji                                       | \\u{REPEAT:😀:101}
            100 math bold letters (outside the BMP)         | \\u{REPEAT:𝐀:100} x
            101 math bold letters                           | \\u{REPEAT:𝐀:101} x
            60 accented letters in NFD (120 chars raw)      | \\u{REPEAT:á:60}
            101 letters with a stripped accent each         | \\u{REPEAT:á:101}
            100 letters then a combining mark               | \\u{REPEAT:b:100}\\u{301}
            unpaired combining mark alone                   | \\u{301}
            combining marks after spaces and punctuation    | a \\u{301}\\u{302} !\\u{308} \\u{20DD}
            CJK extension B                                 | 𠀀𠀁 𪜀 abc𠀀
            ideographic and other spaces                    | a\\u{3000}b\\u{2028}c\\u{85}d
            variation selector and ZWJ alone                | \\u{FE0F} \\u{200D} x\\u{200D}y
            private use and noncharacters                   | \\u{E000}\\u{F8FF} \\u{FFFF} \\u{10FFFF}
            replacement character                           | \\u{FFFD}abc\\u{FFFD}
            """)
    void bertLimitsAndUnicode(String name, String escaped) {
        String text = BertHardCasesParityTest.unescape(escaped);
        Mismatches m = new Mismatches(name);
        m.compare(name, text, hf.encode(text), bert.encode(text, false), OFFSETS, WORD_IDS);
        m.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            127 letters (under the cache limit)  | \\u{REPEAT:xy:63}x
            128 letters (at the cache limit)     | \\u{REPEAT:xy:64}
            129 letters (over the cache limit)   | \\u{REPEAT:xy:64}z
            20000 letters in one piece           | \\u{REPEAT:ab:10000}
            5000 emoji                           | \\u{REPEAT:😀:5000}
            64 emoji between letters             | a\\u{REPEAT:🏳️‍🌈:64}b
            combining marks only                 | \\u{REPEAT:́:300}
            CJK extension B run                  | \\u{REPEAT:𠀀𠀁𪜀:200}
            """)
    void byteLevelLongPiecesAndUnicode(String name, String escaped) {
        String text = BertHardCasesParityTest.unescape(escaped);
        int[] ours = cl100k.encode(text, false).ids();
        assertArrayEquals(jtokkit.encodeOrdinary(text), ours, name);
        assertEquals(text, cl100k.decode(ours), name);
    }

    /** A lone surrogate is U+FFFD to byte-level BPE, with offsets over the surrogate itself. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lone high surrogate           | a\\uD800b     | a\\uFFFDb
            lone low surrogate            | \\uDC00 x     | \\uFFFD x
            reversed pair                 | \\uDC00\\uD83D | \\uFFFD\\uFFFD
            high surrogate at the end     | hi \\uD83D    | hi \\uFFFD
            """)
    void loneSurrogatesAreReplacementCharsForByteLevel(String name, String text, String asTiktokenSeesIt) {
        String s = utf16Escapes(text);
        String replaced = utf16Escapes(asTiktokenSeesIt);
        Encoding e = cl100k.encode(s, false);
        assertArrayEquals(jtokkit.encodeOrdinary(replaced), e.ids(), name);
        assertEquals(cl100k.encode(replaced, false).offsets(), e.offsets(), name);
        assertEquals(replaced, cl100k.decode(e.ids()), name);
    }

    /** A lone surrogate is one unknown character to WordPiece: [UNK] over it, the words around it unchanged. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            alone                 | \\uD800              | [UNK]
            between words         | hello \\uDC00 world  | hello [UNK] world
            inside a word         | hel\\uD800lo         | [UNK]
            """)
    void loneSurrogatesAreUnknownForWordPiece(String name, String text, String tokens) {
        assertEquals(List.of(tokens.split(" ")), bert.encode(utf16Escapes(text), false).tokens(), name);
    }

    /** {@code \\uXXXX} escapes as UTF-16 units, so a table can hold a lone surrogate. */
    static String utf16Escapes(String s) {
        return java.util.regex.Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(s)
                .replaceAll(r -> java.util.regex.Matcher.quoteReplacement(
                        String.valueOf((char) Integer.parseInt(r.group(1), 16))));
    }
}
