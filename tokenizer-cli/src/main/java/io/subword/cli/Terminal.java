package io.subword.cli;

import java.io.File;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * What the CLI knows about the terminal it runs in: whether stderr is one, and how wide it is. The width comes
 * from {@code COLUMNS} when the shell exports it, else from {@code stty size} on {@code /dev/tty}; when neither
 * answers it is unknown, and callers fall back to what needs no width.
 */
final class Terminal {
    private static volatile OptionalInt columns;

    private Terminal() {
    }

    /** Whether this process talks to a person at a terminal (Java's test: stdin and stdout are one). */
    static boolean interactive() {
        return System.console() != null;
    }

    /** The terminal's width in columns, if it can be told; asked once per process. */
    static OptionalInt columns() {
        OptionalInt c = columns;
        if (c == null) {
            c = parseColumns(System.getenv("COLUMNS"));
            if (c.isEmpty()) {
                c = stty();
            }
            columns = c;
        }
        return c;
    }

    /** {@code COLUMNS} as a width: a positive number, or empty. */
    static OptionalInt parseColumns(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code stty size} reads the size of the terminal on its stdin: "24 80". */
    private static OptionalInt stty() {
        File tty = new File("/dev/tty");
        if (!tty.exists() || !interactive()) {
            return OptionalInt.empty();
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return OptionalInt.empty();
            }
            String[] parts = out.split("\\s+");
            return parts.length == 2 ? parseColumns(parts[1]) : OptionalInt.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }
}
