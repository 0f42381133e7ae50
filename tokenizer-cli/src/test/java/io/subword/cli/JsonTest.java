package io.subword.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {
    /** Input and JSON text, with {@code <XXXX>} standing for the char U+XXXX in the input. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            hello          | "hello"
            ``             | ""
            a"b            | "a\\"b"
            a\\b           | "a\\\\b"
            <000a><0009>   | "\\n\\t"
            <0001><001f>   | "\\u0001\\u001f"
            <2028>         | "\\u2028"
            <00e9><d83d><de00> | "é😀"
            <d83d>x        | "\\ud83dx"
            x<de00>        | "x\\ude00"
            """)
    void escapes(String input, String expected) throws Exception {
        String s = decode(input);
        String json = Json.string(new StringBuilder(), s).toString();
        assertEquals(expected, json);
        if (!expected.contains("\\ud83dx") && !expected.contains("\\ude00")) {
            assertEquals(s, new ObjectMapper().readValue(json, String.class), "round trip");
        }
    }

    private static String decode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '<' && i + 5 < s.length() && s.charAt(i + 5) == '>') {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
