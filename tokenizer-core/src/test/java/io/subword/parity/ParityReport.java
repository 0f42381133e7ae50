package io.subword.parity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Collects the inputs on which our ids (and offsets) differ from a reference's, then fails once with the count
 * and the first few in detail, so one run shows the extent of a problem, not only its first instance.
 */
final class ParityReport {
    private static final int SHOWN = 10;

    private final String what;
    private final List<String> shown = new ArrayList<>();
    int compared;
    private int differing;

    ParityReport(String what) {
        this.what = what;
    }

    int compared() {
        return compared;
    }

    int differing() {
        return differing;
    }

    /** Compares one input's arrays (ids, or offsets); {@code label} says which. */
    boolean compare(String where, String text, String label, int[] expected, int[] actual) {
        compared++;
        if (Arrays.equals(expected, actual)) {
            return true;
        }
        differing++;
        if (shown.size() < SHOWN) {
            int at = 0;
            while (at < Math.min(expected.length, actual.length) && expected[at] == actual[at]) {
                at++;
            }
            shown.add(where + " (" + label + " differ at index " + at + "): text " + excerpt(text) + "\n  expected "
                    + window(expected, at) + "\n  actual   " + window(actual, at));
        }
        return false;
    }

    /** Records a failure found otherwise (an exception). */
    void add(String where, String detail) {
        compared++;
        differing++;
        if (shown.size() < SHOWN) {
            shown.add(where + ": " + detail);
        }
    }

    void assertNone() {
        if (differing == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder(what).append(": ").append(differing).append(" of ").append(compared)
                .append(" comparisons differ; the first ").append(shown.size()).append(':');
        for (String s : shown) {
            sb.append("\n\n").append(s);
        }
        fail(sb.toString());
    }

    private static String excerpt(String text) {
        String t = text.length() > 120 ? text.substring(0, 120) + "...(" + text.length() + " chars)" : text;
        return io.subword.vocab.Vocabulary.quote(t);
    }

    private static String window(int[] a, int at) {
        int from = Math.max(0, at - 3);
        int to = Math.min(a.length, at + 5);
        StringBuilder sb = new StringBuilder("[").append(from > 0 ? "... " : "");
        for (int i = from; i < to; i++) {
            sb.append(i > from ? " " : "").append(a[i]);
        }
        return sb.append(to < a.length ? " ...]" : "]").append(" (length ").append(a.length).append(')').toString();
    }
}
