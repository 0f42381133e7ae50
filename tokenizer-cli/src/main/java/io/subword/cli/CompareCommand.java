package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.compare.Candidate;
import io.subword.compare.CompareJob;
import io.subword.compare.HtmlReport;
import io.subword.compare.MetricsJson;
import io.subword.compare.TextReport;
import io.subword.train.Family;
import io.subword.vocab.Require;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.InputFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code subword compare}: UNK against subwords. Trains word-level, WordPiece, BPE, byte-level BPE and Unigram
 * vocabularies at several sizes (and takes any given tokenizers), measures them all on held-out text, and
 * writes a table to stdout, and on request {@code metrics.json} and a self-contained HTML report. Progress
 * goes to stderr. The work is the eval module's {@link CompareJob}; this class maps flags to it and loads the
 * {@code -t} tokenizers (files or known names, which only the CLI resolves).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare a word-level vocabulary with subword vocabularies on held-out text: UNK rates, "
                + "words kept whole, tokens per word, characters and bytes per token, sequence lengths, "
                + "vocabulary use, per language, and how rare words split."})
final class CompareCommand implements Callable<Integer> {
    /** {@link CompareJob#DEFAULT_FAMILIES} as the flag spells it (a test keeps the two the same). */
    static final String DEFAULT_MODELS = "word,wordpiece,bpe,bytelevel,unigram";
    static final String DEFAULT_SIZES = "1000,4000,16000,32000";

    @Spec
    CommandSpec spec;

    @Option(names = "--train", paramLabel = "CORPUS", description = "Training text: a file (.gz too) or a folder, one "
            + "text per line. Repeat for more.")
    List<Path> train = new ArrayList<>();

    @Option(names = "--test", paramLabel = "HELDOUT", description = "Held-out text to measure on (default: a seeded "
            + "share of the training lines, held out from training).")
    Path test;

    @Option(names = {"-t", "--tokenizer"}, paramLabel = "TOKENIZER", description = "Also measure this tokenizer "
            + "(tokenizer.json, BERT vocab.txt, or a known name such as bert-base-uncased or gpt2). Repeat for more.")
    List<String> tokenizers = new ArrayList<>();

    @Option(names = "--train-vocabs", paramLabel = "MODELS", split = ",", defaultValue = DEFAULT_MODELS,
            description = "Models to train: bpe, bytelevel, wordpiece, word, unigram (default: ${DEFAULT-VALUE}); "
                    + "'none' for only the -t tokenizers.")
    List<String> models;

    @Option(names = "--vocab-sizes", paramLabel = "SIZES", split = ",", defaultValue = DEFAULT_SIZES,
            converter = VocabSizeConverter.class,
            description = "Vocabulary sizes to train each model at; 4000 or 4k (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the HTML report here.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the metrics as JSON here.")
    Path json;

    @Option(names = "--held-out", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of training lines held out when there is no --test (default: ${DEFAULT-VALUE}).")
    double heldOut;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the held-out split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "12",
            description = "How many of the rarest held-out words to show split (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--word", paramLabel = "WORD", description = "A word to show split, whether rare or not. Repeat "
            + "for more.")
    List<String> words = new ArrayList<>();

