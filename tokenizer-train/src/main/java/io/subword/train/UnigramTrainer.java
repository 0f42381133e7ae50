package io.subword.train;

import io.subword.normalize.Normalizer;
import io.subword.normalize.PrecompiledCharsMap;
import io.subword.pretokenize.MetaspacePreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.progress.TrainingListener;
import io.subword.sentencepiece.SentencePieceNormalizer;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Learns a Unigram vocabulary (Kudo 2018) from {@link WordCounts}, as SentencePiece's {@code spm_train
 * --model_type=unigram} does:
 * <ol>
 *   <li>the text is normalized by SentencePiece's rule ({@code nmt_nfkc}, {@code nfkc}, their case-folding
 *       {@code _cf} forms, or {@code identity}, extra
 *       spaces removed, {@code ▁} for spaces and in front) and cut into words before each {@code ▁} (with
 *       {@code splitByWhitespace}; otherwise each line is one word);</li>
 *   <li>the alphabet is the most frequent characters covering {@code characterCoverage} of all characters; the
 *       others become the unknown character {@code U+2585} (user-defined symbols are cut out of the words);</li>
 *   <li>seed pieces: the characters and the most frequent substrings, by suffix array ({@link SeedPieces});</li>
 *   <li>EM and pruning until {@code 1.1 * vocabSize} pieces remain, then the required characters and the
 *       best-scored pieces up to the vocabulary size ({@link UnigramEm}).</li>
 * </ol>
 * A piece is at most {@code maxTokenLength} (default 16) characters, never holds {@code ▁} except at its start
 * (with {@code splitByWhitespace}), never mixes Unicode scripts (Hiragana and Katakana count as Han; digits and
 * punctuation are Common, so {@code a1} is two pieces), and with {@code splitDigits} a digit is a piece of its
 * own. The result does not depend on the thread count. Immutable and thread-safe.
 */
public final class UnigramTrainer implements Trainer {
    /** The character that stands for characters outside the alphabet, as in SentencePiece. */
    static final int UNKNOWN_CHAR = 0x2585;
    /** The word-boundary mark. */
    static final int SPACE_MARK = MetaspacePreTokenizer.DEFAULT_REPLACEMENT;

    private final TrainingOptions options;
    private final List<String> specialTokens;
    private final String unkToken;

    private UnigramTrainer(TrainingOptions options) {
        this.options = options;
        this.specialTokens = List.copyOf(new java.util.LinkedHashSet<>(options.specialTokens(Family.UNIGRAM)));
        this.unkToken = Family.UNIGRAM_UNK_TOKEN;
        if (!specialTokens.contains(unkToken)) {
            throw new IllegalArgumentException("a unigram tokenizer needs " + unkToken
                    + " among the special tokens, which are " + specialTokens);
        }
        if (options.lowercase(Family.UNIGRAM)) {
            throw new IllegalArgumentException("a unigram tokenizer does not lowercase: SentencePiece normalizes only"
                    + " by its rule (" + String.join(", ", TrainingOptions.Builder.NORMALIZATIONS) + ")");
        }
        int meta = specialTokens.size() + options.userDefinedSymbols().size() + (options.byteFallback() ? 256 : 0);
        if (options.vocabSize() <= meta) {
            throw new IllegalArgumentException("vocabulary size " + options.vocabSize() + " leaves no room after the "
                    + meta + " special, user-defined and byte pieces");
        }
    }

    /**
     * The trainer of {@link Family#UNIGRAM} with {@code options}; the unknown piece is {@code <unk>}.
     *
     * @throws IllegalArgumentException if {@code <unk>} is not a special token, or the vocabulary size leaves no
     *                                  room for learned pieces
     */
    public static UnigramTrainer of(TrainingOptions options) {
        return new UnigramTrainer(Objects.requireNonNull(options, "options"));
    }

    @Override
    public Family family() {
        return Family.UNIGRAM;
    }

    @Override
    public TrainingOptions options() {
        return options;
    }

