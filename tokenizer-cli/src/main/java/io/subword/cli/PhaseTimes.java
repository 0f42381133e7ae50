package io.subword.cli;


import io.subword.progress.TrainingListener;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole-process profile of {@code subword train}, printed on stderr when the environment sets
 * {@code SUBWORD_PROFILE=1}: for each phase, when it started (milliseconds since the JVM started, so JVM start-up
 * and class loading are the first row) and the wall and CPU time (all threads of the process, JIT and GC
 * included) it took. Forwards every call to the listener it wraps, so the progress display is unchanged.
 */
final class PhaseTimes implements TrainingListener {
    private final TrainingListener inner;
    private final List<String> names = new ArrayList<>();
    private final List<long[]> marks = new ArrayList<>(); // {uptime ms, process CPU ns}

    private PhaseTimes(TrainingListener inner) {
        this.inner = inner;
        mark("JVM start, class loading, options");
    }

    /** {@code inner} itself, or a recorder around it when {@code SUBWORD_PROFILE=1}. */
    static TrainingListener around(TrainingListener inner) {
        return around(inner, "1".equals(System.getenv("SUBWORD_PROFILE")));
    }

    static TrainingListener around(TrainingListener inner, boolean record) {
        return record ? new PhaseTimes(inner) : inner;
    }

    /** Prints the table, closing the last phase now; does nothing for a listener that records nothing. */
    static void print(TrainingListener listener, PrintWriter err) {
        if (!(listener instanceof PhaseTimes times)) {
            return;
        }
        times.mark("end");
        err.printf(Locale.ROOT, "%-36s %9s %9s %9s%n", "phase", "start ms", "wall ms", "CPU ms");
        // The first row's start is 0: the JVM's own start-up is in its wall and CPU time.
        long[] previous = {0, 0};
        for (int i = 0; i < times.names.size() - 1; i++) {
            long[] next = times.marks.get(i + 1);
            err.printf(Locale.ROOT, "%-36s %9d %9d %9d%n", times.names.get(i), previous[0], next[0] - previous[0],
                    (next[1] - previous[1]) / 1_000_000);
            previous = next;
        }
        long[] end = times.marks.get(times.marks.size() - 1);
        err.printf(Locale.ROOT, "%-36s %9s %9d %9d%n", "total", "", end[0], end[1] / 1_000_000);
        err.flush();
    }

    private void mark(String name) {
        names.add(name);
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        marks.add(new long[] {ManagementFactory.getRuntimeMXBean().getUptime(), cpu});
    }

    @Override
    public void phase(String name) {
        mark(name);
        inner.phase(name);
    }

    @Override
    public void skipGram(io.subword.progress.SkipGramStatus status) {
        inner.skipGram(status);
    }

    @Override
    public void bytesRead(long bytesRead, long totalBytes) {
        inner.bytesRead(bytesRead, totalBytes);
    }

    @Override
    public void wordsCounted(long lines, long distinctWords) {
        inner.wordsCounted(lines, distinctWords);
    }

    @Override
    public void pruned(long minCount, long before, long after) {
        inner.pruned(minCount, before, after);
    }

    @Override
    public void merges(long done, long target) {
        inner.merges(done, target);
    }
}
