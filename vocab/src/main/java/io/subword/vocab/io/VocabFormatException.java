package io.subword.vocab.io;

import java.nio.file.Path;

/**
 * The old name of {@link InputFormatException}, from when only vocabulary files threw it. Nothing in this project
 * throws it any more; it stays for one release so that code written against the old name still compiles.
 * Catch {@link InputFormatException}: this subclass does not catch what the library throws.
 *
 * @deprecated use {@link InputFormatException}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public class VocabFormatException extends InputFormatException {
    private static final long serialVersionUID = 1L;

    public VocabFormatException(Path file, String place, String problem) {
        super(file, place, problem);
    }

    public VocabFormatException(Path file, String place, String problem, Throwable cause) {
        super(file, place, problem, cause);
    }

    /** An error at a line, counted from 1. */
    public static VocabFormatException atLine(Path file, long line, String problem) {
        return new VocabFormatException(file, "line " + line, problem);
    }
}
