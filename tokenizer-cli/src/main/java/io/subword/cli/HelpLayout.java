package io.subword.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

import java.util.Map;

/**
 * Lays out {@code --help} so that names such as {@code vocab.json} or {@code cl100k_base.tiktoken} are never
 * split across lines. picocli wraps with the JDK's line {@link java.text.BreakIterator}, which breaks after a dot
 * ({@code vocab.} / {@code json}); here picocli lays out each section on very long lines, and each line is then
 * wrapped at spaces only, to the terminal's width (80 columns when unknown), keeping picocli's indentation:
 * the synopsis continues under its first option, an option's description under its own first column, a
 * paragraph at its own indent.
 */
final class HelpLayout {
    /** Wide enough that picocli never wraps a line itself. */
    private static final int UNWRAPPED = 2000;
    /** picocli indents the continuation of an option's description by two more columns. */
    private static final int CONTINUATION = 2;

    private HelpLayout() {
    }

    /** {@code cl} and all its subcommands, laid out as the class comment says; returns {@code cl}. */
    static CommandLine apply(CommandLine cl) {
        apply(cl, () -> Math.max(55, Math.min(120, Terminal.columns().orElse(80)))); // asked only for help
        return cl;
    }

    private static void apply(CommandLine cl, java.util.function.IntSupplier width) {
        cl.setUsageHelpWidth(UNWRAPPED);
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF)); // widths below count plain characters
        Map<String, IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        for (Map.Entry<String, IHelpSectionRenderer> e : sections.entrySet()) {
            IHelpSectionRenderer original = e.getValue();
            boolean synopsis = e.getKey().equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS);
            e.setValue(help -> {
                String text = original.render(help);
                if (!synopsis) {
                    return wrap(text, width.getAsInt(), false);
                }
                // The synopsis follows its heading ("Usage: ") on the same line: wrap them together.
                String heading = help.synopsisHeading();
                return wrap(heading + text, width.getAsInt(), true).substring(heading.length());
            });
        }
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            apply(sub, width);
        }
    }

    /** Wraps each line of {@code text} at spaces to at most {@code width} columns, where a space allows. */
    static String wrap(String text, int width, boolean synopsis) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        int column = synopsis ? -1 : descriptionColumn(lines);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (line.length() <= width) {
                out.append(line);
            } else {
                int indent = column > 0 && line.startsWith(" ") && line.length() > column
                        && line.charAt(column - 1) == ' ' && line.charAt(column) != ' '
                        ? column + CONTINUATION : continuationIndent(line, synopsis);
                wrapLine(out, line.stripTrailing(), width, indent);
            }
        }
        return out.toString();
    }

    /**
     * The column where the descriptions of a table of options start, as most of its rows show it (an option as
     * long as its column is followed by one space only, so one row alone cannot tell); -1 for no table.
     */
    private static int descriptionColumn(String[] lines) {
        java.util.Map<Integer, Integer> votes = new java.util.HashMap<>();
        for (String line : lines) {
            if (line.startsWith(" ") && line.strip().length() > 0) {
                int at = continuationIndent(line, false) - CONTINUATION;
                if (line.indexOf("  ", firstText(line)) >= 0) {
                    votes.merge(at, 1, Integer::sum);
                }
            }
        }
        return votes.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).orElse(-1);
    }

    /**
     * Where the continuation of {@code line} starts: under the synopsis's first option; under an option's
     * description (which follows the option after two or more spaces) plus two; at a paragraph's own indent.
     */
    static int continuationIndent(String line, boolean synopsis) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        if (synopsis) {
            int option = line.indexOf(" [");
            int plain = line.indexOf(" -");
            int first = option < 0 ? plain : plain < 0 ? option : Math.min(option, plain);
            return first < 0 ? lead : first + 1;
        }
        if (lead == 0) {
            return 0;
        }
        int gap = line.indexOf("  ", lead);
        if (gap < 0) {
            return lead + CONTINUATION; // a description on a row of its own
        }
        int description = gap;
        while (description < line.length() && line.charAt(description) == ' ') {
            description++;
        }
        return description + CONTINUATION;
    }

    private static void wrapLine(StringBuilder out, String line, int width, int indent) {
        String rest = line;
        int start = 0; // the first column where a break may fall on this piece of the line
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            int minimum = Math.max(start, firstText(rest));
            if (cut < minimum || cut <= 0) {
                cut = rest.indexOf(' ', Math.max(width, minimum)); // a word longer than the line stays whole
                if (cut < 0) {
                    break;
                }
            }
            out.append(rest, 0, cut).append('\n');
            String tail = rest.substring(cut + 1).stripLeading();
            if (tail.isEmpty()) {
                return;
            }
            rest = " ".repeat(Math.min(indent, width / 2)) + tail;
            start = Math.min(indent, width / 2);
        }
        out.append(rest);
    }

    /** The end of the leading spaces and of the first word after them: no break before that. */
    private static int firstText(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }
}
