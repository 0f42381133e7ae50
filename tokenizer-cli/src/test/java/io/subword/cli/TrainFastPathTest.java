package io.subword.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TrainFastPath} takes {@code train FAMILY} with the common options and then holds the command that picocli
 * would build from the same arguments, field for field (every {@code @Option} and {@code @Parameters} of the command
 * and its mixin). That it behaves as picocli's path does is shown by every train test: {@link CliRun} runs commands as
 * {@code Main.main} does, through the fast path when it applies.
 */
class TrainFastPathTest {
    @TempDir
    Path dir;

    /** Arguments after {@code train} ({@code |} between them; {@code c.txt} and {@code out} are files in a folder). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            bytelevel|-o|out|c.txt                                              ; true
            wordpiece|c.txt|--output|out|c.txt                                  ; true
            bpe|--vocab-size|8k|--min-frequency|2|-o|out|c.txt                  ; true
            wordpiece|--special-tokens|[UNK],[CLS],[SEP]|-o|out|c.txt           ; true
            wordpiece|--mode|Likelihood|--limit-alphabet|100|-q|-o|out|c.txt    ; true
            bytelevel|--threads|1|--lowercase|-o|out|c.txt                      ; true
            wordpiece|--no-lowercase|--quiet|-o|out|c.txt                       ; true
            unigram|--vocab-size|1m|-o|out|c.txt                                ; true
            bytelevel|-o|out|c.txt|-q|-q                                        ; false
            bytelevel|--lowercase|--no-lowercase|-o|out|c.txt                   ; false
            bytelevel|-o|out|-o|out|c.txt                                       ; false
            bytelevel|-o|out                                                    ; false
            bytelevel|c.txt                                                     ; false
            bytelevel|-o|out|-                                                  ; false
            bytelevel|-o|out|@args.txt                                          ; false
            bytelevel|-o|out|--|c.txt                                           ; false
            bytelevel|--output=out|c.txt                                        ; false
            bytelevel|--verbose|-o|out|c.txt                                    ; false
            bytelevel|--help|-o|out|c.txt                                       ; false
            unigram|--character-coverage|1.0|-o|out|c.txt                       ; false
            bytelevel|--vocab-size|lots|-o|out|c.txt                            ; false
            bytelevel|--threads|-1|-o|out|c.txt                                 ; false
            bytelevel|--mode|best|-o|out|c.txt                                  ; false
            wordpiece|--special-tokens|[UNK],,[SEP]|-o|out|c.txt                ; false
            wordpiece|--special-tokens|"[UNK],[CLS]"|-o|out|c.txt               ; false
            -o|out|bytelevel|c.txt                                              ; false
            chars|-o|out|c.txt                                                  ; false
            bytelevel|-o|out|c.txt|--vocab-size                                 ; false
            """)
    void takesOnlyTheCommonShape(String more, boolean taken) throws Exception {
        String[] argv = argv(more);
        TrainCommand fast = TrainFastPath.parse(argv, new Main());
        assertEquals(taken, fast != null, () -> List.of(argv).toString());
        if (fast != null) {
            CliRun.assertSameFields(picocli(argv), fast);
        }
    }

    /** What fails before training goes to picocli, which reports it as it always did; nothing is written. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            bytelevel|--threads|0|-o|out|c.txt    ; subword: threads must be at least 1, not 0
            bytelevel|-o|c.txt|c.txt              ; subword: -o must be a folder, which train fills with vocab.json, merges.txt, tokenizer.json;
            bytelevel|-o|out|missing.txt          ; missing.txt
            """)
    void failuresBeforeTrainingAreReportedByPicocli(String more, String message) throws Exception {
        String[] argv = argv(more);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertNull(TrainFastPath.run(argv, new Main(), new PrintWriter(out), new PrintWriter(err)));
        assertEquals("", out.toString() + err.toString());
        CliRun.Result r = CliRun.run("", argv);
        assertTrue(r.exitCode() != 0 && r.err().contains(message), r::toString);
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    @Test
    void trainsAsPicocliDoes() throws Exception {
        Files.writeString(dir.resolve("c.txt"), "low lower lowest newer wider new\n".repeat(20));
        String[] fast = {"train", "bpe", "--vocab-size", "60", "-q", "-o", dir.resolve("fast").toString(),
                dir.resolve("c.txt").toString()};
        String[] slow = {"train", "bpe", "--vocab-size=60", "-q", "-o", dir.resolve("slow").toString(),
                dir.resolve("c.txt").toString()};
        assertTrue(TrainFastPath.parse(fast, new Main()) != null);
        assertNull(TrainFastPath.parse(slow, new Main()));
        CliRun.Result a = CliRun.run("", fast);
        CliRun.Result b = CliRun.run("", slow);
        assertEquals(0, a.exitCode(), a::toString);
        String elapsed = " in \\d+:\\d\\d:\\d\\d"; // the summary line's time
        assertEquals(b.out().replace("slow", "fast").replaceAll(elapsed, ""), a.out().replaceAll(elapsed, ""));
        for (String f : List.of("vocab.json", "merges.txt", "tokenizer.json")) {
            assertEquals(Files.readString(dir.resolve("slow").resolve(f)), Files.readString(dir.resolve("fast").resolve(f)), f);
        }
    }

    private static TrainCommand picocli(String... args) {
        CommandLine cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), null,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        return (TrainCommand) cl.parseArgs(args).subcommand().commandSpec().userObject();
    }

    /** {@code train} and {@code more} ({@code |} between arguments), files named *.txt and {@code out} in the folder. */
    private String[] argv(String more) throws Exception {
        Files.writeString(dir.resolve("c.txt"), "hello world\n");
        List<String> args = new ArrayList<>(List.of("train"));
        for (String a : more.split("\\|", -1)) {
            args.add(a.endsWith(".txt") && !a.startsWith("@") || a.equals("out") ? dir.resolve(a).toString() : a);
        }
        return args.toArray(new String[0]);
    }
}
