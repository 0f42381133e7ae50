package io.subword.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressReporterTest {
    /** A clock the test moves by hand. */
    private long now;

    private ProgressReporter reporter(StringWriter sink, ProgressReporter.Style style) {
        return new ProgressReporter(new PrintWriter(sink), style, () -> now);
    }

    @Test
    void barRedrawsOneLineInPlaceAtMostEveryTenthOfASecond() {
        StringWriter sink = new StringWriter();
        ProgressReporter p = reporter(sink, ProgressReporter.Style.BAR);
        p.phase("count words");
        now += 1_000_000_000L;
        p.bytesRead(50_000_000, 200_000_000);
        p.wordsCounted(10_000, 2_500);
        now += 50_000_000L; // too soon to draw again
        p.bytesRead(60_000_000, 200_000_000);
        now += 1_000_000_000L;
        p.phase("compute merges");
        now += 1_000_000_000L;
        p.merges(250, 1000);
        p.finish();
        // (trailing spaces, which pad over a longer previous line, are left out here)
        assertEquals("\rcount words"
                        + "\rcount words     [######------------------]  25%  50.0 MB / 200.0 MB  0 lines  0 words"
                        + "  ETA 0:00:03"
                        + "\rcount words     [#######-----------------]  30%  60.0 MB / 200.0 MB  10,000 lines"
                        + "  2,500 words  ETA 0:00:04"
                        + "\n\rcompute merges"
                        + "\rcompute merges  [######------------------]  25%  250 / 1,000  ETA 0:00:03"
                        + "\rcompute merges  [######------------------]  25%  250 / 1,000  ETA 0:00:03"
                        + "\n",
                sink.toString().replaceAll(" +(?=\r|\n)", ""));
    }

    @Test
    void linesArePlainAndEveryFiveSeconds() {
        StringWriter sink = new StringWriter();
        ProgressReporter p = reporter(sink, ProgressReporter.Style.LINES);
        p.phase("count words");
        now += 1_000_000_000L;
        p.bytesRead(1_000_000, 4_000_000); // too soon
        now += 4_000_000_000L;
        p.bytesRead(2_000_000, 4_000_000);
        p.pruned(3, 1000, 700);
        p.phase("compute merges");
        p.merges(10, 100);
        p.finish();
        assertEquals("count words ...\n"
                + "count words: 50%  2.0 MB / 4.0 MB  0 lines  0 words  ETA 0:00:05\n"
                + "word table full: dropped words seen fewer than 3 times (1,000 -> 700 words)\n"
                + "compute merges ...\n", sink.toString());
    }

    @Test
    void quietPrintsNothing() {
        StringWriter sink = new StringWriter();
        ProgressReporter p = reporter(sink, ProgressReporter.Style.QUIET);
        p.phase("count words");
        now += 10_000_000_000L;
        p.bytesRead(1, 2);
        p.pruned(2, 10, 5);
        p.merges(1, 2);
        p.finish();
        assertEquals("", sink.toString());
    }

    @Test
    void styleFollowsQuietAndTerminal() {
        assertEquals(ProgressReporter.Style.QUIET, ProgressReporter.styleFor(true, true));
        assertEquals(ProgressReporter.Style.BAR, ProgressReporter.styleFor(false, true));
        assertEquals(ProgressReporter.Style.LINES, ProgressReporter.styleFor(false, false));
    }
}
