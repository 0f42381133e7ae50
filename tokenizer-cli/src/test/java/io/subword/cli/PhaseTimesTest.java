package io.subword.cli;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseTimesTest {
    @Test
    void recordsEveryPhaseAfterTheJvmStartAndForwardsEveryCall() {
        List<String> seen = new ArrayList<>();
        TrainingListener inner = new TrainingListener() {
            @Override
            public void phase(String name) {
                seen.add("phase " + name);
            }

            @Override
            public void merges(long done, long target) {
                seen.add("merges " + done + "/" + target);
            }
        };
        TrainingListener times = PhaseTimes.around(inner, true);
        times.phase("count words");
        times.phase("compute merges");
        times.merges(3, 10);
        StringWriter out = new StringWriter();
        PhaseTimes.print(times, new PrintWriter(out));
        assertEquals(List.of("phase count words", "phase compute merges", "merges 3/10"), seen);
        String[] lines = out.toString().split("\n");
        assertEquals(List.of("phase", "JVM start, class loading, options", "count words", "compute merges", "total"),
                Arrays.stream(lines).map(l -> l.substring(0, 36).strip()).toList());
        // start ms of a phase = start of the one before + its wall ms
        long[] jvm = numbers(lines[1]);
        long[] count = numbers(lines[2]);
        assertEquals(0, jvm[0]);
        assertEquals(jvm[0] + jvm[1], count[0]);
        assertTrue(numbers(lines[4])[0] >= count[0] + count[1], lines[4]);
    }

    @Test
    void withoutRecordingTheListenerIsUnchangedAndNothingIsPrinted() {
        TrainingListener inner = new TrainingListener() {
        };
        assertSame(inner, PhaseTimes.around(inner, false));
        StringWriter out = new StringWriter();
        PhaseTimes.print(inner, new PrintWriter(out));
        assertEquals("", out.toString());
    }

    private static long[] numbers(String line) {
        return Arrays.stream(line.substring(36).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
    }
}
