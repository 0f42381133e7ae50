package io.subword.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A comparison as one self-contained HTML page: inline CSS and inline SVG charts, no script, no font, no
 * reference to anything outside the file, so it opens from disk in any browser.
 *
 * <p>It holds the summary of the held-out text, the table of metrics, one chart per metric (each a
 * {@code <figure class="chart" data-metric="...">}: {@value #UNK_TOKEN_RATE}, {@value #UNK_TYPE_RATE},
 * {@value #WHOLE_WORDS}, {@value #FERTILITY}, {@value #CHARS_PER_TOKEN}, {@value #BYTES_PER_TOKEN},
 * {@value #SEQUENCE_LENGTH}, {@value #VOCAB_USE}, and for text that mixes languages {@value #LANGUAGE_UNK} and
 * {@value #LANGUAGE_FERTILITY}), and the table of example splits with each piece in its own colour.
 */
public final class HtmlReport {
    public static final String UNK_TOKEN_RATE = "unk-token-rate";
    public static final String UNK_TYPE_RATE = "unk-type-rate";
    public static final String WHOLE_WORDS = "whole-words";
    public static final String FERTILITY = "fertility";
    public static final String CHARS_PER_TOKEN = "chars-per-token";
    public static final String BYTES_PER_TOKEN = "bytes-per-token";
    public static final String SEQUENCE_LENGTH = "sequence-length";
    public static final String VOCAB_USE = "vocab-use";
    public static final String LANGUAGE_UNK = "language-unk";
    public static final String LANGUAGE_FERTILITY = "language-fertility";

    private static final Map<String, String> MODEL_COLORS = Map.of("word", "#7f7f7f", "wordpiece", "#1f77b4",
            "bpe", "#ff7f0e", "bytelevel", "#2ca02c");
    private static final List<String> OTHER_COLORS = List.of("#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
            "#bcbd22");
    private static final List<String> FERTILITY_COLORS = List.of("#74c476", "#fdd0a2", "#fdae6b", "#f16913",
            "#a63603");
    private static final List<String> FERTILITY_NAMES = List.of("1 token", "2 tokens", "3 tokens", "4 tokens",
            "5 or more");

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param title the page's heading
     * @param info  facts shown at the top, in order (training text, timings ...)
     */
    public static String render(ComparisonResult r, String title, Map<String, String> info) {
        return render(r, title, info, null);
    }

    /** The page with an embeddings section after the examples ({@code null}: none). */
    public static String render(ComparisonResult r, String title, Map<String, String> info,
                                EmbeddingsSection embeddings) {
        Map<String, String> colors = colors(r.modelNames());
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        sb.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        sb.append("<p class=\"lead\">A word-level vocabulary maps every word it has not seen to one unknown token "
                + "(<span class=\"p unk\">[UNK]</span>) and loses it. Subword vocabularies split such words into "
                + "known pieces. Below, each tokenizer is measured on text it was not trained on.</p>\n");
        facts(sb, r, info);
        metricsTable(sb, r);
        sb.append("<h2>Charts</h2>\n<div class=\"charts\">\n");
        List<Integer> sizes = r.vocabSizes();
        figure(sb, UNK_TOKEN_RATE, "Share of tokens that are the unknown token.", Svg.lineChart(
                "UNK rate per token", "unknown tokens / tokens", series(r, colors, m -> m.all().unkTokenRate()), sizes,
                HtmlReport::percentTick));
        figure(sb, UNK_TYPE_RATE, "Share of distinct held-out words that got an unknown token.", Svg.lineChart(
                "UNK rate per word type", "word types with UNK / word types",
                series(r, colors, m -> m.all().unkWordTypeRate()), sizes, HtmlReport::percentTick));
        figure(sb, WHOLE_WORDS, "Share of running words that are one known token.", Svg.lineChart(
                "Words kept whole", "words as one token / words", series(r, colors, m -> m.all().wholeWordRate()),
                sizes, HtmlReport::percentTick));
        figure(sb, FERTILITY, "How many tokens each running word became; the mean on the right.",
                fertilityChart(r));
        figure(sb, CHARS_PER_TOKEN, "Characters of held-out text per token: higher is a shorter sequence.",
                Svg.lineChart("Characters per token", "characters / token",
                        series(r, colors, m -> m.all().charsPerToken()), sizes, Html::number));
        figure(sb, BYTES_PER_TOKEN, "UTF-8 bytes of held-out text per token.", Svg.lineChart("Bytes per token",
                "UTF-8 bytes / token", series(r, colors, m -> m.all().bytesPerToken()), sizes, Html::number));
        figure(sb, SEQUENCE_LENGTH, "Tokens per held-out line: median, 90th and 99th percentile.",
                sequenceChart(r, colors));
        figure(sb, VOCAB_USE, "Share of the vocabulary that occurs in the held-out text at least once.",
                Svg.lineChart("Vocabulary use", "tokens used / vocabulary size",
                        series(r, colors, m -> m.all().vocabUse()), sizes, HtmlReport::percentTick));
        if (r.heldOut().multilingual()) {
            List<ModelResult> largest = TextReport.largestPerModel(r);
            figure(sb, LANGUAGE_UNK, "Per language, at each model's largest vocabulary.", languageChart(r, largest,
                    "UNK rate per word type, by language", m -> m.unkWordTypeRate(), "#d62728", Sizes::percent));
            figure(sb, LANGUAGE_FERTILITY, "Per language, at each model's largest vocabulary.", languageChart(r,
                    largest, "Tokens per word, by language", m -> m.fertility().mean(), "#1f77b4", Sizes::decimal));
        }
        sb.append("</div>\n");
        examples(sb, r);
        if (embeddings != null) {
            embeddings(sb, embeddings);
        }
        definitions(sb);
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** {@code 0.25 -> 25%}, {@code 0.00012 -> 0.012%}. */
    static String percentTick(double rate) {
        return Html.number(rate * 100) + "%";
    }

    private static Map<String, String> colors(List<String> models) {
        Map<String, String> colors = new LinkedHashMap<>();
        int other = 0;
        for (String m : models) {
            String c = MODEL_COLORS.get(m);
            colors.put(m, c != null ? c : OTHER_COLORS.get(other++ % OTHER_COLORS.size()));
        }
        return colors;
    }

    private static void facts(StringBuilder sb, ComparisonResult r, Map<String, String> info) {
        ComparisonResult.HeldOut h = r.heldOut();
        sb.append("<dl class=\"facts\">\n");
        info.forEach((k, v) -> sb.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v))
                .append("</dd>\n"));
        sb.append("<dt>held-out text</dt><dd>").append(Html.escape(String.format(Locale.ROOT,
                "%s: %,d lines, %,d words (%,d distinct), %,d characters", h.name(), h.lines(), h.words(),
                h.wordTypes(), h.chars()))).append("</dd>\n");
        if (h.multilingual()) {
            StringBuilder langs = new StringBuilder();
            h.linesByLanguage().forEach((lang, lines) -> langs.append(langs.isEmpty() ? "" : ", ").append(lang)
                    .append(' ').append(String.format(Locale.ROOT, "%,d", lines)));
            sb.append("<dt>lines by language</dt><dd>").append(Html.escape(langs.toString())).append("</dd>\n");
            sb.append("<dt>language guess</dt><dd>").append(Html.escape(LanguageGuesser.explanation()))
                    .append("</dd>\n");
        }
        sb.append("</dl>\n");
    }

    private static void metricsTable(StringBuilder sb, ComparisonResult r) {
        sb.append("<h2>Metrics</h2>\n<div class=\"scroll\"><table class=\"metrics\">\n<thead><tr>")
                .append("<th>model</th><th>vocab</th><th>UNK / token</th><th>UNK / word type</th><th>words whole</th>")
                .append("<th>tokens / word</th><th>p50</th><th>p90</th><th>p99</th><th>chars / token</th>")
                .append("<th>bytes / token</th><th>tokens / line p50</th><th>p90</th><th>p99</th><th>vocab use</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ModelResult m : r.models()) {
            Metrics x = m.all();
            Distribution f = x.fertility();
            Distribution s = x.sequenceLength();
            sb.append("<tr><td>").append(Html.escape(m.model())).append("</td>");
            for (String cell : new String[] {Sizes.compact(m.vocabSize()), Sizes.percent(x.unkTokenRate()),
                    Sizes.percent(x.unkWordTypeRate()), Sizes.percent(x.wholeWordRate()), Sizes.decimal(f.mean()),
                    Integer.toString(f.p50()), Integer.toString(f.p90()), Integer.toString(f.p99()),
                    Sizes.decimal(x.charsPerToken()), Sizes.decimal(x.bytesPerToken()), Integer.toString(s.p50()),
                    Integer.toString(s.p90()), Integer.toString(s.p99()), Sizes.percent(x.vocabUse())}) {
                sb.append("<td class=\"num\">").append(cell).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
    }

    private static void figure(StringBuilder sb, String metric, String caption, String svg) {
        sb.append("<figure class=\"chart\" data-metric=\"").append(metric).append("\">\n").append(svg)
                .append("\n<figcaption>").append(Html.escape(caption)).append("</figcaption>\n</figure>\n");
    }

    private static List<Svg.Series> series(ComparisonResult r, Map<String, String> colors,
                                           ToDoubleFunction<ModelResult> value) {
        List<Svg.Series> out = new ArrayList<>();
        for (String model : r.modelNames()) {
            List<ModelResult> ms = r.models().stream().filter(m -> m.model().equals(model))
                    .sorted(java.util.Comparator.comparingInt(ModelResult::vocabSize)).toList();
            double[] xs = ms.stream().mapToDouble(ModelResult::vocabSize).toArray();
            double[] ys = ms.stream().mapToDouble(value).toArray();
            out.add(new Svg.Series(model, colors.get(model), xs, ys));
        }
        return out;
    }

    private static String fertilityChart(ComparisonResult r) {
        List<Svg.StackedRow> rows = new ArrayList<>();
        for (ModelResult m : r.models()) {
            Distribution f = m.all().fertility();
            double[] shares = {f.share(1), f.share(2), f.share(3), f.share(4), f.shareAtLeast(5)};
            rows.add(new Svg.StackedRow(m.label(), shares, "mean " + Sizes.decimal(f.mean())));
        }
        return Svg.stackedBars("Tokens per word (fertility)", "share of running words", rows, FERTILITY_NAMES,
                FERTILITY_COLORS);
    }

    private static String sequenceChart(ComparisonResult r, Map<String, String> colors) {
        List<Svg.RangeRow> rows = new ArrayList<>();
        for (ModelResult m : r.models()) {
            Distribution s = m.all().sequenceLength();
            rows.add(new Svg.RangeRow(m.label(), colors.get(m.model()), s.p50(), s.p90(), s.p99(), s.max()));
        }
        return Svg.rangeBars("Sequence length (tokens per line)", "tokens per line", rows);
    }

    private static String languageChart(ComparisonResult r, List<ModelResult> models, String title,
                                         ToDoubleFunction<Metrics> value, String color, DoubleFunction<String> format) {
        List<String> languages = new ArrayList<>(r.heldOut().linesByLanguage().keySet());
        double[][] values = new double[languages.size()][models.size()];
        for (int i = 0; i < languages.size(); i++) {
            for (int j = 0; j < models.size(); j++) {
                Metrics m = models.get(j).byLanguage().get(languages.get(i));
                values[i][j] = m == null ? Double.NaN : value.applyAsDouble(m);
            }
        }
        List<String> rowNames = new ArrayList<>();
        for (String lang : languages) {
            rowNames.add(lang + " (" + r.heldOut().linesByLanguage().get(lang) + ")");
        }
        return Svg.heatmap(title, rowNames, models.stream().map(ModelResult::label).toList(), values, color, format,
                "rows: language (held-out lines); darker is higher\n" + LanguageGuesser.UNSURE
                        + ": lines without a confident language guess");
    }

    private static void examples(StringBuilder sb, ComparisonResult r) {
        if (r.examples().isEmpty()) {
            return;
        }
        List<String> models = r.modelNames();
        sb.append("<h2>How rare held-out words split</h2>\n<p>Each word encoded on its own; every piece in its own "
                + "colour, the unknown token in red. One line per vocabulary size.</p>\n");
        sb.append("<div class=\"scroll\"><table class=\"examples\">\n<thead><tr><th>word</th>");
        for (String m : models) {
            sb.append("<th>").append(Html.escape(m)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (Example e : r.examples()) {
            sb.append("<tr><td class=\"word\"><b>").append(Html.escape(e.word())).append("</b><br><small>")
                    .append(Html.escape(e.language())).append(", ").append(Html.escape(TextReport.seen(e.trainingCount())))
                    .append("</small></td>");
            for (String m : models) {
                sb.append("<td>");
                e.splits().stream().filter(s -> s.model().equals(m))
                        .sorted(java.util.Comparator.comparingInt(Example.Split::vocabSize))
                        .forEach(s -> split(sb, s));
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
    }

    private static void split(StringBuilder sb, Example.Split s) {
        sb.append("<div class=\"split\"><span class=\"size\">").append(Sizes.compact(s.vocabSize()))
                .append("</span><span class=\"pieces\">");
        int i = 0;
        for (Example.Piece p : s.pieces()) {
            sb.append("<span class=\"p ").append(p.unknown() ? "unk" : "c" + (i % 6)).append("\">")
                    .append(Html.escape(p.text())).append("</span>");
            i++;
        }
        sb.append("</span></div>");
    }

    private static void definitions(StringBuilder sb) {
        sb.append("""
                <h2>What the numbers mean</h2>
                <dl class="defs">
                <dt>word</dt><dd>the held-out text's own words, the same for every tokenizer: runs of letters and \
                digits between spaces, each punctuation character on its own; a token belongs to the word it starts \
                in (or, starting in the space before a word, to that word)</dd>
                <dt>UNK / token</dt><dd>unknown tokens / all tokens</dd>
                <dt>UNK / word type</dt><dd>distinct words that got an unknown token at least once / distinct words</dd>
                <dt>words whole</dt><dd>running words that are exactly one known token / running words</dd>
                <dt>tokens / word</dt><dd>fertility: tokens per running word, mean and nearest-rank percentiles</dd>
                <dt>chars, bytes / token</dt><dd>characters (code points) and UTF-8 bytes of the held-out lines per \
                token</dd>
                <dt>tokens / line</dt><dd>the sequence length of each held-out line, without special tokens</dd>
                <dt>vocab use</dt><dd>distinct token ids that occur in the held-out text / vocabulary size</dd>
                </dl>
                """);
    }

    /** The embeddings section: neighbours with the cosine scale explained, the PCA map, the positional encoding. */
    private static void embeddings(StringBuilder sb, EmbeddingsSection e) {
        sb.append("<h2>Embeddings</h2>\n<p class=\"lead\">").append(Html.escape(e.description())).append("</p>\n");
        sb.append("<p class=\"lead\">How to read a cosine: 1 is the same direction, 0 unrelated, -1 opposite. ");
        if (e.removedComponents() >= 0) {
            sb.append(String.format(Locale.ROOT, "Raw skip-gram vectors all lean one way: two pieces taken at random "
                    + "have a mean cosine of %.2f, so every neighbour would score high. The cosines below are taken "
                    + "after subtracting the mean vector and removing the top %d principal component%s "
                    + "(&ldquo;all-but-the-top&rdquo;, Mu and Viswanath 2018); random pairs then average %.2f, "
                    + "and a neighbour well above that shares contexts with the word.",
                    e.rawRandomCosine(), e.removedComponents(), e.removedComponents() == 1 ? "" : "s",
                    e.randomCosine()));
        } else {
            sb.append(String.format(Locale.ROOT, "Two pieces taken at random have a mean cosine of %.2f; a neighbour "
                    + "means something only well above that.", e.randomCosine()));
        }
        boolean anyWords = e.nearest().stream().anyMatch(w -> !w.words().isEmpty());
        if (anyWords) {
            sb.append(" The last column searches only whole words of the word's language in the training text, "
                    + "each composed from its pieces as the word is: the nearest pieces come from every language "
                    + "and are often fragments of words.");
        }
        sb.append("</p>\n<table class=\"examples\"><thead><tr><th>word</th><th>its pieces</th>"
                + "<th>nearest pieces (cosine)</th>")
                .append(anyWords ? "<th>nearest words of its language (cosine)</th>" : "")
                .append("</tr></thead><tbody>\n");
        for (EmbeddingsSection.Word w : e.nearest()) {
            sb.append("<tr><td class=\"word\">").append(Html.escape(w.word())).append("</td><td><span class=\"pieces\">");
            for (int i = 0; i < w.pieces().size(); i++) {
                sb.append("<span class=\"p c").append(i % 6).append("\">").append(Html.escape(w.pieces().get(i)))
                        .append("</span>");
            }
            sb.append("</span></td><td>");
            neighbors(sb, w.neighbors());
            if (anyWords) {
                sb.append("</td><td>");
                if (!w.words().isEmpty()) {
                    sb.append("<span class=\"lang\">").append(Html.escape(w.language())).append(":</span> ");
                }
                neighbors(sb, w.words());
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n<div class=\"charts\">\n");
        if (!e.map().isEmpty()) {
            figure(sb, "embedding-map", "The pieces of the same four words in several languages (colour: the "
                    + "word), placed by the first two principal components of their vectors (the directions along "
                    + "which these vectors vary most). Skip-gram learns from the words around a piece, and those are "
                    + "in the piece's own language, so pieces tend to group by language first (the German words "
                    + "together, the English ones together), and only then by meaning.",
                    Svg.scatter("Word families, 2-D PCA map", e.map()));
        }
        if (e.positional() != null && e.positional().length > 0) {
            int positions = e.positional().length;
            int dims = e.positional()[0].length;
            figure(sb, "positional-encoding", String.format(Locale.ROOT, "The sinusoidal positional encoding of the "
                    + "Transformer, PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)), "
                    + "d = %d, for positions 0 to %d. Low dimensions change quickly with the position, high ones "
                    + "slowly, so every position gets its own pattern (blue -1, white 0, red +1).", dims,
                    positions - 1), Svg.signedMatrix("Positional encoding: position (down) by dimension (across)",
                    e.positional(), "dimension i", "position"));
        }
        sb.append("</div>\n");
    }

    private static void neighbors(StringBuilder sb, List<EmbeddingsSection.Neighbor> neighbors) {
        for (int i = 0; i < neighbors.size(); i++) {
            EmbeddingsSection.Neighbor n = neighbors.get(i);
            sb.append(i > 0 ? ", " : "").append("<span class=\"p\">").append(Html.escape(n.token()))
                    .append("</span> ").append(String.format(Locale.ROOT, "%.2f", n.cosine()));
        }
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f6f7f9; color: #1b1f24;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            main { max-width: 1220px; margin: 0 auto; padding: 24px 28px 48px; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #d9dde3; padding-bottom: 4px; }
            .lead { color: #3a4149; max-width: 880px; }
            .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
            .facts dt { color: #5b636d; }
            .facts dd { margin: 0; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; background: #fff; border: 1px solid #d9dde3; }
            th, td { padding: 4px 7px; border-bottom: 1px solid #eceff2; text-align: left; vertical-align: top; }
            th { background: #eef1f4; font-weight: 600; font-size: 12px; }
            table.metrics { font-size: 13px; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(580px, 1fr)); gap: 16px; }
            figure.chart { margin: 0; background: #fff; border: 1px solid #d9dde3; border-radius: 6px; padding: 10px;
                           overflow-x: auto; }
            figure.chart svg { display: block; max-width: 100%; height: auto; }
            figcaption { color: #5b636d; font-size: 13px; margin-top: 4px; }
            table.examples { width: 100%; }
            table.examples td.word { width: 170px; }
            td.word small { color: #5b636d; }
            .split { display: flex; align-items: baseline; margin: 2px 0; }
            .pieces { display: flex; flex-wrap: wrap; }
            .size { flex: 0 0 34px; color: #8a929b; font-size: 12px; }
            .p { display: inline-block; padding: 0 4px; margin: 1px 2px 1px 0; border-radius: 3px;
                 font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
            .c0 { background: #cfe3ff; } .c1 { background: #ffdcb0; } .c2 { background: #cdeccd; }
            .c3 { background: #f3d0ee; } .c4 { background: #fff0a8; } .c5 { background: #d8d0ff; }
            .unk { background: #e0443e; color: #fff; font-weight: 600; }
            .defs dt { font-weight: 600; margin-top: 6px; }
            .defs dd { margin: 0 0 0 16px; color: #3a4149; }
            """;
}
