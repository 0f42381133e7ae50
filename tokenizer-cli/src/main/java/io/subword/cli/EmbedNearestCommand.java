package io.subword.cli;

import io.subword.Encoding;
import io.subword.embed.SubwordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code subword embed nearest}: per word, a line with its pieces, then the {@code k} pieces whose vectors are
 * most cosine-similar to the word's composed vector ({@link SubwordVectors#nearest(String, int)}), one
 * {@code rank token score} line each, the score with 4 decimals:
 * <pre>
 * inimagináveis -&gt; in ##ima ##gin ##ave ##is
 * 1 ##ável 0.6123
 * ...
 * </pre>
 * The word's own pieces, special tokens, the unknown token and untrained pieces never appear as neighbours;
 * pieces left out of the word's vector are named at the end of the pieces line ({@code (no vector: [UNK])}).
 * Several words give blocks separated by a blank line.
 */
@Command(name = "nearest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Show a word's pieces, then the K pieces nearest to its vector (cosine similarity): rank token score.",
                "The word's own pieces, special tokens, [UNK] and untrained pieces are never listed.",
        })
final class EmbedNearestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VectorsOption vectors;

    @Mixin
    TokenizerOption tokenizer;

    @Option(names = {"-k", "--top"}, defaultValue = "10", paramLabel = "K",
            description = "How many neighbours to show (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--all-but-the-top", paramLabel = "D",
            description = {"Before cosine, subtract the mean vector and remove the top D principal components "
                    + "(Mu and Viswanath 2018; 0 only centers). Briefly trained skip-gram vectors all point one "
                    + "way, so raw cosines are all high; this makes unrelated pieces score near 0."})
    Integer allButTheTop;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words (or any text) to find neighbours of.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        EmbedCommand.atLeast(spec, "-k", k, 1);
        SubwordVectors sv = vectors.load(EmbedCommand.whole(tokenizer.load()));
        if (allButTheTop != null) {
            EmbedCommand.atLeast(spec, "--all-but-the-top", allButTheTop, 0);
            if (allButTheTop > sv.dim()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--all-but-the-top must be at"
                        + " most the dimension " + sv.dim() + ", got " + allButTheTop);
            }
            sv = sv.allButTheTop(allButTheTop);
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            List<SubwordVectors.Neighbor> nearest = sv.nearest(word, k); // names the word if it has no vector
            sb.setLength(0);
            if (w > 0) {
                sb.append('\n');
            }
            appendPieces(sb, word, sv);
            for (int i = 0; i < nearest.size(); i++) {
                SubwordVectors.Neighbor n = nearest.get(i);
                sb.append(i + 1).append(' ');
                OutputFormat.appendToken(sb, n.token());
                sb.append(String.format(Locale.ROOT, " %.4f%n", n.score()));
            }
            out.print(sb);
            out.flush();
        }
        return ErrorHandler.OK;
    }

    /** {@code word -> p1 p2 ...}, then {@code (no vector: p ...)} naming the pieces left out of the mean, if any. */
    private static void appendPieces(StringBuilder sb, String word, SubwordVectors sv) {
        Encoding e = sv.tokenizer().encode(word, false);
        int[] used = sv.pieces(word);
        OutputFormat.appendToken(sb, word);
        sb.append(" ->");
        StringBuilder left = new StringBuilder();
        List<String> tokens = e.tokens();
        for (int i = 0, u = 0; i < e.size(); i++) {
            String token = tokens.get(i);
            OutputFormat.appendToken(sb.append(' '), token);
            if (u < used.length && used[u] == e.id(i)) {
                u++;
            } else {
                OutputFormat.appendToken(left.append(' '), token);
            }
        }
        if (!left.isEmpty()) {
            sb.append(" (no vector:").append(left).append(')');
        }
        sb.append('\n');
    }
}
