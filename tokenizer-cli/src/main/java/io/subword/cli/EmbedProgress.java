package io.subword.cli;

import io.subword.embed.TrainingProgress;
import io.subword.train.Eta;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows a {@link io.subword.embed.SkipGramTrainer} run on stderr, as {@link ProgressReporter} does for tokenizer
 * training: on a terminal ({@link ProgressReporter.Style#BAR}) one line redrawn in place with {@code \r};
 * otherwise ({@link ProgressReporter.Style#LINES}) a line when a phase starts, then one every few seconds and
 * the final numbers of each phase; with {@link ProgressReporter.Style#QUIET}, nothing. The trainer calls it from
 * one thread; call {@link #finish()} when training returns or fails.
 */
final class EmbedProgress implements TrainingProgress {
    private final PrintWriter err;
    private final ProgressReporter.Style style;
    private final LongSupplier clock;
    private final long interval;

    private Status last;
    private long lastDraw;
    private boolean lastShown;
    private boolean drawn;
    private int lastLength;

    EmbedProgress(PrintWriter err, ProgressReporter.Style style) {
        this(err, style, System::nanoTime);
    }

    /** A reporter on the given nanosecond clock (tests). */
    EmbedProgress(PrintWriter err, ProgressReporter.Style style, LongSupplier clock) {
        this.err = Objects.requireNonNull(err, "err");
        this.style = Objects.requireNonNull(style, "style");
        this.clock = clock;
        this.interval = style == ProgressReporter.Style.BAR ? ProgressReporter.BAR_INTERVAL_NANOS
                : ProgressReporter.LINE_INTERVAL_NANOS;
    }

    @Override
    public void onProgress(Status status) {
        if (style == ProgressReporter.Style.QUIET) {
            return;
        }
        if (last == null || last.phase() != status.phase()) {
            endPhase();
            last = status;
            if (style == ProgressReporter.Style.LINES) {
                err.println(name(status.phase()) + " ...");
                err.flush();
                lastDraw = clock.getAsLong();
                lastShown = false;
            } else {
                draw();
            }
            return;
        }
        last = status;
        lastShown = false;
        if (clock.getAsLong() - lastDraw >= interval) {
            draw();
        }
    }

    /** Shows the last numbers and ends the line, so that what follows starts on a fresh one. */
    void finish() {
        endPhase();
        last = null;
    }

    private void endPhase() {
        if (last != null && !lastShown) {
            draw();
        }
        if (style == ProgressReporter.Style.BAR && drawn) {
            err.println();
            err.flush();
        }
        drawn = false;
        lastLength = 0;
    }

    private void draw() {
        lastDraw = clock.getAsLong();
        lastShown = true;
        String status = status(last, style);
        if (style == ProgressReporter.Style.LINES) {
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

    private static String name(Phase phase) {
        return phase == Phase.COUNTING ? "count tokens" : "train vectors";
    }

    /** One report in one line, without a line break. */
    static String status(Status s, ProgressReporter.Style style) {
        StringBuilder sb = new StringBuilder();
        if (style == ProgressReporter.Style.BAR) {
            sb.append(String.format(Locale.ROOT, "%-14s", name(s.phase())));
        } else {
            sb.append(name(s.phase())).append(':');
        }
        if (s.phase() == Phase.COUNTING) {
            sb.append(String.format(Locale.ROOT, " %,d tokens  %s", s.tokensProcessed(), Eta.format(s.elapsed())));
            return sb.toString();
        }
        double share = s.fraction();
        if (style == ProgressReporter.Style.BAR) {
            int full = (int) Math.round(share * ProgressReporter.BAR_WIDTH);
            sb.append('[').append("#".repeat(full)).append("-".repeat(ProgressReporter.BAR_WIDTH - full))
                    .append(String.format(Locale.ROOT, "] %3d%%", (int) Math.floor(share * 100)));
        } else {
            sb.append(' ').append((int) Math.floor(share * 100)).append('%');
        }
        sb.append(String.format(Locale.ROOT, "  epoch %d/%d  lr %.5f  %,.0f tokens/s  ETA %s", s.epoch(),
                s.epochs(), s.learningRate(), s.tokensPerSecond(), Eta.format(s.eta())));
        return sb.toString();
    }
}
