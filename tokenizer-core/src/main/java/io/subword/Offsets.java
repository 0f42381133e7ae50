package io.subword;

import java.util.Arrays;

/**
 * The {@code [start, end)} offsets of an encoding's tokens in one unit. Special and padding tokens have
 * {@code (0, 0)}, as in Hugging Face tokenizers.
 */
public record Offsets(OffsetUnit unit, int[] starts, int[] ends) {
    public int size() {
        return starts.length;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Offsets other && unit == other.unit && Arrays.equals(starts, other.starts)
                && Arrays.equals(ends, other.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
    }

    /** {@code [(0, 3), (4, 9)]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < starts.length; i++) {
            sb.append(i == 0 ? "(" : ", (").append(starts[i]).append(", ").append(ends[i]).append(')');
        }
        return sb.append(']').toString();
    }
}
