package io.subword.train;

import io.subword.vocab.io.VocabFormatException;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

final class VocabFormatExceptionAssert {
    private VocabFormatExceptionAssert() {
    }

    static void assertMessage(String expected, Executable code) {
        assertEquals(expected, assertThrows(VocabFormatException.class, code).getMessage());
    }
}
