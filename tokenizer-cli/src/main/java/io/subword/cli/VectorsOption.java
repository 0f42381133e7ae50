package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.embed.EmbeddingFiles;
import io.subword.embed.EmbeddingFormat;
import io.subword.embed.EmbeddingTable;
import io.subword.embed.SubwordVectors;
import io.subword.embed.TokenEmbeddings;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.VocabFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code -e VECTORS}: an embedding file whose rows are the pieces of the tokenizer given with {@code -t}, as
 * {@code subword embed train} writes it. Rows are matched to ids by their token, not by position, so the file
 * may list the tokens in any order; but its tokens and the tokenizer's vocabulary must be the same set, else the
 * file belongs to another tokenizer and loading fails, saying how they differ.
 */
final class VectorsOption {
    /** How many tokens an error message shows of those that differ. */
    static final int EXAMPLES = 3;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-e", "--vectors"}, required = true, paramLabel = "VECTORS",
            description = "Vectors from 'subword embed train' with the same tokenizer: .vec/.txt (word2vec text),"
                    + " .bin (word2vec binary) or .npy (with <stem>.vocab.txt beside it).")
    Path file;

    /** Reads the file and lines its rows up with {@code tok}'s ids. */
    SubwordVectors load(Tokenizer tok) throws VocabFormatException, IOException {
        EmbeddingFormat format = EmbedCommand.format(mixee, "-e", file);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a vectors file");
        }
        return new SubwordVectors(tok, byId(file, EmbeddingFiles.read(file, format), tok.vocabulary()));
    }

    /**
     * The rows of {@code read} reordered to {@code vocab}'s ids (a gap in the ids is a row of zeros).
     *
     * @throws VocabFormatException if a token repeats, or the file's tokens and the vocabulary's differ
     */
    static EmbeddingTable byId(Path file, TokenEmbeddings read, Vocabulary vocab) throws VocabFormatException {
        List<String> tokens = read.tokens();
        int dim = read.table().dim();
        float[] from = read.table().data();
        float[] to = new float[Math.multiplyExact(vocab.size(), dim)];
        int[] rowOf = new int[vocab.size()];
        java.util.Arrays.fill(rowOf, -1);
        List<String> notInVocab = new ArrayList<>();
        int notInVocabCount = 0;
        for (int r = 0; r < tokens.size(); r++) {
            int id = vocab.id(tokens.get(r));
            if (id < 0) {
                if (notInVocab.size() < EXAMPLES) {
                    notInVocab.add(tokens.get(r));
                }
                notInVocabCount++;
                continue;
            }
            if (rowOf[id] >= 0) {
                throw new VocabFormatException(file, "row " + (r + 1), "repeats the token "
                        + Vocabulary.quote(tokens.get(r)) + " of row " + (rowOf[id] + 1));
            }
            rowOf[id] = r;
            System.arraycopy(from, r * dim, to, id * dim, dim);
        }
        List<String> noRow = new ArrayList<>();
        int noRowCount = 0;
        for (int id = 0; id < vocab.size(); id++) {
            if (rowOf[id] < 0 && vocab.token(id) != null) {
                if (noRow.size() < EXAMPLES) {
                    noRow.add(vocab.token(id));
                }
                noRowCount++;
            }
        }
        if (notInVocabCount > 0 || noRowCount > 0) {
            StringBuilder problem = new StringBuilder("its ").append(tokens.size())
                    .append(" tokens are not the tokenizer's ").append(vocab.tokenCount()).append(" (");
            if (notInVocabCount > 0) {
                problem.append(notInVocabCount).append(" not in the tokenizer's vocabulary, such as ")
                        .append(quoted(notInVocab));
            }
            if (noRowCount > 0) {
                problem.append(notInVocabCount > 0 ? "; " : "").append(noRowCount)
                        .append(" of the tokenizer's without a row, such as ").append(quoted(noRow));
            }
            problem.append("); use the tokenizer the vectors were trained with");
            throw new VocabFormatException(file, null, problem.toString());
        }
        return EmbeddingTable.wrap(vocab.size(), dim, to);
    }

    private static String quoted(List<String> tokens) {
        return tokens.stream().map(Vocabulary::quote).collect(Collectors.joining(", "));
    }
}
