package io.subword.normalize;

import java.util.Arrays;

/**
 * Text after normalization, with the way back: for every UTF-16 unit of the normalized text, the range of
 * UTF-16 units of the original text it came from. Token offsets are read through this map, so every token
 * carries offsets into the string the caller gave, whatever the normalizers inserted, removed or replaced.
 *
 * <p>A unit that a normalizer inserts (a space around a CJK ideograph, the parts of a decomposed accent)
 * maps to the range of the original unit it came from. Immutable.
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    /** Per normalized unit, the original range; {@code null} when the text is a verbatim slice at {@code base}. */
    private final int[] starts;
    private final int[] ends;
    private final int base;

    private NormalizedText(String original, String text, int[] starts, int[] ends, int base) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.base = base;
    }

    /** The whole of {@code original}, not yet normalized. */
    public static NormalizedText of(String original) {
        return new NormalizedText(original, original, null, null, 0);
    }

    /** The slice {@code original[from, to)}, not yet normalized; offsets still point into {@code original}. */
    public static NormalizedText of(String original, int from, int to) {
        return new NormalizedText(original, original.substring(from, to), null, null, from);
    }

    /** The caller's text that offsets point into. */
    public String original() {
        return original;
    }

    /** The normalized text. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /**
     * Whether unit {@code i} stands for original unit {@code base + i} for every {@code i} (the alignment is
     * the identity). The text itself may still differ unit for unit, e.g. after lowercasing ASCII.
     */
    public boolean hasIdentityAlignment() {
        return starts == null;
    }

    /** Where normalized unit {@code i} starts in the original. */
    public int originalStart(int i) {
        return starts == null ? base + i : starts[i];
    }

    /** Where normalized unit {@code i} ends in the original (exclusive). */
    public int originalEnd(int i) {
        return ends == null ? base + i + 1 : ends[i];
    }

    /**
     * The same alignment with another normalized text of the same length, for normalizers that replace
     * units one for one (lowercasing ASCII, mapping whitespace to space).
     */
    public NormalizedText withSameAlignment(String replaced) {
        if (replaced.length() != text.length()) {
            throw new IllegalArgumentException("length " + replaced.length() + " != " + text.length());
        }
        return new NormalizedText(original, replaced, starts, ends, base);
    }

    /** Units {@code [from, to)} of this text, keeping their alignment to the same original. */
    public NormalizedText slice(int from, int to) {
        if (from == 0 && to == text.length()) {
            return this;
        }
        String part = text.substring(from, to);
        if (starts == null) {
            return new NormalizedText(original, part, null, null, base + from);
        }
        return new NormalizedText(original, part, Arrays.copyOfRange(starts, from, to),
                Arrays.copyOfRange(ends, from, to), 0);
    }

    /** A builder whose units are aligned to this text's original. */
    public Builder builder() {
        return new Builder(original, text.length() + 16);
    }

    /**
     * A builder that keeps the text only, for {@link Normalizer#normalizeText}: it takes the same calls and
     * ignores the ranges; read the result with {@link Builder#text()}, never {@link Builder#build()}.
     */
    static Builder textOnlyBuilder(int capacity) {
        char[] scratch = TEXT_ONLY_SCRATCH.get();
        if (scratch == null || scratch.length < capacity) {
            scratch = new char[Math.max(capacity, 1024)];
            TEXT_ONLY_SCRATCH.set(scratch);
        }
        return new Builder(scratch);
    }

    /**
     * The chars a text-only builder writes to, one array per thread: the only thing it allocates then is the
     * result (counting 10 MB made 23 MB of these arrays, enough to move a garbage collection into the merge loop).
     * A builder lives within one {@link Normalizer#normalizeText} call, so no two use one array at once.
     */
    private static final ThreadLocal<char[]> TEXT_ONLY_SCRATCH = new ThreadLocal<>();

    /**
     * Appends units one at a time, each with the original range it stands for. The units go to a plain
     * {@code char[]} (a {@code StringBuilder}'s per-char Latin-1 checks were a tenth of the BERT normalizer's
     * time under C1), made a {@code String} once at the end.
     */
    public static final class Builder {
        private final String original;
        private char[] text;
        /** Per unit, its original range; both {@code null} in a {@link #textOnlyBuilder}. */
        private int[] starts;
        private int[] ends;
        private int size;

        private Builder(char[] scratch) {
            this.original = null;
            this.text = scratch;
        }

        Builder(String original, int capacity) {
            this.original = original;
            this.text = new char[Math.max(capacity, 16)];
            this.starts = new int[text.length];
            this.ends = new int[text.length];
        }

        /** Appends {@code c} standing for {@code original[originalStart, originalEnd)}. */
        public Builder append(char c, int originalStart, int originalEnd) {
            if (size == text.length) {
                grow();
            }
            text[size] = c;
            if (starts != null) {
                starts[size] = originalStart;
                ends[size] = originalEnd;
            }
            size++;
            return this;
        }

        private void grow() {
            int n = size * 2;
            text = Arrays.copyOf(text, n);
            if (starts != null) {
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
            }
        }

        /** Appends a code point (one or two units), both units standing for the same original range. */
        public Builder appendCodePoint(int codePoint, int originalStart, int originalEnd) {
            if (Character.isBmpCodePoint(codePoint)) {
                return append((char) codePoint, originalStart, originalEnd);
            }
            append(Character.highSurrogate(codePoint), originalStart, originalEnd);
            return append(Character.lowSurrogate(codePoint), originalStart, originalEnd);
        }

        /** Appends unit {@code i} of {@code source} unchanged, with its alignment. */
        public Builder copy(NormalizedText source, int i) {
            return append(source.text.charAt(i), source.originalStart(i), source.originalEnd(i));
        }

        public int length() {
            return size;
        }

        /** The text so far (all a {@link #textOnlyBuilder} gives). */
        String text() {
            return new String(text, 0, size);
        }

        public NormalizedText build() {
            if (starts == null) {
                throw new IllegalStateException("a text-only builder has no alignment to build");
            }
            return new NormalizedText(original, text(), Arrays.copyOf(starts, size), Arrays.copyOf(ends, size), 0);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
