package io.subword.cli;

import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.pretokenize.SplitPattern;
import io.subword.vocab.io.InputFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

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
 * Which one is told by the file's content ({@link FileKind}), not its name, so a wrong file gets an error that
 * says what it looks like ({@code -t merges.txt}: "looks like GPT-2's merges.txt; give it with its vocab.json").
 * A folder stands for the {@code tokenizer.json} in it (what {@code subword train} writes); a misspelt known name
 * gets "did you mean".
 */
final class TokenizerOption {
    /** The kinds of file {@code -t} accepts. */
    enum Kind { TOKENIZER_JSON, VOCAB_TXT, GPT2_FILES, TIKTOKEN }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "TOKENIZER",
            description = "A Hugging Face tokenizer.json; a BERT vocab.txt (one token per line; the BERT "
                    + "uncased pipeline unless --cased); GPT-2's vocab.json with --merges; a tiktoken rank file "
                    + "(.tiktoken); a folder holding a tokenizer.json (as subword train writes); or a known name: "
                    + "bert-base-uncased, gpt2, r50k_base, p50k_base, cl100k_base, o200k_base (fetched once "
                    + "through Maven).")
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

    /** What {@code -t} takes, for messages that say it. */
    static final String ACCEPTS = "-t takes a tokenizer.json, a BERT vocab.txt, GPT-2's vocab.json with --merges"
            + " merges.txt, a .tiktoken rank file, a folder that holds a tokenizer.json, or a known name ("
            + String.join(", ", PretrainedTokenizers.names()) + ")";

    /** Loads the tokenizer; a missing, malformed or wrong kind of file fails here, before any output is written. */
    Tokenizer load() throws InputFormatException, IOException {
        Tokenizer loadedAhead = TokenizerPrefetch.take(file, cased, merges, pattern);
        return loadedAhead != null ? loadedAhead : loadNow();
    }

    /** {@link #load} on this thread. */
    Tokenizer loadNow() throws InputFormatException, IOException {
        if (!Files.exists(file) && merges == null && pattern == null
                && PretrainedTokenizers.isName(file.toString())) {
            if (cased) {
                throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt, not to "
                        + file);
            }
            return PretrainedTokenizers.load(file.toString(), mixee == null ? null : mixee.commandLine().getErr());
        }
        Path source = source(file);
        FileKind content = FileKind.of(source);
        Kind kind = merges != null ? Kind.GPT2_FILES : kind(source, content);
        if (kind != Kind.TIKTOKEN && pattern != null) {
            throw new ParameterException(mixee.commandLine(), "--pattern applies to a .tiktoken file; " + file
                    + " is not one");
        }
        if (cased && kind != Kind.VOCAB_TXT && kind != Kind.TOKENIZER_JSON) {
            throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt; " + file
                    + " is not one");
        }
        if (kind == Kind.GPT2_FILES) {
            if (content != FileKind.VOCAB_JSON) {
                throw new IllegalArgumentException(file + ": --merges goes with GPT-2's vocab.json, but this looks"
                        + " like " + content.description);
            }
            FileKind mergesContent = FileKind.of(source(merges));
            if (mergesContent != FileKind.MERGES_TXT) {
                throw new IllegalArgumentException(merges + ": --merges takes GPT-2's merges.txt, but this looks"
                        + " like " + mergesContent.description);
            }
            return Tokenizers.fromGpt2Files(source, merges);
        }
        if (kind == Kind.TIKTOKEN) {
            java.util.Optional<TiktokenEncoding> named = TiktokenEncoding.forFileName(
                    String.valueOf(source.getFileName()));
            if (pattern != null) {
                // the special tokens of the encoding the name tells, if it splits the same way (Tokenizers.fromTiktoken)
                return TokenizerCache.standard().tiktoken(source, pattern, named.filter(e -> e.pattern() == pattern)
                        .map(TiktokenEncoding::specialTokens).orElse(java.util.Map.of()));
            }
            TiktokenEncoding encoding = named.orElseThrow(() -> new ParameterException(mixee.commandLine(),
                    "cannot tell the split pattern of " + file + " from its name; give --pattern gpt2, cl100k or"
                            + " o200k"));
            return TokenizerCache.standard().tiktoken(source, encoding.pattern(), encoding.specialTokens());
        }
        if (kind == Kind.TOKENIZER_JSON) {
            if (cased) {
                throw new ParameterException(mixee.commandLine(), "--cased applies to a vocab.txt; " + file
                        + " is a tokenizer.json, which sets its own normalizer");
            }
            return TokenizerCache.standard().tokenizerJson(source);
        }
        return Tokenizers.fromVocabTxt(source, !cased);
    }

    /**
     * The file to read for {@code -t path}: the path itself, or the {@code tokenizer.json} inside a folder (what
     * {@code subword train} writes). Fails with a one-line message for a missing path, offering the nearest
     * known name for a near-miss ("did you mean bert-base-uncased?").
     */
    static Path source(Path path) throws IOException {
        if (!Files.exists(path)) {
            String value = path.toString();
            List<String> near = PretrainedTokenizers.nearest(value);
            if (!near.isEmpty() && path.getParent() == null) {
                throw new FileSystemException(value, null, "no such file, and not a known tokenizer name; did you"
                        + " mean " + String.join(" or ", near) + "?");
            }
            throw new NoSuchFileException(value);
        }
        if (Files.isDirectory(path)) {
            Path inside = path.resolve("tokenizer.json");
            if (Files.isRegularFile(inside)) {
                return inside;
            }
            throw new FileSystemException(path.toString(), null, "is a folder without a tokenizer.json; "
                    + ACCEPTS);
        }
        return path;
    }

    /** Which kind of tokenizer file {@code file} (or the folder's tokenizer.json) is, told by its content. */
    static Kind kind(Path file) throws IOException {
        Path source = source(file);
        return kind(source, FileKind.of(source));
    }

    /**
     * The tokenizer kind of a file with this content; a file that holds something else (a merges.txt, word
     * vectors) fails with a message that says what it looks like and what {@code -t} takes.
     */
    static Kind kind(Path file, FileKind content) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (content == FileKind.EMPTY || content == FileKind.BINARY || content == FileKind.OTHER_JSON) {
            // Broken rather than another kind of file: let the reader its name calls for say what is wrong.
            if (name.endsWith(".json")) {
                return Kind.TOKENIZER_JSON;
            }
            if (name.endsWith(".txt")) {
                return Kind.VOCAB_TXT;
            }
            if (name.endsWith(".tiktoken")) {
                return Kind.TIKTOKEN;
            }
        }
        return switch (content) {
            case TOKENIZER_JSON -> Kind.TOKENIZER_JSON;
            case TIKTOKEN -> Kind.TIKTOKEN;
            case VOCAB_TXT -> Kind.VOCAB_TXT;
            case VOCAB_JSON -> throw new IllegalArgumentException(file + " looks like " + content.description
                    + "; give its merges.txt too: -t " + file + " --merges merges.txt");
            case MERGES_TXT -> throw new IllegalArgumentException(file + " looks like " + content.description
                    + "; give it with its vocab.json: -t vocab.json --merges " + file);
            case BINARY -> {
                if (name.endsWith(".model")) {
                    yield Kind.TOKENIZER_JSON; // a SentencePiece model, where the library reads one
                }
                throw new IllegalArgumentException(file + " looks like " + content.description
                        + ", not a tokenizer; " + ACCEPTS);
            }
            default -> throw new IllegalArgumentException(file + " looks like " + content.description
                    + ", not a tokenizer; " + ACCEPTS);
        };
    }
}
