package io.subword.embed;

import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.Utf8Lines;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tokens of the rows of a table, escaped by {@link TokenEscaping}, one per line (the list beside a {@code .npy}). */
public final class TokenList {
    private TokenList() {
    }

    /** Writes the tokens of the rows, escaped by {@link TokenEscaping}, one per line. */
    public static void write(Path file, List<String> tokens, EmbeddingTable table) throws IOException {
        String[] escaped = EmbeddingFiles.escapedTokens(tokens, table);
        AtomicFiles.writeText(file, w -> {
            for (String token : escaped) {
                w.write(token);
                w.write('\n');
            }
        });
    }

    /** Reads a token list written by {@link #write}: one escaped token per line, no blank line. */
    public static List<String> read(Path file) throws InputFormatException, IOException {
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
            tokens.add(EmbeddingFiles.unescape(file, "line " + (i + 1), i, line));
        }
        return tokens;
    }
}
