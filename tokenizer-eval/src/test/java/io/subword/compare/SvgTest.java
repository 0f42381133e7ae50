package io.subword.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgTest {
    private static final List<Integer> SIZES = List.of(1000, 4000, 16000);

    private static Svg.Series series(String name, double... ys) {
        return new Svg.Series(name, "#000", new double[] {1000, 4000, 16000}, ys);
    }

    /** Issue 15: three subword lines at 0% drew as one. Each must stay visible, and the legend must say why. */
    @Test
    void seriesThatCoincideAreDashedWithMarkersSideBySide() {
        String svg = Svg.lineChart("UNK rate per token", "unknown tokens / tokens", List.of(
                series("word", 0.3, 0.2, 0.1), series("wordpiece", 0, 0, 0), series("bpe", 0, 0, 0),
                series("bytelevel", 0, 0, 0)), SIZES, HtmlReport::percentTick);
        List<String> polylines = matches(svg, "<polyline [^>]*>");
        assertEquals(4, polylines.size());
        assertFalse(polylines.get(0).contains("dasharray"), "word overlaps nothing");
        assertFalse(polylines.get(1).contains("dasharray"), "the first of the overlapping lines is solid");
        List<String> dashes = new ArrayList<>();
        List<String> widths = new ArrayList<>();
        for (String p : polylines.subList(1, 4)) {
            dashes.add(attribute(p, "stroke-dasharray"));
            widths.add(attribute(p, "stroke-width"));
        }
        assertEquals(3, dashes.stream().distinct().count(), dashes::toString);
        assertEquals(3, widths.stream().distinct().count(), widths::toString);
        // the markers of the three lines at 1k sit side by side, not on one spot
        List<String> cx = new ArrayList<>();
        Matcher m = Pattern.compile("<circle cx=\"([^\"]+)\" cy=\"([^\"]+)\"[^>]*><title>(\\w+) 1k: ").matcher(svg);
        while (m.find()) {
            if (!m.group(3).equals("word")) {
                cx.add(m.group(1));
            }
        }
        assertEquals(3, cx.stream().distinct().count(), cx::toString);
        assertTrue(svg.contains(">lines overlap at 0% (wordpiece, bpe, bytelevel): dashed, markers side by side</text>"),
                svg);
    }

    @Test
    void seriesApartAreDrawnPlainWithoutANote() {
        String svg = Svg.lineChart("t", "y", List.of(series("a", 0.3, 0.2, 0.1), series("b", 0.1, 0.05, 0.01)),
                SIZES, HtmlReport::percentTick);
        assertFalse(svg.contains("dasharray"), svg);
        assertFalse(svg.contains("overlap"), svg);
    }

    /** Lines that meet at one point only: the markers there move apart, the lines stay solid. */
    @Test
    void seriesThatMeetAtOnePointOnlyKeepSolidLines() {
        String svg = Svg.lineChart("t", "y", List.of(series("a", 0.3, 0.2, 0), series("b", 0.1, 0.05, 0)),
                SIZES, HtmlReport::percentTick);
        assertFalse(svg.contains("dasharray"), svg);
        assertTrue(svg.contains(">lines overlap at 0% (a, b): markers side by side</text>"), svg);
    }

    /** The note names where the lines meet: at one value, near an axis tick, or just where they meet. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        # a                | b                      | note
        0 0 0              | 0 0 0                  | lines overlap at 0% (a, b): dashed, markers side by side
        0 0 0              | 0.0005 0.0001 0        | lines overlap near 0% (a, b): dashed, markers side by side
        0.3 0.2 0.1        | 0.1 0.2 0.3            | lines overlap at 20% (a, b): markers side by side
        0.3 0.2 0.1        | 0.1 0.2004 0.3         | lines overlap near 20% (a, b): markers side by side
        0.3 0.15 0.1       | 0.1 0.1504 0.3         | lines overlap where they meet (a, b): markers side by side
        """)
    void theNoteSaysWhereLinesMeet(String a, String b, String note) {
        // c, apart from both, sets the y axis from 0 to at least 25%
        String svg = Svg.lineChart("t", "y", List.of(series("a", values(a)), series("b", values(b)),
                series("c", 0.25, 0.25, 0.25)), SIZES, HtmlReport::percentTick);
        assertTrue(svg.contains(">" + note + "</text>"), svg);
    }

    private static double[] values(String s) {
        return java.util.Arrays.stream(s.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Issue 15: heatmap row labels were cut off on the left. The label column fits the longest label. */
    @ParameterizedTest
    @CsvSource({"pt (2,832)", "short/unknown (13,393)", "a much longer row label than any language (123,456)"})
    void heatmapRowLabelsFitOnTheLeft(String longest) {
        String svg = Svg.heatmap("UNK by language", List.of("pt (2)", longest), List.of("word 16k", "bpe 16k"),
                new double[][] {{0.1, 0.2}, {0.3, 0.4}}, "#d62728", Sizes::percent, "note");
        Matcher m = Pattern.compile("<text x=\"([^\"]+)\"[^>]*text-anchor=\"end\"[^>]*>" + Pattern.quote(
                Html.escape(longest)) + "</text>").matcher(svg);
        assertTrue(m.find(), svg);
        double right = Double.parseDouble(m.group(1));
        assertTrue(right - Svg.textWidth(List.of(longest), 11) >= 0, "label starts left of the picture: " + right);
        // and the first cell starts right of the label
        Matcher cell = Pattern.compile("<rect x=\"([^\"]+)\"").matcher(svg);
        assertTrue(cell.find());
        assertTrue(Double.parseDouble(cell.group(1)) > right, svg);
        assertNotEquals(-1, svg.indexOf("viewBox"));
    }

    private static List<String> matches(String s, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String attribute(String element, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(element);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Issue 11: on the PCA map, pieces of related words land close together and their labels covered one another.
     * Points given as "x y" pairs; no two labels may share any area, and no label may cover a point.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100 100 | 100 100 | 100 100 | 100 100",    // four points on one spot
            "100 100 | 104 102 | 98 97 | 110 100 | 95 105",
            "100 100 | 160 100 | 100 114 | 160 114",   // a tidy grid: every label keeps its first spot
    })
    void mapLabelsDoNotCoverEachOtherOrPoints(String pointsText) {
        String[] pairs = pointsText.split("\\|");
        int n = pairs.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            double[] xy = values(pairs[i]);
            xs[i] = xy[0];
            ys[i] = xy[1];
            labels[i] = "Kommission".substring(0, 4 + i);
        }
        double[][] boxes = Svg.placeLabels(xs, ys, labels, 11, 0, 1000);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    assertEquals(0, Svg.overlap(boxes[i], boxes[j]), labels[i] + " covers " + labels[j]);
                }
                double[] point = {xs[j] - 3.5, ys[j] - 3.5, xs[j] + 3.5, ys[j] + 3.5};
                assertEquals(0, Svg.overlap(boxes[i], point), labels[i] + " covers point " + j);
            }
        }
    }

    @Test
    void aLoneLabelStaysRightOfItsPointAndAbove() {
        double[][] box = Svg.placeLabels(new double[] {100}, new double[] {50}, new String[] {"Bericht"}, 11, 0, 1000);
        assertEquals(105, box[0][0], 1e-9);
        assertEquals(50, box[0][3], 1e-9);
        assertEquals(105 + Svg.textWidth(List.of("Bericht"), 11), box[0][2], 1e-9);
    }

    /**
     * Three points on one spot at the left edge: the third label goes further up on the right, not to the left
     * (the next spot in order) where it would be cut off.
     */
    @Test
    void labelsStayInsideThePicture() {
        double[][] boxes = Svg.placeLabels(new double[] {10, 10, 10}, new double[] {50, 50, 50},
                new String[] {"citizens", "Bürger", "cidadãos"}, 11, 0, 1000);
        for (double[] box : boxes) {
            assertTrue(box[0] >= 0 && box[2] <= 1000, java.util.Arrays.toString(box));
        }
        assertEquals(0, Svg.overlap(boxes[0], boxes[1]) + Svg.overlap(boxes[1], boxes[2])
                + Svg.overlap(boxes[0], boxes[2]));
        assertEquals(15, boxes[2][0], 1e-9);
        assertEquals(50 - 2 * 14, boxes[2][1], 1e-9);
    }
}
