package io.subword.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JtokkitReferenceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "r50k_base   | hello world | 31373 995",
        "cl100k_base | hello world | 15339 1917",
    })
    void knownIds(String name, String text, String ids) {
        int[] expected = Arrays.stream(ids.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(expected, JtokkitReference.of(name).encodeOrdinary(text));
    }

    @ParameterizedTest
    @CsvSource({"r50k_base", "p50k_base", "cl100k_base", "o200k_base"})
    void decodeInvertsEncode(String name) {
        JtokkitReference ref = JtokkitReference.of(name);
        String text = "Ünïcödé text, 日本語 and emoji 👩‍💻 <|endoftext|>";
        int[] ids = ref.encodeOrdinary(text);
        assertEquals(text, ref.decode(ids));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), ref.decodeBytes(ids));
        assertEquals(name, ref.name());
    }

    @Test
    void encodeRefusesSpecialTokenText() {
        assertThrows(UnsupportedOperationException.class,
                () -> JtokkitReference.of("cl100k_base").encode("a <|endoftext|>"));
    }

    @Test
    void unknownNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> JtokkitReference.of("p50k_edit2"));
    }
}
