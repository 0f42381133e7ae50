package io.subword.embed;

import java.util.List;
import java.util.Objects;

/**
 * Rows of an embedding file with their tokens: {@code tokens.get(r)} is the token of {@code table.row(r)}.
 *
 * @param tokens the token of each row, unescaped, in file order (immutable)
 * @param table  the vectors, one row per token
 */
public record TokenEmbeddings(List<String> tokens, EmbeddingTable table) {
    public TokenEmbeddings {
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(table, "table");
        if (tokens.size() != table.rows()) {
            throw new IllegalArgumentException(tokens.size() + " tokens for " + table.rows() + " rows");
        }
    }
}
