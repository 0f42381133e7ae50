package io.subword.vocab.io;

import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GPT-2's {@code merges.txt}: one merge per line, {@code left right}, in rank order (the first line merges
 * first), optionally after a {@code #version: 0.2} header.
 *
 * <p>As Hugging Face's {@code convert_merges_to_hashmap} does, every line that starts with {@code #version}
 * is skipped and every other line must split on {@code ' '} into exactly two parts: an empty line, a line
 * with a single token, or with two spaces (three parts) is a {@link InputFormatException} naming the file
 * and line. A final newline does not make an extra line. Against a vocabulary, a merge naming a token that is
 * not in it, or whose merged token (the concatenation, with the continuing-subword prefix dropped from the
 * right token) is not in it, is also an error naming the line, as Hugging Face's {@code BpeBuilder::build}
 * requires ({@code MergeTokenOutOfVocabulary}).
 */
public final class MergesTxt {
    /** The header Hugging Face and GPT-2 write as the first line. */
    public static final String VERSION_HEADER = "#version: 0.2";

    private MergesTxt() {
    }

    /** The merges of {@code file} in rank order, checked for syntax only. */
    public static List<Merge> read(Path file) throws InputFormatException, IOException {
        List<String> lines = Utf8Lines.read(file);
        List<Merge> merges = new ArrayList<>(lines.size());
        parse(file, lines, merges);
        return Collections.unmodifiableList(merges);
    }

    /** The merge table of {@code file} over {@code vocabulary}. */
    public static MergeTable read(Path file, Vocabulary vocabulary) throws InputFormatException, IOException {
        return read(file, vocabulary, null);
    }

    /**
     * The merge table of {@code file} over {@code vocabulary}, for a model with the given
     * {@code continuing_subword_prefix} ({@code null} for none).
     */
    public static MergeTable read(Path file, Vocabulary vocabulary, String continuingSubwordPrefix)
            throws InputFormatException, IOException {
        return toTable(file, Utf8Lines.read(file), vocabulary, continuingSubwordPrefix);
    }

    static MergeTable toTable(Path file, List<String> lines, Vocabulary vocabulary, String prefix)
            throws InputFormatException {
        List<Merge> merges = new ArrayList<>(lines.size());
        int[] lineOf = parse(file, lines, merges);
        int n = merges.size();
        int[] l = new int[n];
        int[] r = new int[n];
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            Merge merge = merges.get(i);
            l[i] = vocabulary.id(merge.left());
            r[i] = vocabulary.id(merge.right());
            String joined = MergeTable.join(merge.left(), merge.right(), prefix);
            m[i] = vocabulary.id(joined);
            if (l[i] < 0 || r[i] < 0) {
                throw InputFormatException.atLine(file, lineOf[i], "token "
                        + Vocabulary.quote(l[i] < 0 ? merge.left() : merge.right()) + " is not in the vocabulary");
            }
            if (m[i] < 0) {
                throw InputFormatException.atLine(file, lineOf[i], "merged token " + Vocabulary.quote(joined)
                        + " is not in the vocabulary");
            }
        }
        return MergeTable.fromIds(l, r, m);
    }

    /** Parses {@code lines} into {@code out}; returns the line number (from 1) of each merge. */
    private static int[] parse(Path file, List<String> lines, List<Merge> out)
            throws InputFormatException {
        int[] lineOf = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#version")) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
                int parts = space < 0 ? 1 : (int) line.chars().filter(c -> c == ' ').count() + 1;
                throw InputFormatException.atLine(file, i + 1, "expected two tokens separated by one space, found "
                        + parts + (parts == 1 ? " part: " : " parts: ") + Vocabulary.quote(line));
            }
            lineOf[out.size()] = i + 1;
            out.add(new Merge(line.substring(0, space), line.substring(space + 1)));
        }
        return lineOf;
    }

    /** Writes {@code merges} atomically after the {@value #VERSION_HEADER} header, one per line. */
    public static void write(List<Merge> merges, Path file) throws IOException {
        for (Merge merge : merges) {
            check(merge.left());
            check(merge.right());
        }
        AtomicFiles.writeText(file, w -> {
            w.write(VERSION_HEADER);
            w.write('\n');
            for (Merge merge : merges) {
                w.write(merge.left());
                w.write(' ');
                w.write(merge.right());
                w.write('\n');
            }
        });
    }

    private static void check(String token) {
        if (token.isEmpty() || token.indexOf(' ') >= 0 || token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("token " + Vocabulary.quote(token)
                    + " cannot be written to merges.txt (empty, space or line break)");
        }
    }
}
