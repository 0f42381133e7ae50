package io.subword.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.compare.CompareJob;
import io.subword.train.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    @TempDir
    Path dir;

    /** A small corpus in three languages, with some words made rare on purpose. */
    Path corpus() throws IOException {
        List<String> lines = new ArrayList<>();
        String[] en = {"the committee and the council have not agreed on this report",
                "we are voting for the report of the committee on budgets"};
        String[] de = {"der Rat und die Kommission haben sich auf den Bericht nicht geeinigt",
                "wir stimmen für den Bericht des Ausschusses und die Änderungen"};
        String[] pt = {"o conselho e a comissão não estão de acordo com o relatório",
                "os deputados votaram para que as consequências sejam inimagináveis"};
        for (int i = 0; i < 60; i++) {
            lines.add(en[i % 2] + " number" + i);
            lines.add(de[i % 2] + " Zahl" + i);
            lines.add(pt[i % 2] + " número" + i);
        }
        Path file = dir.resolve("corpus.txt");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void trainsMeasuresAndWritesTableJsonAndReport() throws Exception {
        Path corpus = corpus();
        Path json = dir.resolve("out").resolve("metrics.json");
        Path html = dir.resolve("out").resolve("report.html");
        CliRun.Result r = CliRun.run("", "compare", "--train", corpus.toString(), "--vocab-sizes", "120,200",
                "--word", "inimagináveis", "--json", json.toString(), "--report", html.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> out = r.outLines();
        assertTrue(out.get(0).startsWith("held-out text: 10% of " + corpus + " (seed 42): "), out.get(0));
        assertTrue(out.get(2).matches("model +vocab +UNK/token +UNK/type +whole +tok/word +p50 +p90 +p99 +chars/tok"
                + " +bytes/tok +len p50 +p90 +p99 +vocab use"), out.get(2));
        // the default: every family (Unigram too) x 2 sizes, word-level first, the same families as the demo
        List<String> models = out.subList(3, 13).stream().map(l -> l.split(" +")[0] + " " + l.split(" +")[1]).toList();
        assertEquals(List.of("word 120", "word 200", "wordpiece 120", "wordpiece 200", "bpe 120", "bpe 200",
                "bytelevel 120", "bytelevel 200", "unigram 120", "unigram 200"), models);
        assertTrue(r.out().contains("  inimagináveis ("), r.out());
        // progress on stderr: steps with times
        assertTrue(r.err().contains("] train wordpiece 200\n"), r.err());
        assertTrue(r.err().contains("] train unigram 200\n"), r.err());
        assertTrue(r.err().contains("report: " + html), r.err());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(10, root.get("models").size());
        assertEquals(root.at("/heldOut/lines").asLong(), root.at("/models/0/all/lines").asLong());
        assertEquals("bytelevel", root.at("/models/6/model").asText());
        assertEquals(0.0, root.at("/models/6/all/unkTokenRate").asDouble(), 0); // byte-level never has UNK
        String page = Files.readString(html);
        assertTrue(page.contains("data-metric=\"unk-token-rate\"") && page.contains("inimagináveis"));
        assertFalse(page.contains("http"));
    }

    /** The flag's default and the eval module's default families are one list; the demo trains that list. */
    @Test
    void defaultModelsAreEveryFamilyAsInTheDemo() {
        assertEquals(CompareJob.DEFAULT_FAMILIES, CompareCommand.kinds(List.of(CompareCommand.DEFAULT_MODELS.split(","))));
        assertEquals(List.of(Family.WORD_LEVEL, Family.WORD_PIECE, Family.BPE, Family.BYTE_LEVEL, Family.UNIGRAM),
                CompareJob.DEFAULT_FAMILIES);
    }

    @Test
    void givenTokenizerAndHeldOutFile() throws Exception {
        Path vocab = CliRun.writeVocab(Files.createDirectories(dir.resolve("bert")));
        Path test = dir.resolve("test.txt");
        Files.writeString(test, "hello worlds inimagináveis\nHello!\n");
        CliRun.Result r = CliRun.run("", "compare", "--test", test.toString(), "-t", vocab.toString(),
                "--train-vocabs", "none", "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        // Words hello worlds inimagináveis | Hello ! (5, all distinct). BERT uncased: hello | world ##s |
        // in ##ima ##gin ##ave ##is || hello | ! -> 10 tokens (2 per word, fertility 1 2 5 1 1: p50 1, p90 5),
        // none unknown; whole: hello Hello ! (3 of 5); lines of 8 and 2 tokens (p50 2, p90 8); 32 characters,
        // 33 bytes; ids used: hello world ##s ! in ##ima ##gin ##ave ##is (9 of 16).
        assertEquals("""
                held-out text: %s: 2 lines, 5 words (5 distinct), 32 characters

                model           vocab  UNK/token  UNK/type  whole  tok/word  p50  p90  p99  chars/tok  bytes/tok  len p50  p90  p99  vocab use
                bert/vocab.txt     16         0%%        0%%  60.0%%      2.00    1    5    5       3.20       3.30        2    8    8      56.3%%

                rare held-out words (largest vocabulary of each model):
                  inimagináveis (short/unknown, unseen in training): bert/vocab.txt -> in ##ima ##gin ##ave ##is
                  worlds (short/unknown, unseen in training): bert/vocab.txt -> world ##s
                """.formatted(test), r.out().replace("\r", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # arguments (CORPUS, EMPTY are files of the test)          | the one error line
            compare --train missing.txt                                | subword: missing.txt: no such file
            compare --train CORPUS --test missing.txt                  | subword: missing.txt: no such file
            compare --train CORPUS --test EMPTY                        | subword: EMPTY: the held-out text is empty
            compare --train CORPUS --train-vocabs bpe,foo              | subword: unknown model "foo" (known: word, wordpiece, bpe, bytelevel, unigram)
            compare --train CORPUS --vocab-sizes 5                     | subword: vocabulary size 5 is too small (at least 10)
            compare --test EMPTY --train-vocabs bpe                    | subword: training bpe needs --train
            compare --test CORPUS --train-vocabs none                  | subword: nothing to compare: no --train-vocabs and no -t tokenizers
            compare --train CORPUS --held-out 1.5                      | subword: the held-out fraction must be between 0 and 1, got 1.5
            compare --train CORPUS --test CORPUS -t nope.json          | subword: nope.json: no such file
            """)
    void badInputIsOneLineAndExitCode1(String args, String message) throws IOException {
        Path corpus = corpus();
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n  \n");
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) {
            argv.add(a.equals("CORPUS") ? corpus.toString() : a.equals("EMPTY") ? empty.toString()
                    : a.equals("missing.txt") || a.equals("nope.json") ? dir.resolve(a).toString() : a);
        }
        CliRun.Result r = CliRun.run("", argv.toArray(new String[0]));
        assertEquals(1, r.exitCode(), r.err());
        String line = r.oneErrorLineAfterProgress();
        assertEquals(message.replace("EMPTY", empty.toString()).replace("missing.txt", dir.resolve("missing.txt").toString())
                .replace("nope.json", dir.resolve("nope.json").toString()), line);
    }

    /** Issue 15: {@code --languages off} measures the text as one group and names no language. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # --languages | first line ends with                                  | per-language table
            on            | characters, 3 languages and 2 short/unknown lines     | true
            off           | characters                                            | false
            """)
    void languagesOnOrOff(String languages, String ending, boolean perLanguage) throws IOException {
        Path corpus = corpus();
        Path json = dir.resolve("metrics.json");
        CliRun.Result r = CliRun.run("", "compare", "--train", corpus.toString(), "--vocab-sizes", "120",
                "--train-vocabs", "word", "--languages", languages, "--json", json.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.outLines().get(0).endsWith(ending), r.outLines().get(0));
        assertEquals(perLanguage, r.out().contains("UNK per word type by language"), r.out());
        assertEquals(perLanguage, r.out().contains("short/unknown\": too short to tell"), r.out());
        JsonNode byLanguage = new ObjectMapper().readTree(json.toFile()).at("/models/0/byLanguage");
        // "os deputados votaram para que as consequências ...": os, para, que, as are not enough for pt
        assertEquals(perLanguage ? List.of("de", "en", "pt", "short/unknown") : List.of(), fieldNames(byLanguage));
    }

    @Test
    void languagesTakesOnlyOnOrOff() throws IOException {
        CliRun.Result r = CliRun.run("", "compare", "--train", corpus().toString(), "--languages", "maybe");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("subword: --languages must be on or off, got 'maybe'"), r.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    @Test
    void anEmptySplitIsAnError() throws IOException {
        Path tiny = dir.resolve("tiny.txt");
        Files.writeString(tiny, "one line only\n");
        CliRun.Result r = CliRun.run("", "compare", "--train", tiny.toString(), "-q");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("subword: 10% of " + tiny + " (seed 42): the held-out text is empty", r.oneErrorLine());
    }
}
