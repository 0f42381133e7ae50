package io.subword.cli;

import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.pretokenize.SplitPattern;
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
 * {@code -t TOKENIZER [--cased] [--merges MERGES] [--pattern PATTERN]}: the tokenizer a command works with:
 * <ul>
 *   <li>a Hugging Face {@code tokenizer.json};</li>
 *   <li>a BERT {@code vocab.txt} ({@code --cased} for BERT cased);</li>
 *   <li>a GPT-2 {@code vocab.json} with its {@code merges.txt} ({@code -t vocab.json --merges merges.txt});</li>
 *   <li>a tiktoken rank file ({@code .tiktoken}), split with {@code --pattern gpt2|cl100k|o200k} or, when that is
 *       left out, the pattern its well-known name tells ({@code cl100k_base.tiktoken}); with tiktoken's special
 *       tokens for that name and tiktoken's rule that text containing one is an error.</li>
 * </ul>
 * Which one is decided by {@code --merges}, then the extension ({@code .tiktoken}, {@code .json}, {@code .txt}) or,
 * for other names, by the first non-blank byte ({@code {} means JSON).
 */
final class TokenizerOption {
    /** The kinds of file {@code -t} accepts. */
    enum Kind { TOKENIZER_JSON, VOCAB_TXT, GPT2_FILES, TIKTOKEN }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "TOKENIZER",
            description = "A Hugging Face tokenizer.json; a BERT vocab.txt (one token per line; the BERT "
                    + "uncased pipeline unless --cased); GPT-2's vocab.json with --merges; a tiktoken rank file "
                    + "(.tiktoken); or a known name: bert-base-uncased, gpt2, r50k_base, p50k_base, cl100k_base, "
                    + "o200k_base (fetched once through Maven).")
    Path file;

    @Option(names = "--cased", description = "With a vocab.txt: keep case and accents (BERT cased).")
    boolean cased;

    @Option(names = "--merges", paramLabel = "MERGES",
            description = "GPT-2's merges.txt; TOKENIZER is then its vocab.json.")
    Path merges;

    @Option(names = "--pattern", paramLabel = "PATTERN", converter = PatternConverter.class,
            completionCandidates = PatternConverter.Names.class,
            description = "With a .tiktoken file: the split pattern, ${COMPLETION-CANDIDATES} (default: the one its "
                    + "name tells, as in cl100k_base.tiktoken).")
    SplitPattern pattern;

    /** Loads the tokenizer; a missing or malformed file fails here, before any output is written. */
    Tokenizer load() throws VocabFormatException, IOException {
        if (!Files.exists(file) && merges == null && pattern == null
                && PretrainedTokenizers.isName(file.toString())) {
            if (cased) {
                throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt, not to "
                        + file);
            }
            return PretrainedTokenizers.load(file.toString(), mixee.commandLine().getErr());
        }
        Kind kind = merges != null ? Kind.GPT2_FILES : kind(file);
        if (kind != Kind.TIKTOKEN && pattern != null) {
            throw new ParameterException(mixee.commandLine(), "--pattern applies to a .tiktoken file; " + file
                    + " is not one");
        }
        if (cased && kind != Kind.VOCAB_TXT && kind != Kind.TOKENIZER_JSON) {
            throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt; " + file
                    + " is not one");
        }
        if (kind == Kind.GPT2_FILES) {
            kind(file); // exists and is a file
            kind(merges);
            return Tokenizers.fromGpt2Files(file, merges);
        }
        if (kind == Kind.TIKTOKEN) {
            if (pattern != null) {
                return Tokenizers.fromTiktoken(file, pattern);
            }
            TiktokenEncoding encoding = TiktokenEncoding.forFileName(String.valueOf(file.getFileName()))
                    .orElseThrow(() -> new ParameterException(mixee.commandLine(), "cannot tell the split pattern"
                            + " of " + file + " from its name; give --pattern gpt2, cl100k or o200k"));
            return Tokenizers.fromTiktoken(file, encoding);
        }
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
        if (name.endsWith(".tiktoken")) {
            return Kind.TIKTOKEN;
        }
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
