package io.subword.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top-level command and the shared error handling: one line on stderr, exit 1 for input, 2 for usage. */
class MainTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"encode", "inspect"})
    void aMissingTokenizerFileIsBadInput(String command) {
        Path missing = dir.resolve("nope/vocab.txt");
        CliRun.Result r = command.equals("inspect")
                ? CliRun.run("", command, "-t", missing.toString(), "hello")
                : CliRun.run("hello\n", command, "-t", missing.toString());
        assertEquals(1, r.exitCode());
        assertEquals("subword: " + missing + ": no such file", r.oneErrorLine());
        assertEquals("", r.out());
    }

    @Test
    void aFolderAsTokenizerIsBadInput() {
        CliRun.Result r = CliRun.run("", "encode", "-t", dir.toString());
        assertEquals(1, r.exitCode());
        assertEquals("subword: " + dir + ": is a folder without a tokenizer.json; " + TokenizerOption.ACCEPTS, r.oneErrorLine());
    }

    @Test
    void aDuplicateTokenInVocabTxtNamesFileAndLine() throws Exception {
        Path vocab = dir.resolve("vocab.txt");
        Files.writeString(vocab, "[UNK]\nhello\nworld\nhello\n");
        CliRun.Result r = CliRun.run("hello\n", "encode", "-t", vocab.toString());
        assertEquals(1, r.exitCode());
        String line = r.oneErrorLine();
        assertTrue(line.startsWith("subword: " + vocab + ", line 4: "), line);
        assertTrue(line.contains("duplicate"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\": ", "{\"model\": {\"type\": \"WordPiece\", \"vocab\": 7}}", "[1, 2]"})
    void aMalformedTokenizerJsonIsOneLineNamingTheFile(String content) throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, content);
        CliRun.Result r = CliRun.run("hello\n", "encode", "-t", json.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.oneErrorLine().startsWith("subword: " + json), r.err());
    }

    @Test
    void aFileWithoutExtensionIsSniffed() throws Exception {
        Path json = dir.resolve("tok");
        Files.writeString(json, "\n  {\"model\": ");
        Path vocab = CliRun.writeVocab(dir);
        Path plain = dir.resolve("vocab");
        Files.copy(vocab, plain);
        assertEquals(TokenizerOption.Kind.TOKENIZER_JSON, TokenizerOption.kind(json));
        assertEquals(TokenizerOption.Kind.VOCAB_TXT, TokenizerOption.kind(plain));
        assertEquals("2 5 3\n", CliRun.run("hello\n", "encode", "-t", plain.toString()).out());
    }

    @Test
    void casedWithATokenizerJsonIsAUsageError() throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, "{}");
        CliRun.Result r = CliRun.run("", "encode", "-t", json.toString(), "--cased");
        assertEquals(2, r.exitCode());
        assertEquals("subword: --cased applies to a vocab.txt; " + json + " is a tokenizer.json, which sets its own"
                + " normalizer (see 'subword encode --help')", r.oneErrorLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"encode --verbose -t %s", "--verbose encode -t %s"})
    void verboseAddsTheStackTrace(String args) {
        Path missing = dir.resolve("missing.txt");
        CliRun.Result r = CliRun.run("", args.formatted(missing).split(" "));
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("subword: " + missing + ": no such file\njava.nio.file.NoSuchFileException"),
                r.err());
        assertTrue(r.err().contains("\tat io.subword.cli."), r.err());
    }

    @Test
    void usageErrorsExitWith2() {
        CliRun.Result noCommand = CliRun.run("");
        assertEquals(2, noCommand.exitCode());
        assertEquals("subword: Missing required subcommand (see 'subword --help')", noCommand.oneErrorLine());

        CliRun.Result unknown = CliRun.run("", "encod");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.oneErrorLine().startsWith("subword: Unmatched argument at index 0: 'encod'; did you mean"),
                unknown.err());

        CliRun.Result noTokenizer = CliRun.run("", "encode");
        assertEquals(2, noTokenizer.exitCode());
        assertEquals("subword: Missing required option: '--tokenizer=TOKENIZER' (see 'subword encode --help')",
                noTokenizer.oneErrorLine());

        CliRun.Result noWords = CliRun.run("", "inspect", "-t", "vocab.txt");
        assertEquals(2, noWords.exitCode());
        noWords.oneErrorLine();
    }

    @Test
    void versionAndHelp() {
        CliRun.Result version = CliRun.run("", "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().matches("subword \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*\n"), version.out());

        for (String[] args : new String[][] {{"--help"}, {"help"}, {"encode", "--help"}, {"help", "encode"}}) {
            CliRun.Result help = CliRun.run("", args);
            assertEquals(0, help.exitCode(), String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: subword"), help.out());
            assertEquals("", help.err());
        }
        String encodeHelp = CliRun.run("", "encode", "--help").out();
        assertTrue(encodeHelp.contains("ids, tokens, json"), encodeHelp);
        assertTrue(encodeHelp.contains("utf16, codepoint, byte"), encodeHelp);
    }
}
