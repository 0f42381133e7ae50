package io.subword.cli;

import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorHandlerTest {
    @Test
    void messagesNameTheFileAndTheProblemWithoutTheExceptionClass() {
        assertEquals("v.txt, line 3: duplicate token", ErrorHandler.message(
                InputFormatException.atLine(Path.of("v.txt"), 3, "duplicate token")));
        assertEquals("a.txt: no such file", ErrorHandler.message(new NoSuchFileException("a.txt")));
        assertEquals("a.txt: no such file",
                ErrorHandler.message(new UncheckedIOException(new NoSuchFileException("a.txt"))));
        assertEquals("a.txt: permission denied", ErrorHandler.message(new AccessDeniedException("a.txt")));
        assertEquals("a.txt: file already exists", ErrorHandler.message(new FileAlreadyExistsException("a.txt")));
        assertEquals("id 99 is not in the vocabulary",
                ErrorHandler.message(new IllegalArgumentException("id 99 is not in the vocabulary")));
        assertEquals("disk full", ErrorHandler.message(new IOException("disk full")));
        assertEquals("io exception", ErrorHandler.message(new IOException()));
        assertEquals("internal error: java.lang.IllegalStateException: oops (run with --verbose for the stack trace)",
                ErrorHandler.message(new IllegalStateException("oops")));
    }
}
