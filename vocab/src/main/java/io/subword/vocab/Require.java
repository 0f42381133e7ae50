package io.subword.vocab;

/**
 * The range checks of options and builder arguments, written once so that every module words a bad value the same
 * way: {@code "threads must be at least 1, not 0"}. The name is the caller's ("threads", "vocabulary size"); the
 * CLI maps its flags onto builders and shows these messages as they are.
 */
@Internal
public final class Require {
    private Require() {
    }

    /** {@code value}, if it is at least {@code min}; otherwise an {@link IllegalArgumentException} naming both. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** {@code value}, if it is at least {@code min}; otherwise an {@link IllegalArgumentException} naming both. */
    public static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    /** {@code value}, if it is not negative; otherwise an {@link IllegalArgumentException} naming it. */
    public static int notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return value;
    }

    /** {@code value}, if it is not negative; otherwise an {@link IllegalArgumentException} naming it. */
    public static long notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return value;
    }
}
