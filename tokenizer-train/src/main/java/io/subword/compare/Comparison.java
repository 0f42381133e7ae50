package io.subword.compare;

import io.subword.Encoding;
import io.subword.Offsets;
import io.subword.Tokenizer;
import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.ByteLevelAlphabet;
import io.subword.pretokenize.Spans;
import io.subword.train.Corpus;
import io.subword.train.TrainingListener;
import io.subword.vocab.io.VocabFormatException;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Measures tokenizers on held-out text: the {@link Metrics} of each {@link Candidate} on all lines and per
 * language group, and the splits of the rarest held-out words.
 *
 * <p>The text is streamed in chunks of lines; each chunk is split into words once (see {@link Metrics} for
 * what a word is), its lines grouped by {@link LanguageGuesser language}, and then every candidate encodes the
 * chunk's lines (candidates in parallel, each on one thread), so memory holds one chunk and the table of
 * distinct words. Lines are encoded without special tokens. The result does not depend on the thread count.
 *
 * <p>Examples: the words given explicitly first, then the rarest held-out words: words of letters only, at
 * least {@value #MIN_EXAMPLE_LENGTH} characters long, least often seen in training first (unseen ones first
 * of all), then most often seen in the held-out text, then longest, then in code point order; taken in turn
 * from each language group (most lines first) so that every language shows. Each example word is encoded on
 * its own.
 */
public final class Comparison {
    /** The fewest code points an automatically chosen example word has. */
    public static final int MIN_EXAMPLE_LENGTH = 6;

    private final int threads;
    private final int chunkLines;
    private final int exampleCount;
    private final List<String> exampleWords;
    private final boolean groupByLanguage;

    private Comparison(Builder b) {
        this.threads = b.threads;
        this.chunkLines = b.chunkLines;
        this.exampleCount = b.exampleCount;
        this.exampleWords = List.copyOf(b.exampleWords);
        this.groupByLanguage = b.groupByLanguage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link Comparison}. */
    public static final class Builder {
        private int threads = 1;
        private int chunkLines = 1024;
        private int exampleCount = 12;
        private List<String> exampleWords = List.of();
        private boolean groupByLanguage = true;

        private Builder() {
        }

        /** Candidates measured at once (default 1); does not change the result. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Lines read at a time (default 1024); does not change the result. */
        public Builder chunkLines(int chunkLines) {
            if (chunkLines < 1) {
                throw new IllegalArgumentException("chunkLines must be at least 1: " + chunkLines);
            }
            this.chunkLines = chunkLines;
            return this;
        }

        /** How many rare held-out words to show besides the given ones (default 12). */
        public Builder exampleCount(int exampleCount) {
            if (exampleCount < 0) {
                throw new IllegalArgumentException("exampleCount must not be negative: " + exampleCount);
            }
            this.exampleCount = exampleCount;
            return this;
        }

        /** Words always shown first, whether in the held-out text or not. */
        public Builder exampleWords(List<String> words) {
            for (String w : words) {
                if (w == null || w.isBlank()) {
                    throw new IllegalArgumentException("empty example word in " + words);
                }
            }
            this.exampleWords = List.copyOf(words);
            return this;
        }

        /** Whether to guess each line's language and measure per language too (default true). */
        public Builder groupByLanguage(boolean groupByLanguage) {
            this.groupByLanguage = groupByLanguage;
            return this;
        }

        public Comparison build() {
            return new Comparison(this);
        }
    }

