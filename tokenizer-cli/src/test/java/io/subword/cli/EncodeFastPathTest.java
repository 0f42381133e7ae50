package io.subword.cli;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link EncodeFastPath} takes exactly {@code encode -t FILE [-i IN] [-o OUT]} and then holds the command that
 * picocli would build from the same arguments, field for field (every {@code @Option} of the command and its
 * mixins, so a new option with a default is compared too). That it behaves as picocli's path does is shown by every
 * encode test: {@link CliRun} runs commands as {@code Main.main} does, through the fast path when it applies.
 */
class EncodeFastPathTest {
    @TempDir
    Path dir;

    /** Arguments after {@code encode -t VOCAB} ({@code |} between them; {@code -} alone is standard input). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            ''                              ; true
            -i|in.txt                       ; true
            --input|in.txt|--output|out.txt ; true
            -i|-|-o|-                       ; true
            -o|out.txt|-i|in.txt            ; true
            -i|in.txt|-i|in.txt             ; false
            --format|ids                    ; false
            --no-special                    ; false
            --verbose                       ; false
            --input=in.txt                  ; false
            -i                              ; false
            -i|                             ; false
            -i|@args.txt                    ; false
            -i|--format                     ; false
            -i|help                         ; false
            --batch-size|1024               ; false
            """)
    void takesOnlyThePlainShape(String more, boolean taken) throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        Files.writeString(dir.resolve("in.txt"), "hello\n");
        List<String> args = new ArrayList<>(List.of("encode", "-t", vocab.toString()));
        if (!more.isEmpty()) {
            for (String a : more.split("\\|", -1)) {
                args.add(a.startsWith("in.") || a.startsWith("out.") ? dir.resolve(a).toString() : a);
            }
        }
        EncodeCommand fast = EncodeFastPath.parse(args.toArray(new String[0]), new Main(), null);
        assertEquals(taken, fast != null, args::toString);
        if (fast != null) {
            CliRun.assertSameFields(picocli(args.toArray(new String[0])), fast);
        }
    }

    /** The tokenizer must be a file: a name, a folder or a missing path go to picocli, which says what they are. */
    @ParameterizedTest
    @CsvSource({"bert-base-uncased", "no-such-file.json", "."})
    void anythingButATokenizerFileGoesToPicocli(String tokenizer) throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        assertNull(EncodeFastPath.parse(new String[] {"encode", "-t", tokenizer}, new Main(), null));
        assertNull(EncodeFastPath.parse(new String[] {"decode", "-t", vocab.toString()}, new Main(), null));
        assertNotNull(EncodeFastPath.parse(new String[] {"encode", "--tokenizer", vocab.toString()}, new Main(), null));
    }

    private static EncodeCommand picocli(String... args) {
        CommandLine cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), null,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
        return (EncodeCommand) cl.parseArgs(args).subcommand().commandSpec().userObject();
    }
}
