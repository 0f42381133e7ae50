package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills {@code subword train bpe} (and, with {@code -Pfuzz-long}, wordpiece and bytelevel; a separate JVM, destroyForcibly) at seeded moments spread over a whole run, again
 * and again into the same output folder that a first, complete run filled: after each kill every file is the
 * previous run's or the new run's, whole (it loads, and tokenizer.json agrees with the vocabulary files of
 * the same size), never part of one.
 */
class CrashTrainTest {
    @TempDir
    Path dir;

    @Test
    void killedTrainingLeavesWholeFiles() throws Exception {
        Path corpus = dir.resolve("corpus.txt");
        Files.write(corpus, RealData.europarlSlice(1 << 20), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        boolean longRun = Integer.getInteger("subword.fuzz.scale", 1) > 1;
        for (String family : longRun ? List.of("bpe", "wordpiece", "bytelevel") : List.of("bpe")) {
            long start = System.nanoTime();
            Process first = train(family, corpus, out, 2000);
            assertTrue(first.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, first.exitValue(), new String(first.getInputStream().readAllBytes()));
            long full = System.nanoTime() - start;
            check(family, out);
            Random random = new Random(20240702);
            int kills = 3 * Integer.getInteger("subword.fuzz.scale", 1);
            for (int k = 0; k < kills; k++) {
                Process p = train(family, corpus, out, 1000 + 500 * k);
                long at = (long) (full * (0.4 + 0.7 * random.nextDouble()));
                p.waitFor(at, TimeUnit.NANOSECONDS);
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                check(family, out);
            }
            System.out.println("crash-safety: subword train " + family + " killed " + kills
                    + " times (destroyForcibly) at seeded moments; output files whole each time");
        }
    }

    private Process train(String family, Path corpus, Path out, int vocabSize) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", family,
                corpus.toString(), "-o", out.toString(), "--vocab-size", Integer.toString(vocabSize), "--quiet"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Every output file loads whole; the folder holds nothing else but AtomicFiles' hidden temporaries. */
    private static void check(String family, Path out) throws Exception {
        Tokenizer t = Tokenizers.fromFile(out.resolve("tokenizer.json"));
        assertTrue(t.vocabulary().tokenCount() > 100);
        if (!family.equals("wordpiece")) {
            assertTrue(VocabJson.read(out.resolve("vocab.json")).tokenCount() > 100);
            MergesTxt.read(out.resolve("merges.txt"));
        } else {
            assertTrue(VocabTxt.read(out.resolve("vocab.txt")).tokenCount() > 100);
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                assertTrue(List.of("tokenizer.json", "vocab.json", "merges.txt", "vocab.txt").contains(n)
                        || (n.startsWith(".") && n.endsWith(".tmp")), () -> "unexpected file " + n);
            }
        }
    }
}
