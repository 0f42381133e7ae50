package io.subword.parity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hard cases every byte-level parity suite runs, by name: what the split patterns and byte-level BPE treat
 * specially (contractions in every case and with the typographic apostrophe, digit runs, runs of whitespace,
 * CRLF, tabs, emoji sequences, scripts without spaces, combining marks, lone surrogates are left to the property
 * tests since the references cannot take them).
 */
final class BpeHardCases {
    private BpeHardCases() {
    }

    static final Map<String, String> CASES = cases();

    private static Map<String, String> cases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("empty", "");
        m.put("one space", " ");
        m.put("contractions", "it's I'm you're we've they'll he'd don't");
        m.put("contractions upper", "IT'S I'M YOU'RE WE'VE THEY'LL HE'D DON'T");
        m.put("contractions mixed case", "It'S i'M you'Re we'vE they'Ll he'D");
        m.put("typographic apostrophe", "it\u2019s the cat\u2019s and the dogs\u2019 \u2019s");
        m.put("apostrophes alone", "' '' ''' 's 'x 'll'll");
        m.put("digit runs", "1 12 123 1234 12345 123456789012345678901234567890");
        m.put("numbers with separators", "3.14159 1,000,000 -42 +7 1e10 0x1F 2024-01-31");
        m.put("non-ASCII digits", "\u0661\u0662\u0663\u0664 \u0967\u0968\u0969 \uFF11\uFF12\uFF13 \u2460\u2461 \u00BD\u00B2");
        m.put("10,000 spaces", " ".repeat(10_000));
        m.put("10,000 spaces between words", "a" + " ".repeat(10_000) + "b");
        m.put("spaces then newline", "hello   \n   world  ");
        m.put("CRLF", "line one\r\nline two\r\n\r\nline four\r\n");
        m.put("lone CR and LF", "a\rb\nc\r\r\nd\n\n\ne");
        m.put("tabs", "\tindented\t\ttext\t \t end\t");
        m.put("mixed whitespace", "a \u00A0b\u2003c\u3000d\u000Be\u000Cf\u0085g\u2028h");
        m.put("emoji", "\uD83D\uDE00\uD83D\uDE03\uD83D\uDE04 smile \uD83D\uDE01!");
        m.put("emoji ZWJ family", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 family");
        m.put("emoji skin tones", "\uD83D\uDC4D\uD83C\uDFFB\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC4D\uD83C\uDFFF");
        m.put("emoji flags", "\uD83C\uDDFA\uD83C\uDDF8\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDEF\uD83C\uDDF5");
        m.put("emoji keycaps and variation", "1\uFE0F\u20E3 #\uFE0F\u20E3 \u2764\uFE0F \u263A\uFE0E");
        m.put("mixed scripts", "English \u0420\u0443\u0441\u0441\u043A\u0438\u0439 \u0395\u03BB\u03BB\u03B7\u03BD\u03B9\u03BA\u03AC "
                + "\u4E2D\u6587\u5B57 \u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8 \uD55C\uAD6D\uC5B4 "
                + "\u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u05E2\u05D1\u05E8\u05D9\u05EA \u0939\u093F\u0928\u094D\u0926\u0940 "
                + "\u0E44\u0E17\u0E22");
        m.put("scripts without spaces", "\u4ECA\u65E5\u306F\u3044\u3044\u5929\u6C17\u3067\u3059\u306D\u3002\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35\u0E04\u0E23\u0E31\u0E1A");
        m.put("combining marks", "e\u0301 a\u0300\u0301\u0302 \u1EC7 n\u0303o Z\u0351\u0352\u0353\u0354");
        m.put("case and letters", "\u01C5\u01C6 \u1F88 \u00DF\u1E9E \u0130\u0131 \u017F\u212A");
        m.put("supplementary letters", "\uD835\uDC00\uD835\uDC01 \uD801\uDC00\uD801\uDC28 \uD840\uDC00\uD840\uDC01");
        m.put("punctuation runs", "Wait...what?!?! (yes) [no] {maybe} <tag/> \u201Cquoted\u201D \u00AB\u00BB \u2014 \u2026");
        m.put("symbols", "\u20AC100 $5 \u00A3 \u00A5 \u00A9\u00AE\u2122 \u00B1\u00D7\u00F7 \u221E\u2211 //\\\\ ~~ ^^");
        m.put("code", "for (int i = 0; i < n; i++) {\n\tsum += a[i]; // add\r\n}\n");
        m.put("url and email", "https://example.com/a/b?c=d&e=f#g mailto:someone@example.org");
        m.put("long word", "pneumonoultramicroscopicsilicovolcanoconiosis".repeat(50));
        m.put("long run of one letter", "a".repeat(5_000));
        m.put("long run of a multibyte char", "\u00E9".repeat(3_000));
        m.put("long digit run", "9".repeat(3_001));
        m.put("special token text", "<|endoftext|> and <|fim_prefix|> <|endofprompt|>");
        m.put("control characters", "a\u0000b\u0001c\u001Fd\u007Fe\u0080f");
        m.put("BOM and zero width", "\uFEFFstart\u200Bzero\u200Cwidth\u200Djoin");
        return java.util.Collections.unmodifiableMap(m);
    }
}
