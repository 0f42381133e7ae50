package io.subword.pretokenize;

/**
 * What a split does with the pieces its pattern matches (the delimiters), as Hugging Face's
 * {@code SplitDelimiterBehavior}. Examples for the delimiter {@code -} in {@code the-final--countdown}:
 */
public enum SplitBehavior {
    /** {@code the final countdown}: delimiters dropped. */
    REMOVED("Removed"),
    /** {@code the - final - - countdown}: each delimiter its own piece. */
    ISOLATED("Isolated"),
    /** {@code the- final- - countdown}: a delimiter joins the piece before it (not another delimiter). */
    MERGED_WITH_PREVIOUS("MergedWithPrevious"),
    /** {@code the -final - -countdown}: a delimiter joins the piece after it (not another delimiter). */
    MERGED_WITH_NEXT("MergedWithNext"),
    /** {@code the - final -- countdown}: adjacent delimiters form one piece. */
    CONTIGUOUS("Contiguous");

    private final String jsonName;

    SplitBehavior(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in {@code tokenizer.json} ({@code "MergedWithPrevious"}). */
    public String jsonName() {
        return jsonName;
    }

    /**
     * The behavior named {@code name} in {@code tokenizer.json}.
     *
     * @throws IllegalArgumentException naming the value when it is not one
     */
    public static SplitBehavior fromJsonName(String name) {
        for (SplitBehavior b : values()) {
            if (b.jsonName.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown split behavior " + name);
    }

    /**
     * Appends to {@code out} the pieces of a range that has been cut into {@code n} consecutive parts
     * {@code [starts[k], ends[k])}, {@code matches[k]} telling whether part {@code k} is a delimiter, following
     * Hugging Face's {@code NormalizedString::split}. Empty pieces are dropped.
     */
    void apply(int[] starts, int[] ends, boolean[] matches, int n, Spans out) {
        switch (this) {
            case ISOLATED -> {
                for (int k = 0; k < n; k++) {
                    emit(starts[k], ends[k], out);
                }
            }
            case REMOVED -> {
                for (int k = 0; k < n; k++) {
                    if (!matches[k]) {
                        emit(starts[k], ends[k], out);
                    }
                }
            }
            case CONTIGUOUS -> {
                int k = 0;
                while (k < n) {
                    int j = k + 1;
                    while (j < n && matches[j] == matches[k]) {
                        j++;
                    }
                    emit(starts[k], ends[j - 1], out);
                    k = j;
                }
            }
            case MERGED_WITH_PREVIOUS -> {
                int k = 0;
                while (k < n) {
                    if (!matches[k] && k + 1 < n && matches[k + 1]) {
                        emit(starts[k], ends[k + 1], out);
                        k += 2;
                    } else {
                        emit(starts[k], ends[k], out);
                        k++;
                    }
                }
            }
            case MERGED_WITH_NEXT -> {
                int k = 0;
                while (k < n) {
                    if (matches[k] && k + 1 < n && !matches[k + 1]) {
                        emit(starts[k], ends[k + 1], out);
                        k += 2;
                    } else {
                        emit(starts[k], ends[k], out);
                        k++;
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    private static void emit(int start, int end, Spans out) {
        if (end > start) {
            out.add(start, end);
        }
    }
}
