package io.subword.cli;

import io.subword.compare.CompareListener;
import io.subword.progress.SkipGramStatus;
import io.subword.progress.TrainingListener;
import io.subword.train.Eta;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * The one progress printer of the CLI, on stderr, for every long command: tokenizer training (a
 * {@link TrainingListener}), embedding training (its {@link SkipGramStatus} reports), and the steps of
 * {@code compare} and {@code demo} (a {@link CompareListener}: {@link #step}, {@link #note}).
 * <ul>
 *   <li>{@link Style#BAR}, on a terminal whose width is known: within a phase, one line redrawn in place
 *       ({@code \r}), fitted to the width: the bar shrinks and the less important numbers are left out rather
 *       than let the line wrap (which would start a new line at every redraw);</li>
 *   <li>{@link Style#LINES}, in a log, a pipe, or a terminal of unknown width: plain lines, when a phase starts
 *       and then every few seconds;</li>
 *   <li>{@link Style#QUIET}: nothing.</li>
 * </ul>
 * Step lines and notes carry the time since the command began ({@code [  3.1s] train wordpiece 4k}) in every
 * style. The library calls it from one thread at a time.
 */
final class Progress implements CompareListener {
    /** How progress is shown. */
    enum Style {
        /** A bar redrawn in place, for a terminal of known width. */
        BAR,
        /** Plain lines now and then, for logs. */
        LINES,
        /** Nothing. */
        QUIET
    }

    static final int MAX_BAR = 24;
    static final int MIN_BAR = 8;
    static final long BAR_INTERVAL_NANOS = 100_000_000L;
    static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final Style style;
    private final int width;
    private final LongSupplier clock;
    private final long interval;
    private final long start;

    /** The current step of compare or demo; phases within it are indented under it. */
    private String step;
    private String phase;
    private Eta phaseEta;
    private long lastDraw;
    private boolean drawn;
    private boolean lastShown = true;
    private int lastLength;
    private long bytesRead;
    private long totalBytes = -1;
    private long lines;
    private long distinctWords;
    private long mergesDone;
    private long mergesTarget;
    private SkipGramStatus embedding;

    /** A printer for a command run by a person or a script: a bar on a terminal of known width, else lines. */
    static Progress forCommand(PrintWriter err, boolean quiet) {
        OptionalInt columns = quiet || !Terminal.interactive() ? OptionalInt.empty() : Terminal.columns();
        Style style = quiet ? Style.QUIET : columns.isPresent() ? Style.BAR : Style.LINES;
        return new Progress(err, style, columns.orElse(80), System::nanoTime);
    }

    /**
     * @param width the terminal's width in columns; a bar line never takes more than {@code width - 1}, so the
     *              cursor never wraps
     */
    Progress(PrintWriter err, Style style, int width, LongSupplier clock) {
        this.err = Objects.requireNonNull(err, "err");
        this.style = Objects.requireNonNull(style, "style");
        this.width = Math.max(20, width);
        this.clock = clock;
        this.interval = style == Style.BAR ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        this.start = clock.getAsLong();
    }

    Style style() {
        return style;
    }

    /** Lines read by the word counter, for a summary. */
    long lines() {
        return lines;
    }

    /** The time since this printer was made (the command began). */
    Duration elapsed() {
        return Duration.ofNanos(clock.getAsLong() - start);
    }

    /** Seconds since the command began. */
    double seconds() {
        return (clock.getAsLong() - start) / 1e9;
    }

    /** A step of the command itself: {@code [  3.1s] train wordpiece 4k}. */
    @Override
    public void step(String text) {
        endBar();
        step = text;
        phase = null;
        stamped(text);
    }

    /** Something that is not a step, such as where a file went: {@code [  3.1s]   report: out.html}. */
    @Override
    public void note(String text) {
        endBar();
        stamped("  " + text);
    }

    /** Says something outside the bar, on a line of its own: a warning, a pruned word table. */
    void say(String text) {
        if (style == Style.QUIET) {
            return;
        }
        endBar();
        err.println(text);
        err.flush();
    }

    // ---- tokenizer training

    @Override
    public void phase(String name) {
        if (style == Style.QUIET) {
            return;
        }
        endPhase();
        phase = name;
        embedding = null;
        phaseEta = Eta.start(clock);
        bytesRead = 0;
        totalBytes = -1;
        mergesDone = 0;
        mergesTarget = 0;
        begin();
    }

    @Override
    public void bytesRead(long bytesRead, long totalBytes) {
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        changed();
    }

    @Override
    public void wordsCounted(long lines, long distinctWords) {
        this.lines = lines;
        this.distinctWords = distinctWords;
        changed();
    }

    @Override
    public void pruned(long minCount, long before, long after) {
        say(String.format(Locale.ROOT, "word table full: dropped words seen fewer than %d times (%,d -> %,d words)",
                minCount, before, after));
    }

    @Override
    public void merges(long done, long target) {
        this.mergesDone = done;
        this.mergesTarget = target;
        changed();
    }

    // ---- embedding training

    @Override
    public void skipGram(SkipGramStatus status) {
        if (style == Style.QUIET) {
            return;
        }
        String name = status.phase() == SkipGramStatus.Phase.COUNTING ? "count tokens" : "train vectors";
        if (embedding == null || embedding.phase() != status.phase()) {
            endPhase();
            phase = name;
            embedding = status;
            begin();
            return;
        }
        embedding = status;
        changed();
    }

    /** Shows the last numbers of the phase and ends the bar's line, so that what follows starts on a fresh one. */
    void finish() {
        endPhase();
        phase = null;
        embedding = null;
    }

    // ---- drawing

    private void begin() {
        if (style == Style.LINES) {
            if (step == null) { // within a step, the step's own line says enough
                stamped(phase + " ...");
            }
            lastDraw = clock.getAsLong();
            lastShown = true;
        } else {
            draw();
        }
    }

    private void changed() {
        if (style == Style.QUIET || phase == null) {
            return;
        }
        lastShown = false;
        if (clock.getAsLong() - lastDraw >= interval) {
            draw();
        }
    }

    private void endPhase() {
        if (phase != null && !lastShown && style != Style.QUIET) {
            draw(); // the phase's final numbers stay on screen
        }
        endBar();
    }

    private void endBar() {
        if (style == Style.BAR && drawn) {
            err.println();
            err.flush();
        }
        drawn = false;
        lastLength = 0;
    }

    private void draw() {
        lastDraw = clock.getAsLong();
        lastShown = true;
        if (style == Style.LINES) {
            stamped((step == null ? "" : "  ") + lineStatus());
            return;
        }
        String status = barLine(width - 1);
        // Pad with spaces over what is left of a longer previous line.
        StringBuilder line = new StringBuilder("\r").append(status);
        for (int i = status.length(); i < lastLength; i++) {
            line.append(' ');
        }
        lastLength = status.length();
        err.print(line);
        err.flush();
        drawn = true;
    }

    private void stamped(String text) {
        if (style == Style.QUIET) {
            return;
        }
        err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(), text);
        err.flush();
    }

    /** One number of a progress line; a narrow line leaves out those of lowest rank first. */
    private record Detail(String text, int rank) {
    }

    /** The numbers of the current phase, in display order, each with its rank (0 is kept longest). */
    private List<Detail> details() {
        List<Detail> d = new ArrayList<>();
        if (embedding != null) {
            SkipGramStatus s = embedding;
            if (s.phase() == SkipGramStatus.Phase.COUNTING) {
                d.add(new Detail(String.format(Locale.ROOT, "%,d tokens", s.tokensProcessed()), 0));
                d.add(new Detail(Eta.format(s.elapsed()), 1));
            } else {
                d.add(new Detail(String.format(Locale.ROOT, "epoch %d/%d", s.epoch(), s.epochs()), 1));
                d.add(new Detail(String.format(Locale.ROOT, "lr %.5f", s.learningRate()), 3));
                d.add(new Detail(String.format(Locale.ROOT, "%,.0f tokens/s", s.tokensPerSecond()), 2));
                d.add(new Detail("ETA " + Eta.format(s.eta() == null ? Duration.ZERO : s.eta()), 0));
            }
        } else if ("count words".equals(phase) && (bytesRead > 0 || lines > 0)) {
            d.add(new Detail(totalBytes > 0 ? mb(bytesRead) + " / " + mb(totalBytes) : mb(bytesRead), 1));
            d.add(new Detail(String.format(Locale.ROOT, "%,d lines", lines), 2));
            d.add(new Detail(String.format(Locale.ROOT, "%,d words", distinctWords), 3));
            d.add(new Detail(eta(bytesRead, totalBytes), 0));
        } else if (mergesTarget > 0) {
            d.add(new Detail(String.format(Locale.ROOT, "%,d / %,d", mergesDone, mergesTarget), 1));
            d.add(new Detail(eta(mergesDone, mergesTarget), 0));
        }
        d.removeIf(x -> x.text().isEmpty());
        return d;
    }

    /** The details of rank below {@code kept}, in display order, each after two spaces. */
    private static String tail(List<Detail> details, int kept) {
        StringBuilder sb = new StringBuilder();
        for (Detail x : details) {
            if (x.rank() < kept) {
                sb.append("  ").append(x.text());
            }
        }
        return sb.toString();
    }

    /** The share done, 0 to 1, or -1 when the phase has none (counting without a known total). */
    private double share() {
        if (embedding != null) {
            return embedding.phase() == SkipGramStatus.Phase.COUNTING ? -1 : embedding.fraction();
        }
        if ("count words".equals(phase) && totalBytes > 0) {
            return Math.min(1.0, Math.max(0.0, (double) bytesRead / totalBytes));
        }
        if (mergesTarget > 0) {
            return Math.min(1.0, Math.max(0.0, (double) mergesDone / mergesTarget));
        }
        return -1;
    }

    /**
     * The bar line in at most {@code columns} characters: the phase, a bar of {@value #MIN_BAR} to
     * {@value #MAX_BAR} cells and the percentage, then as many of the numbers as fit, most important first.
     */
    String barLine(int columns) {
        String name = phase == null ? "" : phase;
        double share = share();
        List<Detail> details = details();
        int ranks = details.stream().mapToInt(Detail::rank).max().orElse(-1) + 1;
        String percent = share < 0 ? "" : String.format(Locale.ROOT, "%3d%%", (int) Math.floor(share * 100));
        // Longest form first: the full bar and every number; then fewer numbers; then a shorter bar.
        for (int kept = ranks; kept >= 0; kept--) {
            String tail = tail(details, kept);
            int fixed = name.length() + 1 + (share < 0 ? 0 : 3 + percent.length()) + tail.length();
            int bar = Math.min(MAX_BAR, columns - fixed);
            if (share < 0 && fixed - 1 <= columns) {
                return (name + tail).stripTrailing();
            }
            if (share >= 0 && bar >= MIN_BAR) {
                int full = (int) Math.round(share * bar);
                return (name + " [" + "#".repeat(full) + "-".repeat(bar - full) + "] " + percent + tail)
                        .stripTrailing();
            }
        }
        String bare = share < 0 ? name : name + " " + percent;
        return bare.length() <= columns ? bare : bare.substring(0, Math.max(0, columns));
    }

    /** The current state as one plain line, for logs. */
    String lineStatus() {
        double share = share();
        StringBuilder s = new StringBuilder(phase == null ? "" : phase).append(':');
        if (share >= 0) {
            s.append(' ').append((int) Math.floor(share * 100)).append('%');
        }
        String tail = tail(details(), Integer.MAX_VALUE);
        s.append(share >= 0 || tail.isEmpty() ? tail : tail.substring(1));
        return s.toString();
    }

    private String eta(long done, long of) {
        return of > 0 && phaseEta != null ? "ETA " + Eta.format(phaseEta.remaining(Math.min(done, of), of)) : "";
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
