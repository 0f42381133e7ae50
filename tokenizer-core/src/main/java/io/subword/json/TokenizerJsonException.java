package io.subword.json;

import io.subword.vocab.io.InputFormatException;

import java.nio.file.Path;

/**
 * A {@code tokenizer.json} that cannot be read: malformed JSON (the place is {@code line L, column C}), a
 * missing field, a value of the wrong JSON type, or a component type this library does not know (the place
 * is a JSON path such as {@code $.pre_tokenizer.type}).
 */
public class TokenizerJsonException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    public TokenizerJsonException(Path file, String place, String problem) {
        super(file, place, problem);
    }

    public TokenizerJsonException(Path file, String place, String problem, Throwable cause) {
        super(file, place, problem, cause);
    }
}
