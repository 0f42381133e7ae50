package io.subword.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code main} builds only the subcommand its arguments name: that must answer exactly as the whole command tree
 * does (help, usage errors, exit codes), and the whole tree must still be built where the others matter.
 */
class LazyCommandLineTest {
    /** Exit code, stdout and stderr of one run, through the whole tree or the lazy one. */
    private static String run(boolean lazy, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
        var cl = lazy ? Main.commandLine(in, null, new PrintWriter(out), new PrintWriter(err), args)
                : Main.commandLine(in, null, new PrintWriter(out), new PrintWriter(err));
        int code = cl.execute(args);
        return code + "\n" + out + "\n" + err;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "encode --help",
            "--verbose encode --help",
            "decode --help",
            "inspect --help",
            "embed train --help",
            "encode --no-such-flag",
            "encode",
            "--help",
            "--version",
            "help encode",
            "encod -t x",
            "''",
    })
    void theLazyTreeAnswersAsTheWholeTree(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(run(false, args), run(true, args));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "encode -t x                 | encode",
            "--verbose inspect -t x word | inspect",
            "embed train                 | embed",
            "help encode                 | ",
            "--help                      | ",
            "--version                   | ",
            "encod -t x                  | ",
            "-t x encode                 | ",
    })
    void onlyTheNamedSubcommandIsBuilt(String line, String chosen) {
        String[] args = line.split(" ");
        assertEquals(chosen, Main.chosenSubcommand(args));
        StringWriter sink = new StringWriter();
        var cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), null, new PrintWriter(sink),
                new PrintWriter(sink), args);
        assertEquals(chosen == null ? Set.copyOf(Main.SUBCOMMANDS) : Set.of(chosen), cl.getSubcommands().keySet());
    }
}
