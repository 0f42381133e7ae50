package io.subword.spark;

/**
 * A corpus file that is not valid UTF-8, found while a Spark task read it. The message names the file, the line
 * and the byte offset in the (decompressed) file, in the words of the one-machine
 * {@link io.subword.vocab.io.InputFormatException}: {@code FILE, line N: invalid UTF-8 at byte offset X (byte K of
 * the line)}. Unchecked, because it crosses Spark's task boundary; Spark reports it as the cause of the failed job
 * ({@link SparkJobs} prints its message alone).
 */
public final class CorpusFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public CorpusFormatException(String file, long line, String problem) {
        super(file + ", line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file, as a local path when it is one, else as a URI. */
    public String file() {
        return file;
    }

    /** The line, counted from 1. */
    public long line() {
        return line;
    }
}