    @Override
    public WordCounter wordCounter() {
        return WordCounter.builder(new LineEndMarking(preTokenizer(options.splitByWhitespace())))
                .normalizer(normalizer(options.normalization(), options.userDefinedSymbols()))
                .threads(options.threads()).build();
    }

    /**
     * SentencePiece's normalizer with {@code rule}: the rule's precompiled map, extra spaces removed, {@code ▁} in
     * front and for every space, user-defined symbols left alone.
     */
    static Normalizer normalizer(String rule, List<String> userDefinedSymbols) {
        byte[] map = charsMap(rule);
        return new SentencePieceNormalizer(map == null ? null : PrecompiledCharsMap.decode(map), true, true, true,
                false, userDefinedSymbols);
    }

    /** Cuts the normalized text before each {@code ▁} (with {@code split}), or not at all. */
    static MetaspacePreTokenizer preTokenizer(boolean split) {
        return new MetaspacePreTokenizer(MetaspacePreTokenizer.DEFAULT_REPLACEMENT,
                MetaspacePreTokenizer.PrependScheme.NEVER, split);
    }

    private static final java.util.Map<String, byte[]> CHARS_MAPS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The precompiled map of SentencePiece's rule {@code nfkc} or {@code nmt_nfkc} (made by {@code spm_train}, see
     * {@code tokenizer-train/scripts/make-charsmaps.sh}), or {@code null} for {@code identity}.
     */
    static byte[] charsMap(String rule) {
        if (rule.equals("identity")) {
            return null;
        }
        return CHARS_MAPS.computeIfAbsent(rule, r -> {
            try (var in = UnigramTrainer.class.getResourceAsStream(r + ".charsmap.gz")) {
                if (in == null) {
                    throw new IllegalArgumentException("unknown normalization rule \"" + r + "\"");
                }
                return new java.util.zip.GZIPInputStream(in).readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).clone();
    }

    @Override
    public TrainedTokenizer train(WordCounts counts, TrainingListener listener) {
        return TrainedTokenizer.ofUnigram(learn(BpeTrainer.nonEmpty(counts), listener), options);
    }

    /** Learns the Unigram model from {@code counts}, without a pipeline around it. */
    public UnigramModelData learn(WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        listener.phase("compute alphabet");
        Words words = words(counts);
        int[] required = requiredChars(words);
        int meta = specialTokens.size() + options.userDefinedSymbols().size() + (options.byteFallback() ? 256 : 0);
        if (required.length > options.vocabSize() - meta) {
            // as spm_train, which stops with "Vocabulary size is smaller than required_chars"
            throw new IllegalArgumentException("vocabulary size " + options.vocabSize() + " cannot hold the "
                    + required.length + " characters that cover " + options.characterCoverage() + " of the text and "
                    + meta + " special pieces: raise the vocabulary size or lower the character coverage");
        }
        boolean[] alphabet = new boolean[Character.MAX_CODE_POINT + 1];
        for (int cp : required) {
            alphabet[cp] = true;
        }
        words = words.withUnknown(alphabet);

        listener.phase("seed pieces");
        int maxLength = options.maxTokenLength(Family.UNIGRAM);
        List<SeedPieces.Seed> seeds = SeedPieces.of(words.codePoints, words.counts, words.lineEnds, maxLength,
                options.seedSize(), this::isValidPiece, options.threads());
        UnigramEm em = new UnigramEm(words.codePoints, words.counts, options.threads());
        UnigramEm.Pieces model = UnigramEm.fromSeeds(seeds);

        listener.phase("lattices of " + words.codePoints.length + " words over " + seeds.size() + " seed pieces");
        em.follow(model);
        int desired = (int) (options.vocabSize() * 1.1);
        long round = 0;
        while (true) {
            listener.phase("EM round " + (round + 1) + " over " + model.size() + " pieces");
            for (int iter = 0; iter < options.subIterations(); iter++) {
                model = UnigramEm.maximize(model, em.expectedCounts(model));
            }
            listener.merges(++round, 0);
            if (model.size() <= desired) {
                break;
            }
            listener.phase("pruning round " + round + " of " + model.size() + " pieces");
            UnigramEm.Pieces pruned = em.prune(model, desired, options.shrinkingFactor());
            if (pruned.size() == model.size()) {
                break; // every piece left is needed (characters without an alternative): finish picks the best
            }
            model = pruned;
        }
        listener.phase("final pieces");
        return finish(model, required);
    }

    /** SentencePiece's {@code FinalizeSentencePieces}: required characters first, then the best pieces. */
    private UnigramModelData finish(UnigramEm.Pieces model, int[] required) {
        List<String> userDefined = options.userDefinedSymbols();
        List<String> pieces = new ArrayList<>(specialTokens);
        pieces.addAll(userDefined);
        if (options.byteFallback()) {
            for (int b = 0; b < 256; b++) {
                pieces.add(String.format(Locale.ROOT, "<0x%02X>", b));
            }
        }
        int meta = pieces.size();
        int room = options.vocabSize() - meta;
        java.util.Map<String, Double> scoreOf = new java.util.HashMap<>();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < model.size(); i++) {
            scoreOf.put(new String(model.pieces()[i], 0, model.pieces()[i].length), model.scores()[i]);
            min = Math.min(min, model.scores()[i]);
        }
        java.util.LinkedHashMap<String, Double> chosen = new java.util.LinkedHashMap<>();
        double penalty = 0;
        for (int cp : required) {
            String c = new String(Character.toChars(cp));
            Double s = scoreOf.get(c);
            if (s == null) {
                // a required character the EM dropped: just below the lowest score, frequent ones first
                s = min + penalty;
                penalty += 0.0001;
            }
            chosen.put(c, s);
        }
        List<String> byScore = new ArrayList<>(scoreOf.keySet());
        byScore.sort((a, b) -> {
            int c = Double.compare(scoreOf.get(b), scoreOf.get(a));
            return c != 0 ? c : WordCounts.CODE_POINT_ORDER.compare(a, b);
        });
        Set<String> taken = new HashSet<>(pieces);
        for (String p : byScore) {
            if (chosen.size() >= room) {
                break;
            }
            if (!taken.contains(p)) {
                chosen.putIfAbsent(p, scoreOf.get(p));
            }
        }
        List<String> learned = new ArrayList<>(chosen.keySet());
        learned.removeIf(taken::contains);
        learned.sort((a, b) -> {
            int c = Double.compare(chosen.get(b), chosen.get(a));
            return c != 0 ? c : WordCounts.CODE_POINT_ORDER.compare(a, b);
        });
        double[] scores = new double[meta + learned.size()];
        for (int i = 0; i < learned.size(); i++) {
            scores[meta + i] = chosen.get(learned.get(i));
        }
        pieces.addAll(learned);
        List<String> control = new ArrayList<>(specialTokens);
        control.remove(unkToken);
        return new UnigramModelData(pieces, scores, specialTokens.indexOf(unkToken), control, userDefined,
                options.byteFallback());
    }

    /**
     * Words as code points, user-defined symbols cut out: {@code counts[i]} occurrences of {@code codePoints[i]},
     * {@code lineEnds[i]} of which ended a line.
     */
    record Words(int[][] codePoints, long[] counts, long[] lineEnds) {
        /**
         * These words with every character outside {@code alphabet} (by code point) made {@link #UNKNOWN_CHAR}, merged again. Only
         * the words that hold that character afterwards can have become equal, so only they are merged by key.
         */
        Words withUnknown(boolean[] alphabet) {
            int n = codePoints.length;
            int[][] cps = new int[n][];
            long[] c = new long[n];
            long[] e = new long[n];
            int kept = 0;
            Object2LongOpenHashMap<String> merged = new Object2LongOpenHashMap<>();
            Object2LongOpenHashMap<String> mergedEnds = new Object2LongOpenHashMap<>();
            for (int w = 0; w < n; w++) {
                int[] word = codePoints[w];
                boolean unknown = false;
                for (int i = 0; i < word.length; i++) {
                    if (!alphabet[word[i]]) {
                        word = word == codePoints[w] ? word.clone() : word;
                        word[i] = UNKNOWN_CHAR;
                    }
                    unknown |= word[i] == UNKNOWN_CHAR;
                }
                if (!unknown) {
                    cps[kept] = word;
                    c[kept] = counts[w];
                    e[kept++] = lineEnds[w];
                } else {
                    String key = new String(word, 0, word.length);
                    merged.addTo(key, counts[w]);
                    if (lineEnds[w] > 0) {
                        mergedEnds.addTo(key, lineEnds[w]);
                    }
                }
            }
            if (merged.isEmpty()) {
                return this;
            }
            Words rest = of(merged, mergedEnds);
            int total = kept + rest.codePoints.length;
            cps = Arrays.copyOf(cps, total);
            c = Arrays.copyOf(c, total);
            e = Arrays.copyOf(e, total);
            System.arraycopy(rest.codePoints, 0, cps, kept, rest.codePoints.length);
            System.arraycopy(rest.counts, 0, c, kept, rest.counts.length);
            System.arraycopy(rest.lineEnds, 0, e, kept, rest.lineEnds.length);
            return new Words(cps, c, e);
        }

        /**
         * The words of {@code map} in its own order, with their line ends from {@code ends}: nothing downstream
         * depends on the order of the words (counts are summed as integers, ties are broken by the pieces' code
         * points), so they are not sorted.
         */
        static Words of(Object2LongOpenHashMap<String> map, Object2LongOpenHashMap<String> ends) {
            int[][] cps = new int[map.size()][];
            long[] c = new long[map.size()];
            long[] e = new long[map.size()];
            int i = 0;
            for (var entry : map.object2LongEntrySet()) {
                cps[i] = UnigramTrainer.codePoints(entry.getKey());
                e[i] = ends.getLong(entry.getKey());
                c[i++] = entry.getLongValue();
            }
            return new Words(cps, c, e);
        }
    }

    /** The code points of {@code s}. */
    static int[] codePoints(String s) {
        int n = s.length();
        int[] cps = new int[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                return s.codePoints().toArray(); // rare: pairs to join
            }
            cps[i] = c;
        }
        return cps;
    }

    /**
     * The words of {@code counts}, a key ending in {@link LineEndMarking#LINE_END} counted as the same word
     * ending a line; user-defined symbols are cut out (the part after the last one ends the line).
     */
    private Words words(WordCounts counts) {
        List<String> symbols = options.userDefinedSymbols();
        if (symbols.isEmpty()) {
            return wordsAsCounted(counts);
        }
        Object2LongOpenHashMap<String> map = new Object2LongOpenHashMap<>(counts.size());
        Object2LongOpenHashMap<String> ends = new Object2LongOpenHashMap<>();
        String space = String.valueOf((char) SPACE_MARK);
        counts.forEach((key, c) -> {
            boolean endsLine = key.charAt(key.length() - 1) == LineEndMarking.LINE_END;
            List<String> parts = cutOut(endsLine ? key.substring(0, key.length() - 1) : key, symbols);
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                if (!part.isEmpty() && !part.equals(space)) {
                    map.addTo(part, c);
                    if (endsLine && i == parts.size() - 1) {
                        ends.addTo(part, c);
                    }
                }
            }
        });
        if (map.isEmpty()) {
            throw new IllegalArgumentException("no words to train on");
        }
        return Words.of(map, ends);
    }

    /**
     * {@link #words} without user-defined symbols: the counted words as they are, without a map of their own. A key
     * marked as ending a line adds to its unmarked twin if there is one (the marked keys are few: one per line).
     */
    private static Words wordsAsCounted(WordCounts counts) {
        String space = String.valueOf((char) SPACE_MARK);
        Object2LongOpenHashMap<String> endsOfTwin = new Object2LongOpenHashMap<>();
        counts.forEach((key, c) -> {
            if (key.charAt(key.length() - 1) == LineEndMarking.LINE_END) {
                String word = key.substring(0, key.length() - 1);
                if (counts.count(word) > 0) {
                    endsOfTwin.addTo(word, c);
                }
            }
        });
        int n = counts.size();
        int[][] cps = new int[n][];
        long[] c = new long[n];
        long[] e = new long[n];
        int[] k = {0};
        counts.forEach((key, count) -> {
            boolean endsLine = key.charAt(key.length() - 1) == LineEndMarking.LINE_END;
            String word = endsLine ? key.substring(0, key.length() - 1) : key;
            if (word.isEmpty() || word.equals(space) || endsLine && endsOfTwin.containsKey(word)) {
                return; // no word, or counted with its twin
            }
            long ends = endsLine ? count : endsOfTwin.getLong(word);
            cps[k[0]] = codePoints(word);
            c[k[0]] = endsLine ? count : count + ends;
            e[k[0]++] = ends;
        });
        if (k[0] == 0) {
            throw new IllegalArgumentException("no words to train on");
        }
        return new Words(Arrays.copyOf(cps, k[0]), Arrays.copyOf(c, k[0]), Arrays.copyOf(e, k[0]));
    }

    /** {@code word} cut at every occurrence of a user-defined symbol (longest first), the symbols left out. */
    static List<String> cutOut(String word, List<String> symbols) {
        if (symbols.isEmpty()) {
            return List.of(word);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < word.length()) {
            String hit = null;
            for (String s : symbols) {
                if (word.startsWith(s, i) && (hit == null || s.length() > hit.length())) {
                    hit = s;
                }
            }
            if (hit != null) {
                parts.add(word.substring(start, i));
                i += hit.length();
                start = i;
            } else {
                i++;
            }
        }
        parts.add(word.substring(start));
        return parts;
    }

    /**
     * SentencePiece's required characters: by falling count (ties: code point), until the characters taken cover
     * {@code characterCoverage} of all character occurrences.
     */
    private int[] requiredChars(Words words) {
        SeedPieces.CharCounts chars = SeedPieces.CharCounts.of(words.codePoints, words.counts);
        long all = 0;
        for (long c : chars.counts()) {
            all += c;
        }
        int n = 0;
        long covered = 0;
        for (long c : chars.counts()) {
            if ((double) covered / all >= options.characterCoverage()) {
                break;
            }
            covered += c;
            n++;
        }
        return Arrays.copyOf(chars.codePoints(), n);
    }

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();
    /**
     * Script of each code point seen so far, plus one (0: not looked up yet): the seeds check millions of
     * substrings, and {@link Character.UnicodeScript#of} is a binary search over the script ranges. Threads may
     * look one up twice; they store the same value.
     */
    private final byte[] scriptPlusOne = new byte[Character.MAX_CODE_POINT + 1];

    /** The script of {@code c} as SentencePiece groups them: Hiragana, Katakana and {@code ー} count as Han. */
    private Character.UnicodeScript script(int c) {
        int known = scriptPlusOne[c];
        if (known != 0) {
            return SCRIPTS[(known & 0xff) - 1];
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA || c == 0x30FC) {
            s = Character.UnicodeScript.HAN;
        }
        scriptPlusOne[c] = (byte) (s.ordinal() + 1);
        return s;
    }

    /** SentencePiece's {@code IsValidSentencePiece}, for the options of this trainer. */
    boolean isValidPiece(int[] text, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > options.maxTokenLength(Family.UNIGRAM)) {
            return false;
        }
        Character.UnicodeScript prev = null;
        for (int pos = from; pos < to; pos++) {
            int c = text[pos];
            if (c == UNKNOWN_CHAR || c == 0 || c == ' ' || c > Character.MAX_CODE_POINT) {
                return false;
            }
            if (c == SPACE_MARK) {
                if (options.splitByWhitespace() ? pos > from : pos > from && pos == to - 1) {
                    return false;
                }
                continue;
            }
            Character.UnicodeScript s = script(c);
            if (s == Character.UnicodeScript.INHERITED) {
                s = prev;
            }
            if (options.splitDigits() && Character.isDigit(c) && len > 1) {
                return false;
            }
            if (s != null && prev != null && prev != s) {
                return false;
            }
            prev = s;
        }
        return true;
    }
}
