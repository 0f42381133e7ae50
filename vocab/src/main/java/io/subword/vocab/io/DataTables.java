package io.subword.vocab.io;

import io.subword.vocab.Internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The reader of the Unicode data tables bundled in our jars (Hugging Face's normalization and script tables): ASCII
 * text, one row a line, fields separated by one space, blank lines and {@code #} comments skipped.
 *
 * <p>The caller opens the resource itself ({@code Owner.class.getResourceAsStream(name)}), because a named module
 * only finds its own resources; a missing resource is a packaging error, so it fails loudly with its name.
 *
 * <p>{@link Internal}: public only because the normalizers and pre-tokenizers of {@code tokenizer-core} load their
 * tables through it.
 */
@Internal
public final class DataTables {
    private DataTables() {}

    /**
     * Calls {@code row} with the fields of every data line of {@code table}, in order, and closes it.
     *
     * @param table the resource, or null when the class loader did not find it
     * @param name the resource's name, for the error messages
     */
    public static void forEachRow(InputStream table, String name, Consumer<String[]> row) {
        if (table == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(table, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    row.accept(line.split(" "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
