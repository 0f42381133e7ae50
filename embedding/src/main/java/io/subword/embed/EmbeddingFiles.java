package io.subword.embed;

import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes embedding tables in the formats other tools read, one class per format ({@link Word2VecText},
 * {@link Word2VecBinary}, {@link NpyFile} with its {@link TokenList}), chosen here by {@link EmbeddingFormat}: word2vec text ({@code .vec}), word2vec
 * binary ({@code .bin}, what gensim's {@code KeyedVectors.load_word2vec_format(binary=True)} and word2vec's
 * {@code distance} read) and NumPy {@code .npy} with a token list beside it.
 *
 * <p>Every writer writes to a temporary file and moves it into place ({@link AtomicFiles}), so a crash leaves
 * the old file or none. Every reader is strict: a truncated or malformed file is a {@link InputFormatException}
 * naming the file and the place (line and row, or row and byte offset, or the {@code .npy} header), and floats
 * read back are bit-identical to those written.
 *
 * <p>Tokens are written escaped by {@link TokenEscaping} (a backslash, space, tab, newline, other control
 * characters, U+2028/U+2029 and lone surrogates become Java-style escapes such as {@code \\}, {@code \s},
 * {@code \t}, {@code \n}, {@code \}{@code u0085}); other text, non-ASCII included, is plain UTF-8.
 * Readers unescape them. An empty token cannot be written.
 */
public final class EmbeddingFiles {
    private static final Pattern HEADER = Pattern.compile("(\\d{1,10}) (\\d{1,10})");

    private EmbeddingFiles() {
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * Writes {@code table} with its row tokens in {@code format}; for {@link EmbeddingFormat#NPY} the tokens go
     * to {@link #tokenListFor(Path)}.
     */
    public static void write(Path file, EmbeddingFormat format, List<String> tokens, EmbeddingTable table)
            throws IOException {
        switch (format) {
            case WORD2VEC_TEXT -> Word2VecText.write(file, tokens, table);
            case WORD2VEC_BINARY -> Word2VecBinary.write(file, tokens, table);
            case NPY -> NpyFile.write(file, tokenListFor(file), tokens, table);
        }
    }

    /** Reads a file in {@code format}; for {@link EmbeddingFormat#NPY} the tokens come from {@link #tokenListFor}. */
    public static TokenEmbeddings read(Path file, EmbeddingFormat format) throws InputFormatException, IOException {
        return switch (format) {
            case WORD2VEC_TEXT -> Word2VecText.read(file);
            case WORD2VEC_BINARY -> Word2VecBinary.read(file);
            case NPY -> NpyFile.read(file, tokenListFor(file));
        };
    }

    /** The token list that goes with a {@code .npy}: {@code name.npy} -> {@code name.vocab.txt} in the same folder. */
    public static Path tokenListFor(Path npy) {
        String name = npy.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".npy")
                ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(stem + ".vocab.txt");
    }

    // ---------------------------------------------------------------- shared by the formats

    static String stripEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    static int[] parseHeader(Path file, String place, String header) throws InputFormatException {
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new InputFormatException(file, place, "the header must be \"<rows> <dim>\", found "
                    + Vocabulary.quote(header));
        }
        long rows = Long.parseLong(m.group(1));
        long dim = Long.parseLong(m.group(2));
        if (dim < 1 || rows > Integer.MAX_VALUE || dim > Integer.MAX_VALUE) {
            throw new InputFormatException(file, place, "the header's shape " + rows + " x " + dim
                    + " is not a table (dim must be at least 1)");
        }
        return new int[] {(int) rows, (int) dim};
    }

    static int checkedSize(Path file, String place, long rows, long dim) throws InputFormatException {
        if (rows * dim > Integer.MAX_VALUE - 8) {
            throw new InputFormatException(file, place, "a " + rows + " x " + dim
                    + " table does not fit in one array");
        }
        return (int) (rows * dim);
    }

    static String unescape(Path file, String place, int row, String raw) throws InputFormatException {
        try {
            return TokenEscaping.unescape(raw);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, place, "row " + (row + 1) + ": " + e.getMessage());
        }
    }

    static String[] escapedTokens(List<String> tokens, EmbeddingTable table) {
        if (tokens.size() != table.rows()) {
            throw new IllegalArgumentException(tokens.size() + " tokens for a table of " + table.rows() + " rows");
        }
        String[] escaped = new String[tokens.size()];
        for (int r = 0; r < escaped.length; r++) {
            String token = tokens.get(r);
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("row " + r + " has " + (token == null ? "no" : "an empty")
                        + " token; embedding files need one per row");
            }
            escaped[r] = TokenEscaping.escape(token);
        }
        return escaped;
    }
}
