package io.subword.cli;

import io.subword.train.Eta;
import io.subword.train.TrainingListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows a training run's progress on stderr: on a terminal, one line redrawn in place ({@code \r}) with a bar,
 * the amount done and the time left; otherwise (a log file, a pipe), a plain line when a phase starts and every
 * few seconds; with {@link Style#QUIET}, nothing. The trainer calls it from one thread.
 */
final class ProgressReporter implements TrainingListener {
    /** How progress is shown. */
    enum Style {
        /** A bar redrawn in place, for a terminal. */
        BAR,
        /** Plain lines now and then, for logs. */
        LINES,
        /** Nothing. */
        QUIET
    }

    static final int BAR_WIDTH = 24;
    static final long BAR_INTERVAL_NANOS = 100_000_000L;
    static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final Style style;
    private final LongSupplier clock;
    private final long interval;
    private final Eta total;

    private String phase;
    private Eta phaseEta;
    private long lastDraw;
    private boolean drawn;
    private int lastLength;
    private long bytesRead;
    private long totalBytes = -1;
    private long lines;
    private long distinctWords;
    private long mergesDone;
    private long mergesTarget;

    ProgressReporter(PrintWriter err, Style style) {
        this(err, style, System::nanoTime);
    }

    /** A reporter on the given nanosecond clock (tests). */
    ProgressReporter(PrintWriter err, Style style, LongSupplier clock) {
        this.err = Objects.requireNonNull(err, "err");
        this.style = Objects.requireNonNull(style, "style");
        this.clock = clock;
        this.interval = style == Style.BAR ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        this.total = Eta.start(clock);
    }

    /** {@link Style#QUIET} when asked, else a bar on a terminal and lines elsewhere. */
    static Style styleFor(boolean quiet, boolean terminal) {
        return quiet ? Style.QUIET : terminal ? Style.BAR : Style.LINES;
    }

    /** Lines read by the word counter, for the summary. */
    long lines() {
        return lines;
    }

    /** The time since this reporter was made. */
    Duration elapsed() {
        return total.elapsed();
    }

    @Override
    public void phase(String name) {
        if (style == Style.QUIET) {
            return;
        }
        if (style == Style.BAR && drawn) {
            draw(true); // the phase's final numbers stay on screen
        }
        endLine();
        phase = name;
        phaseEta = Eta.start(clock);
        bytesRead = 0;
        totalBytes = -1;
        mergesDone = 0;
        mergesTarget = 0;
        if (style == Style.LINES) {
            err.println(name + " ...");
            err.flush();
            lastDraw = clock.getAsLong();
        } else {
            draw(true);
        }
    }

    @Override
    public void bytesRead(long bytesRead, long totalBytes) {
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        maybeDraw();
    }

    @Override
    public void wordsCounted(long lines, long distinctWords) {
        this.lines = lines;
        this.distinctWords = distinctWords;
        maybeDraw();
    }

    @Override
    public void pruned(long minCount, long before, long after) {
        if (style == Style.QUIET) {
            return;
        }
        endLine();
        err.printf(Locale.ROOT, "word table full: dropped words seen fewer than %d times (%,d -> %,d words)%n",
                minCount, before, after);
        err.flush();
    }

    @Override
    public void merges(long done, long target) {
        this.mergesDone = done;
        this.mergesTarget = target;
        maybeDraw();
    }

    /** Ends the bar's line, so that what follows starts on a fresh one. */
    void finish() {
        if (style == Style.BAR && drawn) {
            draw(true);
        }
        endLine();
    }

    private void maybeDraw() {
        if (style == Style.QUIET || phase == null) {
            return;
        }
        if (clock.getAsLong() - lastDraw >= interval) {
            draw(false);
        }
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
        if (!force && now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        String status = status();
        if (style == Style.LINES) {
            err.println(status);
        } else {
            // Pad with spaces over what is left of a longer previous line.
            StringBuilder line = new StringBuilder("\r").append(status);
            for (int i = status.length(); i < lastLength; i++) {
                line.append(' ');
            }
            lastLength = status.length();
            err.print(line);
            drawn = true;
        }
        err.flush();
    }

    private void endLine() {
        if (style == Style.BAR && drawn) {
            err.println();
            err.flush();
        }
        drawn = false;
        lastLength = 0;
    }

    /** The current state in one line, without a line break. */
    String status() {
        StringBuilder s = new StringBuilder();
        String name = phase == null ? "" : phase;
        if (style == Style.BAR) {
            s.append(String.format(Locale.ROOT, "%-16s", name));
        } else {
            s.append(name).append(':');
        }
        if ("count words".equals(phase) && (bytesRead > 0 || lines > 0)) {
            if (totalBytes > 0) {
                appendShare(s, bytesRead, totalBytes);
                s.append(String.format(Locale.ROOT, "  %s / %s", mb(bytesRead), mb(totalBytes)));
            } else {
                s.append(String.format(Locale.ROOT, " %s", mb(bytesRead)));
            }
            s.append(String.format(Locale.ROOT, "  %,d lines  %,d words", lines, distinctWords));
            appendEta(s, bytesRead, totalBytes);
        } else if ("compute merges".equals(phase) && mergesTarget > 0) {
            appendShare(s, mergesDone, mergesTarget);
            s.append(String.format(Locale.ROOT, "  %,d / %,d", mergesDone, mergesTarget));
            appendEta(s, mergesDone, mergesTarget);
        }
        return s.toString().stripTrailing();
    }

    private void appendShare(StringBuilder s, long done, long of) {
        double share = Math.min(1.0, Math.max(0.0, (double) done / of));
        if (style == Style.BAR) {
            int full = (int) Math.round(share * BAR_WIDTH);
            s.append('[').append("#".repeat(full)).append("-".repeat(BAR_WIDTH - full)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(share * 100)));
        } else {
            s.append(' ').append((int) Math.floor(share * 100)).append('%');
        }
    }

    private void appendEta(StringBuilder s, long done, long of) {
        if (of > 0 && phaseEta != null) {
            s.append("  ETA ").append(Eta.format(phaseEta.remaining(Math.min(done, of), of)));
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
