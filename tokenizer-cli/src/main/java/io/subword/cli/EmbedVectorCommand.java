package io.subword.cli;

import io.subword.embed.SubwordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code subword embed vector}: per word, {@code word<TAB>v1 v2 ... vdim}, the word's vector composed by
 * {@link SubwordVectors#vector} (the mean of its pieces' vectors), each value as {@link Float#toString(float)}.
 * Every word is checked before anything is printed, so a word without a vector fails the command with no
 * partial output.
 */
@Command(name = "vector", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Print each word's vector, the mean of the vectors of its pieces (pieces that are special, unknown"
                        + " or untrained are left out): word<TAB>v1 v2 ... vdim.",
                "A word none of whose pieces has a vector is an error.",
        })
final class EmbedVectorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VectorsOption vectors;

    @Mixin
    TokenizerOption tokenizer;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words (or any text) to give vectors for.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        SubwordVectors sv = vectors.load(EmbedCommand.whole(tokenizer.load()));
        float[][] all = new float[words.size()][];
        for (int i = 0; i < all.length; i++) {
            all[i] = sv.vector(words.get(i)); // names the word if none of its pieces has a vector
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            line.setLength(0);
            OutputFormat.appendToken(line, words.get(i));
            line.append('\t');
            for (int j = 0; j < all[i].length; j++) {
                line.append(j == 0 ? "" : " ").append(all[i][j]);
            }
            out.println(line);
        }
        out.flush();
        return ErrorHandler.OK;
    }
}
