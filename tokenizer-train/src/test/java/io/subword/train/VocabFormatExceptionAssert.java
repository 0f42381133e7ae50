package io.subword.train;

import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class VocabFormatExceptionAssert {
    private VocabFormatExceptionAssert() {
    }

    static void assertMessage(String expected, Executable code) {
        assertEquals(expected, assertThrows(InputFormatException.class, code).getMessage());
    }
}
