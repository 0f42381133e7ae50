package io.subword.cli;

import io.subword.compare.Candidate;
import io.subword.compare.CompareJob;
import io.subword.compare.Example;
import io.subword.compare.HtmlReport;
import io.subword.compare.MetricsJson;
import io.subword.compare.TextReport;
import io.subword.embed.Word2VecText;
import io.subword.embed.SkipGramResult;
import io.subword.embed.SkipGramTrainer;
import io.subword.embed.SubwordVectors;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.vocab.Require;
import io.subword.vocab.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * {@code subword demo}: the whole story on real text with nothing but Java and Maven. Takes the Europarl sample
 * (21 languages) through Maven, holds out 10% of its lines, trains word-level, WordPiece, BPE, byte-level BPE and
 * Unigram vocabularies (the families of {@code subword compare}) at 1k, 4k and 16k tokens on the rest, compares them on the held-out lines, shows how
 * "inimagináveis" and the rarest held-out words split, trains small subword embeddings on BPE pieces, and
 * writes the tokenizers, the embeddings, {@code metrics.json} and {@code report.html}, printing where each went.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole comparison on the Europarl sample (fetched once through Maven): train "
                + "word-level, WordPiece, BPE, byte-level BPE and Unigram vocabularies, compare them on held-out lines, "
                + "train small subword embeddings, and write tokenizers, embeddings and an HTML report."})
