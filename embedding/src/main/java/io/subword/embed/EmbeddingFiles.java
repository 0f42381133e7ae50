package io.subword.embed;

import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.Utf8Lines;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes embedding tables in the formats other tools read: word2vec text ({@code .vec}), word2vec
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
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile("(\\d{1,10}) (\\d{1,10})");
    private static final Pattern NPY_DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern NPY_FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern NPY_SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

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
            case WORD2VEC_TEXT -> writeText(file, tokens, table);
            case WORD2VEC_BINARY -> writeBinary(file, tokens, table);
            case NPY -> writeNpy(file, tokenListFor(file), tokens, table);
        }
    }

    /** Reads a file in {@code format}; for {@link EmbeddingFormat#NPY} the tokens come from {@link #tokenListFor}. */
    public static TokenEmbeddings read(Path file, EmbeddingFormat format) throws InputFormatException, IOException {
        return switch (format) {
            case WORD2VEC_TEXT -> readText(file);
            case WORD2VEC_BINARY -> readBinary(file);
            case NPY -> readNpy(file, tokenListFor(file));
        };
    }

    /** The token list that goes with a {@code .npy}: {@code name.npy} -> {@code name.vocab.txt} in the same folder. */
    public static Path tokenListFor(Path npy) {
        String name = npy.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".npy")
                ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(stem + ".vocab.txt");
    }

    // ---------------------------------------------------------------- word2vec text

    /**
     * Writes the word2vec text format: a header line {@code "<rows> <dim>"}, then per row the escaped token and
     * the {@code dim} values separated by single spaces, each value as {@link Float#toString(float)} (the
     * shortest decimal that reads back to the same float, so the round trip is exact).
     */
    public static void writeText(Path file, List<String> tokens, EmbeddingTable table) throws IOException {
        String[] escaped = escapedTokens(tokens, table);
        int dim = table.dim();
        float[] data = table.data();
        AtomicFiles.writeText(file, w -> {
            w.write(table.rows() + " " + dim + "\n");
            StringBuilder line = new StringBuilder(16 * dim);
            for (int r = 0; r < escaped.length; r++) {
                line.setLength(0);
                line.append(escaped[r]);
                int base = r * dim;
                for (int j = 0; j < dim; j++) {
                    line.append(' ').append(data[base + j]);
                }
                line.append('\n');
                w.append(line);
            }
        });
    }

    /**
     * Reads the word2vec text format. Values on a row are separated by one or more spaces; trailing spaces and a
     * CR before the newline are ignored, as are blank lines after the last row.
     */
    public static TokenEmbeddings readText(Path file) throws InputFormatException, IOException {
        List<String> lines = Utf8Lines.read(file);
        if (lines.isEmpty()) {
            throw InputFormatException.atLine(file, 1, "the file is empty; expected a \"<rows> <dim>\" header");
        }
        int[] shape = parseHeader(file, "line 1", stripEnd(lines.get(0)));
        int rows = shape[0];
        int dim = shape[1];
        float[] data = new float[checkedSize(file, "line 1", rows, dim)];
        List<String> tokens = new ArrayList<>(rows);
        int lineCount = lines.size();
        while (lineCount > 1 && stripEnd(lines.get(lineCount - 1)).isEmpty()) {
            lineCount--;
        }
        for (int r = 0; r < rows; r++) {
            int lineNo = r + 2;
            if (lineNo > lineCount) {
                throw InputFormatException.atLine(file, lineNo, "the file ends after " + r + " of " + rows
                        + " rows");
            }
            String line = stripEnd(lines.get(lineNo - 1));
            int space = line.indexOf(' ');
            if (space == 0 || line.isEmpty()) {
                throw InputFormatException.atLine(file, lineNo, "row " + (r + 1) + " has an empty token");
            }
            if (space < 0) {
                throw InputFormatException.atLine(file, lineNo, "row " + (r + 1) + " has 0 values, the header says "
                        + dim);
            }
            tokens.add(unescape(file, "line " + lineNo, r, line.substring(0, space)));
            int base = r * dim;
            int found = 0;
            int at = space;
            int n = line.length();
            while (at < n) {
                while (at < n && line.charAt(at) == ' ') {
                    at++;
                }
                if (at == n) {
                    break;
                }
                int end = line.indexOf(' ', at);
                if (end < 0) {
                    end = n;
                }
                if (found < dim) {
                    data[base + found] = parseFloat(file, lineNo, r, found, line.substring(at, end));
                }
                found++;
                at = end;
            }
            if (found != dim) {
                throw InputFormatException.atLine(file, lineNo, "row " + (r + 1) + " has " + found
                        + " values, the header says " + dim);
            }
        }
        if (lineCount > rows + 1) {
            throw InputFormatException.atLine(file, rows + 2, "more rows than the header's " + rows);
        }
        return new TokenEmbeddings(tokens, EmbeddingTable.wrap(rows, dim, data));
    }

    private static float parseFloat(Path file, int lineNo, int row, int index, String text)
            throws InputFormatException {
        char last = text.charAt(text.length() - 1);
        // Float.parseFloat also takes Java suffixes (1f, 2d) and hex floats; no word2vec writer produces those.
        if (last == 'f' || last == 'F' || last == 'd' || last == 'D' || text.indexOf('x') >= 0
                || text.indexOf('X') >= 0) {
            throw notANumber(file, lineNo, row, index, text);
        }
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw notANumber(file, lineNo, row, index, text);
        }
    }

    private static InputFormatException notANumber(Path file, int lineNo, int row, int index, String text) {
        return InputFormatException.atLine(file, lineNo, "row " + (row + 1) + ", value " + (index + 1)
                + " is not a number: " + Vocabulary.quote(text));
    }

    private static String stripEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static int[] parseHeader(Path file, String place, String header) throws InputFormatException {
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

    private static int checkedSize(Path file, String place, long rows, long dim) throws InputFormatException {
        if (rows * dim > Integer.MAX_VALUE - 8) {
            throw new InputFormatException(file, place, "a " + rows + " x " + dim
                    + " table does not fit in one array");
        }
        return (int) (rows * dim);
    }

    private static String unescape(Path file, String place, int row, String raw) throws InputFormatException {
        try {
            return TokenEscaping.unescape(raw);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, place, "row " + (row + 1) + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- word2vec binary

    /**
     * Writes the word2vec binary format: the ASCII header {@code "<rows> <dim>\n"}, then per row the escaped token
     * in UTF-8, one space, {@code dim} little-endian IEEE 754 float32 and a newline (word2vec's and gensim's
     * layout; gensim's reader skips the newline as the start of the next token).
     */
    public static void writeBinary(Path file, List<String> tokens, EmbeddingTable table) throws IOException {
        String[] escaped = escapedTokens(tokens, table);
        int dim = table.dim();
        float[] data = table.data();
        AtomicFiles.write(file, out -> {
            out.write((table.rows() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < escaped.length; r++) {
                out.write(escaped[r].getBytes(StandardCharsets.UTF_8));
                out.write(' ');
                row.clear();
                row.asFloatBuffer().put(data, r * dim, dim);
                out.write(row.array(), 0, 4 * dim);
                out.write('\n');
            }
        });
    }

    /**
     * Reads the word2vec binary format as gensim does: a token is the bytes up to the next space (newlines before
     * it are skipped), followed by {@code dim} little-endian float32. After the last row only newlines may
     * follow.
     */
    public static TokenEmbeddings readBinary(Path file) throws InputFormatException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        int headerEnd = 0;
        while (headerEnd < bytes.length && headerEnd < 64 && bytes[headerEnd] != '\n') {
            headerEnd++;
        }
        String header = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
        if (headerEnd == bytes.length || bytes[headerEnd] != '\n') {
            throw new InputFormatException(file, "byte 0", "the header must be \"<rows> <dim>\" and a newline, found "
                    + Vocabulary.quote(header));
        }
        int[] shape = parseHeader(file, "byte 0", stripEnd(header));
        int rows = shape[0];
        int dim = shape[1];
        float[] data = new float[checkedSize(file, "byte 0", rows, dim)];
        List<String> tokens = new ArrayList<>(rows);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = headerEnd + 1;
        int vectorBytes = 4 * dim;
        for (int r = 0; r < rows; r++) {
            while (at < bytes.length && bytes[at] == '\n') {
                at++;
            }
            String place = "row " + (r + 1) + " (byte " + at + ")";
            if (at == bytes.length) {
                throw new InputFormatException(file, place, "the file ends after " + r + " of " + rows + " rows");
            }
            int space = at;
            while (space < bytes.length && bytes[space] != ' ') {
                space++;
            }
            if (space == bytes.length) {
                throw new InputFormatException(file, place, "the file ends inside the token");
            }
            if (space == at) {
                throw new InputFormatException(file, place, "empty token");
            }
            String raw;
            try {
                raw = utf8.decode(ByteBuffer.wrap(bytes, at, space - at)).toString();
            } catch (CharacterCodingException e) {
                throw new InputFormatException(file, place, "the token is not valid UTF-8", e);
            }
            tokens.add(unescape(file, place, r, raw));
            int vectorAt = space + 1;
            int left = bytes.length - vectorAt;
            if (left < vectorBytes) {
                throw new InputFormatException(file, place, "the file ends inside the vector: " + left + " of "
                        + vectorBytes + " bytes");
            }
            le.position(vectorAt);
            le.asFloatBuffer().get(data, r * dim, dim);
            at = vectorAt + vectorBytes;
        }
        while (at < bytes.length && bytes[at] == '\n') {
            at++;
        }
        if (at != bytes.length) {
            throw new InputFormatException(file, "byte " + at, (bytes.length - at) + " bytes after the last of "
                    + rows + " rows");
        }
        return new TokenEmbeddings(tokens, EmbeddingTable.wrap(rows, dim, data));
    }

    // ---------------------------------------------------------------- NumPy .npy

    /**
     * Writes {@code table} as a NumPy {@code .npy}, format version 1.0: the magic {@code \x93NUMPY}, version bytes
     * 1 and 0, a little-endian uint16 header length, the header
     * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, dim), }} padded with spaces and ended by
     * {@code '\n'} so that the data starts at a multiple of 64 bytes, then the rows as little-endian float32.
     * {@code numpy.load} reads it as a {@code float32} array of shape {@code (rows, dim)}.
     */
    public static void writeNpy(Path npy, EmbeddingTable table) throws IOException {
        AtomicFiles.write(npy, out -> writeNpy(out, table));
    }

    /**
     * Writes the matrix to {@code npy} and its row tokens, escaped, one per line, to {@code tokenList} (each file
     * atomically; the token list first).
     */
    public static void writeNpy(Path npy, Path tokenList, List<String> tokens, EmbeddingTable table)
            throws IOException {
        writeTokenList(tokenList, tokens, table);
        writeNpy(npy, table);
    }

    static byte[] npyHeader(int rows, int dim) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + dim + "), }";
        int prefix = NPY_MAGIC.length + 2 + 2;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(padded - prefix).append(dict);
        header.append(" ".repeat(padded - total)).append('\n');
        int headerLen = header.length();
        if (headerLen > 0xFFFF) {
            throw new IllegalStateException("npy header too long: " + headerLen);
        }
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NPY_MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLen);
        b.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        assert b.position() == padded && padded % 64 == 0;
        return b.array();
    }

    private static void writeNpy(OutputStream out, EmbeddingTable table) throws IOException {
        out.write(npyHeader(table.rows(), table.dim()));
        float[] data = table.data();
        int chunk = 1 << 14;
        ByteBuffer buf = ByteBuffer.allocate(4 * chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < data.length; from += chunk) {
            int n = Math.min(chunk, data.length - from);
            buf.clear();
            buf.asFloatBuffer().put(data, from, n);
            out.write(buf.array(), 0, 4 * n);
        }
    }

    /**
     * Reads a {@code .npy} that holds a 2-dimensional little-endian {@code float32} C-order array (format
     * versions 1.0, 2.0 and 3.0).
     */
    public static EmbeddingTable readNpy(Path npy) throws InputFormatException, IOException {
        byte[] bytes = Files.readAllBytes(npy);
        if (bytes.length < 10 || !java.util.Arrays.equals(bytes, 0, 6, NPY_MAGIC, 0, 6)) {
            throw new InputFormatException(npy, "byte 0", "not a .npy file (the magic \\x93NUMPY is missing)");
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerAt;
        if (major == 1) {
            headerLen = le.getShort(8) & 0xFFFF;
            headerAt = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new InputFormatException(npy, "byte 8", "the file ends inside the header length");
            }
            headerLen = le.getInt(8) & 0xFFFFFFFFL;
            headerAt = 12;
        } else {
            throw new InputFormatException(npy, "byte 6", "unsupported .npy format version " + major + "." + minor);
        }
        if (headerAt + headerLen > bytes.length) {
            throw new InputFormatException(npy, "byte " + headerAt, "the header of " + headerLen
                    + " bytes runs past the end of the file (" + bytes.length + " bytes)");
        }
        String header = new String(bytes, headerAt, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = NPY_DESCR.matcher(header);
        Matcher fortran = NPY_FORTRAN.matcher(header);
        Matcher shape = NPY_SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new InputFormatException(npy, "header", "expected a dict with 'descr', 'fortran_order' and 'shape',"
                    + " found " + Vocabulary.quote(header.strip()));
        }
        String dtype = descr.group(1);
        if (!dtype.equals("<f4")) {
            throw new InputFormatException(npy, "header", "dtype '" + dtype
                    + "' is not supported; expected '<f4' (little-endian float32)");
        }
        if (fortran.group(1).equals("True")) {
            throw new InputFormatException(npy, "header", "fortran_order True is not supported; expected C order");
        }
        String[] dims = shape.group(1).split(",");
        List<Long> sizes = new ArrayList<>();
        for (String d : dims) {
            String s = d.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                sizes.add(Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s));
            } catch (NumberFormatException e) {
                throw new InputFormatException(npy, "header", "shape (" + shape.group(1) + ") is not a tuple of"
                        + " integers");
            }
        }
        if (sizes.size() != 2) {
            throw new InputFormatException(npy, "header", "shape (" + shape.group(1)
                    + ") must have 2 dimensions (rows, dim)");
        }
        long rows = sizes.get(0);
        long dim = sizes.get(1);
        if (dim < 1 || rows > Integer.MAX_VALUE || dim > Integer.MAX_VALUE) {
            throw new InputFormatException(npy, "header", "shape (" + rows + ", " + dim
                    + ") is not a table (dim must be at least 1)");
        }
        int size = checkedSize(npy, "header", rows, dim);
        long dataAt = headerAt + headerLen;
        long have = bytes.length - dataAt;
        if (have != 4L * size) {
            throw new InputFormatException(npy, "byte " + dataAt, "the data has " + have + " bytes, but shape ("
                    + rows + ", " + dim + ") of float32 needs " + 4L * size);
        }
        float[] data = new float[size];
        le.position((int) dataAt);
        le.asFloatBuffer().get(data);
        return EmbeddingTable.wrap((int) rows, (int) dim, data);
    }

    /** Reads a {@code .npy} matrix and its token list; the list must have one token per row. */
    public static TokenEmbeddings readNpy(Path npy, Path tokenList) throws InputFormatException, IOException {
        EmbeddingTable table = readNpy(npy);
        List<String> tokens = readTokenList(tokenList);
        if (tokens.size() != table.rows()) {
            throw new InputFormatException(tokenList, null, "has " + tokens.size() + " tokens, but " + npy
                    + " has " + table.rows() + " rows");
        }
        return new TokenEmbeddings(tokens, table);
    }

    // ---------------------------------------------------------------- token list

    /** Writes the tokens of the rows, escaped by {@link TokenEscaping}, one per line. */
    public static void writeTokenList(Path file, List<String> tokens, EmbeddingTable table) throws IOException {
        String[] escaped = escapedTokens(tokens, table);
        AtomicFiles.writeText(file, w -> {
            for (String token : escaped) {
                w.write(token);
                w.write('\n');
            }
        });
    }

    /** Reads a token list written by {@link #writeTokenList}: one escaped token per line, no blank line. */
    public static List<String> readTokenList(Path file) throws InputFormatException, IOException {
        List<String> lines = Utf8Lines.read(file);
        List<String> tokens = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw InputFormatException.atLine(file, i + 1, "empty token");
            }
            tokens.add(unescape(file, "line " + (i + 1), i, line));
        }
        return tokens;
    }

    private static String[] escapedTokens(List<String> tokens, EmbeddingTable table) {
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
