package io.subword.vocab;

import java.util.Objects;

/**
 * One line of a merge list ({@code merges.txt}, tokenizer.json {@code model.merges}): the two tokens whose
 * adjacent occurrence BPE joins. The position in the list is the merge's rank, lower merging first.
 */
public record Merge(String left, String right) {
    public Merge {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
        return left + " " + right;
    }
}
