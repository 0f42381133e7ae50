package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.embed.EmbeddingFormat;
import io.subword.embed.SubwordVectors;
import io.subword.vocab.io.InputFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code -e VECTORS}: an embedding file whose rows are the pieces of the tokenizer given with {@code -t}, as
 * {@code subword embed train} writes it, loaded by the library's {@link SubwordVectors#load}: rows are matched to
 * ids by their token, not by position, so the file may list the tokens in any order; but its tokens and the
 * tokenizer's vocabulary must be the same set, else the file belongs to another tokenizer and loading fails,
 * saying how they differ.
 */
final class VectorsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-e", "--vectors"}, required = true, paramLabel = "VECTORS",
            description = "Vectors from 'subword embed train' with the same tokenizer: .vec/.txt (word2vec text),"
                    + " .bin (word2vec binary) or .npy (with <stem>.vocab.txt beside it).")
    Path file;

    /** Reads the file and lines its rows up with {@code tok}'s ids. */
    SubwordVectors load(Tokenizer tok) throws InputFormatException, IOException {
        EmbeddingFormat format = EmbedCommand.format(mixee, "-e", file);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a vectors file");
        }
        return SubwordVectors.load(file, format, tok);
    }
}
