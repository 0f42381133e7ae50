package io.subword.compare;

import java.util.Map;

/**
 * The metrics of one candidate on the whole held-out text and on each language group.
 *
 * @param model      the candidate's model
 * @param vocabSize  the candidate's vocabulary size
 * @param all        on all held-out lines
 * @param byLanguage per language group, groups in falling order of lines (empty when the text is one group)
 */
public record ModelResult(String model, int vocabSize, Metrics all, Map<String, Metrics> byLanguage) {
    public ModelResult {
        byLanguage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byLanguage));
    }

    /** {@code wordpiece 4k}. */
    public String label() {
        return model + " " + Sizes.compact(vocabSize);
    }
}
