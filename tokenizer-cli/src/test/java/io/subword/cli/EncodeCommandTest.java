package io.subword.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code subword encode} on the small vocab.txt of {@link CliRun#VOCAB}, through the BERT uncased pipeline. */
class EncodeCommandTest {
    private static final String EMOJI = "\uD83D\uDE00";

    @TempDir
    Path dir;
    private Path vocab;

    @BeforeEach
    void writeVocab() throws Exception {
        vocab = CliRun.writeVocab(dir);
    }

    private CliRun.Result encode(String stdin, String... options) {
        List<String> args = new ArrayList<>(List.of("encode", "-t", vocab.toString()));
        args.addAll(List.of(options));
        return CliRun.run(stdin, args.toArray(new String[0]));
    }

    /** Options (space-separated), one input line, the output line; {@code \t} in the expectation is a tab. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                     | Hello worlds!  | 2 5 6 7 8 3
            --no-special                           | Hello worlds!  | 5 6 7 8
            --no-special --format ids              | Hello worlds!  | 5 6 7 8
            --no-special --format tokens           | Hello worlds!  | hello world ##s !
            --no-special --format TOKENS           | hello          | hello
            --special                              | Hello worlds!  | 2 5 6 7 8 3
            --no-special --special                 | Hello worlds!  | 2 5 6 7 8 3
            --special --no-special                 | Hello worlds!  | 5 6 7 8
            --format tokens                        | hello          | [CLS] hello [SEP]
            --no-special --offsets                 | Hello worlds!  | 5 6 7 8\\t0:5 6:11 11:12 12:13
            --no-special --format tokens --offsets | Hello worlds!  | hello world ##s !\\t0:5 6:11 11:12 12:13
            --offsets                              | hello          | 2 5 3\\t0:0 0:5 0:0
            --no-special --offsets                 | hi             | 1\\t0:2
            --no-special --format tokens           | hello hi world | hello [UNK] world
            --no-special --cased --format tokens   | Hello hello    | Hello hello
            --no-special --cased --format tokens   | HELLO          | [UNK]
            """)
    void formats(String options, String input, String expected) {
        String[] opts = options.isEmpty() ? new String[0] : options.split(" ");
        CliRun.Result r = encode(input + "\n", opts);
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        assertEquals(List.of(expected.replace("\\t", "\t")), r.outLines());
    }

    /** The emoji is 1 code point, 2 UTF-16 units and 4 UTF-8 bytes; the default unit is code points. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                         | 5 9 6\\t0:5 6:7 8:13
            --offset-unit codepoint    | 5 9 6\\t0:5 6:7 8:13
            --offset-unit utf16        | 5 9 6\\t0:5 6:8 9:14
            --offset-unit byte         | 5 9 6\\t0:5 6:10 11:16
            """)
    void offsetUnits(String unitOption, String expected) {
        List<String> opts = new ArrayList<>(List.of("--offsets", "--no-special"));
        if (!unitOption.isEmpty()) {
            opts.addAll(List.of(unitOption.split(" ")));
        }
        CliRun.Result r = encode("hello " + EMOJI + " world\n", opts.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(expected.replace("\\t", "\t")), r.outLines());
    }

    @Test
    void emptyLinesGiveEmptyLinesAndCrlfIsStripped() {
        CliRun.Result r = encode("hello\r\n\r\n\r\nworld\r\n", "--offsets", "--no-special");
        assertEquals(List.of("5\t0:5", "\t", "\t", "6\t0:5"), r.outLines(), "every line has two columns");
        assertEquals(List.of("5", "", "", "6"), encode("hello\n\n\nworld\n", "--no-special").outLines());
        assertEquals(0, r.exitCode());
    }

    @Test
    void emptyLinesWithSpecialTokensGiveTheSpecialTokens() {
        assertEquals(List.of("2 3", "2 5 3"), encode("\nhello", "--special").outLines());
    }

    @Test
    void aLoneCarriageReturnDoesNotEndALine() {
        // BERT treats \r as whitespace; only \n ends an input line, so line counts in and out match.
        assertEquals(List.of("5 6"), encode("hello\rworld\n", "--no-special").outLines());
    }

    @Test
    void lastLineWithoutNewlineAndNoInputAtAll() {
        assertEquals(List.of("2 5 3", "2 6 3"), encode("hello\nworld").outLines());
        assertEquals("", encode("").out());
    }

    @Test
    void jsonIsOneValidObjectPerLine() throws Exception {
        CliRun.Result r = encode("Hello " + EMOJI + "!\n\"\\\n", "--format", "json", "--special",
                "--offset-unit", "utf16");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("[2,5,9,8,3]", first.get("ids").toString());
        assertEquals("[\"[CLS]\",\"hello\",\"" + EMOJI + "\",\"!\",\"[SEP]\"]", first.get("tokens").toString());
        assertEquals("[[0,0],[0,5],[6,8],[8,9],[0,0]]", first.get("offsets").toString());
        assertEquals("[0,0,0,0,0]", first.get("type_ids").toString());
        assertEquals("[1,1,1,1,1]", first.get("attention_mask").toString());
        assertEquals("[1,0,0,0,1]", first.get("special_tokens_mask").toString());
        assertEquals("[null,0,1,2,null]", first.get("word_ids").toString());
        JsonNode second = json.readTree(lines.get(1));
        assertEquals("[2,1,1,3]", second.get("ids").toString(), "a quote and a backslash, each unknown");
    }

    @Test
    void outputEqualsTheLibrarysIdsAcrossBatches() throws Exception {
        Tokenizer tok = Tokenizers.fromVocabTxt(vocab, true);
        List<String> lines = List.of("Hello worlds!", "", "hello " + EMOJI + " world", "HELLO, WORLD!",
                "inimagináveis", "  hello   ", "helloworld");
        String input = String.join("\n", lines) + "\n";
        for (String batchSize : List.of("1", "2", "1024")) {
            for (boolean special : List.of(false, true)) {
                CliRun.Result r = encode(input, "--batch-size", batchSize, special ? "--special" : "--no-special");
                List<String> expected = lines.stream().map(line -> join(tok.encode(line, special))).toList();
                assertEquals(expected, r.outLines(), "batch size " + batchSize + ", special " + special);
            }
        }
    }

    private static String join(Encoding e) {
        return Arrays.stream(e.ids()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    @Test
    void readsAFileAndWritesAFile() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "hello\nworld\n");
        Path out = dir.resolve("sub/out.txt");
        CliRun.Result r = CliRun.run("", "encode", "-t", vocab.toString(), "-i", in.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("2 5 3\n2 6 3\n", Files.readString(out));
        assertEquals(List.of(out), listFiles(out.getParent()), "no temporary file is left behind");
    }

    @Test
    void aMissingInputLeavesNoOutputFile() throws Exception {
        Path out = dir.resolve("out.txt");
        CliRun.Result r = encode("", "-i", dir.resolve("missing.txt").toString(), "-o", out.toString());
        assertEquals(1, r.exitCode());
        assertEquals("subword: " + dir.resolve("missing.txt") + ": no such file", r.oneErrorLine());
        assertFalse(Files.exists(out));
        assertEquals(List.of(vocab), listFiles(dir));
    }

    @Test
    void aBadTokenizerLeavesNoOutputFile() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "a\nb\na\n");
        Path out = dir.resolve("out.txt");
        CliRun.Result r = CliRun.run("hello\n", "encode", "-t", bad.toString(), "-o", out.toString());
        assertEquals(1, r.exitCode());
        r.oneErrorLine();
        assertFalse(Files.exists(out));
    }

    /** Invalid UTF-8 on line 2500, after two batches were written: the old output file is left as it was. */
    @Test
    void aFailureMidWayLeavesTheOldOutputUntouched() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 1; i < 2500; i++) {
            input.writeBytes("hello world\n".getBytes(StandardCharsets.UTF_8));
        }
        input.writeBytes(new byte[] {'h', 'i', (byte) 0xC3, '\n'});
        input.writeBytes("hello\n".getBytes(StandardCharsets.UTF_8));
        Path in = dir.resolve("in.txt");
        Files.write(in, input.toByteArray());
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "previous\n");

        CliRun.Result r = encode("", "-i", in.toString(), "-o", out.toString(), "--batch-size", "1000");

        assertEquals(1, r.exitCode());
        assertEquals("subword: " + in + ", line 2500: invalid UTF-8 at byte offset 29990 (byte 3 of the line)", r.oneErrorLine());
        assertEquals("previous\n", Files.readString(out));
        assertEquals(List.of(in, out, vocab), listFiles(dir), "no temporary file is left behind");
    }

    @Test
    void foldersAsInputOrOutputAreBadInput() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        CliRun.Result in = encode("", "-i", folder.toString());
        assertEquals(1, in.exitCode());
        assertEquals("subword: " + folder + ": is a folder, not a text file", in.oneErrorLine());
        CliRun.Result out = encode("hello\n", "-o", folder.toString());
        assertEquals(1, out.exitCode());
        assertEquals("subword: " + folder + ": is a folder; name the file to write", out.oneErrorLine());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void dashMeansStandardInputAndOutput() {
        assertEquals("2 5 3\n", encode("hello\n", "-i", "-", "-o", "-").out());
    }

    @Test
    void invalidUtf8OnStandardInputNamesTheLine() {
        CliRun.Result r = CliRun.run(new byte[] {'h', 'i', '\n', (byte) 0xFF, '\n'}, "encode", "-t", vocab.toString(),
                "--batch-size", "1");
        assertEquals(1, r.exitCode());
        assertEquals("subword: standard input, line 2: invalid UTF-8 at byte offset 3 (byte 1 of the line)",
                r.oneErrorLine());
        assertEquals("2 1 3\n", r.out(), "the lines before were written");
    }

    @Test
    void badBatchSizeIsAUsageError() {
        CliRun.Result r = encode("hello\n", "--batch-size", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.oneErrorLine().contains("--batch-size must be at least 1, not 0"), r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --format xml         | Invalid value for option '--format': 'xml' is not one of [ids, tokens, json]
            --offset-unit char16 | Invalid value for option '--offset-unit': 'char16' is not one of utf16, codepoint, byte
            --bogus              | Unknown option: '--bogus'
            """)
    void usageErrors(String options, String message) {
        CliRun.Result r = encode("hello\n", options.split(" "));
        assertEquals(2, r.exitCode());
        assertEquals("subword: " + message + " (see 'subword encode --help')", r.oneErrorLine());
        assertEquals("", r.out());
    }

    private static List<Path> listFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
