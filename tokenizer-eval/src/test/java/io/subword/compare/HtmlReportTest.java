package io.subword.compare;

import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    static ComparisonResult multilingual(Path dir) throws Exception {
        return Comparison.builder().exampleCount(3).exampleWords(List.of("inimagináveis", "a<b&c")).build().run(
                List.of(new Candidate("word", 4, ComparisonTest.wordLevel()),
                        new Candidate("word", 8, ComparisonTest.wordLevel()),
                        new Candidate("wordpiece", 7, ComparisonTest.wordPiece())),
                ComparisonTest.corpus(dir, "the a and the b abcabc", "der a und dem c cababc", "a b abc"),
                "held-out.txt", w -> 0, TrainingListener.NONE);
    }

    /** Nothing the page needs comes from elsewhere: no scripts, style sheets, fonts, images or links out. */
    @Test
    void isSelfContained(@TempDir Path dir) throws Exception {
        String html = HtmlReport.render(multilingual(dir), "UNK vs subwords", Map.of("training text", "t.txt"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        for (String forbidden : List.of("http:", "https:", "//", "<script", "<link", "@import", "url(", "@font-face",
                "<img", "<iframe", "src=", "href=")) {
            assertFalse(html.contains(forbidden), () -> "the report contains " + forbidden);
        }
        assertTrue(html.contains("<style>") && html.contains("<svg "), "inline CSS and SVG");
        // text from the data is escaped
        assertTrue(html.contains("a&lt;b&amp;c"));
        assertFalse(html.contains("a<b&c"));
    }

    /** One chart per metric: UNK rates, whole words, fertility, chars and bytes per token, lengths, use, language. */
    @Test
    void holdsOneChartPerMetric(@TempDir Path dir) throws Exception {
        String html = HtmlReport.render(multilingual(dir), "UNK vs subwords", Map.of());
        assertEquals(List.of(HtmlReport.UNK_TOKEN_RATE, HtmlReport.UNK_TYPE_RATE, HtmlReport.WHOLE_WORDS,
                        HtmlReport.FERTILITY, HtmlReport.CHARS_PER_TOKEN, HtmlReport.BYTES_PER_TOKEN,
                        HtmlReport.SEQUENCE_LENGTH, HtmlReport.VOCAB_USE, HtmlReport.LANGUAGE_UNK,
                        HtmlReport.LANGUAGE_FERTILITY),
                charts(html));
        // each chart is an SVG with a title, axes or cells, and text
        for (String figure : html.split("<figure class=\"chart\"")) {
            if (figure.startsWith(" data-metric")) {
                assertTrue(figure.contains("<svg ") && figure.contains("</svg>") && figure.contains("<title>"), figure);
            }
        }
        // the line charts have a legend entry per model and the x ticks of the sizes
        String unk = figure(html, HtmlReport.UNK_TOKEN_RATE);
        assertTrue(unk.contains(">word</text>") && unk.contains(">wordpiece</text>"), unk);
        assertTrue(unk.contains(">4</text>") && unk.contains(">8</text>") && unk.contains(">7</text>"), unk);
        assertTrue(unk.contains(">vocabulary size (log scale)</text>"), unk);
    }

    @Test
    void oneLanguageHasNoLanguageCharts(@TempDir Path dir) throws Exception {
        ComparisonResult r = Comparison.builder().build().run(List.of(new Candidate("word", 4, ComparisonTest.wordLevel())),
                ComparisonTest.corpus(dir, "a b abc", "abc d."), "held-out.txt", w -> 0, TrainingListener.NONE);
        List<String> charts = charts(HtmlReport.render(r, "t", Map.of()));
        assertEquals(8, charts.size(), charts.toString());
        assertFalse(charts.contains(HtmlReport.LANGUAGE_UNK));
    }

    /** Every piece of the example table in its own colour class; the unknown token marked. */
    @Test
    void examplePiecesAreColoured(@TempDir Path dir) throws Exception {
        String html = HtmlReport.render(multilingual(dir), "t", Map.of());
        String table = html.substring(html.indexOf("<table class=\"examples\">"));
        assertTrue(table.contains("<span class=\"p unk\">[UNK]</span>"), table);
        // abcabc with WordPiece: a ##b ##c ##a... -> [UNK] (no ##a); "abc" in the vocabulary splits a ##b ##c
        String abc = HtmlReport.render(Comparison.builder().exampleCount(0).exampleWords(List.of("abc")).build().run(
                List.of(new Candidate("wordpiece", 7, ComparisonTest.wordPiece())),
                ComparisonTest.corpus(dir, "abc"), "h", w -> 0, TrainingListener.NONE), "t", Map.of());
        assertTrue(abc.contains("<span class=\"pieces\"><span class=\"p c0\">a</span><span class=\"p c1\">##b</span>"
                + "<span class=\"p c2\">##c</span>"), abc);
    }

    static EmbeddingsSection embeddings() {
        double[][] pe = new double[3][4];
        pe[1][0] = 0.84;
        pe[2][3] = -1;
        return new EmbeddingsSection("64-dimensional vectors <of> pieces", 2, 0.49, 0.02,
                List.of(new EmbeddingsSection.Word("Kommission", List.of("Kommission"),
                        List.of(new EmbeddingsSection.Neighbor("Kommissar", 0.71),
                                new EmbeddingsSection.Neighbor("##kommission", 0.55))),
                        new EmbeddingsSection.Word("relatório", List.of("relat", "ório"),
                                List.of(new EmbeddingsSection.Neighbor("Conselho", 0.8)), "pt",
                                List.of(new EmbeddingsSection.Neighbor("relatórios", 0.84),
                                        new EmbeddingsSection.Neighbor("relator", 0.8)))),
                List.of(new EmbeddingsSection.Point("Kommission", "commission", 1, 2),
                        new EmbeddingsSection.Point("report", "report", -1, 0),
                        new EmbeddingsSection.Point("a<b", "report", 0, -3)),
                pe);
    }

    /** The embeddings section: neighbours with the scale explained, the map, the positional encoding. */
    @Test
    void showsTheEmbeddings(@TempDir Path dir) throws Exception {
        String html = HtmlReport.render(multilingual(dir), "t", Map.of(), embeddings());
        assertTrue(html.contains("<h2>Embeddings</h2>"), html);
        assertTrue(html.contains("64-dimensional vectors &lt;of&gt; pieces"));
        assertTrue(html.contains("mean cosine of 0.49") && html.contains("top 2 principal components")
                && html.contains("average 0.02"), "the cosine scale is explained");
        assertTrue(html.contains("<span class=\"p\">Kommissar</span> 0.71, <span class=\"p\">##kommission</span> 0.55"));
        // the words of the word's language in a column of their own; a word without them leaves its cell empty
        assertTrue(html.contains("<th>nearest words of its language (cosine)</th>"), html);
        assertTrue(html.contains("<td><span class=\"lang\">pt:</span> <span class=\"p\">relatórios</span> 0.84, "
                + "<span class=\"p\">relator</span> 0.80</td>"), html);
        assertTrue(html.contains("##kommission</span> 0.55</td><td></td></tr>"), html);
        List<String> charts = charts(html);
        assertTrue(charts.containsAll(List.of("embedding-map", "positional-encoding")), charts.toString());
        String map = figure(html, "embedding-map");
        assertEquals(3, map.split("<circle ").length - 1, "one dot per piece");
        assertTrue(map.contains(">a&lt;b</text>") && map.contains(">commission</text>") && map.contains(">report</text>"),
                "labels and the legend of families");
        String pe = figure(html, "positional-encoding");
        assertTrue(pe.contains("PE(pos, 2i) = sin(pos / 10000^(2i/d))") && pe.contains("d = 4"), pe);
        // the cells are one embedded PNG: the only href of the page is a data URI, nothing is fetched
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        int hrefs = 0;
        while (href.find()) {
            hrefs++;
            assertTrue(href.group(1).startsWith("data:image/png;base64,"), href.group(1));
        }
        assertEquals(1, hrefs);
        assertFalse(html.contains("http:") || html.contains("https:") || html.contains("<script"));
        // without the section, none of it
        assertFalse(HtmlReport.render(multilingual(dir), "t", Map.of()).contains("Embeddings"));
    }

    static List<String> charts(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<figure class=\"chart\" data-metric=\"([^\"]+)\">").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String figure(String html, String metric) {
        int start = html.indexOf("data-metric=\"" + metric + "\"");
        return html.substring(start, html.indexOf("</figure>", start));
    }
}
