package io.subword.cli;

import io.subword.testkit.RealData;
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
        Files.write(corpus, RealData.europarlLines().subList(0, 50));
        CliRun.Result r = CliRun.run("", "train", "wordpiece", corpus.toString(), "-o", dir.resolve("out").toString(),
                "--vocab-size", "50", "-q");
        assertEquals(0, r.exitCode(), r.err());
        String trained = r.outLines().get(0);
        int size = Integer.parseInt(trained.replaceAll("trained wordpiece: ([0-9,]+) tokens.*", "$1").replace(",", ""));
        assertTrue(size > 50, trained);
        assertEquals(String.format("subword: warning: the vocabulary has %d tokens, more than --vocab-size 50: the"
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
        Path json = RealData.bertUncasedTokenizerJson();
        Path out = dir.resolve("vocab.txt");
        CliRun.Result r = CliRun.run("", "convert", "-t", json.toString(), "--to", "vocab.txt", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> tokens = VocabTxt.read(out).tokens();
        assertEquals(30522, tokens.size());
        assertEquals(List.of("[PAD]", "[unused0]"), tokens.subList(0, 2));
        assertEquals(2023, tokens.indexOf("this"));

        Path ranks = dir.resolve("r50k_base.tiktoken");
        Files.write(ranks, RealData.tiktokenBytes("r50k_base"));
        CliRun.Result bpe = CliRun.run("", "convert", "-t", ranks.toString(), "--to", "vocab.txt", "-o",
                dir.resolve("x.txt").toString());
        assertEquals(1, bpe.exitCode());
        assertTrue(bpe.oneErrorLine().contains("vocab.txt holds a WordPiece vocabulary (one token per line, as BERT's)"),
                bpe.err());
        assertTrue(bpe.err().contains("use --to tokenizer.json or --to vocab.json"), bpe.err());
    }

    /** Byte-level tokens spell bytes: inspect shows their text too, a piece cut inside a character as \xNN. */
    @Test
    void inspectShowsTheTextOfByteLevelPieces() throws Exception {
        Path ranks = dir.resolve("r50k_base.tiktoken");
        Files.write(ranks, RealData.tiktokenBytes("r50k_base"));
        CliRun.Result r = CliRun.run("", "inspect", "-t", ranks.toString(), "inimagináveis");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("inimagináveis -> ") && lines.get(0).contains("Ã"), lines.get(0));
        assertTrue(lines.get(1).startsWith("    text     "), lines.get(1));
        String text = lines.get(1).substring("    text     ".length()).replaceAll(" +", "");
        assertEquals("inimagináveis", text.replaceAll("\\\\xc3\\\\xa1", "á"), lines.get(1));
        assertTrue(lines.get(2).startsWith("    ids "), lines.get(2));
        assertEquals("\\xc3", InspectCommand.pieceText("Ã", false));
        assertEquals("áveis", InspectCommand.pieceText("Ã¡veis", false));
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
