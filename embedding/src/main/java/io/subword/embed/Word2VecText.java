package io.subword.embed;

import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.Utf8Lines;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The word2vec text format ({@code .vec}); see {@link EmbeddingFiles} for what all embedding files share. */
public final class Word2VecText {
    private Word2VecText() {
    }

    /**
     * Writes the word2vec text format: a header line {@code "<rows> <dim>"}, then per row the escaped token and
     * the {@code dim} values separated by single spaces, each value as {@link Float#toString(float)} (the
     * shortest decimal that reads back to the same float, so the round trip is exact).
     */
    public static void write(Path file, List<String> tokens, EmbeddingTable table) throws IOException {
        String[] escaped = EmbeddingFiles.escapedTokens(tokens, table);
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
    public static TokenEmbeddings read(Path file) throws InputFormatException, IOException {
        List<String> lines = Utf8Lines.read(file);
        if (lines.isEmpty()) {
            throw InputFormatException.atLine(file, 1, "the file is empty; expected a \"<rows> <dim>\" header");
        }
        int[] shape = EmbeddingFiles.parseHeader(file, "line 1", EmbeddingFiles.stripEnd(lines.get(0)));
        int rows = shape[0];
        int dim = shape[1];
        float[] data = new float[EmbeddingFiles.checkedSize(file, "line 1", rows, dim)];
        List<String> tokens = new ArrayList<>(rows);
        int lineCount = lines.size();
        while (lineCount > 1 && EmbeddingFiles.stripEnd(lines.get(lineCount - 1)).isEmpty()) {
            lineCount--;
        }
        for (int r = 0; r < rows; r++) {
            int lineNo = r + 2;
            if (lineNo > lineCount) {
                throw InputFormatException.atLine(file, lineNo, "the file ends after " + r + " of " + rows
                        + " rows");
            }
            String line = EmbeddingFiles.stripEnd(lines.get(lineNo - 1));
            int space = line.indexOf(' ');
            if (space == 0 || line.isEmpty()) {
                throw InputFormatException.atLine(file, lineNo, "row " + (r + 1) + " has an empty token");
            }
            if (space < 0) {
                throw InputFormatException.atLine(file, lineNo, "row " + (r + 1) + " has 0 values, the header says "
                        + dim);
            }
            tokens.add(EmbeddingFiles.unescape(file, "line " + lineNo, r, line.substring(0, space)));
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
}
