package io.subword.compare;

import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.Spans;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The held-out text of a {@link Comparison}, the part shared by all candidates: its words (the BERT
 * pre-tokenizer's spans, the same for every tokenizer), the distinct words (types) with their held-out counts,
 * and the language group of each line. Fed one chunk of lines at a time by one thread; the candidates read a
 * chunk, and these tables between chunks.
 */
final class HeldOutText {
    /** One chunk of lines with their words. */
    record Chunk(String[] lines, int[][] wordStarts, int[][] wordEnds, int[][] wordTypes, int[] groups,
                 long[] chars, long[] bytes) {
    }

    final boolean groupByLanguage;
    final Object2IntOpenHashMap<String> typeIds = new Object2IntOpenHashMap<>();
    final List<String> typeNames = new ArrayList<>();
    final IntArrayList typeCounts = new IntArrayList();
    final IntArrayList typeGroups = new IntArrayList();
    final Object2IntOpenHashMap<String> groupIndex = new Object2IntOpenHashMap<>();
    final List<String> groupNames = new ArrayList<>();
    final List<BitSet> typesOfGroup = new ArrayList<>();
    final LongArrayList linesOfGroup = new LongArrayList();
    long lines;
    long words;
    long chars;
    long bytes;
    private final Spans spans = new Spans();

    HeldOutText(boolean groupByLanguage) {
        this.groupByLanguage = groupByLanguage;
        typeIds.defaultReturnValue(-1);
        groupIndex.defaultReturnValue(-1);
    }

    /** Adds the lines of one chunk and returns them with their words. */
    Chunk add(List<String> chunk) {
        int n = chunk.size();
        String[] lineArray = chunk.toArray(new String[0]);
        int[][] starts = new int[n][];
        int[][] ends = new int[n][];
        int[][] types = new int[n][];
        int[] groups = new int[n];
        long[] lineChars = new long[n];
        long[] lineBytes = new long[n];
        for (int i = 0; i < n; i++) {
            String line = lineArray[i];
            int g = group(groupByLanguage ? LanguageGuesser.guess(line) : "all");
            groups[i] = g;
            linesOfGroup.set(g, linesOfGroup.getLong(g) + 1);
            spans.clear();
            BertPreTokenizer.INSTANCE.split(line, 0, line.length(), spans);
            int w = spans.size();
            starts[i] = new int[w];
            ends[i] = new int[w];
            types[i] = new int[w];
            for (int k = 0; k < w; k++) {
                starts[i][k] = spans.start(k);
                ends[i][k] = spans.end(k);
                String word = line.substring(spans.start(k), spans.end(k));
                int id = typeIds.getInt(word);
                if (id < 0) {
                    id = typeNames.size();
                    typeIds.put(word, id);
                    typeNames.add(word);
                    typeCounts.add(0);
                    typeGroups.add(g);
                }
                typeCounts.set(id, typeCounts.getInt(id) + 1);
                typesOfGroup.get(g).set(id);
                types[i][k] = id;
            }
            lineChars[i] = line.codePointCount(0, line.length());
            lineBytes[i] = utf8Length(line);
            lines++;
            words += w;
            chars += lineChars[i];
            bytes += lineBytes[i];
        }
        return new Chunk(lineArray, starts, ends, types, groups, lineChars, lineBytes);
    }

    private int group(String name) {
        int g = groupIndex.getInt(name);
        if (g < 0) {
            g = groupNames.size();
            groupIndex.put(name, g);
            groupNames.add(name);
            typesOfGroup.add(new BitSet());
            linesOfGroup.add(0);
        }
        return g;
    }

    /** The groups, most lines first (ties: by name). */
    List<String> groupsByLines() {
        List<String> names = new ArrayList<>(groupNames);
        names.sort(Comparator.<String>comparingLong(g -> -linesOfGroup.getLong(groupIndex.getInt(g)))
                .thenComparing(Comparator.naturalOrder()));
        return names;
    }

    /** The UTF-8 length of {@code s}, without encoding it. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3; // BMP char, or a lone surrogate (written as U+FFFD, 3 bytes)
            }
        }
        return n;
    }
}
