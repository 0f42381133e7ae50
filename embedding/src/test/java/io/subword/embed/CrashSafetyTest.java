package io.subword.embed;

import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.TiktokenRanks;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a JVM that writes every output format ({@link CrashWriterMain}) at seeded random moments, again and again
 * in the same folder, and checks after each kill that every output file is either absent (never written yet) or
 * one whole round: it reads back completely and says one round number throughout. A kill may leave
 * {@code AtomicFiles}' hidden temporary file ({@code .name.*.tmp}), which no reader looks at; those are counted.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void killedWritersLeaveWholeFilesOrNone() throws Exception {
        int kills = 6 * Integer.getInteger("subword.fuzz.scale", 1);
        Random random = new Random(20240630);
        int checked = 0;
        int strayTemps = 0;
        int lastRound = 0;
        for (int kill = 0; kill < kills; kill++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(),
                    dir.toString())
                    .redirectErrorStream(true).start();
            AtomicInteger rounds = new AtomicInteger();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("round ")) {
                            rounds.incrementAndGet();
                        } else {
                            System.out.println("writer: " + line);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process died
                }
            });
            reader.start();
            // wait for a first round on the first run, then kill at a seeded moment inside a later round
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (kill == 0 && rounds.get() == 0 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200 + random.nextInt(1500));
            assertTrue(p.isAlive(), "the writer died by itself");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            reader.join();
            lastRound = Math.max(lastRound, rounds.get());
            for (String name : CrashWriterMain.FILES) {
                Path file = dir.resolve(name);
                if (Files.exists(file)) {
                    checkWhole(file);
                    checked++;
                }
            }
            try (Stream<Path> all = Files.list(dir)) {
                for (Path f : (Iterable<Path>) all::iterator) {
                    String n = f.getFileName().toString();
                    if (!CrashWriterMain.FILES.contains(n)) {
                        assertTrue(n.startsWith(".") && n.endsWith(".tmp"), () -> "unexpected file " + n);
                        strayTemps++;
                    }
                }
            }
        }
        assertTrue(checked >= CrashWriterMain.FILES.size(), "the writer never completed a round");
        System.out.println("crash-safety: " + kills + " writer JVMs killed (destroyForcibly), " + checked
                + " output files checked whole (9 formats), 0 partial; " + strayTemps
                + " hidden temporary files left by kills");
    }

    /** Reads {@code file} whole and checks that every part of it is from the same round. */
    static void checkWhole(Path file) throws Exception {
        String name = file.getFileName().toString();
        List<String> tokens;
        switch (name) {
            case "vocab.txt", "vectors.vocab.txt" -> tokens = VocabTxt.read(file).tokens();
            case "vocab.json" -> tokens = VocabJson.read(file).tokens();
            case "merges.txt" -> {
                tokens = new ArrayList<>();
                MergesTxt.read(file).forEach(m -> tokens.add(m.left() + m.right()));
                assertEquals(CrashWriterMain.TOKENS - 4, tokens.size(), name);
                String round = tokens.get(0).substring(0, tokens.get(0).indexOf('_'));
                for (int i = 0; i < tokens.size(); i++) {
                    assertEquals(round + "_" + (i + 4), tokens.get(i), name);
                }
                return;
            }
            case "ranks.tiktoken" -> {
                TiktokenRanks r = TiktokenRanks.read(file);
                tokens = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    tokens.add(new String(r.token(i), StandardCharsets.UTF_8));
                }
            }
            case "tokenizer.json" -> {
                Tokenizer t = TokenizerJson.read(file);
                tokens = t.model().vocabulary().tokens();
            }
            case "vectors.vec", "vectors.bin" -> {
                TokenEmbeddings e = EmbeddingFiles.read(file, EmbeddingFormat.forFile(file));
                tokens = e.tokens();
                checkValues(name, e.table(), round(tokens));
            }
            case "vectors.npy" -> {
                EmbeddingTable table = NpyFile.read(file);
                assertEquals(CrashWriterMain.TOKENS, table.data().length / CrashWriterMain.DIM, name);
                checkValues(name, table, table.data()[0]);
                return;
            }
            default -> throw new AssertionError(name);
        }
        assertEquals(CrashWriterMain.tokens((int) round(tokens)), tokens, name);
    }

    private static float round(List<String> tokens) {
        return Integer.parseInt(tokens.get(3).substring(1));
    }

    private static void checkValues(String name, EmbeddingTable table, float round) {
        for (float v : table.data()) {
            if (v != round) {
                throw new AssertionError(name + ": values of two rounds, " + v + " and " + round);
            }
        }
    }
}
