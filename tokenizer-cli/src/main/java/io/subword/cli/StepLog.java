package io.subword.cli;

import io.subword.train.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long command (compare, demo) on stderr as plain lines: one when a step starts, with the time
 * since the command began, and within a step a percentage or a count at most every few seconds. Plain lines
 * read the same on a terminal and in a log. The library calls it from one thread at a time.
 */
final class StepLog implements TrainingListener {
    static final long INTERVAL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private final LongSupplier clock;
    private final long start;
    private String context = "";
    private String phase = "";
    private long lastLine;

    StepLog(PrintWriter err, boolean quiet) {
        this(err, quiet, System::nanoTime);
    }

    StepLog(PrintWriter err, boolean quiet, LongSupplier clock) {
        this.err = err;
        this.quiet = quiet;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** A step of the command itself: {@code [  3.1s] train wordpiece 4k}. */
    void step(String text) {
        context = text;
        line(text);
    }

    /** Says something that is not a step (where a file went). */
    void note(String text) {
        line("  " + text);
    }

    /** Seconds since the command started. */
    double seconds() {
        return (clock.getAsLong() - start) / 1e9;
    }

    @Override
    public void phase(String name) {
        phase = name;
        lastLine = clock.getAsLong();
    }

    @Override
    public void bytesRead(long bytesRead, long totalBytes) {
        if (totalBytes > 0 && due()) {
            line("  " + label() + String.format(Locale.ROOT, " %d%%", Math.min(100, bytesRead * 100 / totalBytes)));
        }
    }

    @Override
    public void merges(long done, long target) {
        if (target > 0 && due()) {
            line("  " + label() + String.format(Locale.ROOT, " %,d of %,d", done, target));
        }
    }

    private String label() {
        return context.isEmpty() ? phase : context + ": " + phase;
    }

    private boolean due() {
        long now = clock.getAsLong();
        if (now - lastLine < INTERVAL_NANOS) {
            return false;
        }
        lastLine = now;
        return true;
    }

    private void line(String text) {
        if (quiet) {
            return;
        }
        err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(), text);
        err.flush();
    }
}
