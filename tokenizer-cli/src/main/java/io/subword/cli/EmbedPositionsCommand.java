package io.subword.cli;

import io.subword.embed.EmbeddingFiles;
import io.subword.embed.NpyFile;
import io.subword.embed.EmbeddingFormat;
import io.subword.embed.EmbeddingTable;
import io.subword.embed.PositionalEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code subword embed positions}: writes {@link PositionalEncoding#sinusoidal} for positions
 * {@code 0..L-1}: to a {@code .npy} as a bare {@code float32 (L, D)} matrix (no token list: row {@code p} is
 * position {@code p}), or to a word2vec {@code .vec}/{@code .txt}/{@code .bin} whose row tokens are the positions
 * {@code "0"} to {@code "L-1"}. Written atomically; prints the file written.
 */
@Command(name = "positions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write the sinusoidal positional encoding of 'Attention is all you need',"
                        + " PE(pos, 2i) = sin(pos / 10000^(2i/D)), PE(pos, 2i+1) = cos(pos / 10000^(2i/D)),"
                        + " for positions 0 to L-1.",
                "A .npy holds the float32 (L, D) matrix alone; a .vec/.txt or .bin has the row tokens 0 to L-1.",
        })
final class EmbedPositionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dim", required = true, paramLabel = "D", description = "Components per position.")
    int dim;

    @Option(names = "--max-len", required = true, paramLabel = "L", description = "Number of positions.")
    int maxLen;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "File to write: .npy, .vec or .txt, .bin.")
    java.nio.file.Path output;

    @Override
    public Integer call() throws Exception {
        EmbedCommand.atLeast(spec, "--dim", dim, 1);
        EmbedCommand.atLeast(spec, "--max-len", maxLen, 1);
        EmbeddingFormat format = EmbedCommand.format(spec, "-o", output);
        io.subword.vocab.io.AtomicFiles.check(output);
        PositionalEncoding pe = PositionalEncoding.sinusoidal(maxLen, dim); // rejects a table over 2^31 values
        float[] data = new float[maxLen * dim];
        for (int pos = 0; pos < maxLen; pos++) {
            pe.addTo(pos, data, pos * dim);
        }
        EmbeddingTable table = EmbeddingTable.wrap(maxLen, dim, data);
        if (format == EmbeddingFormat.NPY) {
            NpyFile.write(output, table);
        } else {
            List<String> tokens = new ArrayList<>(maxLen);
            for (int pos = 0; pos < maxLen; pos++) {
                tokens.add(Integer.toString(pos));
            }
            EmbeddingFiles.write(output, format, tokens, table);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(output);
        out.flush();
        return ErrorHandler.OK;
    }
}
