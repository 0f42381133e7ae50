package io.subword.compare;

import java.util.Locale;

/** How sizes and rates are written in the reports. */
final class Sizes {
    private Sizes() {
    }

    /** {@code 1000 -> 1k}, {@code 1500 -> 1500}, {@code 32000 -> 32k}, {@code 1000000 -> 1M}. */
    static String compact(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1000 && n % 1000 == 0) {
            return n / 1000 + "k";
        }
        return Long.toString(n);
    }

    /** A rate as a percentage with enough digits to tell small rates apart: {@code 12.3%}, {@code 0.042%}. */
    static String percent(double rate) {
        double p = rate * 100;
        if (p == 0) {
            return "0%";
        }
        if (p >= 10) {
            return String.format(Locale.ROOT, "%.1f%%", p);
        }
        if (p >= 1) {
            return String.format(Locale.ROOT, "%.2f%%", p);
        }
        return String.format(Locale.ROOT, "%.3f%%", p);
    }

    /** Two decimals. */
    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
