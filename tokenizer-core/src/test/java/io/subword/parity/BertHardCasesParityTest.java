package io.subword.parity;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RandomText;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.subword.parity.Mismatches.Field.ATTENTION_MASK;
import static io.subword.parity.Mismatches.Field.OFFSETS;
import static io.subword.parity.Mismatches.Field.SPECIAL_TOKENS_MASK;
import static io.subword.parity.Mismatches.Field.TYPE_IDS;
import static io.subword.parity.Mismatches.Field.WORD_IDS;

/**
 * Hard inputs for the BERT uncased pipeline (normalizer: clean text, CJK spacing, NFD accent stripping,
 * lower-casing; pre-tokenizer: whitespace and punctuation; WordPiece with a 100-char word limit; added special
 * tokens), each compared with Hugging Face with and without special tokens: ids, code point offsets, type ids,
 * masks and word ids. Inputs are written with {@code \\u{...}} escapes for invisible characters, decoded by
 * {@link #unescape}.
 *
 * <p>Lone surrogates are left out: the reference cannot receive them (DJL turns each into three U+FFFD).
 */
class BertHardCasesParityTest {
    private static Tokenizer ours;
    private static HfReference hfWith;
    private static HfReference hfWithout;

    @BeforeAll
    static void load() throws Exception {
        ours = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        hfWith = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true);
        hfWithout = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), false);
    }

    @AfterAll
    static void close() {
        hfWith.close();
        hfWithout.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CJK ideographs and kana        | 日本語のテキストと中文字符、漢字。",
        "Hangul                         | 한국어 텍스트입니다",
        "CJK extension B (astral)       | \\u{20000}\\u{20001}x \\u{2A6D6}",
        "Arabic                         | مرحبا بالعالم، كيف حالك؟ ١٢٣",
        "Arabic with harakat            | مَرْحَبًا بِكُمْ",
        "Devanagari                     | नमस्ते दुनिया क्षत्रिय",
        "Thai without spaces            | สวัสดีชาวโลกภาษาไทย",
        "Hebrew with points             | שָׁלוֹם עוֹלָם",
        "precomposed accents            | Café naïve Ångström Señor Øre Łódź",
        "decomposed accents             | Cafe\\u{301} nai\\u{308}ve A\\u{30A}ngstro\\u{308}m",
        "stacked combining marks        | e\\u{301}\\u{301}\\u{301} a\\u{300}\\u{323}b",
        "leading combining mark         | \\u{301}abc \\u{308}",
        "marks of several chars reorder | a\\u{301}\\u{1D16D}\\u{316} b\\u{1D16E}\\u{94D}\\u{300}\\u{1D16D}x \\u{1EAB}\\u{1D165}\\u{323}",
        "marks newer than Unicode 9     | a\\u{1DF6}\\u{301} e\\u{301}\\u{1DF6}\\u{316} \\u{1DFA}x o\\u{1DF7}\\u{323}",
        "long run of differing marks    | a\\u{REPEAT:\u0300\u0316\uD834\uDD6D\u0301\u0334\uD834\uDD65\u0345:300} z",
        "Vietnamese                     | Tiếng Việt có dấu",
        "Greek final sigma              | ΟΔΟΣ ΣΊΣΥΦΟΣ Σ",
        "German sharp s                 | STRASSE Straße ẞ",
        "Turkish dotted capital I       | İstanbul İİ ı",
        "ligatures and compatibility    | ﬁnd ﬃ Ⅻ ① ＡＢＣ１２３ ㎏",
        "emoji                          | I ❤️ NY 😀👍🏽 ☕",
        "emoji ZWJ sequences            | 👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈",
        "flags and keycaps              | 🇩🇪🇫🇷 1️⃣ #️⃣",
        "zero-width joiner in a word    | a\\u{200D}b کی\\u{200D}ا",
        "zero-width non-joiner          | a\\u{200C}b می\\u{200C}خواهم",
        "zero-width space and BOM       | a\\u{200B}b \\u{FEFF}bom",
        "soft hyphen                    | co\\u{AD}operate",
        "C0 controls                    | a\\u{1}b\\u{7}c\\u{1B}d",
        "tab, CR, LF, NEL               | tab\\there line\\nbreak\\r\\nwin \\u{85}nel",
        "DEL and C1 controls            | a\\u{7F}b \\u{80}c\\u{9F}",
        "U+FFFD                         | bad \\u{FFFD} char \\u{FFFD}\\u{FFFD}x",
        "NUL                            | a\\u{0}b \\u{0}",
        "only NUL                       | \\u{0}",
        "private use and noncharacters  | \\u{E000}x \\u{FFFF} \\u{FFFE}",
        "unusual spaces                 | a\\u{A0}b\\u{3000}c\\u{2009}d\\u{202F}e\\u{1680}f\\u{2028}g",
        "200-char word                  | \\u{REPEAT:a:200}",
        "101-char word                  | \\u{REPEAT:b:101} end",
        "100-char word                  | \\u{REPEAT:c:100} end",
        "99-char word                   | \\u{REPEAT:d:99}",
        "100 accented chars             | \\u{REPEAT:é:100}",
        "101 accented chars             | \\u{REPEAT:é:101}",
        "101 chars after punctuation    | x.\\u{REPEAT:q:101}",
        "empty                          | \"\"",
        "spaces only                    | \"   \"",
        "whitespace kinds only          | \\t\\n\\u{3000}\\u{A0}",
        "[CLS] and [SEP] inside text    | hello [CLS] world [SEP] again",
        "lower-case [cls] is text       | [cls] [sep] [Cls]",
        "special tokens glued to words  | x[SEP]y[MASK]z[UNK]",
        "padding token in text          | [PAD][PAD] a",
        "broken special token           | [CLS [SEP ]",
        "mixed punctuation              | \"Hello, world! (really?) ... «quoted» — dash – and ‘quotes’\"",
        "money and percent              | $100.00 & 50% off!!! €5",
        "email and URL                  | e-mail@example.com https://ex.org/a?b=c#d",
        "programming punctuation        | C++/C# a->b x==y {}[]<>",
        "Spanish inverted marks         | ¿Qué? ¡Sí!",
        "ellipses                       | a...b…c",
        "numbers                        | 3.14159 1,000,000 2024-01-01",
        "apostrophes                    | don't l'homme it’s",
        "many spaces                    | \"  a    b  \"",
    })
    void hardCase(String name, String escaped) {
        String text = unescape(escaped);
        Mismatches m = new Mismatches(name);
        m.compare(name + ", with special tokens", text, hfWith.encode(text), ours.encode(text, true), OFFSETS,
                TYPE_IDS, ATTENTION_MASK, SPECIAL_TOKENS_MASK, WORD_IDS);
        m.compare(name + ", without special tokens", text, hfWithout.encode(text), ours.encode(text, false),
                OFFSETS, TYPE_IDS, ATTENTION_MASK, SPECIAL_TOKENS_MASK, WORD_IDS);
        m.assertNone();
    }

    /** Seeded random well-formed text across Unicode categories, in batches. */
    @Test
    void randomWellFormedText() {
        RandomText random = new RandomText(20_240_601);
        List<String> texts = random.strings(3000, 12, RandomText.wellFormed());
        Mismatches with = new Mismatches("random text, with special tokens");
        Mismatches without = new Mismatches("random text, without special tokens");
        var refWith = hfWith.encodeBatch(texts);
        var refWithout = hfWithout.encodeBatch(texts);
        var oursWith = ours.encodeBatch(texts, true);
        var oursWithout = ours.encodeBatch(texts, false);
        for (int i = 0; i < texts.size(); i++) {
            with.compare("random text " + i, texts.get(i), refWith.get(i), oursWith.get(i), OFFSETS, TYPE_IDS,
                    ATTENTION_MASK, SPECIAL_TOKENS_MASK, WORD_IDS);
            without.compare("random text " + i, texts.get(i), refWithout.get(i), oursWithout.get(i), OFFSETS,
                    WORD_IDS);
        }
        with.assertNone();
        without.assertNone();
    }

    /**
     * Decodes the escapes of the table: {@code \\u{HEX}} is a code point, {@code \\u{REPEAT:c:n}} is
     * {@code c} repeated n times, {@code \\t \\n \\r} are controls.
     */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    int close = s.indexOf('}', i);
                    String body = s.substring(i + 2, close);
                    if (body.startsWith("REPEAT:")) {
                        String[] parts = body.split(":");
                        sb.append(parts[1].repeat(Integer.parseInt(parts[2])));
                    } else {
                        sb.appendCodePoint(Integer.parseInt(body, 16));
                    }
                    i = close;
                }
                default -> sb.append('\\').append(n);
            }
        }
        return sb.toString();
    }
}
