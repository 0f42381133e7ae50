package io.subword.train;

import io.subword.progress.TrainingListener;
import io.subword.vocab.Vocabulary;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Learns a BPE vocabulary and merge list from {@link WordCounts}, with the semantics of Hugging Face
 * tokenizers' {@code BpeTrainer}:
 * <ol>
 *   <li>the special tokens take the first ids, in the given order;</li>
 *   <li>the alphabet is every character of the words plus the initial alphabet; with a
 *       {@linkplain Builder#limitAlphabet(int) limit}, the least frequent characters are dropped (characters
 *       of the initial alphabet count as infinitely frequent); the kept characters get ids in code point
 *       order;</li>
 *   <li>each word becomes a list of symbols; a character outside the alphabet is skipped, a character that
 *       does not start the word gets the continuing-subword prefix, the last character gets the end-of-word
 *       suffix; such prefixed and suffixed forms get ids when first met, visiting words in code point
 *       order;</li>
 *   <li>pair counts are computed once; then, until the vocabulary has {@code vocabSize} tokens or no pair
 *       is frequent enough, the most frequent pair is merged (ties: the smaller pair of ids first), only
 *       in the words that contain it, updating the counts incrementally.</li>
 * </ol>
 *
 * <p>Where Hugging Face depends on hash-map iteration order (the ids of prefixed and suffixed characters,
 * HF issue #1794; which of equally frequent characters {@code limitAlphabet} drops) this trainer picks one
 * fixed order, documented at each step; results never depend on the thread count. In byte-level mode each
 * word is first turned into GPT-2's byte-level characters and the initial alphabet is all 256 of them.
 * Immutable and thread-safe.
 */
public final class BpeTrainer implements Trainer {
    private final Family family;
    private final TrainingOptions options;
    final int vocabSize;
    final long minFrequency;
    final List<String> specialTokens;
    final Integer limitAlphabet;
    final Set<Integer> initialAlphabet;
    final String continuingSubwordPrefix;
    final String endOfWordSuffix;
    final int maxTokenLength;
    final boolean byteLevel;
    final int threads;

    private BpeTrainer(TrainingOptions options, String continuingSubwordPrefix, String endOfWordSuffix,
                       boolean byteLevel) {
        this.family = byteLevel ? Family.BYTE_LEVEL : Family.BPE;
        this.options = options;
        this.vocabSize = options.vocabSize();
        this.minFrequency = options.minFrequency();
        this.specialTokens = options.specialTokens(family);
        this.limitAlphabet = options.limitAlphabet();
        Set<Integer> alphabet = new LinkedHashSet<>(options.initialAlphabet());
        if (byteLevel) {
            for (int i = 0; i < 256; i++) {
                alphabet.add((int) ByteLevelChars.of(i));
            }
        }
        this.initialAlphabet = Set.copyOf(alphabet);
        this.continuingSubwordPrefix = continuingSubwordPrefix;
        this.endOfWordSuffix = endOfWordSuffix;
        this.maxTokenLength = options.maxTokenLength(family);
        this.byteLevel = byteLevel;
        this.threads = options.threads();
    }

    /**
     * The trainer of {@link Family#BPE} (end-of-word suffix {@code </w>}) or {@link Family#BYTE_LEVEL}, with
     * {@code options}.
     *
     * @throws IllegalArgumentException if {@code family} is not a BPE family
     */
    public static BpeTrainer of(Family family, TrainingOptions options) {
        if (family != Family.BPE && family != Family.BYTE_LEVEL) {
            throw new IllegalArgumentException("a BPE trainer cannot train " + family);
        }
        return new BpeTrainer(options, null, family == Family.BPE ? Family.END_OF_WORD_SUFFIX : null,
                family == Family.BYTE_LEVEL);
    }

    /** A char-level trainer with {@code prefix} on tokens that continue a word (WordPiece's). */
    static BpeTrainer withPrefix(TrainingOptions options, String prefix) {
        return new BpeTrainer(options, prefix, null, false);
    }

    /** A builder with Hugging Face's {@code BpeTrainer::default()}: no special tokens, no prefix or suffix. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings of a {@link BpeTrainer}: the shared options go to one {@link TrainingOptions.Builder}, which checks
     * them; the model's own settings (prefix, suffix, byte-level) are held here.
     */
    public static final class Builder {
        private final TrainingOptions.Builder options = TrainingOptions.builder().specialTokens(List.of());
        private String continuingSubwordPrefix;
        private String endOfWordSuffix;
        private boolean byteLevel;

        private Builder() {
        }

        /** See {@link TrainingOptions.Builder#vocabSize}. */
        public Builder vocabSize(int vocabSize) {
            options.vocabSize(vocabSize);
            return this;
        }

        /** See {@link TrainingOptions.Builder#minFrequency}. */
        public Builder minFrequency(long minFrequency) {
            options.minFrequency(minFrequency);
            return this;
        }

        /** Tokens that get the first ids, in this order (duplicates are kept once). */
        public Builder specialTokens(List<String> specialTokens) {
            options.specialTokens(Objects.requireNonNull(specialTokens, "specialTokens"));
            return this;
        }

        /** See {@link TrainingOptions.Builder#limitAlphabet}. */
        public Builder limitAlphabet(int limitAlphabet) {
            options.limitAlphabet(limitAlphabet);
            return this;
        }

        /** See {@link TrainingOptions.Builder#initialAlphabet}. */
        public Builder initialAlphabet(Collection<String> characters) {
            options.initialAlphabet(characters);
            return this;
        }

        /** See {@link TrainingOptions.Builder#maxTokenLength}; {@code 0} for no limit. */
        public Builder maxTokenLength(int maxTokenLength) {
            options.maxTokenLength(maxTokenLength);
            return this;
        }

        /** See {@link TrainingOptions.Builder#lowercase}. */
        public Builder lowercase(Boolean lowercase) {
            options.lowercase(lowercase);
            return this;
        }

        /** See {@link TrainingOptions.Builder#threads}. */
        public Builder threads(int threads) {
            options.threads(threads);
            return this;
        }

        /** A prefix for tokens that continue a word (WordPiece's {@code ##}); {@code null} for none. */
        public Builder continuingSubwordPrefix(String prefix) {
            this.continuingSubwordPrefix = emptyToNull(prefix);
            return this;
        }

        /** A suffix for tokens that end a word (subword-nmt's {@code </w>}); {@code null} for none. */
        public Builder endOfWordSuffix(String suffix) {
            this.endOfWordSuffix = emptyToNull(suffix);
            return this;
        }

        /** Byte-level BPE (GPT-2): words become byte-level strings, the alphabet holds all 256 bytes. */
        public Builder byteLevel(boolean byteLevel) {
            this.byteLevel = byteLevel;
            return this;
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }

        public BpeTrainer build() {
            return new BpeTrainer(options.build(), continuingSubwordPrefix, endOfWordSuffix, byteLevel);
        }
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public TrainingOptions options() {
        return options;
    }

    @Override
    public WordCounter wordCounter() {
        return WordCounter.builder(family.preTokenizer()).normalizer(family.normalizer(options.lowercase(family)))
                .threads(threads).build();
    }

    @Override
    public TrainedTokenizer train(WordCounts counts, TrainingListener listener) {
        BpeModelData data = learn(nonEmpty(counts), listener);
        listener.phase("build tokenizer");
        return TrainedTokenizer.ofBpe(family, data, options.lowercase(family));
    }

    static WordCounts nonEmpty(WordCounts counts) {
        if (Objects.requireNonNull(counts, "counts").size() == 0) {
            throw new IllegalArgumentException("no words to train on");
        }
        return counts;
    }

    /** Learns the BPE model (vocabulary and merges) from {@code counts}, without a pipeline around it. */
    public BpeModelData learn(WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        Prepared prepared = prepare(counts, listener, false);
        List<String> idToToken = prepared.idToToken();

        // 4. and 5. Count pairs, then merge.
        BpeMerger merger = new BpeMerger(prepared.symbols(), prepared.counts(), maxTokenLength, idToToken,
                prepared.tokenToId(), continuingSubwordPrefix, threads);
        List<long[]> merges = merger.run(vocabSize, minFrequency, listener);

        List<BpeModelData.Merge> ranked = new ArrayList<>(merges.size());
        for (long[] m : merges) {
            ranked.add(new BpeModelData.Merge(idToToken.get(BpeMerger.left(m[0])),
                    idToToken.get(BpeMerger.right(m[0]))));
        }
        return new BpeModelData(Vocabulary.of(idToToken), ranked, specialTokens, continuingSubwordPrefix,
                endOfWordSuffix, byteLevel);
    }

    /**
     * The vocabulary so far and the words as symbol ids: in code point order of the words, except for plain
     * byte-level BPE, whose result does not depend on the order (see {@code prepareByteLevel}).
     */
    record Prepared(List<String> idToToken, Object2IntOpenHashMap<String> tokenToId, int[][] symbols,
                    long[] counts) {
    }

    /** Steps 1 to 3: special tokens, alphabet, words as symbols, the words in code point order. */
    Prepared prepare(WordCounts counts, TrainingListener listener) {
        return prepare(counts, listener, true);
    }

    /**
     * Steps 1 to 3; the words are in code point order if {@code sortWords}, else in any order (for the merge
     * loop, whose result does not depend on it: see {@link #prepareUnsorted}).
     */
    private Prepared prepare(WordCounts counts, TrainingListener listener, boolean sortWords) {
        List<String> idToToken = new ArrayList<>();
        // Sized for the whole vocabulary (up to a bound), so the merges never rehash it as it grows.
        Object2IntOpenHashMap<String> tokenToId =
                new Object2IntOpenHashMap<>(Math.min(Math.max(vocabSize, 16), 1 << 17));
        tokenToId.defaultReturnValue(-1);

        // 1. Special tokens first.
        for (String token : specialTokens) {
            addToken(token, idToToken, tokenToId);
        }

        if (byteLevel && continuingSubwordPrefix == null && endOfWordSuffix == null) {
            return prepareByteLevel(counts, listener, idToToken, tokenToId);
        }

        // Words as the trainer sees them: byte-level strings in byte-level mode.
        Object2LongOpenHashMap<String> words = wordsOf(counts);

        // 2. The alphabet.
        listener.phase("compute alphabet");
        for (int cp : alphabet(words)) {
            addToken(new String(Character.toChars(cp)), idToToken, tokenToId);
        }

        // 3. Words as symbol ids, visited in code point order so prefixed/suffixed forms get fixed ids.
        listener.phase("tokenize words");
        if (!sortWords) {
            return prepareUnsorted(words, idToToken, tokenToId);
        }
        String[] sorted = words.keySet().toArray(new String[0]);
        WordCounts.sortInCodePointOrder(sorted, threads);
        int n = sorted.length;
        int[][] symbols = new int[n][];
        long[] wordCounts = new long[n];
        SymbolIds ids = new SymbolIds(idToToken, tokenToId);
        IntArrayList scratch = new IntArrayList();
        for (int w = 0; w < n; w++) {
            String word = sorted[w];
            wordCounts[w] = words.getLong(word);
            scratch.clear();
            int len = word.length();
            for (int i = 0; i < len; ) {
                int cp = word.codePointAt(i);
                int next = i + Character.charCount(cp);
                int id = ids.of(cp, i > 0 && continuingSubwordPrefix != null, next == len && endOfWordSuffix != null);
                if (id >= 0) {
                    scratch.add(id);
                }
                i = next;
            }
            symbols[w] = scratch.toIntArray();
        }
        return new Prepared(idToToken, tokenToId, symbols, wordCounts);
    }

    /**
     * Step 3 without sorting the words, with the ids of sorting them. A prefixed or suffixed character form gets
     * its id when first met in code point order of the words: so the forms' order is that of the first word (in
     * code point order) holding each form, and, within that word, of the form's first position. Each word is
     * tokenized once in the map's order with a provisional id per form; every form remembers the smallest word
     * that holds it and where; then the forms get their ids in that order and the provisional ids are replaced.
     * The merge loop's result does not depend on the order of the words (pair counts are sums, position lists
     * are sets), so only the ids had to be those of the sorted visit.
     */
    private Prepared prepareUnsorted(Object2LongOpenHashMap<String> words, List<String> idToToken,
                                     Object2IntOpenHashMap<String> tokenToId) {
        int n = words.size();
        String[] wordAt = new String[n];
        int[][] symbols = new int[n][];
        long[] wordCounts = new long[n];
        // Provisional ids count down from -2 (-1 is a character left out of the alphabet): form k is -2 - k. One
        // table per form in use (1 prefixed, 2 suffixed, 3 both), made when first needed.
        CodePointInts[] provisional = new CodePointInts[4];
        IntArrayList formCp = new IntArrayList();
        IntArrayList formKind = new IntArrayList();
        IntArrayList bestWord = new IntArrayList();
        IntArrayList bestPos = new IntArrayList();
        IntArrayList scratch = new IntArrayList();
        // The plain character's id per code point, looked up once: -1 left out of the alphabet, MIN_VALUE not yet.
        CodePointInts plainIds = new CodePointInts(Integer.MIN_VALUE);
        int w = 0;
        for (Object2LongMap.Entry<String> e : words.object2LongEntrySet()) {
            String word = e.getKey();
            wordAt[w] = word;
            wordCounts[w] = e.getLongValue();
            scratch.clear();
            int len = word.length();
            for (int i = 0; i < len; ) {
                int cp = word.codePointAt(i);
                int next = i + Character.charCount(cp);
                int form = (i > 0 && continuingSubwordPrefix != null ? 1 : 0)
                        | (next == len && endOfWordSuffix != null ? 2 : 0);
                int plain = plainIds.get(cp);
                if (plain == Integer.MIN_VALUE) {
                    plain = tokenToId.getInt(new String(Character.toChars(cp)));
                    plainIds.put(cp, plain);
                }
                if (plain >= 0) {
                    if (form == 0) {
                        scratch.add(plain);
                    } else {
                        if (provisional[form] == null) {
                            provisional[form] = new CodePointInts(Integer.MIN_VALUE);
                        }
                        int k = provisional[form].get(cp);
                        if (k == Integer.MIN_VALUE) {
                            k = formCp.size();
                            provisional[form].put(cp, k);
                            formCp.add(cp);
                            formKind.add(form);
                            bestWord.add(w);
                            bestPos.add(i);
                        } else if (bestWord.getInt(k) != w
                                && WordCounts.compareCodePoints(word, wordAt[bestWord.getInt(k)]) < 0) {
                            bestWord.set(k, w);
                            bestPos.set(k, i);
                        }
                        scratch.add(-2 - k);
                    }
                }
                i = next;
            }
            symbols[w] = scratch.toIntArray();
            w++;
        }
        Integer[] order = new Integer[formCp.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> {
            int bx = bestWord.getInt(x);
            int by = bestWord.getInt(y);
            if (bx != by) {
                return WordCounts.compareCodePoints(wordAt[bx], wordAt[by]);
            }
            return Integer.compare(bestPos.getInt(x), bestPos.getInt(y));
        });
        int[] finalId = new int[order.length];
        for (int k : order) {
            String c = new String(Character.toChars(formCp.getInt(k)));
            int form = formKind.getInt(k);
            String token = (form & 1) != 0 ? continuingSubwordPrefix + c : c;
            if ((form & 2) != 0) {
                token = token + endOfWordSuffix;
            }
            finalId[k] = addToken(token, idToToken, tokenToId);
        }
        for (int[] word : symbols) {
            for (int i = 0; i < word.length; i++) {
                if (word[i] < 0) {
                    word[i] = finalId[-2 - word[i]];
                }
            }
        }
        return new Prepared(idToToken, tokenToId, symbols, wordCounts);
    }

    /**
     * Steps 2 and 3 for plain byte-level BPE, without building byte-level strings or sorting. The alphabet does
     * not depend on the words: each of their characters stands for a byte, and all 256 are in the initial
     * alphabet, which counts as infinitely frequent. The order of the words does not matter either: with no
     * prefixed or suffixed forms, every symbol id is fixed before the words are visited, and the merge loop's
     * results depend only on the pair counts and the sets of words each pair occurs in. So each word is its
     * UTF-8 bytes, each byte its character's id (a byte left out of a limited alphabet is skipped).
     */
    private Prepared prepareByteLevel(WordCounts counts, TrainingListener listener, List<String> idToToken,
                                      Object2IntOpenHashMap<String> tokenToId) {
        listener.phase("compute alphabet");
        for (int cp : alphabet(new Object2LongOpenHashMap<>())) {
            addToken(new String(Character.toChars(cp)), idToToken, tokenToId);
        }
        listener.phase("tokenize words");
        int[] byteId = new int[256];
        for (int b = 0; b < 256; b++) {
            byteId[b] = tokenToId.getInt(String.valueOf(ByteLevelChars.of(b)));
        }
        int n = counts.size();
        int[][] symbols = new int[n][];
        long[] wordCounts = new long[n];
        int[] next = {0};
        counts.forEach((word, c) -> {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            int[] ids = new int[bytes.length];
            int len = 0;
            for (byte b : bytes) {
                int id = byteId[b & 0xff];
                if (id >= 0) {
                    ids[len++] = id;
                }
            }
            int w = next[0]++;
            symbols[w] = len == ids.length ? ids : Arrays.copyOf(ids, len);
            wordCounts[w] = c;
        });
        return new Prepared(idToToken, tokenToId, symbols, wordCounts);
    }

    /**
     * The symbol id of each character form, found (or added) once per code point and form instead of once per
     * occurrence: the plain character (which must already be in the vocabulary, else {@code -1}: it was left out
     * of the alphabet), with the continuing-subword prefix, with the end-of-word suffix, or with both. The ids
     * are exactly those of looking the strings up in word order, since a form gets its id when first met.
     */
    private final class SymbolIds {
        private final List<String> idToToken;
        private final Object2IntOpenHashMap<String> tokenToId;
        /** Per form (bit 0: prefixed, bit 1: suffixed), code point to id; absent means not looked up yet. */
        private final Int2IntOpenHashMap[] forms = new Int2IntOpenHashMap[4];

        SymbolIds(List<String> idToToken, Object2IntOpenHashMap<String> tokenToId) {
            this.idToToken = idToToken;
            this.tokenToId = tokenToId;
            for (int f = 0; f < forms.length; f++) {
                forms[f] = new Int2IntOpenHashMap();
                forms[f].defaultReturnValue(Integer.MIN_VALUE);
            }
        }

        int of(int cp, boolean prefixed, boolean suffixed) {
            int form = (prefixed ? 1 : 0) | (suffixed ? 2 : 0);
            int id = forms[form].get(cp);
            if (id == Integer.MIN_VALUE) {
                id = lookUp(cp, form);
                forms[form].put(cp, id);
            }
            return id;
        }

        private int lookUp(int cp, int form) {
            String c = new String(Character.toChars(cp));
            if (!tokenToId.containsKey(c)) {
                return -1;
            }
            if (form == 0) {
                return tokenToId.getInt(c);
            }
            String s = (form & 1) != 0 ? continuingSubwordPrefix + c : c;
            if ((form & 2) != 0) {
                s = s + endOfWordSuffix;
            }
            return addToken(s, idToToken, tokenToId);
        }
    }

    /** The words as the trainer sees them (read only): byte-level strings in byte-level mode, else the counts' own. */
    private Object2LongOpenHashMap<String> wordsOf(WordCounts counts) {
        if (!byteLevel) {
            return counts.map();
        }
        Object2LongOpenHashMap<String> words = new Object2LongOpenHashMap<>(counts.size());
        counts.forEach((word, c) -> words.addTo(byteLevel ? ByteLevelChars.encode(word) : word, c));
        return words;
    }

    /** The kept alphabet, in code point order. */
    private int[] alphabet(Object2LongOpenHashMap<String> words) {
        // Character frequencies: an array for the Basic Multilingual Plane, a map above it (a pair of surrogates).
        long[] bmp = new long[0x10000];
        Int2LongOpenHashMap above = new Int2LongOpenHashMap();
        for (Object2LongMap.Entry<String> e : words.object2LongEntrySet()) {
            String word = e.getKey();
            long c = e.getLongValue();
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                if (Character.isSurrogate(ch)) {
                    int cp = word.codePointAt(i);
                    if (cp != ch) {
                        i++; // a pair
                    }
                    if (cp < 0x10000) {
                        bmp[cp] += c; // a lone surrogate is a code point of its own
                    } else {
                        above.addTo(cp, c);
                    }
                } else {
                    bmp[ch] += c;
                }
            }
        }
        for (int cp : initialAlphabet) {
            if (cp < 0x10000) {
                bmp[cp] = Long.MAX_VALUE;
            } else {
                above.put(cp, Long.MAX_VALUE);
            }
        }
        List<long[]> seen = new ArrayList<>();
        for (int cp = 0; cp < bmp.length; cp++) {
            if (bmp[cp] != 0) {
                seen.add(new long[] {cp, bmp[cp]});
            }
        }
        for (Int2LongMap.Entry e : above.int2LongEntrySet()) {
            seen.add(new long[] {e.getIntKey(), e.getLongValue()});
        }
        long[][] entries = seen.toArray(new long[0][]);
        int keepFrom = 0;
        if (limitAlphabet != null && entries.length > limitAlphabet) {
            // Drop the least frequent; among equally frequent characters HF's order is that of a hash map,
            // here the larger code point is dropped first.
            Arrays.sort(entries, (x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(y[0], x[0]));
            keepFrom = entries.length - limitAlphabet;
        }
        int[] kept = new int[entries.length - keepFrom];
        for (int i = keepFrom; i < entries.length; i++) {
            kept[i - keepFrom] = (int) entries[i][0];
        }
        Arrays.sort(kept);
        return kept;
    }

    static int addToken(String token, List<String> idToToken, Object2IntOpenHashMap<String> tokenToId) {
        int id = tokenToId.getInt(token);
        if (id < 0) {
            id = idToToken.size();
            idToToken.add(token);
            tokenToId.put(token, id);
        }
        return id;
    }
}
