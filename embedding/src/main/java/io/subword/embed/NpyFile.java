package io.subword.embed;

import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A NumPy {@code .npy} matrix of float32, with the tokens of its rows in a {@link TokenList} beside it. */
public final class NpyFile {
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern NPY_DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern NPY_FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern NPY_SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /**
     * Writes {@code table} as a NumPy {@code .npy}, format version 1.0: the magic {@code \x93NUMPY}, version bytes
     * 1 and 0, a little-endian uint16 header length, the header
     * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, dim), }} padded with spaces and ended by
     * {@code '\n'} so that the data starts at a multiple of 64 bytes, then the rows as little-endian float32.
     * {@code numpy.load} reads it as a {@code float32} array of shape {@code (rows, dim)}.
     */
    public static void write(Path npy, EmbeddingTable table) throws IOException {
        AtomicFiles.write(npy, out -> write(out, table));
    }

    /**
     * Writes the matrix to {@code npy} and its row tokens, escaped, one per line, to {@code tokenList} (each file
     * atomically; the token list first).
     */
    public static void write(Path npy, Path tokenList, List<String> tokens, EmbeddingTable table)
            throws IOException {
        TokenList.write(tokenList, tokens, table);
        write(npy, table);
    }

    static byte[] header(int rows, int dim) {
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

    private static void write(OutputStream out, EmbeddingTable table) throws IOException {
        out.write(header(table.rows(), table.dim()));
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
    public static EmbeddingTable read(Path npy) throws InputFormatException, IOException {
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
        int size = EmbeddingFiles.checkedSize(npy, "header", rows, dim);
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
    public static TokenEmbeddings read(Path npy, Path tokenList) throws InputFormatException, IOException {
        EmbeddingTable table = read(npy);
        List<String> tokens = TokenList.read(tokenList);
        if (tokens.size() != table.rows()) {
            throw new InputFormatException(tokenList, null, "has " + tokens.size() + " tokens, but " + npy
                    + " has " + table.rows() + " rows");
        }
        return new TokenEmbeddings(tokens, table);
    }
}
