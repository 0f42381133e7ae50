package io.subword.decode;

import java.util.List;

/**
 * Hugging Face's WordPiece decoder. Every token but the first gets a space before it, unless it starts with
 * the continuing-subword prefix, which is then removed; the first token is kept as it is, prefix and all.
 * With {@code cleanup}, each token (after that step) then goes through Hugging Face's {@code cleanup}, a
 * fixed chain of replacements that undoes the spaces the split put around punctuation and English
 * contractions: {@code " ."→"."}, {@code " ?"→"?"}, {@code " !"→"!"}, {@code " ,"→","}, {@code " ' "→"'"},
 * {@code " n't"→"n't"}, {@code " 'm"→"'m"}, {@code " do not"→" don't"}, {@code " 's"→"'s"},
 * {@code " 've"→"'ve"}, {@code " 're"→"'re"}, in that order, each replacing every occurrence. The tokens are
 * then concatenated. Immutable and thread-safe.
 */
public final class WordPieceDecoder implements Decoder {
    /** Prefix {@code ##}, cleanup on: what {@code bert-base-uncased} uses. */
    public static final WordPieceDecoder DEFAULT = new WordPieceDecoder("##", true);

    private static final String[][] CLEANUP = {
        {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"}, {" 'm", "'m"},
        {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
    };

    private final String prefix;
    private final boolean cleanup;

    public WordPieceDecoder(String prefix, boolean cleanup) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix null");
        }
        this.prefix = prefix;
        this.cleanup = cleanup;
    }

    public String prefix() {
        return prefix;
    }

    public boolean cleanup() {
        return cleanup;
    }

    @Override
    public String decode(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean space = false;
            if (i != 0) {
                if (token.startsWith(prefix)) {
                    token = token.substring(prefix.length());
                } else {
                    space = true;
                }
            }
            if (!cleanup) {
                appendToken(sb, space, token);
            } else if (token.indexOf(' ') < 0) {
                cleanupOneSpace(sb, space, token);
            } else {
                sb.append(cleanup(space ? " " + token : token));
            }
        }
        return sb.toString();
    }

    private static void appendToken(StringBuilder sb, boolean space, String token) {
        if (space) {
            sb.append(' ');
        }
        sb.append(token);
    }

    /**
     * The cleanup of a token with no space of its own: only its leading space (if any) can start a pattern,
     * and once the first pattern in order that matches there has been applied, no space is left to match.
     */
    private static void cleanupOneSpace(StringBuilder sb, boolean space, String token) {
        if (space && !token.isEmpty()) {
            for (String[] rule : CLEANUP) {
                String from = rule[0];
                if (token.startsWith(from.substring(1))
                        && from.indexOf(' ', 1) < 0) {
                    sb.append(rule[1]).append(token, from.length() - 1, token.length());
                    return;
                }
            }
        }
        appendToken(sb, space, token);
    }

    /** Hugging Face's {@code cleanup}, applied to one token. */
    static String cleanup(String text) {
        for (String[] rule : CLEANUP) {
            text = text.replace(rule[0], rule[1]);
        }
        return text;
    }

    @Override
    public String toString() {
        return "WordPieceDecoder[prefix=" + prefix + ", cleanup=" + cleanup + "]";
    }
}
