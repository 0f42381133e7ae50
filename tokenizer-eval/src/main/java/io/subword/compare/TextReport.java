package io.subword.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison as plain text for a terminal: one table row per model and vocabulary size, the splits of the
 * example words next to what the word-level vocabulary made of them, and, for text that mixes languages, the
 * unknown-word rate per language.
 */
public final class TextReport {
    private TextReport() {
    }

    /** Writes the report to {@code out} (not flushed). */
    public static void write(ComparisonResult r, PrintWriter out) {
        ComparisonResult.HeldOut h = r.heldOut();
        out.printf(Locale.ROOT, "held-out text: %s: %,d lines, %,d words (%,d distinct), %,d characters%s%n",
                h.name(), h.lines(), h.words(), h.wordTypes(), h.chars(),
                h.multilingual() ? ", " + languageSummary(h) : "");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "vocab", "UNK/token", "UNK/type", "whole", "tok/word", "p50", "p90", "p99",
                "chars/tok", "bytes/tok", "len p50", "p90", "p99", "vocab use"});
        for (ModelResult m : r.models()) {
            Metrics x = m.all();
            Distribution f = x.fertility();
            Distribution s = x.sequenceLength();
            rows.add(new String[] {m.model(), Sizes.compact(m.vocabSize()), Sizes.percent(x.unkTokenRate()),
                    Sizes.percent(x.unkWordTypeRate()), Sizes.percent(x.wholeWordRate()), Sizes.decimal(f.mean()),
                    Integer.toString(f.p50()), Integer.toString(f.p90()), Integer.toString(f.p99()),
                    Sizes.decimal(x.charsPerToken()), Sizes.decimal(x.bytesPerToken()), Integer.toString(s.p50()),
                    Integer.toString(s.p90()), Integer.toString(s.p99()), Sizes.percent(x.vocabUse())});
        }
        table(rows, out);
        if (!r.examples().isEmpty()) {
            out.println();
            out.println("rare held-out words (largest vocabulary of each model):");
            for (Example e : r.examples()) {
                out.printf(Locale.ROOT, "  %s (%s, %s): %s%n", e.word(), e.language(), seen(e.trainingCount()),
                        String.join("; ", largestSplits(e).stream()
                                .map(s -> s.model() + " -> " + s.joined()).toList()));
            }
        }
        if (h.multilingual()) {
            out.println();
            out.println("UNK per word type by language (largest vocabulary of each model):");
            List<ModelResult> largest = largestPerModel(r);
            List<String[]> langRows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("language", "lines"));
            largest.forEach(m -> header.add(m.label()));
            langRows.add(header.toArray(new String[0]));
            for (Map.Entry<String, Long> lang : h.linesByLanguage().entrySet()) {
                List<String> row = new ArrayList<>(List.of(lang.getKey(), Long.toString(lang.getValue())));
                for (ModelResult m : largest) {
                    Metrics x = m.byLanguage().get(lang.getKey());
                    row.add(x == null ? "-" : Sizes.percent(x.unkWordTypeRate()));
                }
                langRows.add(row.toArray(new String[0]));
            }
            table(langRows, out);
            out.println(LanguageGuesser.explanation());
        }
    }

    /**
     * "3 languages", "1 language and 120 short/unknown lines": named languages are confident guesses only, so
     * the lines that could not be told apart are not counted as a language.
     */
    static String languageSummary(ComparisonResult.HeldOut h) {
        long named = h.linesByLanguage().keySet().stream().filter(l -> !l.equals(LanguageGuesser.UNSURE)).count();
        Long unsure = h.linesByLanguage().get(LanguageGuesser.UNSURE);
        return named + (named == 1 ? " language" : " languages") + (unsure == null ? ""
                : String.format(Locale.ROOT, " and %,d %s line%s", unsure, LanguageGuesser.UNSURE,
                        unsure == 1 ? "" : "s"));
    }

    static String seen(long trainingCount) {
        return trainingCount == 0 ? "unseen in training" : "seen " + trainingCount + "x in training";
    }

    /** For each model, its split at its largest vocabulary size. */
    static List<Example.Split> largestSplits(Example e) {
        Map<String, Example.Split> best = new LinkedHashMap<>();
        for (Example.Split s : e.splits()) {
            best.merge(s.model(), s, (a, b) -> b.vocabSize() > a.vocabSize() ? b : a);
        }
        return new ArrayList<>(best.values());
    }

    /** For each model, its result at its largest vocabulary size, in model order. */
    static List<ModelResult> largestPerModel(ComparisonResult r) {
        Map<String, ModelResult> best = new LinkedHashMap<>();
        for (ModelResult m : r.models()) {
            best.merge(m.model(), m, (a, b) -> b.vocabSize() > a.vocabSize() ? b : a);
        }
        return new ArrayList<>(best.values());
    }

    /** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
    static void table(List<String[]> rows, PrintWriter out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = row[c];
                int pad = width[c] - cell.codePointCount(0, cell.length());
                if (c == 0) {
                    sb.append(cell).append(" ".repeat(pad));
                } else {
                    sb.append("  ").append(" ".repeat(pad)).append(cell);
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
