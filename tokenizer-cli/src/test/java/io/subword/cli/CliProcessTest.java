package io.subword.cli;

import io.subword.vocab.io.AtomicFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code subword} as a separate process ({@link Main} in a child JVM, as {@code bin/subword} runs it), for what only
 * a real process shows: answers through a pipe before the input ends, out of memory, and output to this process's
 * own standard output.
 */
class CliProcessTest {
    @TempDir
    Path dir;
    private Path vocab;

    @BeforeEach
    void writeVocab() throws Exception {
        vocab = CliRun.writeVocab(dir);
    }

    private static Process start(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1"); // starts faster; these runs are short
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    /**
     * A program that sends one line and waits for its answer gets it before it closes the pipe, line after line,
     * as at a terminal; nothing waits for a batch to fill.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            encode | hello   | 2 5 3   | worlds!  | 2 6 7 8 3
            decode | [5]     | hello   | 6,7      | worlds
            """)
    void answersEachLineBeforeTheInputEnds(String command, String first, String firstAnswer, String second,
                                           String secondAnswer) throws Exception {
        Process p = start(List.of(), command, "-t", vocab.toString());
        try {
            OutputStream in = p.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            in.write((first + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals(firstAnswer, CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS));
            in.write((second + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals(secondAnswer, CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS));
            in.close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(null, out.readLine());
        } finally {
            p.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A line larger than the heap (40 MB, -Xmx32m): one line naming the input and SUBWORD_JAVA_OPTS, exit 1, no stack trace. */
    @Test
    void outOfMemoryIsOneLine() throws Exception {
        Path big = dir.resolve("big.txt");
        byte[] chunk = "hello world ".repeat(1 << 12).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int written = 0; written < 40 << 20; written += chunk.length) { // 40 MB in one line
                out.write(chunk);
            }
            out.write('\n');
        }
        Process p = start(List.of("-Xmx32m"), "encode", "-t", vocab.toString(), "-i", big.toString());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals("", out);
        CliRun.Result r = new CliRun.Result(1, out, err);
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("subword: out of memory reading " + big + ", line 1 "), line);
        assertTrue(line.contains("SUBWORD_JAVA_OPTS=-Xmx4g"), line);
        assertFalse(err.contains("OutOfMemoryError"), err);
    }

    /**
     * {@code -o /dev/stdout} writes to the child's standard output (a pipe to this test) and leaves /dev/stdout a
     * link; run only after {@link AtomicFiles#plan} says it is written to the descriptor, never replaced.
     */
    @Test
    void outputToDevStdout() throws Exception {
        Path stdout = Path.of("/dev/stdout");
        assertEquals(AtomicFiles.Method.STANDARD_OUTPUT, AtomicFiles.plan(stdout).method());
        boolean wasLink = Files.isSymbolicLink(stdout);
        Process p = start(List.of(), "encode", "-t", vocab.toString(), "-o", "/dev/stdout");
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("2 5 3\n", out);
        assertEquals(wasLink, Files.isSymbolicLink(stdout));
    }
}
