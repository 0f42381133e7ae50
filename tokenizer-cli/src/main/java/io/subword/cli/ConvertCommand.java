package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.model.MergeModel;
import io.subword.sentencepiece.SentencePieceModel;
import io.subword.vocab.Merge;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code subword convert}: writes the tokenizer of {@code -t} in another format. {@code --to tokenizer.json} writes
 * a Hugging Face tokenizer.json (a tiktoken file becomes the equivalent byte-level BPE with a ranked merge list,
 * which Hugging Face loads and which gives tiktoken's ids); {@code --to vocab.json} writes a BPE tokenizer's
 * GPT-2 files: {@code vocab.json} (with the added tokens, as GPT-2's has {@code <|endoftext|>}) to {@code -o} and
 * {@code merges.txt} next to it or to {@code --merges-out}; {@code --to vocab.txt} writes a WordPiece tokenizer's
 * vocabulary as BERT's vocab.txt (with the added tokens, as BERT's has [CLS] and [SEP]). Files are written atomically.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Convert a tokenizer (tokenizer.json, vocab.json + merges.txt, .tiktoken, SentencePiece .model) to "
                        + "tokenizer.json, a BPE tokenizer to GPT-2's vocab.json + merges.txt, or a WordPiece "
                        + "tokenizer to BERT's vocab.txt.",
        })
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TokenizerOption tokenizer;

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            description = "tokenizer.json, vocab.json (with merges.txt; BPE tokenizers) or vocab.txt (WordPiece"
                    + " tokenizers, as BERT's).")
    String to;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path output;

    @Option(names = "--merges-out", paramLabel = "MERGES",
            description = "With --to vocab.json: where to write merges.txt (default: merges.txt next to OUT).")
    Path mergesOut;

    @Override
    public Integer call() throws Exception {
        String format = to.toLowerCase(Locale.ROOT);
        if (!format.equals("tokenizer.json") && !format.equals("vocab.json") && !format.equals("vocab.txt")) {
            throw new ParameterException(spec.commandLine(), "--to must be tokenizer.json, vocab.json or vocab.txt,"
                    + " not " + to);
        }
        if (mergesOut != null && !format.equals("vocab.json")) {
            throw new ParameterException(spec.commandLine(), "--merges-out applies to --to vocab.json");
        }
        checkWritable(output);
        if (format.equals("tokenizer.json") && tokenizer.file != null
                && tokenizer.file.getFileName().toString().endsWith(".model")) {
            // a SentencePiece model: the tokenizer.json Hugging Face reads with spm_encode's ids
            TokenizerOption.kind(tokenizer.file); // exists and is a file
            AtomicFiles.writeString(output, SentencePieceModel.read(tokenizer.file).toHuggingFaceJson());
            return ErrorHandler.OK;
        }
        Tokenizer tok = tokenizer.load();
        if (format.equals("tokenizer.json")) {
            TokenizerJson.write(tok.model() instanceof MergeModel ? Tokenizers.withMergeList(tok) : tok, output);
            return ErrorHandler.OK;
        }
        if (format.equals("vocab.txt")) {
            if (!tok.model().type().equals("WordPiece")) {
                throw new IllegalArgumentException("vocab.txt holds a WordPiece vocabulary (one token per line, as"
                        + " BERT's); " + tokenizer.file + " has " + tok.model() + "; use --to tokenizer.json"
                        + (tok.model() instanceof MergeModel ? " or --to vocab.json" : ""));
            }
            VocabTxt.write(tok.vocabulary(), output);
            return ErrorHandler.OK;
        }
        if (!(tok.model() instanceof MergeModel bpe)) {
            throw new IllegalArgumentException("vocab.json + merges.txt hold a BPE model; " + tokenizer.file
                    + " has " + tok.model());
        }
        Path merges = mergesOut != null ? mergesOut
                : output.toAbsolutePath().resolveSibling("merges.txt");
        checkWritable(merges);
        if (merges.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), "merges.txt and vocab.json would be the same file "
                    + output);
        }
        List<Merge> list = bpe.merges().merges(bpe.vocabulary());
        // merges first: a failure (a token merges.txt cannot hold) leaves both files untouched
        MergesTxt.write(list, merges);
        VocabJson.write(tok.vocabulary(), output);
        return ErrorHandler.OK;
    }

    private static void checkWritable(Path file) throws java.io.IOException {
        AtomicFiles.check(file);
    }
}
