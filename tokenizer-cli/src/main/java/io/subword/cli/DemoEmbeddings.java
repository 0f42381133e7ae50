package io.subword.cli;

import io.subword.Tokenizer;
import io.subword.compare.EmbeddingsSection;
import io.subword.compare.LanguageGuesser;
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
 * beside them, so a reader sees what a score is worth, and the nearest whole words of each word's language in the
 * training text; a PCA map of the pieces of a few word families across the
 * Europarl languages; the sinusoidal positional encoding.
 */
final class DemoEmbeddings {
    /** Words whose neighbours are shown (the README's word, a German and a Portuguese one), with their language. */
    static final Map<String, String> WORDS = Map.of(DemoCommand.SHOWCASE_WORD, "pt", "Kommission", "de",
            "relatório", "pt");
    /** The order they are shown in. */
    private static final List<String> ORDER = List.of(DemoCommand.SHOWCASE_WORD, "Kommission", "relatório");
    /**
     * A word of the training text is a candidate neighbour if it is seen this often in lines of the query's
     * language and has at least {@link #MIN_LETTERS} letters (two-letter function words crowd the lists).
     */
    static final int MIN_WORD_COUNT = 2;
    static final int MIN_LETTERS = 3;
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
    /** Candidate neighbours per language of {@link #WORDS}: the words of the training lines in that language. */
    private final Map<String, List<String>> wordsByLanguage;

    private DemoEmbeddings(SubwordVectors raw, SubwordVectors adjusted, Map<String, List<String>> wordsByLanguage) {
        this.raw = raw;
        this.adjusted = adjusted;
        this.rawRandomCosine = raw.meanRandomCosine(RANDOM_PAIRS, 1);
        this.randomCosine = adjusted.meanRandomCosine(RANDOM_PAIRS, 1);
        this.wordsByLanguage = wordsByLanguage;
    }

    /** What to show of {@code raw}, vectors trained on {@code lines}. */
    static DemoEmbeddings of(SubwordVectors raw, List<String> lines) {
        return new DemoEmbeddings(raw, raw.allButTheTop(REMOVED_COMPONENTS),
                wordsByLanguage(lines, new java.util.HashSet<>(WORDS.values())));
    }

    /**
     * For each of {@code languages}, the words (runs of letters) of the lines that {@link LanguageGuesser} puts in
     * it, seen {@link #MIN_WORD_COUNT} times there and of {@link #MIN_LETTERS} letters or more, in order of first
     * appearance. The nearest pieces come from every language of the vocabulary, and pieces are often fragments;
     * whole words of the query's own language are what a reader can judge.
     */
    static Map<String, List<String>> wordsByLanguage(List<String> lines, Set<String> languages) {
        Map<String, Map<String, Integer>> counts = new java.util.HashMap<>();
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("\\p{L}+");
        for (String line : lines) {
            String language = LanguageGuesser.guess(line);
            if (!languages.contains(language)) {
                continue;
            }
            Map<String, Integer> c = counts.computeIfAbsent(language, l -> new LinkedHashMap<>());
            java.util.regex.Matcher m = word.matcher(line);
            while (m.find()) {
                if (m.end() - m.start() >= MIN_LETTERS) {
                    c.merge(m.group(), 1, Integer::sum);
                }
            }
        }
        Map<String, List<String>> out = new java.util.HashMap<>();
        counts.forEach((language, c) -> out.put(language, c.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_WORD_COUNT).map(Map.Entry::getKey).toList()));
        return out;
    }

    /** The nearest words of {@code word}'s language, or none if the training text had no line in it. */
    List<SubwordVectors.WordNeighbor> nearestWords(String word) {
        List<String> candidates = wordsByLanguage.getOrDefault(WORDS.get(word), List.of());
        return candidates.isEmpty() ? List.of() : adjusted.nearestWords(word, candidates, NEIGHBORS);
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
        for (String word : ORDER) {
            if (adjusted.findVector(word).isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder("nearest pieces to " + word + " " + raw.tokenizer()
                    .encode(word, false).tokens() + ":");
            for (SubwordVectors.Neighbor n : adjusted.nearest(word, NEIGHBORS)) {
                sb.append(String.format(Locale.ROOT, " %s %.2f", n.token(), n.score()));
            }
            List<SubwordVectors.WordNeighbor> words = nearestWords(word);
            if (!words.isEmpty()) {
                sb.append(System.lineSeparator()).append("  nearest ").append(WORDS.get(word)).append(" words:");
                for (SubwordVectors.WordNeighbor n : words) {
                    sb.append(String.format(Locale.ROOT, " %s %.2f", n.word(), n.score()));
                }
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
        for (String word : ORDER) {
            if (adjusted.findVector(word).isEmpty()) {
                continue;
            }
            List<EmbeddingsSection.Neighbor> neighbors = new ArrayList<>();
            for (SubwordVectors.Neighbor n : adjusted.nearest(word, NEIGHBORS)) {
                neighbors.add(new EmbeddingsSection.Neighbor(n.token(), n.score()));
            }
            List<EmbeddingsSection.Neighbor> sameLanguage = new ArrayList<>();
            for (SubwordVectors.WordNeighbor n : nearestWords(word)) {
                sameLanguage.add(new EmbeddingsSection.Neighbor(n.word(), n.score()));
            }
            words.add(new EmbeddingsSection.Word(word, raw.tokenizer().encode(word, false).tokens(), neighbors,
                    WORDS.get(word), sameLanguage));
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