    @Option(names = "--lowercase", description = "Lowercase the text for every trained model (accents are kept).")
    boolean lowercase;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--languages", paramLabel = "on|off", defaultValue = "on",
            description = "Guess each held-out line's language and measure per language (default: ${DEFAULT-VALUE}). "
                    + "Only confident guesses name a language; other lines count as short/unknown. 'off' for text in "
                    + "one language or outside the 21 European Parliament languages.")
    String languages;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        // Before the comparison, not after it: a folder or an unwritable path fails now.
        for (Path file : new Path[] {report, json}) {
            if (file != null) {
                AtomicFiles.check(file);
            }
        }
        boolean perLanguage = switch (languages.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--languages must be on or off, got '" + languages + "'");
        };
        if (threads != null) {
            Require.atLeast("--threads", threads, 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress log = Progress.forCommand(err, quiet);
        List<Family> families = kinds(models);
        List<Integer> vocabSizes = checkSizes(sizes);
        List<CompareJob.TokenizerSource> given = new ArrayList<>();
        for (String t : tokenizers) {
            given.add(() -> loadTokenizer(t, err));
        }
        CompareJob.Builder job = CompareJob.builder().train(train).test(test).tokenizers(given).families(families)
                .vocabSizes(vocabSizes).heldOutFraction(heldOut).seed(seed).examples(examples).exampleWords(words)
                .lowercase(lowercase).languages(perLanguage);
        if (threads != null) {
            job.threads(threads);
        }
        CompareJob built = job.build();
        CompareJob.Outcome outcome = built.run(log);
        Map<String, String> info = info(outcome, built, log);
        TextReport.write(outcome.result(), out);
        out.flush();
        if (json != null) {
            AtomicFiles.writeString(json, MetricsJson.toJson(outcome.result(), info));
            log.note("metrics: " + json);
        }
        if (report != null) {
            AtomicFiles.writeString(report, HtmlReport.render(outcome.result(), "UNK vs subwords", info));
            log.note("report: " + report);
        }
        return ErrorHandler.OK;
    }

    static Map<String, String> info(CompareJob.Outcome outcome, CompareJob job, Progress log) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("training text", outcome.trainName() + (outcome.trainBytes() > 0
                ? String.format(Locale.ROOT, " (%,d bytes used for training)", outcome.trainBytes()) : ""));
        info.put("case", job.lowercase() ? "lowercased, accents kept" : "kept, accents kept");
        info.put("took", String.format(Locale.ROOT, "%.1f s on %d threads", log.seconds(), job.threads()));
        return info;
    }

    /** A tokenizer file or known name, as {@code -t} takes it, named by its file name. */
    static Candidate loadTokenizer(String ref, PrintWriter err) throws IOException, InputFormatException {
        Path file = Path.of(ref);
        Tokenizer tok;
        String name;
        if (!Files.exists(file) && PretrainedTokenizers.isName(ref)) {
            tok = PretrainedTokenizers.load(ref, err);
            name = ref;
        } else {
            Path source = TokenizerOption.source(file);
            tok = switch (TokenizerOption.kind(file)) {
                case TOKENIZER_JSON -> Tokenizers.fromFile(source);
                case TIKTOKEN -> Tokenizers.fromTiktoken(source, io.subword.TiktokenEncoding
                        .forFileName(String.valueOf(source.getFileName())).orElseThrow(() ->
                                new IllegalArgumentException(file + ": cannot tell the split pattern from the name;"
                                        + " name it as tiktoken does, such as cl100k_base.tiktoken")));
                default -> Tokenizers.fromVocabTxt(source);
            };
            name = file.getFileName().toString();
            if (name.equals("tokenizer.json") || name.equals("vocab.txt")) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null && parent.getFileName() != null) {
                    name = parent.getFileName() + "/" + name;
                }
            }
        }
        return Candidate.of(name, tok.withTruncation(null).withPadding(null));
    }

    /** The models named, in order; {@code none} for none. */
    static List<Family> kinds(List<String> names) {
        List<Family> kinds = new ArrayList<>();
        for (String n : names) {
            if (n.isBlank() || n.equalsIgnoreCase("none")) {
                continue;
            }
            Family k;
            try {
                k = Family.fromName(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown model \"" + n + "\" (known: word, wordpiece, bpe,"
                        + " bytelevel, unigram)");
            }
            if (!kinds.contains(k)) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    static List<Integer> checkSizes(List<Integer> sizes) {
        List<Integer> out = new ArrayList<>();
        for (int s : sizes) {
            if (s < 10) {
                throw new IllegalArgumentException("vocabulary size " + s + " is too small (at least 10)");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        out.sort(null);
        return out;
    }
}
