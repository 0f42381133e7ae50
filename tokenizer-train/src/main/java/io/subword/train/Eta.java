package io.subword.train;

import io.subword.vocab.Internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Estimates the time left for a task from the share done so far, assuming a steady rate. Keeps the start
 * time; not thread-safe.
 *
 * <p>{@link Internal}: public only because the CLI and the Spark module show times left with it.
 */
@Internal
public final class Eta {
    private final LongSupplier nanoClock;
    private final long start;

    private Eta(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** Starts timing now, on {@link System#nanoTime()}. */
    public static Eta start() {
        return new Eta(System::nanoTime);
    }

    /** Starts timing now on the given nanosecond clock (for tests). */
    public static Eta start(LongSupplier nanoClock) {
        return new Eta(nanoClock);
    }

    /** The time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - start);
    }

    /**
     * The estimated time left when {@code done} of {@code total} units are done, or {@code null} when it
     * cannot be told yet (nothing done, or the total is unknown, i.e. negative).
     */
    public Duration remaining(long done, long total) {
        if (done <= 0 || total < 0) {
            return null;
        }
        if (done >= total) {
            return Duration.ZERO;
        }
        long elapsed = nanoClock.getAsLong() - start;
        double perUnit = (double) elapsed / done;
        return Duration.ofNanos((long) (perUnit * (total - done)));
    }

    /** A duration as {@code h:mm:ss}, or {@code "?"} for {@code null}. */
    public static String format(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.getSeconds();
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
