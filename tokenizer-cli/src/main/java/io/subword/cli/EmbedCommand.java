package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.embed.EmbeddingFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;

/**
 * {@code subword embed}: subword embeddings. Only groups its subcommands ({@code train}, {@code vector},
 * {@code nearest}, {@code positions}); given none, it is a usage error. Also holds what they share.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {
                "Subword embeddings: train skip-gram vectors over a tokenizer's pieces, compose word vectors from"
                        + " them, find nearest pieces, write sinusoidal positional encodings.",
                "Vector files are word2vec text (.vec or .txt), word2vec binary (.bin) or NumPy (.npy, with the"
                        + " row tokens in <stem>.vocab.txt beside it), chosen by the file's extension.",
        },
        subcommands = {
                EmbedTrainCommand.class,
                EmbedVectorCommand.class,
                EmbedNearestCommand.class,
                EmbedPositionsCommand.class,
        })
final class EmbedCommand {
    private EmbedCommand() {
    }

    /**
     * {@code tok} without padding or truncation: a tokenizer.json may fix them (BERT's: 128), but training reads
     * whole lines and a word is split whole.
     */
    static Tokenizer whole(Tokenizer tok) {
        return tok.padding() == null && tok.truncation() == null ? tok
                : tok.toBuilder().padding(null).truncation(null).build();
    }

    /** The format {@code file}'s extension names; another extension is a usage error of {@code option}. */
    static EmbeddingFormat format(CommandSpec spec, String option, Path file) {
        try {
            return EmbeddingFormat.forFile(file);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** A usage error unless {@code value >= min}, naming the option as the user typed it. */
    static int atLeast(CommandSpec spec, String option, int value, int min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", not " + value);
        }
        return value;
    }
}
