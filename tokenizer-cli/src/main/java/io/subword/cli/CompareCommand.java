package io.subword.cli;

import io.subword.compare.HtmlReport;
import io.subword.compare.MetricsJson;
import io.subword.compare.TextReport;
import io.subword.train.Family;
import io.subword.vocab.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code subword compare}: UNK against subwords. Trains word-level, WordPiece, BPE and byte-level BPE
 * vocabularies at several sizes (and takes any given tokenizers), measures them all on held-out text, and
 * writes a table to stdout, and on request {@code metrics.json} and a self-contained HTML report. Progress
 * goes to stderr.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare a word-level vocabulary with subword vocabularies on held-out text: UNK rates, "
                + "words kept whole, tokens per word, characters and bytes per token, sequence lengths, "
                + "vocabulary use, per language, and how rare words split."})
final class CompareCommand implements Callable<Integer> {
    static final String DEFAULT_MODELS = "bpe,bytelevel,wordpiece,word";
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
            description = "Models to train: bpe, bytelevel, wordpiece, word (default: ${DEFAULT-VALUE}); "
                    + "'none' for only the -t tokenizers.")
    List<String> models;

    @Option(names = "--vocab-sizes", paramLabel = "SIZES", split = ",", defaultValue = DEFAULT_SIZES,
            description = "Vocabulary sizes to train each model at (default: ${DEFAULT-VALUE}).")
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

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CompareJob job = new CompareJob();
        job.train = train;
        job.test = test;
        job.tokenizers = tokenizers;
        job.kinds = kinds(models);
        job.vocabSizes = checkSizes(sizes);
        job.heldOutFraction = heldOut;
        job.seed = seed;
        job.examples = examples;
        job.exampleWords = words;
        job.lowercase = lowercase;
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            job.threads = threads;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StepLog log = new StepLog(err, quiet);
        CompareJob.Outcome outcome = job.run(log, err);
        Map<String, String> info = info(outcome, job, log);
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

    static Map<String, String> info(CompareJob.Outcome outcome, CompareJob job, StepLog log) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("training text", outcome.trainName() + (outcome.trainBytes() > 0
                ? String.format(Locale.ROOT, " (%,d bytes used for training)", outcome.trainBytes()) : ""));
        info.put("case", job.lowercase ? "lowercased, accents kept" : "kept, accents kept");
        info.put("took", String.format(Locale.ROOT, "%.1f s on %d threads", log.seconds(), job.threads));
        return info;
    }

    /** The models named, in order; {@code none} for none. */
    static List<Family> kinds(List<String> names) {
        List<Family> kinds = new ArrayList<>();
        for (String n : names) {
            if (n.isBlank() || n.equalsIgnoreCase("none")) {
                continue;
            }
            Family k = Family.fromName(n);
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
