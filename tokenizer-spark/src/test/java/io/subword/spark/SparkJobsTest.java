package io.subword.spark;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jobs as a user runs them: flags in, files and one-line messages out. */
class SparkJobsTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        SharedSpark.session(); // the jobs run in the active session, as in a notebook
        return SparkJobs.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void trainWritesTheFilesOfSubwordTrainAndShowsStagesNotSparksLog() throws Exception {
        Path dir = tmp.resolve("out");
        int code = run("train", "wordpiece", "--vocab-size", "1000", "--master", "local[2]", "-o", dir.toString(),
                TestCorpus.file().toString());
        assertEquals(0, code, err::toString);

        List<Path> expected = Trainer.of(Family.WORD_PIECE, TrainingOptions.builder().vocabSize(1000).build())
                .train(Corpus.of(TestCorpus.file()), TrainingListener.NONE).writeAll(tmp.resolve("one"));
        SparkTrainingTest.assertSameFiles(expected,
                expected.stream().map(p -> dir.resolve(p.getFileName())).toList());
        assertTrue(out.toString().startsWith("trained wordpiece: 1,000 tokens"), out::toString);
        String progress = err.toString();
        assertTrue(progress.contains("(count words): done in"), progress);
        assertTrue(progress.contains("distinct words (the driver takes at most 10,000,000)"), progress);
        for (String line : progress.split("\n")) {
            assertTrue(line.startsWith("subword: "), () -> "only the job's own lines: " + line);
        }
    }

    @Test
    void encodeAsTextGivesOneLineOfIdsPerInputLineInInputOrder() throws Exception {
        List<String> first = TestCorpus.lines();
        List<String> second = RealData.europarlLines().subList(3000, 3200);
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.copy(TestCorpus.file(), corpus.resolve("a.txt"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(corpus.resolve("b.txt.gz")))) {
            gz.write((String.join("\n", second) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path dir = tmp.resolve("ids");
        Path tokenizerJson = RealData.bertUncasedTokenizerJsonWithoutLimits();
        int code = run("encode", "-t", tokenizerJson.toString(), "--master", "local[2]", "-i", corpus.toString(),
                "-o", dir.toString(), "--format", "text", "--split-size", "1", "-q");
        assertEquals(0, code, err::toString);
        assertEquals("", err.toString(), "quiet");
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));

        Tokenizer bert = Tokenizers.fromFile(tokenizerJson);
        List<String> expected = new ArrayList<>();
        for (String line : Stream.concat(first.stream(), second.stream()).toList()) {
            expected.add(Arrays.stream(bert.encode(line).ids()).mapToObj(Integer::toString)
                    .collect(Collectors.joining(" ")));
        }
        assertEquals(expected, partFileLines(dir));
    }

    @Test
    void invalidUtf8FailsTheJobWithOneLineAndNoCommittedOutput() throws Exception {
        Path corpus = tmp.resolve("bad.txt");
        Files.write(corpus, SparkCorpusTest.bytes("fine\\nstill fine\\nbroken \\xC3\\x28 here\\n"));
        Path dir = tmp.resolve("ids");
        int code = run("encode", "-t", RealData.bertUncasedTokenizerJson().toString(), "-i", corpus.toString(),
                "-o", dir.toString(), "-q");
        assertEquals(1, code);
        assertEquals("subword: " + corpus + ", line 3: invalid UTF-8 at byte offset 23 (byte 8 of the line)\n",
                err.toString());
        assertFalse(Files.exists(dir.resolve("_SUCCESS")), "a failed job commits nothing");
    }

    @Test
    void anExistingOutputIsNotReplacedUnlessAsked() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("ids"));
        assertEquals(1, run("encode", "-t", RealData.bertUncasedTokenizerJson().toString(), "-i",
                TestCorpus.file().toString(), "-o", dir.toString(), "-q"));
        assertEquals("subword: " + dir + ": exists already (add --overwrite to replace it)\n", err.toString());
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() {
        assertEquals(2, run("train", "bytelevel"));
        assertTrue(err.toString().startsWith("subword: Missing required"), err::toString);
        assertEquals(1, err.toString().split("\n").length);
    }

    static List<String> partFileLines(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