    /**
     * Measures {@code candidates} on the lines of {@code heldOut}.
     *
     * @param trainingCount how often a word (as it appears in the text) was seen in training, to find rare
     *                      words; {@code w -> 0} when unknown
     * @throws IllegalArgumentException if there are no candidates or the held-out text has no words
     */
    public ComparisonResult run(List<Candidate> candidates, Corpus heldOut, String heldOutName,
                                ToLongFunction<String> trainingCount, TrainingListener listener)
            throws IOException, VocabFormatException {
        Objects.requireNonNull(trainingCount, "trainingCount");
        Objects.requireNonNull(listener, "listener");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no tokenizers");
        }
        Text text = new Text(groupByLanguage);
        List<Run> runs = new ArrayList<>();
        for (Candidate c : candidates) {
            runs.add(new Run(c));
        }
        listener.phase("measure " + candidates.size() + " tokenizers");
        long totalBytes = heldOut.totalBytes();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "subword-compare");
            t.setDaemon(true);
            return t;
        });
        try (Corpus.Lines lines = heldOut.open()) {
            List<String> chunk = new ArrayList<>(chunkLines);
            String line;
            boolean more = true;
            while (more) {
                chunk.clear();
                while (chunk.size() < chunkLines && (line = lines.next()) != null) {
                    chunk.add(line);
                }
                more = chunk.size() == chunkLines;
                if (chunk.isEmpty()) {
                    break;
                }
                Chunk parsed = text.add(chunk);
                measure(runs, parsed, pool);
                listener.bytesRead(lines.bytesRead(), totalBytes);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (text.words == 0) {
            throw new IllegalArgumentException(heldOutName + ": the held-out text has no words to measure on");
        }
        List<String> groups = text.groupsByLines();
        List<ModelResult> models = new ArrayList<>();
        for (Run r : runs) {
            Map<String, Metrics> byLanguage = new LinkedHashMap<>();
            if (groups.size() > 1) {
                for (String g : groups) {
                    int gi = text.groupIndex.getInt(g);
                    byLanguage.put(g, r.tally(gi + 1).metrics(text.typesOfGroup.get(gi).cardinality(), r.vocabSize));
                }
            }
            models.add(new ModelResult(r.candidate.model(), r.candidate.vocabSize(),
                    r.tally(0).metrics(text.typeIds.size(), r.vocabSize), byLanguage));
        }
        Map<String, Long> linesByLanguage = new LinkedHashMap<>();
        for (String g : groups) {
            linesByLanguage.put(g, text.linesOfGroup.getLong(text.groupIndex.getInt(g)));
        }
        ComparisonResult.HeldOut summary = new ComparisonResult.HeldOut(heldOutName, text.lines, text.words,
                text.typeIds.size(), text.chars, text.bytes, linesByLanguage);
        listener.phase("split examples");
        return new ComparisonResult(summary, models, examples(candidates, text, groups, trainingCount));
    }

    private void measure(List<Run> runs, Chunk chunk, ExecutorService pool) {
        if (pool == null) {
            for (Run r : runs) {
                r.add(chunk);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(runs.size());
        for (Run r : runs) {
            futures.add(pool.submit(() -> r.add(chunk)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The held-out text: words, types and language groups, shared by all candidates.

    /** One chunk of lines with their words. */
    record Chunk(String[] lines, int[][] wordStarts, int[][] wordEnds, int[][] wordTypes, int[] groups,
                 long[] chars, long[] bytes) {
    }

    /** The distinct words and groups seen so far; fed by one thread, read by the candidates between chunks. */
    static final class Text {
        final boolean groupByLanguage;
        final Object2IntOpenHashMap<String> typeIds = new Object2IntOpenHashMap<>();
        final List<String> typeNames = new ArrayList<>();
        final IntArrayList typeCounts = new IntArrayList();
        final IntArrayList typeGroups = new IntArrayList();
        final Object2IntOpenHashMap<String> groupIndex = new Object2IntOpenHashMap<>();
        final List<String> groupNames = new ArrayList<>();
        final List<BitSet> typesOfGroup = new ArrayList<>();
        final it.unimi.dsi.fastutil.longs.LongArrayList linesOfGroup = new it.unimi.dsi.fastutil.longs.LongArrayList();
        long lines;
        long words;
        long chars;
        long bytes;
        private final Spans spans = new Spans();

        Text(boolean groupByLanguage) {
            this.groupByLanguage = groupByLanguage;
            typeIds.defaultReturnValue(-1);
            groupIndex.defaultReturnValue(-1);
        }

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
    }

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

    // ---------------------------------------------------------------------------------------------------------
    // One candidate being measured.

    /** The tallies of one candidate: index 0 all lines, index g + 1 group g. Fed by one thread at a time. */
    static final class Run {
        final Candidate candidate;
        final Tokenizer tokenizer;
        final int unkId;
        final int vocabSize;
        private final List<Tally> tallies = new ArrayList<>();
        /** Tokens that overlap each word. */
        private int[] perWord = new int[64];
        /** What each word costs in tokens: those that overlap it plus those covering no word, counted toward it. */
        private int[] costOf = new int[64];
        private boolean[] unkWord = new boolean[64];
        private boolean[] covers = new boolean[64];

        Run(Candidate candidate) {
            this.candidate = candidate;
            this.tokenizer = candidate.tokenizer();
            this.unkId = unknownId(tokenizer);
            this.vocabSize = tokenizer.vocabulary().tokenCount();
        }

        Tally tally(int index) {
            while (tallies.size() <= index) {
                tallies.add(new Tally());
            }
            return tallies.get(index);
        }

        void add(Chunk chunk) {
            for (int i = 0; i < chunk.lines().length; i++) {
                addLine(chunk.lines()[i], chunk.wordStarts()[i], chunk.wordEnds()[i], chunk.wordTypes()[i],
                        chunk.chars()[i], chunk.bytes()[i], tally(0), tally(chunk.groups()[i] + 1));
            }
        }

        private void addLine(String line, int[] wStart, int[] wEnd, int[] wType, long chars, long bytes,
                             Tally all, Tally group) {
            Encoding e = tokenizer.encode(line, false);
            int[] ids = e.ids();
            Offsets offsets = e.offsets();
            int nw = wStart.length;
            if (perWord.length < nw) {
                int cap = Math.max(nw, perWord.length * 2);
                perWord = new int[cap];
                costOf = new int[cap];
                unkWord = new boolean[cap];
                covers = new boolean[cap];
            }
            java.util.Arrays.fill(perWord, 0, nw, 0);
            java.util.Arrays.fill(unkWord, 0, nw, false);
            java.util.Arrays.fill(covers, 0, nw, false);
            java.util.Arrays.fill(costOf, 0, nw, 0);
            int unkTokens = 0;
            int w = 0;
            // Tokens that cover no word (a byte-level model's lone "Ġ" before a word it does not merge with, a
            // run of spaces, a trailing newline) still take a place in the sequence: each counts toward the next
            // word, or the last one at the end of the line, so that tokens per word counts every token.
            int pending = 0;
            for (int t = 0; t < ids.length; t++) {
                int id = ids[t];
                boolean unk = id == unkId;
                if (unk) {
                    unkTokens++;
                }
                all.usedIds.set(id);
                group.usedIds.set(id);
                int s = offsets.start(t);
                int end = offsets.end(t);
                while (w < nw && wEnd[w] <= s) {
                    w++;
                }
                if (w < nw && wStart[w] < end) {
                    if (perWord[w]++ == 0) {
                        covers[w] = s <= wStart[w] && end >= wEnd[w];
                    }
                    unkWord[w] |= unk;
                    costOf[w] += 1 + pending;
                    pending = 0;
                } else if (w < nw) {
                    pending++;
                } else if (nw > 0) {
                    costOf[nw - 1]++;
                }
            }
            if (nw > 0) {
                costOf[Math.min(w, nw - 1)] += pending;
            }
            for (Tally tally : new Tally[] {all, group}) {
                tally.lines++;
                tally.tokens += ids.length;
                tally.unkTokens += unkTokens;
                tally.chars += chars;
                tally.bytes += bytes;
                tally.words += nw;
                tally.addSequence(ids.length);
                for (int k = 0; k < nw; k++) {
                    tally.addFertility(costOf[k]);
                    if (unkWord[k]) {
                        tally.unkWords++;
                        tally.unkTypes.set(wType[k]);
                    } else if (perWord[k] == 1 && covers[k]) {
                        tally.wholeWords++;
                    }
                }
            }
        }
    }

    /** The id of the tokenizer's unknown token, or -1 if its model has none (byte-level BPE). */
    static int unknownId(Tokenizer tokenizer) {
        return tokenizer.model().unknownId();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Examples.

    private List<Example> examples(List<Candidate> candidates, Text text, List<String> groups,
                                   ToLongFunction<String> trainingCount) {
        List<String> words = new ArrayList<>(exampleWords);
        if (exampleCount > 0) {
            // candidates per group, rarest first
            Map<Integer, List<Integer>> byGroup = new LinkedHashMap<>();
            long[] trainCounts = new long[text.typeNames.size()];
            for (int id = 0; id < text.typeNames.size(); id++) {
                String word = text.typeNames.get(id);
                if (isExampleWord(word) && !words.contains(word)) {
                    trainCounts[id] = trainingCount.applyAsLong(word);
                    byGroup.computeIfAbsent(text.typeGroups.getInt(id), g -> new ArrayList<>()).add(id);
                }
            }
            Comparator<Integer> rarest = Comparator.<Integer>comparingLong(id -> trainCounts[id])
                    .thenComparingInt(id -> -text.typeCounts.getInt(id))
                    .thenComparingInt(id -> -text.typeNames.get(id).codePointCount(0, text.typeNames.get(id).length()))
                    .thenComparing(id -> text.typeNames.get(id), io.subword.train.WordCounts.CODE_POINT_ORDER);
            List<List<Integer>> queues = new ArrayList<>();
            for (String g : groups) {
                List<Integer> ids = byGroup.get(text.groupIndex.getInt(g));
                if (ids != null) {
                    ids.sort(rarest);
                    queues.add(ids);
                }
            }
            int added = 0;
            for (int round = 0; added < exampleCount; round++) {
                boolean any = false;
                for (List<Integer> q : queues) {
                    if (round < q.size() && added < exampleCount) {
                        words.add(text.typeNames.get(q.get(round)));
                        added++;
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        }
        List<Example> out = new ArrayList<>(words.size());
        for (String word : words) {
            int id = text.typeIds.getInt(word);
            String group = id < 0 ? LanguageGuesser.UNKNOWN : text.groupNames.get(text.typeGroups.getInt(id));
            long heldOutCount = id < 0 ? 0 : text.typeCounts.getInt(id);
            List<Example.Split> splits = new ArrayList<>(candidates.size());
            for (Candidate c : candidates) {
                splits.add(new Example.Split(c.model(), c.vocabSize(), pieces(c.tokenizer(), word)));
            }
            out.add(new Example(word, group, trainingCount.applyAsLong(word), heldOutCount, splits));
        }
        return out;
    }

    static boolean isExampleWord(String word) {
        return word.codePointCount(0, word.length()) >= MIN_EXAMPLE_LENGTH && word.codePoints().allMatch(Character::isLetter);
    }

    /** The pieces {@code tokenizer} makes of {@code word} on its own, as a reader should see them. */
    public static List<Example.Piece> pieces(Tokenizer tokenizer, String word) {
        Encoding e = tokenizer.encode(word, false);
        int unkId = unknownId(tokenizer);
        boolean byteLevel = tokenizer.model().isByteLevel();
        List<String> tokens = e.tokens();
        List<Example.Piece> pieces = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            pieces.add(new Example.Piece(byteLevel ? byteLevelText(t) : t, e.id(i) == unkId));
        }
        return pieces;
    }

    /**
     * The text the byte-level characters of {@code token} spell; bytes of a character that is cut between
     * tokens are written {@code <0xC3>}.
     */
    static String byteLevelText(String token) {
        if (!ByteLevelAlphabet.isByteLevel(token)) {
            return token; // an added token, such as <|endoftext|>
        }
        byte[] bytes = ByteLevelAlphabet.toBytes(token);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 8);
        StringBuilder sb = new StringBuilder();
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            out.flip();
            sb.append(out);
            out.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    sb.append(String.format(Locale.ROOT, "<0x%02X>", in.get() & 0xff));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        return sb.toString();
    }
}
