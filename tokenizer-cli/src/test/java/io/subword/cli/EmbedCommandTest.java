package io.subword.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code subword embed} end to end on the small vocab.txt of {@link CliRun#VOCAB} and a tiny corpus, trained with
 * one thread (so the result depends only on the seed) in each file format.
 */
class EmbedCommandTest {
    /** 11 tokens: hello world ##s ! in ##ima ##gin ##ave ##is hello world; 9 distinct pieces. */
    private static final String LINE = "hello worlds! inimagináveis hello world";
    private static final int LINES = 50;
    private static final Set<String> TRAINED = Set.of("hello", "world", "##s", "!", "in", "##ima", "##gin", "##ave",
            "##is");

    @TempDir
    Path dir;
    private Path vocab;
    private Path corpus;

    @BeforeEach
    void writeFiles() throws Exception {
        vocab = CliRun.writeVocab(dir);
        corpus = dir.resolve("corpus.txt");
        Files.write(corpus, Collections.nCopies(LINES, LINE), StandardCharsets.UTF_8);
    }

    private CliRun.Result run(String... args) {
        return CliRun.run("", args);
    }

    private Path train(String name) {
        Path out = dir.resolve(name);
        CliRun.Result r = run("embed", "train", "-t", vocab.toString(), "--dim", "8", "--epochs", "1",
                "--threads", "1", "--quiet", "-o", out.toString(), corpus.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).matches("trained 9 of 16 pieces \\(dim 8\\) on 550 tokens x 1 epochs from 50 lines"
                + " in \\d+:\\d\\d:\\d\\d"), lines.get(0));
        assertEquals(out.toString(), lines.get(1));
        return out;
    }

    /** The row of {@code token} in a word2vec text file, as its value strings. */
    private static String[] vecRow(Path vec, String token) throws Exception {
        for (String line : Files.readAllLines(vec, StandardCharsets.UTF_8)) {
            if (line.startsWith(token + " ")) {
                return line.substring(token.length() + 1).split(" ");
            }
        }
        throw new AssertionError(token + " not in " + vec);
    }

    @Test
    void trainWritesEveryVocabularyRowInIdOrder() throws Exception {
        Path vec = train("v.vec");
        List<String> lines = Files.readAllLines(vec, StandardCharsets.UTF_8);
        assertEquals("16 8", lines.get(0));
        assertEquals(17, lines.size());
        for (int id = 0; id < CliRun.VOCAB.size(); id++) {
            String token = CliRun.VOCAB.get(id);
            String[] fields = lines.get(id + 1).split(" ");
            assertEquals(token, fields[0]);
            assertEquals(9, fields.length);
            boolean zero = Arrays.stream(fields, 1, 9).allMatch("0.0"::equals);
            assertEquals(!TRAINED.contains(token), zero, token); // untrained rows are zeros
        }
    }

    @Test
    void npyWritesTheTokenListBeside() throws Exception {
        Path npy = dir.resolve("v.npy");
        CliRun.Result r = run("embed", "train", "-t", vocab.toString(), "--dim", "8", "--epochs", "1",
                "--threads", "1", "-q", "-o", npy.toString(), corpus.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(npy.toString(), dir.resolve("v.vocab.txt").toString()), r.outLines().subList(1, 3));
        assertEquals(CliRun.VOCAB, Files.readAllLines(dir.resolve("v.vocab.txt"), StandardCharsets.UTF_8));
    }

    /** With one thread the training is a function of the seed: every format gives the same vectors. */
    @Test
    void vectorIsThePieceRowOrThePieceMean() throws Exception {
        Path vec = train("v.vec");
        Path bin = train("v.bin");
        Path npy = dir.resolve("v.npy");
        assertEquals(0, run("embed", "train", "-t", vocab.toString(), "--dim", "8", "--epochs", "1", "--threads", "1",
                "-q", "-o", npy.toString(), corpus.toString()).exitCode());

        CliRun.Result r = run("embed", "vector", "-e", vec.toString(), "-t", vocab.toString(), "hello", "inis");
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        List<String> lines = r.outLines();
        assertEquals(2, lines.size());
        // A one-piece word is its piece's row.
        assertEquals("hello\t" + String.join(" ", vecRow(vec, "hello")), lines.get(0));
        // "inis" never occurs in the corpus; it is composed from in + ##is.
        String[] in = vecRow(vec, "in");
        String[] is = vecRow(vec, "##is");
        StringBuilder mean = new StringBuilder("inis\t");
        for (int j = 0; j < 8; j++) {
            double sum = (double) Float.parseFloat(in[j]) + Float.parseFloat(is[j]);
            mean.append(j == 0 ? "" : " ").append((float) (sum / 2));
        }
        assertEquals(mean.toString(), lines.get(1));

        for (Path other : List.of(bin, npy)) {
            assertEquals(r.out(), run("embed", "vector", "-e", other.toString(), "-t", vocab.toString(), "hello",
                    "inis").out(), other.toString());
        }
    }

    @Test
    void nearestListsTrainedPiecesOtherThanTheWordsOwn() throws Exception {
        Path vec = train("v.vec");
        CliRun.Result r = run("embed", "nearest", "-e", vec.toString(), "-t", vocab.toString(), "-k", "20", "inis");
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        List<String> lines = r.outLines();
        assertEquals("inis -> in ##is", lines.get(0));
        // 9 trained pieces less the word's own 2; never [UNK], [PAD] or another untrained row.
        assertEquals(8, lines.size());
        Set<String> tokens = new TreeSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            assertEquals(3, f.length, lines.get(i));
            assertEquals(Integer.toString(i), f[0]);
            tokens.add(f[1]);
            assertTrue(f[2].matches("-?[01]\\.\\d{4}"), f[2]);
            double score = Double.parseDouble(f[2]);
            assertTrue(score <= previous, lines.get(i));
            previous = score;
        }
        assertEquals(new TreeSet<>(List.of("hello", "world", "##s", "!", "##ima", "##gin", "##ave")), tokens);

        CliRun.Result k3 = run("embed", "nearest", "-e", vec.toString(), "-t", vocab.toString(), "inis", "-k", "3");
        assertEquals(lines.subList(0, 4), k3.outLines());
    }

    /** --all-but-the-top D ranks by the cosines of SubwordVectors.allButTheTop(D); D outside [0, dim] is refused. */
    @Test
    void nearestAfterAllButTheTop() throws Exception {
        Path vec = train("v.vec");
        io.subword.embed.SubwordVectors sv = io.subword.embed.SubwordVectors.load(vec,
                io.subword.Tokenizers.fromVocabTxt(vocab)).allButTheTop(1);
        CliRun.Result r = run("embed", "nearest", "-e", vec.toString(), "-t", vocab.toString(), "-k", "3",
                "--all-but-the-top", "1", "inis");
        assertEquals(0, r.exitCode(), r.err());
        List<String> expected = new java.util.ArrayList<>(List.of("inis -> in ##is"));
        List<io.subword.embed.SubwordVectors.Neighbor> nearest = sv.nearest("inis", 3);
        for (int i = 0; i < nearest.size(); i++) {
            expected.add((i + 1) + " " + nearest.get(i).token() + " "
                    + String.format(java.util.Locale.ROOT, "%.4f", nearest.get(i).score()));
        }
        assertEquals(expected, r.outLines());
        CliRun.Result bad = run("embed", "nearest", "-e", vec.toString(), "-t", vocab.toString(),
                "--all-but-the-top", "9", "inis");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--all-but-the-top must be at most the dimension 8, got 9"), bad.err());
    }

    @Test
    void nearestNamesPiecesWithoutAVectorAndSeparatesWords() throws Exception {
        Path vec = train("v.vec");
        CliRun.Result r = run("embed", "nearest", "-e", vec.toString(), "-t", vocab.toString(), "-k", "2",
                "hello hi", "Inimagináveis");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertEquals(7, lines.size(), r.out());
        assertEquals("hello hi -> hello [UNK] (no vector: [UNK])", lines.get(0));
        assertEquals("", lines.get(3));
        assertEquals("Inimagináveis -> in ##ima ##gin ##ave ##is", lines.get(4));
        for (int i : new int[] {1, 2, 5, 6}) {
            assertFalse(lines.get(i).contains("[UNK]"), lines.get(i));
        }
    }

    @Test
    void positionsNpy() throws Exception {
        Path npy = dir.resolve("pe.npy");
        CliRun.Result r = run("embed", "positions", "--dim", "4", "--max-len", "3", "-o", npy.toString());
        assertEquals("", r.err());
        assertEquals(List.of(npy.toString()), r.outLines());
        assertFalse(Files.exists(dir.resolve("pe.vocab.txt")));
        byte[] bytes = Files.readAllBytes(npy);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, Arrays.copyOf(bytes, 8));
        int headerLength = b.getShort(8) & 0xffff;
        int data = 10 + headerLength;
        assertEquals(0, data % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"), header);
        assertTrue(header.endsWith("\n"), header);
        assertEquals(data + 3 * 4 * 4, bytes.length);
        float[][] expected = {
                {0f, 1f, 0f, 1f},
                {(float) Math.sin(1), (float) Math.cos(1), (float) Math.sin(0.01), (float) Math.cos(0.01)},
                {(float) Math.sin(2), (float) Math.cos(2), (float) Math.sin(0.02), (float) Math.cos(0.02)},
        };
        for (int pos = 0; pos < 3; pos++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[pos][j], b.getFloat(data + 4 * (pos * 4 + j)), "PE(" + pos + "," + j + ")");
            }
        }
    }

    @Test
    void positionsVecHasPositionTokens() throws Exception {
        Path vec = dir.resolve("pe.vec");
        CliRun.Result r = run("embed", "positions", "--dim", "2", "--max-len", "2", "-o", vec.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("2 2", "0 0.0 1.0", "1 " + (float) Math.sin(1) + " " + (float) Math.cos(1)),
                Files.readAllLines(vec, StandardCharsets.UTF_8));
    }

    /**
     * Arguments (space-separated; {dir} is the test's folder, holding vocab.txt, corpus.txt, empty.txt, other.txt
     * and trained v.vec), exit code, the one line on stderr.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            embed train -t {dir}/vocab.txt -q -o {dir}/o.vec {dir}/nope.txt | 1 | subword: {dir}/nope.txt: no such file
            embed train -t {dir}/vocab.txt -q -o {dir}/o.vec {dir}/empty.txt | 1 | subword: {dir}/empty.txt: nothing to train on (0 lines, no tokens)
            embed train -t {dir}/vocab.txt -q --dim 0 -o {dir}/o.vec {dir}/corpus.txt | 2 | subword: --dim must be at least 1, not 0 (see 'subword embed train --help')
            embed train -t {dir}/vocab.txt -q -o {dir}/o.xyz {dir}/corpus.txt | 2 | subword: -o: cannot tell the embedding format of {dir}/o.xyz (expected .vec, .txt, .bin or .npy) (see 'subword embed train --help')
            embed train -t {dir}/vocab.txt -q -o {dir}/o.vec - | 2 | subword: the corpus is read several times, so it cannot be standard input (-) (see 'subword embed train --help')
            embed train -t {dir}/vocab.txt -q -o {dir}/nofolder/o.vec {dir}/corpus.txt | 1 | subword: {dir}/nofolder: no such folder
            embed train -t {dir}/nope.txt -q -o {dir}/o.vec {dir}/corpus.txt | 1 | subword: {dir}/nope.txt: no such file
            embed vector -e {dir}/v.vec -t {dir}/other.txt hello | 1 | `subword: {dir}/v.vec: its 16 tokens are not the tokenizer's 7 (10 not in the tokenizer's vocabulary, such as "world", "##s", "!"; 1 of the tokenizer's without a row, such as "foo"); use the tokenizer the vectors were trained with`
            embed nearest -e {dir}/v.vec -t {dir}/other.txt hello | 1 | `subword: {dir}/v.vec: its 16 tokens are not the tokenizer's 7 (10 not in the tokenizer's vocabulary, such as "world", "##s", "!"; 1 of the tokenizer's without a row, such as "foo"); use the tokenizer the vectors were trained with`
            embed vector -e {dir}/v.vec -t {dir}/vocab.txt hello hi | 1 | `subword: no vector for "hi": its pieces [[UNK]] are all special, unknown or untrained tokens`
            embed nearest -e {dir}/v.vec -t {dir}/vocab.txt [CLS] | 1 | `subword: no vector for "[CLS]": its pieces [[CLS]] are all special, unknown or untrained tokens`
            embed nearest -e {dir}/v.vec -t {dir}/vocab.txt -k 0 hello | 2 | subword: -k must be at least 1, not 0 (see 'subword embed nearest --help')
            embed nearest -e {dir}/nope.vec -t {dir}/vocab.txt hello | 1 | subword: {dir}/nope.vec: no such file
            embed nearest -e {dir}/v.model -t {dir}/vocab.txt hello | 2 | subword: -e: cannot tell the embedding format of {dir}/v.model (expected .vec, .txt, .bin or .npy) (see 'subword embed nearest --help')
            embed positions --dim 0 --max-len 3 -o {dir}/pe.npy | 2 | subword: --dim must be at least 1, not 0 (see 'subword embed positions --help')
            embed positions --dim 70000 --max-len 70000 -o {dir}/pe.npy | 1 | subword: maxLen 70000 x dim 70000 is too large
            embed | 2 | subword: Missing required subcommand (see 'subword embed --help')
            """)
    void errors(String args, int exitCode, String message) throws Exception {
        train("v.vec");
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.write(dir.resolve("other.txt"), List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "foo"));
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) {
            argv.add(a.replace("{dir}", dir.toString()));
        }
        CliRun.Result r = run(argv.toArray(new String[0]));
        assertEquals(message.replace("{dir}", dir.toString()), r.oneErrorLine());
        assertEquals(exitCode, r.exitCode());
        assertEquals("", r.out());
        assertFalse(Files.exists(dir.resolve("o.vec")));
    }

    /** A word with no vector fails the whole command before anything is printed. */
    @ParameterizedTest
    @ValueSource(strings = {"vector", "nearest"})
    void noPartialOutput(String command) throws Exception {
        Path vec = train("v.vec");
        CliRun.Result r = run("embed", command, "-e", vec.toString(), "-t", vocab.toString(), "hi", "hello");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
    }
}
