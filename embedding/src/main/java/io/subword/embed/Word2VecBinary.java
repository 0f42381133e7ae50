package io.subword.embed;

import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
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

/**
 * The word2vec binary format ({@code .bin}), what gensim's {@code KeyedVectors.load_word2vec_format(binary=True)} and
 * word2vec's {@code distance} read; see {@link EmbeddingFiles} for what all embedding files share.
 */
public final class Word2VecBinary {
    private Word2VecBinary() {
    }

    /**
     * Writes the word2vec binary format: the ASCII header {@code "<rows> <dim>\n"}, then per row the escaped token
     * in UTF-8, one space, {@code dim} little-endian IEEE 754 float32 and a newline (word2vec's and gensim's
     * layout; gensim's reader skips the newline as the start of the next token).
     */
    public static void write(Path file, List<String> tokens, EmbeddingTable table) throws IOException {
        String[] escaped = EmbeddingFiles.escapedTokens(tokens, table);
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
    public static TokenEmbeddings read(Path file) throws InputFormatException, IOException {
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
        int[] shape = EmbeddingFiles.parseHeader(file, "byte 0", EmbeddingFiles.stripEnd(header));
        int rows = shape[0];
        int dim = shape[1];
        float[] data = new float[EmbeddingFiles.checkedSize(file, "byte 0", rows, dim)];
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
            tokens.add(EmbeddingFiles.unescape(file, place, r, raw));
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
}
