package io.subword.vocab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AtomicFiles} on what is not an ordinary file: links are followed and stay links, a FIFO and devices are
 * written straight through and stay what they were. Each case runs where it can do no harm: links and FIFOs in a
 * temporary folder; {@code /dev/null} and {@code /dev/stdout} only in a child JVM whose output the test reads, and
 * only after {@link AtomicFiles#plan} has said they would be written straight through (so broken code fails here
 * instead of replacing the machine's {@code /dev/null}).
 */
class AtomicFilesSpecialTargetsTest {
    @TempDir
    Path dir;

    /** Link chains of each length: the file at the end gets the content, every link stays a link. */
    @ParameterizedTest
    @CsvSource({"1, false", "3, false", "1, true", "2, true"})
    void aSymlinkIsFollowedToItsTargetAndStaysALink(int links, boolean relative) throws IOException {
        Path target = dir.resolve("real.txt");
        Files.writeString(target, "old");
        List<Path> chain = new ArrayList<>();
        Path next = target;
        for (int i = 0; i < links; i++) {
            Path link = dir.resolve("link" + i + ".txt");
            Files.createSymbolicLink(link, relative ? next.getFileName() : next);
            chain.add(link);
            next = link;
        }
        AtomicFiles.writeString(next, "new");
        assertEquals("new", Files.readString(target));
        for (Path link : chain) {
            assertTrue(Files.isSymbolicLink(link), link + " was replaced");
        }
        assertEquals(List.of(), leftovers(), "no temporary file left");
    }

    @Test
    void aLinkToAMissingFileCreatesTheFileAsTheShellWould() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Path link = dir.resolve("link.txt");
        Files.createSymbolicLink(link, Path.of("sub", "made.txt"));
        AtomicFiles.writeString(link, "x");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", Files.readString(dir.resolve("sub/made.txt")));
    }

    @Test
    void aFolderOrALinkToOneIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path link = dir.resolve("to-folder");
        Files.createSymbolicLink(link, folder);
        for (Path p : List.of(folder, link)) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.check(p));
            assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
            assertThrows(FileSystemException.class, () -> AtomicFiles.writeString(p, "x"));
        }
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.check(file.resolve("a")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFifoIsWrittenThroughToItsReaderAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        assertEquals(AtomicFiles.Method.STRAIGHT_THROUGH, AtomicFiles.plan(fifo).method());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) { // waits for the writer
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(fifo, "through the pipe\n");
        assertEquals("through the pipe\n", reader.get(30, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a FIFO");
        assertEquals(List.of(), leftovers());
    }

    /** The child's stdout is a pipe to this test: /dev/stdout and /dev/fd/1 reach it, and stay links. */
    @ParameterizedTest
    @CsvSource({"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
    void standardOutputIsWrittenToTheDescriptor(String path) throws Exception {
        assertEquals(AtomicFiles.Method.STANDARD_OUTPUT, AtomicFiles.plan(Path.of(path)).method());
        boolean wasLink = Files.isSymbolicLink(Path.of(path));
        Process p = child(path, "to standard output");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("to standard output\n", out);
        assertEquals(wasLink, Files.isSymbolicLink(Path.of(path)), path + " is still what it was");
    }

    @Test
    void devNullStaysADevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        assertTrue(Files.readAttributes(devNull, BasicFileAttributes.class).isOther());
        assertEquals(new AtomicFiles.Plan(AtomicFiles.Method.STRAIGHT_THROUGH, devNull), AtomicFiles.plan(devNull));
        Process p = child("/dev/null", "into nothing");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("", out);
        BasicFileAttributes after = Files.readAttributes(devNull, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        assertTrue(after.isOther() && !after.isRegularFile(), "/dev/null is still a device");
        assertEquals(0, Files.readAllBytes(devNull).length, "/dev/null still reads empty");
        try (Stream<Path> files = Files.list(Path.of("/dev"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith(".null.")),
                    "no temporary file left in /dev");
        }
    }

    /** What bash's process substitution gives: /dev/fd/63, a pipe to another process (gzip here). */
    @Test
    void processSubstitutionReceivesTheOutput() throws Exception {
        Path gz = dir.resolve("x.gz");
        String script = "\"$0\" -cp \"$1\" " + AtomicFilesChild.class.getName()
                + " >(gzip > \"$2\") 'through gzip'; wait";
        Process p = new ProcessBuilder("bash", "-c", script, javaBin(), System.getProperty("java.class.path"),
                gz.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String text = "";
        while (System.nanoTime() < deadline) { // gzip may finish after bash returns
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                break;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        assertEquals("through gzip\n", text);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process child(String path, String text) throws IOException {
        return new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), AtomicFilesChild.class.getName(), path, text).start();
    }

    private List<String> leftovers() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).forEach(names::add);
        }
        return names;
    }
}
