package io.subword.normalize;

/**
 * Rewrites a {@link NormalizedText} char by char with Hugging Face's alignment rule
 * ({@code NormalizedString::transform}): each output code point either <em>replaces</em> the next input
 * character, taking that character's original range (and may remove the characters after it), or is
 * <em>inserted</em>, taking the range of the last input character consumed so far (or an empty range at the
 * start of the text when none is). A character's range is that of all its units, so the two units of a
 * surrogate pair always share one range, as the bytes of a Rust {@code char} do.
 *
 * <p>One instance per call; not thread-safe.
 */
final class Transform {
    private final NormalizedText in;
    private final String s;
    private final NormalizedText.Builder out;
    private int cursor;
    private int prevStart;
    private int prevEnd;

    Transform(NormalizedText in) {
        this.in = in;
        this.s = in.text();
        this.out = in.builder();
        int start = in.length() > 0 ? in.originalStart(0) : 0;
        this.prevStart = start;
        this.prevEnd = start;
    }

    /** Whether input is left to consume. */
    boolean hasInput() {
        return cursor < s.length();
    }

    /** The code point at the cursor (a lone surrogate stands for itself). */
    int peek() {
        return s.codePointAt(cursor);
    }

    /** Where the cursor is, in units of the input. */
    int cursor() {
        return cursor;
    }

    private void consume() {
        int len = Character.isHighSurrogate(s.charAt(cursor)) && cursor + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(cursor + 1)) ? 2 : 1;
        prevStart = in.originalStart(cursor);
        prevEnd = in.originalEnd(cursor + len - 1);
        cursor += len;
    }

    /** Drops the next {@code count} input characters (Hugging Face's {@code initial_offset}). */
    void skip(int count) {
        for (int i = 0; i < count; i++) {
            consume();
        }
    }

    /** Copies input units up to {@code unit} unchanged, each with its own alignment. */
    void copyTo(int unit) {
        if (unit <= cursor) {
            return;
        }
        for (int i = cursor; i < unit; i++) {
            out.copy(in, i);
        }
        int last = unit - 1;
        if (last > cursor && Character.isLowSurrogate(s.charAt(last)) && Character.isHighSurrogate(s.charAt(last - 1))) {
            last--;
        }
        cursor = last;
        consume();
    }

    /** {@code cp} replaces the next input character (change 0), which {@code remove} more follow out of the text. */
    void replace(int cp, int remove) {
        consume();
        int start = prevStart;
        int end = prevEnd;
        for (int i = 0; i < remove; i++) {
            consume();
        }
        out.appendCodePoint(cp, start, end);
    }

    /** {@code cp} is inserted (change +1), aligned with the last consumed character. */
    void insert(int cp) {
        out.appendCodePoint(cp, prevStart, prevEnd);
    }

    /** Emits {@code cp} with a change as the Rust iterators give it: 1 inserts, 0 or less replaces. */
    void emit(int cp, int change) {
        if (change > 0) {
            insert(cp);
        } else {
            replace(cp, -change);
        }
    }

    /** The result; {@code in} itself when text and alignment are unchanged. */
    NormalizedText build() {
        NormalizedText result = out.build();
        return sameAs(result, in) ? in : result;
    }

    static boolean sameAs(NormalizedText result, NormalizedText input) {
        if (!result.text().equals(input.text())) {
            return false;
        }
        for (int j = 0; j < result.length(); j++) {
            if (result.originalStart(j) != input.originalStart(j) || result.originalEnd(j) != input.originalEnd(j)) {
                return false;
            }
        }
        return true;
    }
}
