package io.subword.embed;

import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenEscapingTest {

    /** Token (written with Java escapes in the table, unescaped by the test) and what the file holds. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "amigos                | amigos",
            "##ção                 | ##ção",
            "日本                   | 日本",
            "`a\\u0020b`           | a\\sb",
            "`\\u0020`             | \\s",
            "a\\tb                 | a\\tb",
            "line\\nbreak          | line\\nbreak",
            "cr\\rlf\\n            | cr\\rlf\\n",
            "back\\\\slash         | back\\\\slash",
            "\\\\s                 | \\\\s",
            "ff\\f bs\\b           | ff\\f\\sbs\\b",
            "nul\\u0000            | nul\\u0000",
            "del\\u007f            | del\\u007f",
            "nel\\u0085            | nel\\u0085",
            "ls\\u2028ps\\u2029    | ls\\u2028ps\\u2029",
            "lone\\ud800           | lone\\ud800",
            "rev\\udc00\\ud800     | rev\\udc00\\ud800",
            "quote\"'              | quote\"'",
    })
    void escapesWhatBreaksARow(String tokenWithJavaEscapes, String fileLiteral) {
        String token = StringEscapeUtils.unescapeJava(tokenWithJavaEscapes);
        assertEquals(fileLiteral, TokenEscaping.escape(token));
        assertEquals(token, TokenEscaping.unescape(TokenEscaping.escape(token)));
    }

    @Test
    void otherTextIsWrittenAsItself() {
        for (String token : new String[] {"emoji\ud83d\ude00", "nbsp\u00a0", "\u3000ideographic", "inimagináveis"}) {
            assertEquals(token, TokenEscaping.escape(token));
        }
    }

    @Test
    void escapedTokensHaveNoSpaceNoControlCharAndRoundTrip() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(1, 8);
            for (int i = 0; i < len; i++) {
                sb.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0, 0x100);
                    case 1 -> (char) random.nextInt(0xD7F0, 0xE010);
                    case 2 -> "\\ \t\n\ru".charAt(random.nextInt(6));
                    default -> (char) random.nextInt(0x10000);
                });
            }
            String token = sb.toString();
            String escaped = TokenEscaping.escape(token);
            for (int i = 0; i < escaped.length(); i++) {
                char c = escaped.charAt(i);
                if (c <= 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                    throw new AssertionError("escape(" + token + ") = " + escaped + " holds U+" + (int) c);
                }
            }
            // Well-formed UTF-16, so the UTF-8 round trip through a file is lossless.
            assertEquals(escaped, new String(escaped.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(token, TokenEscaping.unescape(escaped));
            if (token.indexOf(' ') < 0) {
                // Without \s, the escapes are those Commons Text's unescapeJava reads.
                assertEquals(token, StringEscapeUtils.unescapeJava(escaped));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a\\q       | unknown escape \\q in \"a\\u005cq\"",
            "a\\        | backslash at the end of \"a\\u005c\"",
            "\\u12      | \\u needs 4 hex digits in \"\\u005cu12\"",
            "\\u12g4    | \\u needs 4 hex digits in \"\\u005cu12g4\"",
    })
    void rejectsEscapesOutsideTheRule(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> TokenEscaping.unescape(text)).getMessage());
    }
}
