package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @TempDir
    Path dir;

    private Path corpus(int lines) throws Exception {
        Path file = dir.resolve("corpus.txt");
        Files.write(file, RealData.europarlLines().subList(0, lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void trainsWordPieceAndListsTheFiles() throws Exception {
        Path corpus = corpus(200);
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("", "train", "wordpiece", "--vocab-size", "800", "--threads", "2", "-o",
                out.toString(), corpus.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).matches("trained wordpiece: 800 tokens \\(5 special, \\d+ in the alphabet, \\d+ word"
                + " pieces learned by merging\\), from 200 lines in .*"), lines.get(0));
        assertFalse(lines.get(0).contains("0 merges"), "WordPiece says what it learned, not BPE's merges");
        assertEquals(List.of(out.resolve("vocab.txt").toString(), out.resolve("tokenizer.json").toString()),
                lines.subList(1, lines.size()));
        Tokenizer tok = Tokenizers.fromFile(out.resolve("tokenizer.json"));
        assertEquals(800, tok.vocabulary().size());
        assertEquals("[CLS]", tok.idToToken(tok.encode("madam president").ids()[0]));
        // not a terminal: plain lines, one per phase
        assertTrue(r.err().matches("(?s)\\[ *\\d+\\.\\ds\\] count words \\.\\.\\.\n.*"), r.err());
        assertTrue(r.err().contains("s] compute merges ...\n"), r.err());
        assertTrue(r.err().endsWith("s] write files ...\n"), r.err());
    }

    @Test
    void quietShowsNoProgressAndReadsStandardInput() throws Exception {
        Path out = dir.resolve("out");
        String text = String.join("\n", RealData.europarlLines().subList(0, 100)) + "\n";
        CliRun.Result r = CliRun.run(text, "train", "wordpiece", "--vocab-size", "300", "--quiet", "--mode",
                "likelihood", "-o", out.toString(), "-");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("trained wordpiece: 300 tokens (5 special, "), r.out());
        assertTrue(Files.exists(out.resolve("vocab.txt")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "missing;      --vocab-size=100;  subword: {missing}: no such file",
            "empty;        --vocab-size=100;  subword: {empty}: no words to train on (the corpus is empty)",
            "corpus;       --min-frequency=-3; subword: minimum frequency must not be negative, not -3",
            "corpus;       --special-tokens=<s>; subword: a wordpiece tokenizer needs [UNK] among the special tokens, which are [<s>]",
    })
    void badInputIsOneLineAndExitCode1(String file, String option, String message) throws Exception {
        Path corpus = dir.resolve(file + ".txt");
        if (file.equals("empty")) {
            Files.writeString(corpus, "");
        } else if (file.equals("corpus")) {
            corpus = corpus(20);
        }
        CliRun.Result r = CliRun.run("", "train", "wordpiece", option, "-q", "-o", dir.resolve("out").toString(),
                corpus.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(message.replace("{" + file + "}", corpus.toString()), r.oneErrorLine());
        assertEquals("", r.out());
        assertTrue(Files.notExists(dir.resolve("out").resolve("tokenizer.json")));
    }

    @ParameterizedTest
    @CsvSource({
            "train sentencepiece -o out c.txt",
            "train wordpiece c.txt",
            "train wordpiece -o out",
            "train wordpiece --mode best -o out c.txt",
            "train wordpiece --vocab-size many -o out c.txt",
    })
    void usageErrorsExitWith2(String args) {
        CliRun.Result r = CliRun.run("", args.split(" "));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.oneErrorLine().endsWith("(see 'subword train --help')"), r.err());
    }
}
