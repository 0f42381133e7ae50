package io.subword.cli;

import io.subword.vocab.io.AtomicFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first hour's mistakes, each answered before any work with one line on stderr, the right exit code (1 bad
 * input, 2 usage) and no stack trace; and output onto links and pipes, which must stay what they are.
 */
class CliErrorsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        CliRun.writeVocab(dir);
        Files.writeString(dir.resolve("corpus.txt"), "hello world\nhello worlds\n".repeat(20));
        Files.writeString(dir.resolve("vocab.json"), "{\"hello\": 0, \"world\": 1, \"h\": 2}\n");
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\nh e\nhe llo\n");
        Files.writeString(dir.resolve("merges-no-header.txt"), "h e\nhe llo\nw o\n");
        Files.writeString(dir.resolve("vectors.vec"), "2 3\nhello 0.1 -0.2 0.3\nworld 0.2 0.1 0.0\n");
        Files.write(dir.resolve("vectors.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        Files.write(dir.resolve("garbage.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0});
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.writeString(dir.resolve("empty"), "");
        Files.createDirectories(dir.resolve("folder"));
        Files.createDirectories(dir.resolve("folder.vec"));
        Files.createDirectories(dir.resolve("folder.npy"));
        Files.createDirectories(dir.resolve("empty-folder"));
        Files.writeString(dir.resolve("existing.txt"), "keep me");
    }

    /**
     * Arguments ({dir} is the temporary folder), exit code, and a part of the one error line. Each fails before
     * any work, so nothing is trained or compared first.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            encode -t bert-base-uncase                              | 1 | bert-base-uncase: no such file, and not a known tokenizer name; did you mean bert-base-uncased?
            encode -t cl100k                                        | 1 | did you mean cl100k_base?
            encode -t {dir}/nothing-here.json                       | 1 | nothing-here.json: no such file
            encode -t {dir}/vocab.json                              | 1 | vocab.json looks like GPT-2's vocab.json (a JSON object of token -> id); give its merges.txt too: -t {dir}/vocab.json --merges merges.txt
            encode -t {dir}/merges.txt                              | 1 | merges.txt looks like GPT-2's merges.txt (one pair of tokens per line); give it with its vocab.json: -t vocab.json --merges {dir}/merges.txt
            encode -t {dir}/merges-no-header.txt                    | 1 | looks like GPT-2's merges.txt
            encode -t {dir}/vectors.vec                             | 1 | vectors.vec looks like word vectors (word2vec: a count and a size, then a token and its numbers per line), not a tokenizer; -t takes a tokenizer.json, a BERT vocab.txt
            encode -t {dir}/vectors.npy                             | 1 | vectors.npy looks like a NumPy array (.npy), not a tokenizer; -t takes
            encode -t {dir}/garbage.bin                             | 1 | garbage.bin looks like a binary file, not a tokenizer
            encode -t {dir}/empty.txt                               | 1 | empty.txt: the vocabulary is empty
            encode -t {dir}/empty                                   | 1 | empty looks like empty, not a tokenizer
            encode -t {dir}/empty-folder                            | 1 | empty-folder: is a folder without a tokenizer.json; -t takes
            encode -t {dir}/vocab.txt --merges {dir}/merges.txt     | 1 | vocab.txt: --merges goes with GPT-2's vocab.json, but this looks like a BERT vocab.txt
            encode -t {dir}/vocab.json --merges {dir}/vocab.txt     | 1 | vocab.txt: --merges takes GPT-2's merges.txt, but this looks like a BERT vocab.txt
            encode -t {dir}/vocab.txt -o {dir}/folder               | 1 | folder: is a folder; name the file to write
            encode -t {dir}/vocab.txt -o {dir}/existing.txt/x       | 1 | existing.txt is not a folder
            decode -t {dir}/vocab.txt -o {dir}/folder               | 1 | folder: is a folder; name the file to write
            train bpe {dir}/corpus.txt -o {dir}/existing.txt        | 2 | -o must be a folder, which train fills with vocab.json, merges.txt, tokenizer.json; {dir}/existing.txt is a file
            train bpe {dir}/corpus.txt -o {dir}/folder --vocab-size -5 | 2 | '-5' is not a vocabulary size; it must be a whole number of tokens, at least 1
            train bpe {dir}/corpus.txt -o {dir}/folder --vocab-size 1.5 | 2 | '1.5' is not a vocabulary size
            train bpe {dir}/corpus.txt -o {dir}/folder --vocab-size 0 | 2 | '0' is not a vocabulary size
            train bpe {dir}/corpus.txt -o {dir}/folder --vocab-size lots | 2 | 'lots' is not a vocabulary size; write it as 8000, 8k or 1m
            compare --train {dir}/corpus.txt --report {dir}/folder  | 1 | folder: is a folder; name the file to write
            compare --train {dir}/corpus.txt --json {dir}/folder    | 1 | folder: is a folder; name the file to write
            compare --train {dir}/corpus.txt --vocab-sizes 1k,-5    | 2 | '-5' is not a vocabulary size
            convert -t {dir}/vocab.txt --to tokenizer.json -o {dir}/folder | 1 | folder: is a folder; name the file to write
            convert -t {dir}/vocab.txt --to vocab.json -o {dir}/v.json | 1 | vocab.json + merges.txt hold a BPE model
            demo -o {dir}/existing.txt                              | 2 | -o must be a folder, which the demo fills with its report, tokenizers and embeddings
            embed train -t {dir}/vocab.txt {dir}/corpus.txt -o {dir}/folder.vec | 1 | folder.vec: is a folder; name the file to write
            embed positions --dim 4 --max-len 3 -o {dir}/folder.npy | 1 | folder.npy: is a folder; name the file to write
            """)
    void oneLineBeforeAnyWork(String args, int exitCode, String expected) throws Exception {
        String d = dir.toString();
        CliRun.Result r = CliRun.run("hello\n", args.replace("{dir}", d).split(" "));
        assertEquals(exitCode, r.exitCode(), r.err());
        String line = r.oneErrorLine();
        assertTrue(line.contains(expected.replace("{dir}", d)), line);
        assertEquals("", r.out());
        assertEquals("keep me", Files.readString(dir.resolve("existing.txt")));
        try (var files = Files.list(dir.resolve("folder"))) {
            assertEquals(0, files.count(), "nothing written into the folder");
        }
    }

    /** A folder that subword train wrote is read as its tokenizer.json. */
    @Test
    void aTrainedFolderIsATokenizer() {
        String out = dir.resolve("trained").toString();
        CliRun.Result trained = CliRun.run("", "train", "wordpiece", dir.resolve("corpus.txt").toString(), "-o", out,
                "--vocab-size", "40", "-q");
        assertEquals(0, trained.exitCode(), trained.err());
        CliRun.Result r = CliRun.run("hello\n", "encode", "-t", out, "--format", "tokens");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("[CLS] hello [SEP]"), r.outLines());
    }

    /** Output through a symbolic link reaches its target; the link stays a link. */
    @Test
    void outputThroughASymlink() throws Exception {
        Path target = dir.resolve("target.txt");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target.getFileName());
        CliRun.Result r = CliRun.run("hello\n", "encode", "-t", dir.resolve("vocab.txt").toString(), "-o",
                link.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("2 5 3\n", Files.readString(target));
    }

    /** Output into a FIFO goes to its reader; the FIFO stays a FIFO. */
    @Test
    void outputIntoAFifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun.Result r = CliRun.run("5\n[6, 7]\n", "decode", "-t", dir.resolve("vocab.txt").toString(), "-i",
                "-", "-o", fifo.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("hello\nworlds\n", reader.get(30, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther());
        assertEquals(AtomicFiles.Method.STRAIGHT_THROUGH, AtomicFiles.plan(fifo).method());
    }

    /** Help never splits a file name such as vocab.json across lines. */
    @ParameterizedTest
    @CsvSource({"encode", "decode", "convert", "train", "compare", "inspect", "demo", "embed train"})
    void helpKeepsNamesWhole(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliRun.Result r = CliRun.run("", args.toArray(new String[0]));
        assertEquals(0, r.exitCode());
        for (String line : r.out().split("\n")) {
            int width = Math.max(80, Terminal.columns().orElse(80));
            assertTrue(line.length() <= width || !line.strip().contains(" "), () -> "too long: " + line);
            assertFalse(line.matches(".*\\w\\.$") && !line.endsWith("..") && line.matches(".*(vocab|merges|tokenizer"
                    + "|cl100k_base|[a-z]+_base)\\.$"), () -> "a name split at its dot: " + line);
        }
    }
}