final class DemoCommand implements Callable<Integer> {
    /** The word of the README: Portuguese for "unimaginable" (plural). */
    static final String SHOWCASE_WORD = "inimagináveis";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "subword-demo",
            description = "Where to write everything (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--vocab-sizes", paramLabel = "SIZES", split = ",", defaultValue = "1000,4000,16000",
            converter = VocabSizeConverter.class,
            description = "Vocabulary sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--embedding-dim", paramLabel = "N", defaultValue = "64",
            description = "Size of the subword vectors (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--embedding-mb", paramLabel = "MB", defaultValue = "6",
            description = "Megabytes of training text the embeddings learn from (default: ${DEFAULT-VALUE}).")
    int embeddingMegabytes;

    @Option(names = "--embedding-epochs", paramLabel = "N", defaultValue = "10",
            description = "Passes of skip-gram training over that text (default: ${DEFAULT-VALUE}).")
    int embeddingEpochs;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress log = Progress.forCommand(err, quiet);
        CompareJob.Builder settings = CompareJob.builder();
        if (threads != null) {
            Require.atLeast("--threads", threads, 1);
            settings.threads(threads);
        }
        if (dim < 1 || embeddingMegabytes < 1 || embeddingEpochs < 1) {
            throw new IllegalArgumentException("--embedding-dim, --embedding-mb and --embedding-epochs must be at"
                    + " least 1");
        }

        if (Files.exists(out) && !Files.isDirectory(out)) { // found now, not after the work
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-o must be a folder, which the"
                    + " demo fills with its report, tokenizers and embeddings; " + out + " is a file");
        }
        for (String name : List.of("metrics.json", "report.html")) {
            AtomicFiles.check(out.resolve(name));
        }
        log.step("get the Europarl sample through Maven (cached after the first run)");
        Path europarl = MavenArtifacts.file(MavenArtifacts.EUROPARL, err);
        Path bodies = europarlBodies(europarl);
        log.note("text: " + bodies);

        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, ".work");
        try {
            // the families of subword compare's default (CompareJob.DEFAULT_FAMILIES), each at each size
            CompareJob job = settings.train(List.of(bodies)).vocabSizes(CompareCommand.checkSizes(sizes))
                    .exampleWords(List.of(SHOWCASE_WORD)).examples(12).workDir(work).build();
            CompareJob.Outcome outcome = job.run(log);

            log.step("write the tokenizers");
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < outcome.trained().size(); i++) {
                Candidate c = outcome.candidates().get(i);
                Path dir = out.resolve("tokenizers").resolve(c.model() + "-" + c.vocabSize());
                outcome.trained().get(i).writeAll(dir);
                written.add(dir);
            }

            // BPE 16k, not WordPiece: measured on the demo's text, WordPiece splits inimagináveis into
            // inim/##agi/##ná/##veis (Estonian and Czech pieces) and Unigram into ▁in/ima/gi/n/áveis, and the
            // neighbours of neither are related words; BPE's inim/ag/in/áveis</w> finds inaceitáveis, imaginar.
            Candidate embedded = largest(outcome.candidates(), Family.BPE.cliName());
            log.step("train " + dim + "-dimensional skip-gram embeddings of " + embedded.label() + " pieces on "
                    + embeddingMegabytes + " MB of the training text, " + embeddingEpochs + " epochs");
            List<String> lines = firstMegabytes(outcome.trainCorpus(), embeddingMegabytes);
            SkipGramResult trained = SkipGramTrainer.builder().dim(dim).window(5).negative(5).epochs(embeddingEpochs)
                    .minCount(3).threads(job.threads()).seed(1).build()
                    .train(embedded.tokenizer(), lines, log);
            log.finish();
            DemoEmbeddings shown = DemoEmbeddings.of(SubwordVectors.trained(embedded.tokenizer(), trained), lines);
            Path vec = out.resolve("embeddings").resolve(embedded.model() + "-" + embedded.vocabSize() + ".vec");
            Files.createDirectories(vec.getParent());
            Word2VecText.write(vec, embedded.tokenizer().vocabulary().tokens(), trained.input());

            Map<String, String> info = CompareCommand.info(outcome, job, log);
            info.put("embeddings", dim + "-dimensional skip-gram vectors of " + embedded.label() + " pieces, "
                    + String.format(Locale.ROOT, "%,d", trained.trainTokens()) + " tokens per epoch, "
                    + embeddingEpochs + " epochs");
            Path json = out.resolve("metrics.json");
            AtomicFiles.writeString(json, MetricsJson.toJson(outcome.result(), info));
            Path html = out.resolve("report.html");
            AtomicFiles.writeString(html, HtmlReport.render(outcome.result(), "UNK vs subwords on Europarl", info,
                    shown.section(info.get("embeddings"))));

            TextReport.write(outcome.result(), stdout);
            stdout.println();
            showcase(outcome, shown, stdout);
            stdout.println();
            stdout.println("files:");
            stdout.printf("  tokenizers  %s (%d folders, e.g. %s)%n", out.resolve("tokenizers"), written.size(),
                    written.get(written.size() - 1));
            stdout.printf("  embeddings  %s%n", vec);
            stdout.printf("  metrics     %s%n", json);
            stdout.printf("  report      %s (open it in a browser)%n", html);
            stdout.printf(Locale.ROOT, "done in %.1f s%n", log.seconds());
            stdout.flush();
        } finally {
            deleteTree(work);
        }
        return ErrorHandler.OK;
    }

    /** The showcase word next to the word-level result, and its nearest pieces by the embeddings. */
    private static void showcase(CompareJob.Outcome outcome, DemoEmbeddings shown, PrintWriter stdout) {
        for (Example e : outcome.result().examples()) {
            if (!e.word().equals(SHOWCASE_WORD)) {
                continue;
            }
            stdout.println(SHOWCASE_WORD + " (" + (e.trainingCount() == 0 ? "unseen in training"
                    : "seen " + e.trainingCount() + "x in training") + "):");
            for (Example.Split s : e.splits()) {
                stdout.printf("  %-10s %5s -> %s%n", s.model(), compact(s.vocabSize()), s.joined());
            }
        }
        shown.print(stdout);
    }

    private static String compact(int n) {
        return n % 1000 == 0 ? n / 1000 + "k" : Integer.toString(n);
    }

    /** The candidate of {@code model} with the largest vocabulary. */
    private static Candidate largest(List<Candidate> candidates, String model) {
        return candidates.stream().filter(c -> c.model().equals(model))
                .max(java.util.Comparator.comparingInt(Candidate::vocabSize)).orElseThrow();
    }

    /** The lines of the corpus up to about {@code megabytes} of UTF-8, in memory (for the embedding epochs). */
    private static List<String> firstMegabytes(Corpus corpus, int megabytes) throws Exception {
        List<String> lines = new ArrayList<>();
        long budget = megabytes * 1_000_000L;
        long used = 0;
        try (Corpus.Lines it = corpus.open()) {
            String line;
            while (used < budget && (line = it.next()) != null) {
                lines.add(line);
                used += line.length() + 1;
            }
        }
        return lines;
    }

    /** The body field of each Europarl line ({@code title<TAB>date<TAB>body}), written once next to the sample. */
    static Path europarlBodies(Path gz) throws IOException {
        Path bodies = gz.resolveSibling("europarl-bodies.txt");
        if (Files.isRegularFile(bodies)) {
            return bodies;
        }
        AtomicFiles.write(bodies, os -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8));
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    int a = line.indexOf('\t');
                    int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
                    String body = b < 0 ? line : line.substring(b + 1);
                    if (!body.isBlank()) {
                        w.write(body);
                        w.write('\n');
                    }
                }
            }
            w.flush(); // AtomicFiles closes the stream
        });
        return bodies;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a work folder left behind is harmless
        }
    }
}
