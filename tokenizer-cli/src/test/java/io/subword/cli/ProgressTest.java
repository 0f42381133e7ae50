package io.subword.cli;

import io.subword.progress.SkipGramStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's one progress printer, on a clock the test moves by hand. */
class ProgressTest {
    private long now;

    private Progress progress(StringWriter sink, Progress.Style style, int width) {
        return new Progress(new PrintWriter(sink), style, width, () -> now);
    }

    /** A word count at 25% of 200 MB, drawn for terminals of each width: it never takes the last column. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            120 | count words [######------------------]  25%  50.0 MB / 200.0 MB  10,000 lines  2,500 words  ETA 0:00:03
            100 | count words [#####---------------]  25%  50.0 MB / 200.0 MB  10,000 lines  2,500 words  ETA 0:00:03
            80  | count words [###----------]  25%  50.0 MB / 200.0 MB  10,000 lines  ETA 0:00:03
            60  | count words [######------------------]  25%  ETA 0:00:03
            40  | count words [#####---------------]  25%
            30  | count words [###-------]  25%
            20  | count words  25%
            """)
    void theBarFitsTheTerminal(int width, String expected) {
        Progress p = progress(new StringWriter(), Progress.Style.BAR, width);
        p.phase("count words");
        now += 1_000_000_000L;
        p.wordsCounted(10_000, 2_500);
        p.bytesRead(50_000_000, 200_000_000);
        String line = p.barLine(width - 1);
        assertEquals(expected, line);
        assertTrue(line.length() <= width - 1, line);
    }

    /** What the terminal receives: one line redrawn with \r, padded over a longer previous one, at most 10 a second. */
    @Test
    void theBarRedrawsOneLineInPlace() {
        StringWriter sink = new StringWriter();
        Progress p = progress(sink, Progress.Style.BAR, 80);
        p.phase("compute merges");
        now += 1_000_000_000L;
        p.merges(250, 1000);
        now += 50_000_000L; // too soon to draw again
        p.merges(260, 1000);
        now += 1_000_000_000L;
        p.merges(1000, 1000);
        p.finish();
        String[] draws = sink.toString().split("\r", -1);
        assertEquals(List.of("", "compute merges", "compute merges [######------------------]  25%  250 / 1,000  ETA 0:00:03",
                "compute merges [########################] 100%  1,000 / 1,000  ETA 0:00:00\n"), List.of(draws));
        for (String d : draws) {
            assertTrue(d.strip().length() <= 79, d);
        }
    }

    /** A log: a stamped line when a phase starts, then at most one every five seconds, and each phase's last numbers. */
    @Test
    void linesArePlainAndStamped() {
        StringWriter sink = new StringWriter();
        Progress p = progress(sink, Progress.Style.LINES, 80);
        p.phase("count words");
        now += 1_000_000_000L;
        p.bytesRead(1_000_000, 4_000_000); // too soon
        now += 4_000_000_000L;
        p.bytesRead(2_000_000, 4_000_000);
        p.pruned(3, 1000, 700);
        p.phase("compute merges");
        p.merges(10, 100);
        p.finish();
        assertEquals(List.of(
                "[   0.0s] count words ...",
                "[   5.0s] count words: 50%  2.0 MB / 4.0 MB  0 lines  0 words  ETA 0:00:05",
                "word table full: dropped words seen fewer than 3 times (1,000 -> 700 words)",
                "[   5.0s] compute merges ...",
                "[   5.0s] compute merges: 10%  10 / 100  ETA 0:00:00"), List.of(sink.toString().split("\n")));
    }

    /** Steps of compare and demo: phases inside a step print only their periodic numbers, indented. */
    @Test
    void stepsAndNotes() {
        StringWriter sink = new StringWriter();
        Progress p = progress(sink, Progress.Style.LINES, 80);
        now += 1_500_000_000L;
        p.step("train wordpiece 4k");
        p.phase("compute merges");
        now += 6_000_000_000L;
        p.merges(500, 1000);
        p.note("report: out.html");
        assertEquals(List.of("[   1.5s] train wordpiece 4k", "[   7.5s]   compute merges: 50%  500 / 1,000  ETA 0:00:06",
                "[   7.5s]   report: out.html"), List.of(sink.toString().split("\n")));
    }

    /** Embedding training through the same printer. */
    @Test
    void embeddingProgress() {
        StringWriter sink = new StringWriter();
        Progress p = progress(sink, Progress.Style.LINES, 80);
        for (long counted = 100; counted <= 300; counted += 100) {
            p.skipGram(new SkipGramStatus(SkipGramStatus.Phase.COUNTING, counted, 0, 0, 1, 0.025f,
                    Duration.ofSeconds(1), null));
            now += 1_000_000_000L;
        }
        p.skipGram(new SkipGramStatus(SkipGramStatus.Phase.TRAINING, 500, 2000, 1, 4, 0.02f,
                Duration.ofSeconds(3), Duration.ofSeconds(9)));
        p.finish();
        assertEquals(List.of("[   0.0s] count tokens ...", "[   3.0s] count tokens: 300 tokens  0:00:01",
                "[   3.0s] train vectors ..."), List.of(sink.toString().split("\n")));
        Progress bar = progress(new StringWriter(), Progress.Style.BAR, 100);
        bar.skipGram(new SkipGramStatus(SkipGramStatus.Phase.TRAINING, 500, 2000, 1, 4, 0.02f,
                Duration.ofSeconds(3), Duration.ofSeconds(9)));
        assertEquals("train vectors [######------------------]  25%  epoch 1/4  lr 0.02000  167 tokens/s  ETA 0:00:09",
                bar.barLine(99));
        assertEquals("train vectors [###--------]  25%  epoch 1/4  167 tokens/s  ETA 0:00:09", bar.barLine(70));
    }

    @Test
    void quietPrintsNothing() {
        StringWriter sink = new StringWriter();
        Progress p = progress(sink, Progress.Style.QUIET, 80);
        p.step("x");
        p.phase("count words");
        p.bytesRead(1, 2);
        p.finish();
        assertEquals("", sink.toString());
    }
}
