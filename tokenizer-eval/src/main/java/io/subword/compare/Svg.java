package io.subword.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The charts of the HTML report as inline SVG: plain shapes and text, no script, no external reference, so the
 * page renders the same in any browser from a file. Each chart has a title, labelled axes and a legend.
 */
final class Svg {
    static final int WIDTH = 560;
    private static final int LEFT = 64;
    private static final int RIGHT = 20;
    private static final int TOP = 36;

    private Svg() {
    }

    /** A series of a line chart: a name, a colour and its points (x ascending). */
    record Series(String name, String color, double[] xs, double[] ys) {
    }

    /**
     * A line chart over vocabulary sizes: x on a log scale with a tick at each size, y from 0 to a round number
     * above the largest value.
     */
    static String lineChart(String title, String yLabel, List<Series> series, List<Integer> xTicks,
                            DoubleFunction<String> yFormat) {
        int height = 300;
        int plotBottom = height - 74;
        int plotRight = WIDTH - RIGHT;
        double yMax = 0;
        for (Series s : series) {
            for (double y : s.ys()) {
                yMax = Math.max(yMax, y);
            }
        }
        double[] yTicks = niceTicks(yMax);
        double yTop = yTicks[yTicks.length - 1];
        double lo = Math.log(xTicks.get(0));
        double hi = Math.log(xTicks.get(xTicks.size() - 1));
        DoubleFunction<Double> xPos = x -> hi == lo ? (LEFT + plotRight) / 2.0
                : LEFT + 24 + (Math.log(x) - lo) / (hi - lo) * (plotRight - LEFT - 48);
        DoubleFunction<Double> yPos = y -> plotBottom - (yTop == 0 ? 0 : y / yTop) * (plotBottom - TOP);
        int n = series.size();
        double[][] px = new double[n][];
        double[][] py = new double[n][];
        for (int k = 0; k < n; k++) {
            Series s = series.get(k);
            px[k] = new double[s.xs().length];
            py[k] = new double[s.xs().length];
            for (int i = 0; i < px[k].length; i++) {
                px[k][i] = xPos.apply(s.xs()[i]);
                py[k][i] = yPos.apply(s.ys()[i]);
            }
        }
        Overlaps overlaps = Overlaps.of(px, py);
        String note = overlapNote(series, overlaps, yFormat, yTicks, yPos);
        // the note goes on a line of its own under the legend
        StringBuilder sb = open(title, WIDTH, note == null ? height : height + 18);
        // grid and y axis
        for (double t : yTicks) {
            double y = yPos.apply(t);
            sb.append(line(LEFT, y, plotRight, y, "#e4e4e4"));
            sb.append(text(LEFT - 6, y + 4, yFormat.apply(t), "end", 11, "#444"));
        }
        sb.append(line(LEFT, TOP, LEFT, plotBottom, "#888")).append(line(LEFT, plotBottom, plotRight, plotBottom, "#888"));
        for (int x : xTicks) {
            double tx = xPos.apply(x);
            sb.append(line(tx, plotBottom, tx, plotBottom + 5, "#888"));
            sb.append(text(tx, plotBottom + 18, Sizes.compact(x), "middle", 11, "#444"));
        }
        sb.append(text((LEFT + plotRight) / 2.0, plotBottom + 34, "vocabulary size (log scale)", "middle", 12, "#222"));
        sb.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">%s</text>",
                (TOP + plotBottom) / 2.0, (TOP + plotBottom) / 2.0, Html.escape(yLabel)));
        for (int k = 0; k < n; k++) {
            Series s = series.get(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < px[k].length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px[k][i], py[k][i]));
            }
            if (px[k].length > 1) {
                sb.append("<polyline fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"")
                        .append(overlaps.width(k)).append('"').append(overlaps.dashAttribute(k)).append(" points=\"")
                        .append(points.toString().trim()).append("\"/>");
            }
        }
        // markers after all lines, each moved sideways off the points it would hide
        for (int k = 0; k < n; k++) {
            Series s = series.get(k);
            for (int i = 0; i < px[k].length; i++) {
                sb.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1\">"
                                + "<title>%s %s: %s</title></circle>",
                        px[k][i] + overlaps.markerShift(k, i), py[k][i], s.color(), Html.escape(s.name()),
                        Sizes.compact((long) s.xs()[i]), Html.escape(yFormat.apply(s.ys()[i]))));
            }
        }
        lineLegend(sb, series, overlaps, note, height - 16);
        return sb.append("</svg>").toString();
    }

    /** Points closer than this many pixels are drawn on top of each other. */
    static final double SAME_PIXEL = 1.5;
    private static final String[] DASHES = {"9 5", "3 3", "1 3", "12 3 3 3"};
    /** Horizontal distance between markers that would sit on the same spot. */
    static final double MARKER_SPREAD = 8;

    /**
     * Which series of a line chart coincide on screen. A series that shares a segment with an earlier one is
     * drawn on a higher layer, narrower and dashed, so the lines below show through its gaps; markers that share
     * a spot are spread sideways.
     */
    static final class Overlaps {
        final int[] layer;
        /** Per series, whether it shares a segment with another series. */
        final boolean[] sharesLine;
        /** Per series, whether it shares a segment or a point with another series. */
        final boolean[] involved;
        final double[][] shift;

        private Overlaps(int[] layer, boolean[] sharesLine, boolean[] involved, double[][] shift) {
            this.layer = layer;
            this.sharesLine = sharesLine;
            this.involved = involved;
            this.shift = shift;
        }

        static Overlaps of(double[][] px, double[][] py) {
            int n = px.length;
            int[] layer = new int[n];
            boolean[] sharesLine = new boolean[n];
            boolean[] involved = new boolean[n];
            double[][] shift = new double[n][];
            for (int k = 0; k < n; k++) {
                shift[k] = new double[px[k].length];
                for (int j = 0; j < k; j++) {
                    if (sharesSegment(px, py, j, k)) {
                        layer[k] = Math.max(layer[k], layer[j] + 1);
                        sharesLine[j] = sharesLine[k] = true;
                        involved[j] = involved[k] = true;
                    }
                }
            }
            // markers: the series on one spot, in series order, centred on it
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < px[k].length; i++) {
                    int before = 0;
                    int all = 0;
                    for (int j = 0; j < n; j++) {
                        if (samePoint(px, py, j, k, i)) {
                            all++;
                            if (j < k) {
                                before++;
                            }
                        }
                    }
                    if (all > 1) {
                        involved[k] = true;
                        shift[k][i] = (before - (all - 1) / 2.0) * MARKER_SPREAD;
                    }
                }
            }
            return new Overlaps(layer, sharesLine, involved, shift);
        }

        /** Whether series {@code j} has a point on the spot of point {@code i} of series {@code k}. */
        private static boolean samePoint(double[][] px, double[][] py, int j, int k, int i) {
            for (int m = 0; m < px[j].length; m++) {
                if (Math.abs(px[j][m] - px[k][i]) < SAME_PIXEL && Math.abs(py[j][m] - py[k][i]) < SAME_PIXEL) {
                    return true;
                }
            }
            return false;
        }

        private static boolean sharesSegment(double[][] px, double[][] py, int j, int k) {
            for (int i = 0; i + 1 < px[k].length; i++) {
                for (int m = 0; m + 1 < px[j].length; m++) {
                    if (close(px, py, j, m, k, i) && close(px, py, j, m + 1, k, i + 1)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean close(double[][] px, double[][] py, int j, int m, int k, int i) {
            return Math.abs(px[j][m] - px[k][i]) < SAME_PIXEL && Math.abs(py[j][m] - py[k][i]) < SAME_PIXEL;
        }

        boolean any() {
            for (boolean b : involved) {
                if (b) {
                    return true;
                }
            }
            return false;
        }

        /** Lines that others cover start wide and get narrower layer by layer. */
        String width(int k) {
            if (!sharesLine[k]) {
                return "2.5";
            }
            return String.format(Locale.ROOT, "%.1f", Math.max(1.5, 6.0 - 2.2 * layer[k]));
        }

        String dashAttribute(int k) {
            return layer[k] == 0 ? "" : " stroke-dasharray=\"" + DASHES[(layer[k] - 1) % DASHES.length] + "\"";
        }

        double markerShift(int k, int i) {
            return shift[k][i];
        }
    }

    /**
     * "lines overlap at 0% (wordpiece, bpe, bytelevel): dashed, markers side by side", or {@code null} when no
     * two series share a spot. Values a pixel or two from a y tick are "near" it: 0.005% and 0% on an axis up to
     * 25% are the same spot, and "near 0%" says so more plainly than both numbers.
     */
    static String overlapNote(List<Series> series, Overlaps overlaps, DoubleFunction<String> yFormat,
                              double[] yTicks, DoubleFunction<Double> yPos) {
        if (!overlaps.any()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        java.util.Set<Double> ticks = new java.util.TreeSet<>();
        java.util.Set<String> exact = new java.util.TreeSet<>();
        boolean allOnTicks = true;
        boolean allExact = true;
        for (int k = 0; k < series.size(); k++) {
            if (!overlaps.involved[k]) {
                continue;
            }
            names.add(series.get(k).name());
            for (int i = 0; i < overlaps.shift[k].length; i++) {
                if (overlaps.shift[k][i] == 0) {
                    continue;
                }
                double v = series.get(k).ys()[i];
                exact.add(yFormat.apply(v));
                Double tick = null;
                for (double t : yTicks) {
                    if (Math.abs(yPos.apply(t) - yPos.apply(v)) <= 2 * SAME_PIXEL) {
                        tick = t;
                    }
                }
                if (tick == null) {
                    allOnTicks = false;
                } else {
                    ticks.add(tick);
                    allExact &= tick == v;
                }
            }
        }
        String where;
        if (exact.size() == 1) {
            where = " at " + exact.iterator().next();
        } else if (allOnTicks && ticks.size() == 1) {
            where = (allExact ? " at " : " near ") + yFormat.apply(ticks.iterator().next());
        } else {
            where = " where they meet";
        }
        boolean dashed = false;
        for (boolean b : overlaps.sharesLine) {
            dashed |= b;
        }
        return "lines overlap" + where + " (" + String.join(", ", names) + "): "
                + (dashed ? "dashed, markers side by side" : "markers side by side");
    }

    /** The legend of a line chart: a short line in each series' stroke, then the overlap note if any. */
    private static void lineLegend(StringBuilder sb, List<Series> series, Overlaps overlaps, String note, double y) {
        double x = LEFT - 50;
        for (int k = 0; k < series.size(); k++) {
            String name = series.get(k).name();
            double w = 30 + name.length() * 6.6 + 14;
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                x = LEFT - 50;
                y += 16;
            }
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
                    x, y - 4, x + 22, y - 4, series.get(k).color(), overlaps.width(k), overlaps.dashAttribute(k)));
            sb.append(text(x + 26, y, name, "start", 11, "#222"));
            x += w;
        }
        if (note != null) {
            sb.append(text(LEFT - 50, y + 16, note, "start", 11, "#555").replace("<text ",
                    "<text class=\"overlap-note\" "));
        }
    }

    /** One row of a stacked bar chart: a label and the shares of its segments (summing to at most 1). */
    record StackedRow(String label, double[] shares, String note) {
    }

    /** Horizontal 100% bars, one per row, each split into segments named in {@code segmentNames}. */
    static String stackedBars(String title, String xLabel, List<StackedRow> rows, List<String> segmentNames,
                              List<String> colors) {
        int rowHeight = 20;
        int labelWidth = 110;
        int noteWidth = 70;
        int top = TOP + 4;
        int height = top + rows.size() * rowHeight + 70;
        int barLeft = labelWidth;
        int barRight = WIDTH - RIGHT - noteWidth;
        StringBuilder sb = open(title, height);
        for (int i = 0; i < rows.size(); i++) {
            StackedRow r = rows.get(i);
            double y = top + i * rowHeight;
            sb.append(text(barLeft - 6, y + 14, r.label(), "end", 11, "#222"));
            double x = barLeft;
            for (int k = 0; k < r.shares().length; k++) {
                double w = r.shares()[k] * (barRight - barLeft);
                if (w > 0) {
                    sb.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s, %s: %s</title></rect>",
                            x, y + 2, w, rowHeight - 4, colors.get(k), Html.escape(r.label()),
                            Html.escape(segmentNames.get(k)), Sizes.percent(r.shares()[k])));
                }
                x += w;
            }
            sb.append(text(barRight + 6, y + 14, r.note(), "start", 11, "#444"));
        }
        double bottom = top + rows.size() * rowHeight;
        for (int p = 0; p <= 100; p += 25) {
            double x = barLeft + p / 100.0 * (barRight - barLeft);
            sb.append(line(x, bottom, x, bottom + 5, "#888"));
            sb.append(text(x, bottom + 17, p + "%", "middle", 11, "#444"));
        }
        sb.append(line(barLeft, bottom, barRight, bottom, "#888"));
        sb.append(text((barLeft + barRight) / 2.0, bottom + 32, xLabel, "middle", 12, "#222"));
        legend(sb, segmentNames, colors, height - 14);
        return sb.append("</svg>").toString();
    }

    /** One row of a range chart: a label, the p50, p90 and p99 of a distribution, and its max. */
    record RangeRow(String label, String color, int p50, int p90, int p99, int max) {
    }

    /** Horizontal bars from 0 to p50 (dark), p50 to p90 (lighter), p90 to p99 (lightest), with the values. */
    static String rangeBars(String title, String xLabel, List<RangeRow> rows) {
        int rowHeight = 20;
        int labelWidth = 110;
        int top = TOP + 4;
        int height = top + rows.size() * rowHeight + 70;
        int barLeft = labelWidth;
        int barRight = WIDTH - RIGHT - 90;
        double max = 0;
        for (RangeRow r : rows) {
            max = Math.max(max, r.p99());
        }
        double[] ticks = niceTicks(max);
        double xTop = ticks[ticks.length - 1];
        DoubleFunction<Double> xPos = v -> barLeft + (xTop == 0 ? 0 : v / xTop) * (barRight - barLeft);
        StringBuilder sb = open(title, height);
        double bottom = top + rows.size() * rowHeight;
        for (double t : ticks) {
            double x = xPos.apply(t);
            sb.append(line(x, top, x, bottom, "#eeeeee"));
            sb.append(line(x, bottom, x, bottom + 5, "#888"));
            sb.append(text(x, bottom + 17, Html.number(t), "middle", 11, "#444"));
        }
        for (int i = 0; i < rows.size(); i++) {
            RangeRow r = rows.get(i);
            double y = top + i * rowHeight;
            sb.append(text(barLeft - 6, y + 14, r.label(), "end", 11, "#222"));
            sb.append(rect(xPos.apply(0), y + 3, xPos.apply(r.p50()) - xPos.apply(0), rowHeight - 6, r.color(), 1.0,
                    r.label() + ": median " + r.p50()));
            sb.append(rect(xPos.apply(r.p50()), y + 3, xPos.apply(r.p90()) - xPos.apply(r.p50()), rowHeight - 6,
                    r.color(), 0.55, r.label() + ": 90th percentile " + r.p90()));
            sb.append(rect(xPos.apply(r.p90()), y + 3, xPos.apply(r.p99()) - xPos.apply(r.p90()), rowHeight - 6,
                    r.color(), 0.25, r.label() + ": 99th percentile " + r.p99()));
            sb.append(text(barRight + 6, y + 14, r.p50() + " / " + r.p90() + " / " + r.p99(), "start", 11, "#444"));
        }
        sb.append(line(barLeft, bottom, barRight, bottom, "#888"));
        sb.append(text((barLeft + barRight) / 2.0, bottom + 32, xLabel, "middle", 12, "#222"));
        legend(sb, List.of("median", "90th percentile", "99th percentile"),
                List.of("rgba(60,60,60,1)", "rgba(60,60,60,0.55)", "rgba(60,60,60,0.25)"), height - 14);
        return sb.append("</svg>").toString();
    }

    /**
     * A table of coloured cells: rows by columns, each cell shaded from white (0) to {@code color} (the
     * largest value), with its value written in it.
     */
    static String heatmap(String title, List<String> rowNames, List<String> columnNames, double[][] values,
                          String color, DoubleFunction<String> format, String note) {
        // wide enough for the longest row name ("short/unknown (13,393)"), so no label is cut off on the left
        int labelWidth = Math.max(70, (int) Math.ceil(12 + textWidth(rowNames, 11)));
        int cellHeight = 20;
        int top = TOP + 40;
        int cellWidth = Math.max(50, Math.min(110, (WIDTH - RIGHT - labelWidth) / Math.max(1, columnNames.size())));
        int width = Math.max(WIDTH, labelWidth + cellWidth * columnNames.size() + RIGHT);
        String[] noteLines = note.split("\n");
        int height = top + rowNames.size() * cellHeight + 34 + 14 * (noteLines.length - 1);
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        StringBuilder sb = open(title, width, height);
        for (int c = 0; c < columnNames.size(); c++) {
            sb.append(text(labelWidth + c * cellWidth + cellWidth / 2.0, top - 8, columnNames.get(c), "middle", 11,
                    "#222"));
        }
        for (int r = 0; r < rowNames.size(); r++) {
            double y = top + r * cellHeight;
            sb.append(text(labelWidth - 6, y + 14, rowNames.get(r), "end", 11, "#222"));
            for (int c = 0; c < columnNames.size(); c++) {
                double v = values[r][c];
                double x = labelWidth + c * cellWidth;
                double strength = Double.isNaN(v) || max == 0 ? 0 : v / max;
                sb.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\" fill-opacity=\"%.3f\" stroke=\"#fff\"/>",
                        x, y, cellWidth, cellHeight, color, 0.08 + 0.8 * strength));
                sb.append(text(x + cellWidth / 2.0, y + 14, Double.isNaN(v) ? "-" : format.apply(v), "middle", 11,
                        strength > 0.6 ? "#fff" : "#222"));
            }
        }
        for (int i = 0; i < noteLines.length; i++) {
            sb.append(text(Math.min(labelWidth, LEFT), height - 12 - 14 * (noteLines.length - 1 - i), noteLines[i],
                    "start", 11, "#555"));
        }
        return sb.append("</svg>").toString();
    }

    /**
     * A generous estimate of the width of the widest of {@code labels} in pixels at {@code fontSize}: 0.62 of the
     * font size per char, which covers digits, lowercase letters and most capitals of a sans-serif face.
     */
    static double textWidth(List<String> labels, int fontSize) {
        int longest = 0;
        for (String l : labels) {
            longest = Math.max(longest, l.codePointCount(0, l.length()));
        }
        return longest * fontSize * 0.62;
    }

    /** Colours of the families on a {@link #scatter}, in order of first appearance. */
    private static final List<String> FAMILY_COLORS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd",
            "#ff7f0e", "#8c564b", "#e377c2", "#17becf");

    /** Labelled points, coloured by family, scaled to fill the plot; axes are the first two components. */
    static String scatter(String title, List<EmbeddingsSection.Point> points) {
        int height = 440;
        double left = 30, right = WIDTH - 30, top = TOP + 30, bottom = height - 30;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        List<String> families = new ArrayList<>();
        for (EmbeddingsSection.Point p : points) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
            if (!families.contains(p.family())) {
                families.add(p.family());
            }
        }
        double spanX = maxX > minX ? maxX - minX : 1;
        double spanY = maxY > minY ? maxY - minY : 1;
        StringBuilder sb = open(title, height);
        List<String> colors = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            colors.add(FAMILY_COLORS.get(f % FAMILY_COLORS.size()));
        }
        legend(sb, families, colors, TOP + 8);
        sb.append(line(left, bottom, right, bottom, "#ccc")).append(line(left, top, left, bottom, "#ccc"));
        sb.append(text(right, bottom + 18, "component 1", "end", 11, "#555"));
        sb.append(text(left + 4, top - 4, "component 2", "start", 11, "#555"));
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            EmbeddingsSection.Point p = points.get(i);
            xs[i] = left + 10 + (p.x() - minX) / spanX * (right - left - 90);
            ys[i] = bottom - 10 - (p.y() - minY) / spanY * (bottom - top - 20);
            labels[i] = p.token();
        }
        double[][] boxes = placeLabels(xs, ys, labels, 11, 0, WIDTH);
        for (int i = 0; i < n; i++) {
            EmbeddingsSection.Point p = points.get(i);
            String color = colors.get(families.indexOf(p.family()));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">"
                    + "<title>%s (%s)</title></circle>", xs[i], ys[i], color, Html.escape(p.token()),
                    Html.escape(p.family())));
            // the label's baseline sits 3 px above the bottom of its box (room for descenders)
            sb.append(text(boxes[i][0], boxes[i][3] - 3, p.token(), "start", 11, color));
        }
        return sb.append("</svg>").toString();
    }

    /** Offsets of a label's box from its point, in order of preference: right and above first, as before. */
    private static final double[][] LABEL_SPOTS = {{5, -1}, {5, 0}, {-5, -1}, {-5, 0}, {-0.5, -1.6}, {-0.5, 0.6},
            {5, -2}, {5, 1}, {-5, -2}, {-5, 1}};

    /**
     * Where each point's label goes, as boxes {@code {x0, y0, x1, y1}}: greedily, in order, the first of
     * {@link #LABEL_SPOTS} around the point whose box overlaps no label placed before and no point, else the spot
     * that overlaps least; a box reaching outside {@code [minX, maxX]} counts as overlapping there, so it is
     * not cut off. Pieces of related words often land on top of each other on the map, and labels written at one
     * fixed offset would cover one another. Widths are estimated as {@link #textWidth} does.
     */
    static double[][] placeLabels(double[] xs, double[] ys, String[] labels, int fontSize, double minX,
                                  double maxX) {
        int n = labels.length;
        double[][] boxes = new double[n][];
        double height = fontSize + 3;
        for (int i = 0; i < n; i++) {
            double width = textWidth(List.of(labels[i]), fontSize);
            double best = Double.POSITIVE_INFINITY;
            for (double[] spot : LABEL_SPOTS) {
                double x0 = spot[0] >= 0 ? xs[i] + spot[0] : spot[0] < -1 ? xs[i] + spot[0] - width
                        : xs[i] - width / 2;
                double y0 = ys[i] + spot[1] * height;
                double[] box = {x0, y0, x0 + width, y0 + height};
                double overlap = (Math.max(0, minX - box[0]) + Math.max(0, box[2] - maxX)) * height;
                for (int j = 0; j < i; j++) {
                    overlap += overlap(box, boxes[j]);
                }
                for (int j = 0; j < n; j++) {
                    overlap += overlap(box, new double[] {xs[j] - 3.5, ys[j] - 3.5, xs[j] + 3.5, ys[j] + 3.5});
                }
                if (overlap < best) {
                    best = overlap;
                    boxes[i] = box;
                }
                if (overlap == 0) {
                    break;
                }
            }
        }
        return boxes;
    }

    /** The area two boxes {@code {x0, y0, x1, y1}} share. */
    static double overlap(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /**
     * A matrix of values in [-1, 1] as coloured cells, blue for -1, white for 0, red for +1, rows going down and
     * columns across. The cells are one PNG image embedded in the SVG as a data URI (one pixel per value, scaled
     * up without smoothing): thousands of cells as SVG rectangles would weigh a megabyte.
     */
    static String signedMatrix(String title, double[][] values, String xLabel, String yLabel) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double left = 56, top = TOP + 14;
        double cell = Math.max(1, Math.min(6, Math.min((WIDTH - left - RIGHT) / Math.max(1, cols),
                320.0 / Math.max(1, rows))));
        int height = (int) Math.ceil(top + rows * cell + 40);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(Math.max(1, cols), Math.max(1, rows),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = Math.max(-1, Math.min(1, values[r][c]));
                int fade = (int) Math.round(255 * (1 - Math.abs(v)));
                image.setRGB(c, r, v >= 0 ? 0xff0000 | fade << 8 | fade : fade << 16 | fade << 8 | 0xff);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // writing to memory
        }
        StringBuilder sb = open(title, height);
        sb.append(String.format(Locale.ROOT, "<image x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "preserveAspectRatio=\"none\" style=\"image-rendering: pixelated\" "
                        + "href=\"data:image/png;base64,%s\"/>", left, top, cols * cell, rows * cell,
                java.util.Base64.getEncoder().encodeToString(png.toByteArray())));
        double bottom = top + rows * cell;
        sb.append(text(left, bottom + 14, "0", "middle", 10, "#555"));
        sb.append(text(left + cols * cell, bottom + 14, Integer.toString(cols - 1), "middle", 10, "#555"));
        sb.append(text(left + cols * cell / 2, bottom + 28, xLabel, "middle", 11, "#555"));
        sb.append(text(left - 6, top + 8, "0", "end", 10, "#555"));
        sb.append(text(left - 6, bottom, Integer.toString(rows - 1), "end", 10, "#555"));
        sb.append(text(left - 6, top + rows * cell / 2, yLabel, "end", 11, "#555"));
        return sb.append("</svg>").toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static StringBuilder open(String title, int height) {
        return open(title, WIDTH, height);
    }

    private static StringBuilder open(String title, int width, int height) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                        + "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">",
                width, height, width, height));
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        sb.append(text(LEFT - 50, 20, title, "start", 14, "#111").replace("<text ", "<text font-weight=\"600\" "));
        return sb;
    }

    private static void legend(StringBuilder sb, List<String> names, List<String> colors, double y) {
        double x = LEFT - 50;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double w = 22 + name.length() * 6.6 + 14;
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                x = LEFT - 50;
                y += 16;
            }
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\"/>",
                    x, y - 9, colors.get(i)));
            sb.append(text(x + 18, y, name, "start", 11, "#222"));
            x += w;
        }
    }

    private static String rect(double x, double y, double w, double h, String color, double opacity, String tip) {
        if (w <= 0) {
            return "";
        }
        return String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"><title>%s</title></rect>",
                x, y, w, h, color, opacity, Html.escape(tip));
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1, y1, x2, y2, color);
    }

    private static String text(double x, double y, String s, String anchor, int size, String color) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
                x, y, anchor, size, color, Html.escape(s));
    }

    /** Round tick values from 0 to at least {@code max}: 4 to 6 steps of 1, 2, 2.5 or 5 times a power of 10. */
    static double[] niceTicks(double max) {
        if (!(max > 0)) {
            return new double[] {0, 1};
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; ; i++) {
            double t = i * step;
            ticks.add(t);
            if (t >= max - 1e-12) {
                break;
            }
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
