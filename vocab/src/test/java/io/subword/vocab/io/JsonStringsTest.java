package io.subword.vocab.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonStringsTest {

    /** Input, then the JSON text Jackson writes and the one serde_json writes (Java string literals). */
    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("hello", "\"hello\"", "\"hello\""),
                Arguments.of("", "\"\"", "\"\""),
                Arguments.of("a\"b\\c", "\"a\\\"b\\\\c\"", "\"a\\\"b\\\\c\""),
                Arguments.of("\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"", "\"\\b\\t\\n\\f\\r\""),
                Arguments.of("\u0001x\u001f", "\"\\u0001x\\u001F\"", "\"\\u0001x\\u001f\""),
                Arguments.of("\u001b[0m", "\"\\u001B[0m\"", "\"\\u001b[0m\""),
                Arguments.of("\u007f\u00e9\ud83d\ude00", "\"\u007f\u00e9\ud83d\ude00\"", "\"\u007f\u00e9\ud83d\ude00\""));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void escapesLikeJacksonAndSerde(String input, String jackson, String serde) throws IOException {
        StringWriter j = new StringWriter();
        JsonStrings.writeJackson(input, j);
        assertEquals(jackson, j.toString(), "Jackson");
        StringWriter s = new StringWriter();
        JsonStrings.writeSerde(input, s);
        assertEquals(serde, s.toString(), "serde_json");
    }
}
