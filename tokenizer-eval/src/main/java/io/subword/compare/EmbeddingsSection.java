package io.subword.compare;

import java.util.List;

/**
 * What the report's embeddings section shows, computed by the caller (this module does not depend on the
 * embedding module): the nearest pieces of a few words, a 2-D map of the pieces of a few word families, and the
 * sinusoidal positional encoding.
 *
 * @param description        what the vectors are (dimension, pieces, text, epochs), one sentence
 * @param removedComponents  principal components removed before cosine ("all-but-the-top"), -1 if the cosines are
 *                           raw
 * @param rawRandomCosine    the mean cosine of random pairs of pieces, raw vectors
 * @param randomCosine       the same for the vectors the neighbours were found with
 * @param nearest            the example words and their neighbours
 * @param map                pieces placed by their first two principal components, coloured by family
 * @param positional         {@code positional[pos][i]}: PE(pos, i) for the heatmap
 */
public record EmbeddingsSection(String description, int removedComponents, double rawRandomCosine,
                                double randomCosine, List<Word> nearest, List<Point> map, double[][] positional) {

    public EmbeddingsSection {
        nearest = List.copyOf(nearest);
        map = List.copyOf(map);
    }

    /**
     * A word, its pieces, its nearest pieces with their cosines, best first, and its nearest words among those
     * of the training text in {@code language} (empty if none were searched).
     */
    public record Word(String word, List<String> pieces, List<Neighbor> neighbors, String language,
                       List<Neighbor> words) {
        public Word {
            pieces = List.copyOf(pieces);
            neighbors = List.copyOf(neighbors);
            words = List.copyOf(words);
        }

        /** Nearest pieces only. */
        public Word(String word, List<String> pieces, List<Neighbor> neighbors) {
            this(word, pieces, neighbors, "", List.of());
        }
    }

    public record Neighbor(String token, double cosine) {
    }

    /** One piece on the map. */
    public record Point(String token, String family, double x, double y) {
    }
}
