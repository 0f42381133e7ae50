package io.subword;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource limits: a huge single-line input encodes in a JVM whose heap is capped at a fixed multiple of the
 * input (20 MB by default, 100 MB with {@code -Pfuzz-long}); a 1,000,000-token vocabulary loads from every format.
 */
class ResourceLimitsTest {
    /**
     * Heap allowed per MB of input (UTF-16 chars), on top of {@link #BASE_HEAP_MB} for the JVM and the model.
     * Measured: byte-level cl100k passes in 32, BERT WordPiece (whose normalizer keeps two ints of alignment per
     * char) fails in 32 and passes in 48; the encoding itself holds 8 ints per token.
     */
    static final int HEAP_MB_PER_INPUT_MB = 48;
    static final int BASE_HEAP_MB = 160;
    private static final List<String> REPORT = new ArrayList<>();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wordpiece-bert", "bpe-byte-level-cl100k"})
    void hugeSingleLineEncodesInABoundedHeap(String name) throws Exception {
        int mb = Integer.getInteger("subword.bigInputMb", 20);
        int heap = BASE_HEAP_MB + HEAP_MB_PER_INPUT_MB * mb;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap + "m", "-ea", "-cp", System.getProperty("java.class.path"),
                LargeInputMain.class.getName(), name, Integer.toString(mb))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> name + " in -Xmx" + heap + "m:\n" + out);
        REPORT.add(out.strip() + " in -Xmx" + heap + "m");
    }

    /** In its own JVM (1 GB heap), so that what other suites keep cached in this one does not weigh on it. */
    @Test
    void millionTokenVocabularyLoadsFromEveryFormat() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-ea", "-cp", System.getProperty("java.class.path"), MillionTokenVocabMain.class.getName(),
                dir.toString(), Integer.toString(Integer.getInteger("subword.fuzz.scale", 1)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        REPORT.add(out.strip() + " in -Xmx1g");
    }

    @AfterAll
    static void report() {
        REPORT.forEach(r -> System.out.println("resources: " + r));
    }
}
