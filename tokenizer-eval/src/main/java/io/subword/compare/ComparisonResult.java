package io.subword.compare;

import java.util.List;
import java.util.Map;

/**
 * Everything a comparison found: the held-out text, each candidate's metrics, and example splits of rare
 * words.
 *
 * @param heldOut  what was measured on
 * @param models   one per candidate, in candidate order
 * @param examples rare held-out words and their splits
 */
public record ComparisonResult(HeldOut heldOut, List<ModelResult> models, List<Example> examples) {
    public ComparisonResult {
        models = List.copyOf(models);
        examples = List.copyOf(examples);
    }

    /** The models in order of first appearance. */
    public List<String> modelNames() {
        return models.stream().map(ModelResult::model).distinct().toList();
    }

    /** The vocabulary sizes, ascending. */
    public List<Integer> vocabSizes() {
        return models.stream().map(ModelResult::vocabSize).distinct().sorted().toList();
    }

    /**
     * The held-out text.
     *
     * @param name              what it is (a file name, or how it was split off)
     * @param lines             lines
     * @param words             running words
     * @param wordTypes         distinct words
     * @param chars             code points
     * @param bytes             UTF-8 bytes
     * @param linesByLanguage   lines per language group, most lines first
     */
    public record HeldOut(String name, long lines, long words, long wordTypes, long chars, long bytes,
                          Map<String, Long> linesByLanguage) {
        public HeldOut {
            linesByLanguage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(linesByLanguage));
        }

        /** Whether the text mixes languages (more than one group). */
        public boolean multilingual() {
            return linesByLanguage.size() > 1;
        }
    }
}
