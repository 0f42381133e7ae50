package io.subword.vocab.io;

import java.nio.file.Path;

/**
 * An input file that cannot be read as its format says: a vocabulary, merges, ranks or tokenizer file, an
 * embedding file, a corpus. The message names the file and the place (a line, a byte offset or a JSON path), so
 * a person can go and fix it. Every module throws this one checked exception for malformed input (the JSON
 * reader a subclass of it).
 */
public class InputFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String place;

    /**
     * @param file  the file, or {@code null} for a stream without a name
     * @param place where in the file: {@code "line 12"}, {@code "byte 4096"}, {@code "$.model.vocab"}
     * @param problem what is wrong there
     */
    public InputFormatException(Path file, String place, String problem) {
        this(file, place, problem, null);
    }

    public InputFormatException(Path file, String place, String problem, Throwable cause) {
        super(describe(file, place, problem), cause);
        this.file = file;
        this.place = place;
    }

    /** An error at a line, counted from 1. */
    public static InputFormatException atLine(Path file, long line, String problem) {
        return new InputFormatException(file, "line " + line, problem);
    }

    private static String describe(Path file, String place, String problem) {
        String where = file == null ? "<stream>" : file.toString();
        return place == null || place.isEmpty() ? where + ": " + problem : where + ", " + place + ": " + problem;
    }

    /** The file, or {@code null} for a stream. */
    public Path file() {
        return file;
    }

    /** Where in the file, e.g. {@code "line 12"}. */
    public String place() {
        return place;
    }
}
