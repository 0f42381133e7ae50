package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.compare.EmbeddingsSection;
import io.subword.embed.EmbeddingTable;
import io.subword.embed.Pca;
import io.subword.embed.PositionalEncoding;
import io.subword.embed.SubwordVectors;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the demo shows of its embeddings, on stdout and in the report: the nearest pieces of a few words, with the
 * cosines taken after "all-but-the-top" ({@link SubwordVectors#allButTheTop}) and the mean cosine of random pairs
 * beside them, so a reader sees what a score is worth; a PCA map of the pieces of a few word families across the
 * Europarl languages; the sinusoidal positional encoding.
 */
final class DemoEmbeddings {
    /** Words whose neighbours are shown: the README's word, a German and a Portuguese one. */
    static final List<String> WORDS = List.of(DemoCommand.SHOWCASE_WORD, "Kommission", "relatório");
    /**
     * Principal components removed before cosine. Mu and Viswanath suggest about dim/100; the demo's 64 dimensions
     * over 21 languages keep a language direction besides the common one, so 2.
     */
    static final int REMOVED_COMPONENTS = 2;
    static final int NEIGHBORS = 6;
    private static final int RANDOM_PAIRS = 20_000;
    /** The same words across the languages of the European Parliament, for the map. */
    private static final Map<String, List<String>> FAMILIES = families();

    private final SubwordVectors raw;
    private final SubwordVectors adjusted;
    private final double rawRandomCosine;
    private final double randomCosine;

    private DemoEmbeddings(SubwordVectors raw, SubwordVectors adjusted) {
        this.raw = raw;
        this.adjusted = adjusted;
        this.rawRandomCosine = raw.meanRandomCosine(RANDOM_PAIRS, 1);
        this.randomCosine = adjusted.meanRandomCosine(RANDOM_PAIRS, 1);
    }

    static DemoEmbeddings of(SubwordVectors raw) {
        return new DemoEmbeddings(raw, raw.allButTheTop(REMOVED_COMPONENTS));
    }

    private static Map<String, List<String>> families() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("commission", List.of("Kommission", "Commission", "commissione", "Comisión", "Comissão", "Komisja",
                "Commissie", "Kommissionen"));
        f.put("parliament", List.of("Parlament", "Parliament", "Parlamento", "parlement", "Parlamentet",
                "parlamento"));
        f.put("report", List.of("relatório", "report", "rapport", "Bericht", "relazione", "informe", "verslag",
                "betänkande"));
        f.put("citizens", List.of("Bürger", "citizens", "cidadãos", "citoyens", "cittadini", "ciudadanos",
                "burgers", "medborgare"));
        return f;
    }

    double rawRandomCosine() {
        return rawRandomCosine;
    }

    double randomCosine() {
        return randomCosine;
    }

    /** One line per word with its pieces and nearest pieces, then how to read the numbers. */
    void print(PrintWriter out) {
        for (String word : WORDS) {
            if (adjusted.findVector(word).isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder("nearest pieces to " + word + " " + raw.tokenizer()
                    .encode(word, false).tokens() + ":");
            for (SubwordVectors.Neighbor n : adjusted.nearest(word, NEIGHBORS)) {
                sb.append(String.format(Locale.ROOT, " %s %.2f", n.token(), n.score()));
            }
            out.println(sb);
        }
        out.printf(Locale.ROOT, "  (cosine after removing the mean vector and the top %d principal components; "
                + "random pairs of pieces average %.2f, %.2f before)%n", REMOVED_COMPONENTS, randomCosine,
                rawRandomCosine);
    }

    /** The report's section. */
    EmbeddingsSection section(String description) {
        List<EmbeddingsSection.Word> words = new ArrayList<>();
        for (String word : WORDS) {
            if (adjusted.findVector(word).isEmpty()) {
                continue;
            }
            List<EmbeddingsSection.Neighbor> neighbors = new ArrayList<>();
            for (SubwordVectors.Neighbor n : adjusted.nearest(word, NEIGHBORS)) {
                neighbors.add(new EmbeddingsSection.Neighbor(n.token(), n.score()));
            }
            words.add(new EmbeddingsSection.Word(word, raw.tokenizer().encode(word, false).tokens(), neighbors));
        }
        PositionalEncoding pe = PositionalEncoding.sinusoidal(64, 128);
        double[][] positional = new double[pe.maxLen()][pe.dim()];
        for (int pos = 0; pos < pe.maxLen(); pos++) {
            for (int j = 0; j < pe.dim(); j++) {
                positional[pos][j] = pe.get(pos, j);
            }
        }
        return new EmbeddingsSection(description, REMOVED_COMPONENTS, rawRandomCosine, randomCosine, words, map(),
                positional);
    }

    /** The pieces of the family words, placed by a PCA of their own (adjusted) vectors. */
    List<EmbeddingsSection.Point> map() {
        Tokenizer tokenizer = adjusted.tokenizer();
        EmbeddingTable table = adjusted.table();
        Set<Integer> seen = new LinkedHashSet<>();
        List<String> familyOf = new ArrayList<>();
        for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
            for (String word : family.getValue()) {
                for (int id : adjusted.pieces(word)) {
                    if (seen.add(id)) {
                        familyOf.add(family.getKey());
                    }
                }
            }
        }
        if (seen.size() < 3) {
            return List.of();
        }
        boolean[] rows = new boolean[table.rows()];
        seen.forEach(id -> rows[id] = true);
        Pca pca = Pca.fit(table, rows, 2);
        List<EmbeddingsSection.Point> points = new ArrayList<>();
        int i = 0;
        for (int id : seen) {
            double[] xy = pca.project(table.row(id));
            points.add(new EmbeddingsSection.Point(tokenizer.idToToken(id), familyOf.get(i++), xy[0], xy[1]));
        }
        return points;
    }
}
