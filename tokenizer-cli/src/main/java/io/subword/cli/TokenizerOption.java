package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.vocab.io.VocabFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code -t TOKENIZER [--cased]}: the tokenizer a command works with, a Hugging Face {@code tokenizer.json}
 * or a BERT {@code vocab.txt}. Which one is decided by the extension ({@code .json}, {@code .txt}) or, for
 * other names, by the first non-blank byte ({@code {} means JSON).
 */
final class TokenizerOption {
    /** The two kinds of file {@code -t} accepts. */
    enum Kind { TOKENIZER_JSON, VOCAB_TXT }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "TOKENIZER",
            description = "A Hugging Face tokenizer.json, a BERT vocab.txt (one token per line; the BERT "
                    + "uncased pipeline unless --cased), or a known name: bert-base-uncased (fetched once "
                    + "through Maven).")
    Path file;

    @Option(names = "--cased", description = "With a vocab.txt: keep case and accents (BERT cased).")
    boolean cased;

    /** Loads the tokenizer; a missing or malformed file fails here, before any output is written. */
    Tokenizer load() throws VocabFormatException, IOException {
        if (!Files.exists(file) && PretrainedTokenizers.isName(file.toString())) {
            if (cased) {
                throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt, not to "
                        + file);
            }
            return PretrainedTokenizers.load(file.toString(), mixee.commandLine().getErr());
        }
        Kind kind = kind(file);
        if (kind == Kind.TOKENIZER_JSON) {
            if (cased) {
                throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt; " + file
                        + " is a tokenizer.json, which sets its own normalizer");
            }
            return Tokenizers.fromFile(file);
        }
        return Tokenizers.fromVocabTxt(file, !cased);
    }

    /** Which kind of file {@code file} is; fails if it does not exist or is not a regular file. */
    static Kind kind(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a tokenizer file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Kind.TOKENIZER_JSON;
        }
        if (name.endsWith(".txt")) {
            return Kind.VOCAB_TXT;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                    && (head[2] & 0xff) == 0xBF ? 3 : 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
                i++;
            }
            return i < head.length && head[i] == '{' ? Kind.TOKENIZER_JSON : Kind.VOCAB_TXT;
        }
    }
}
