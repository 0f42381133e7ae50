package io.subword.cli;

import io.subword.vocab.io.VocabTxt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new user tries in the first hour and now gets: sizes as the reports write them, lists of ids, vocab.txt. */
class FirstHourCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"8000, 8000", "8k, 8000", "16K, 16000", "1.5k, 1500", "1m, 1000000", "32_000, 32000"})
    void vocabularySizesAsReportsPrintThem(String written, int size) {
        assertEquals(size, VocabSizeConverter.parse(written));
    }

    /** --vocab-size below the alphabet: a warning line that says why the vocabulary is larger. */
    @Test
    void aTooSmallVocabularySizeSaysWhy() throws Exception {
        Path corpus = dir.resolve("corpus.txt");
        // 31 distinct characters: more than the 20 tokens asked for, before the 5 special tokens.
        Files.writeString(corpus, "abcde fghij klmno pqrst uvwxyz áéíóú\n".repeat(10));
        CliRun.Result r = CliRun.run("", "train", "wordpiece", corpus.toString(), "-o", dir.resolve("out").toString(),
                "--vocab-size", "20", "-q");
        assertEquals(0, r.exitCode(), r.err());
        String trained = r.outLines().get(0);
        int size = Integer.parseInt(trained.replaceAll("trained wordpiece: ([0-9,]+) tokens.*", "$1").replace(",", ""));
        assertTrue(size > 20, trained);
        assertEquals(String.format("subword: warning: the vocabulary has %d tokens, more than --vocab-size 20: the"
                + " alphabet (%d) and the special tokens (5) are always kept", size, size - 5), r.err().strip());
        assertTrue(trained.contains("(5 special, " + (size - 5) + " in the alphabet, 0 word pieces learned"), trained);
    }

    /** Ids as Python and JSON print lists, and comma-separated. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            5 6 7         | hello worlds
            [5, 6, 7]     | hello worlds
            5,6,7         | hello worlds
            [5,6,7]       | hello worlds
            '  [ 5 , 6 ]' | hello world
            []            | ''
            """)
    void decodeAcceptsLists(String ids, String text) throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        CliRun.Result r = CliRun.run(ids + "\n", "decode", "-t", vocab.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(text + "\n", r.out());
    }

    /** A WordPiece tokenizer, as a tokenizer.json, back to BERT's vocab.txt; a BPE one is refused in one line. */
    @Test
    void convertToVocabTxt() throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        Path json = dir.resolve("tokenizer.json");
        assertEquals(0, CliRun.run("", "convert", "-t", vocab.toString(), "--to", "tokenizer.json", "-o",
                json.toString()).exitCode());
        Path out = dir.resolve("back.txt");
        CliRun.Result r = CliRun.run("", "convert", "-t", json.toString(), "--to", "vocab.txt", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(CliRun.VOCAB, VocabTxt.read(out).tokens());

        Path gpt2 = dir.resolve("vocab.json");
        Files.writeString(gpt2, "{\"a\": 0, \"b\": 1, \"ab\": 2}");
        Path merges = Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b\n");
        CliRun.Result bpe = CliRun.run("", "convert", "-t", gpt2.toString(), "--merges", merges.toString(), "--to",
                "vocab.txt", "-o", dir.resolve("x.txt").toString());
        assertEquals(1, bpe.exitCode());
        assertTrue(bpe.oneErrorLine().contains("vocab.txt holds a WordPiece vocabulary (one token per line, as BERT's)"),
                bpe.err());
        assertTrue(bpe.err().contains("use --to tokenizer.json or --to vocab.json"), bpe.err());
    }

    /**
     * Byte-level tokens spell bytes: inspect shows their text too, a piece cut inside a character as \xNN. Ranks:
     * the 256 bytes, then "á" (its two UTF-8 bytes), "ve", "is", "veis", "áveis".
     */
    @Test
    void inspectShowsTheTextOfByteLevelPieces() throws Exception {
        List<String> ranks = new java.util.ArrayList<>();
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        for (int b = 0; b < 256; b++) {
            ranks.add(b64.encodeToString(new byte[] {(byte) b}) + " " + b);
        }
        List<String> merged = List.of("á", "ve", "is", "veis", "áveis");
        for (int i = 0; i < merged.size(); i++) {
            ranks.add(b64.encodeToString(merged.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + " "
                    + (256 + i));
        }
        Path file = dir.resolve("tiny.tiktoken");
        Files.write(file, ranks);
        CliRun.Result r = CliRun.run("", "inspect", "-t", file.toString(), "--pattern", "gpt2", "ináveis", "é");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                ináveis -> i n Ã¡veis
                    text     i    n    áveis
                    ids      105  110  260
                    offsets  0:1  1:2  2:7
                é -> Ã ©
                    text     \\xc3  \\xa9
                    ids      195   169
                    offsets  0:1   0:1
                """, r.out());
        assertEquals("<|endoftext|>", InspectCommand.pieceText("<|endoftext|>", true));
    }

    /** The help of every command keeps long names whole: wrapped at spaces only. */
    @Test
    void helpWrapsAtSpacesOnly() {
        String wrapped = HelpLayout.wrap("  -t, --tokenizer=T  A tokenizer.json; GPT-2's vocab.json with merges.txt or"
                + " cl100k_base.tiktoken", 50, false);
        assertEquals(String.join("\n",
                "  -t, --tokenizer=T  A tokenizer.json; GPT-2's",
                "                       vocab.json with merges.txt",
                "                       or cl100k_base.tiktoken"), wrapped);
    }
}
