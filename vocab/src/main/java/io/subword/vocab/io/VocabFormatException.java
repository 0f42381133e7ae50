package io.subword.vocab.io;

import java.nio.file.Path;

/**
 * A vocabulary, merges, ranks or tokenizer file that cannot be read as its format says. The message names
 * the file and the place (a line, a byte offset or a JSON path), so a person can go and fix it.
 */
public class VocabFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String place;

    /**
     * @param file  the file, or {@code null} for a stream without a name
     * @param place where in the file: {@code "line 12"}, {@code "byte 4096"}, {@code "$.model.vocab"}
     * @param problem what is wrong there
     */
    public VocabFormatException(Path file, String place, String problem) {
        this(file, place, problem, null);
    }

    public VocabFormatException(Path file, String place, String problem, Throwable cause) {
        super(describe(file, place, problem), cause);
        this.file = file;
        this.place = place;
    }

    /** An error at a line, counted from 1. */
    public static VocabFormatException atLine(Path file, long line, String problem) {
        return new VocabFormatException(file, "line " + line, problem);
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
