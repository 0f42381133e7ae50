package io.subword.bpe;

import io.subword.model.MergeModel;
import io.subword.model.Model;
import io.subword.model.TokenBuffer;
import io.subword.pretokenize.Spans;
import io.subword.vocab.ByteAlphabet;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.TiktokenRanks;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Byte pair encoding, as Hugging Face's {@code models::bpe::BPE} and tiktoken do it: a word starts as one
 * symbol per character (or per UTF-8 byte, in byte-level mode), and adjacent symbols merge by the rank of
 * their pair in the {@link MergeTable}, lowest first, leftmost first among equals.
 *
 * <p><b>Char-level</b> (the default): each code point of the word is looked up as a token, with
 * {@code continuingSubwordPrefix} prepended to all but the first and {@code endOfWordSuffix} appended to
 * the last. A code point that is not in the vocabulary becomes, in this order of preference: its UTF-8
 * bytes as {@code <0xXX>} tokens ({@code byteFallback}, if all of them exist), the unknown token (one per
 * code point, or one per run with {@code fuseUnk}), or nothing at all (no unknown token configured), as
 * Hugging Face does. Hugging Face's quirks are kept: a byte-fallback run does not end a pending run of
 * unknowns, and dropped characters shift the offsets of the tokens after them, since offsets are the
 * running sum of symbol lengths.
 *
 * <p><b>Byte-level</b> ({@link #byteLevel}, {@link #fromTiktoken}): the model reads the UTF-8 bytes of the
 * word itself and starts each byte as the token spelled by its {@link ByteAlphabet} character, so the
 * pre-tokenizer never rewrites the text. A lone surrogate counts as U+FFFD.
 *
 * <p><b>Offsets</b> are UTF-16 ranges of the given text. A token that starts or ends inside a character
 * (a byte-level token holding part of a multi-byte character, a byte-fallback token) covers that whole
 * character, which is what Hugging Face reports: its ByteLevel pre-tokenizer aligns every byte of a
 * character to the whole character.
 *
 * <p>Hugging Face's {@code ignore_merges} emits a word that is itself in the vocabulary (spelled in
 * byte-level characters, in byte-level mode) as one token; so does tiktoken's rule (a byte-level model whose
 * merge table is {@linkplain MergeTable#isByConcatenation by concatenation}, without prefix or suffix), since
 * tiktoken looks each piece up before merging it. (For the published rank files this changes no result: BPE
 * gives every token that is valid UTF-8 back whole; it only saves the merging.) {@code dropout} merges with BPE-dropout,
 * seeded, through {@link io.subword.Tokenizer#withSampling}. An {@code unkToken} that is
 * not in the vocabulary is kept (for writing back) but never emitted; Hugging Face would fail on the first
 * unknown character instead.
 *
 * <p>Immutable and thread-safe. Each thread that encodes keeps, per model, its scratch arrays and two bounded caches
 * of words ({@link Builder#cacheCapacity}: at the default, about 512 KB of short ASCII pieces and 16,384 other words),
 * shared by every tokenizer derived from the same model ({@code withTruncation}, ...); a word of more than 65,536
 * UTF-16 units drops them afterwards, so no thread keeps arrays sized to one huge word. They are per thread rather
 * than shared because every lookup may write (the most recent entry moves first), which on a shared table would
 * bounce cache lines between cores.
 */
public final class Bpe implements MergeModel {
    /**
     * The default number of cached words per thread. 16,384 rather than 8,192: on Europarl (21 languages, a long
     * tail of words) it took a fifth fewer merges and about 12% less CPU per pass, English unchanged; it costs about
     * 1 MB more per encoding thread (the hot table stays at its 512 KB cap).
     */
    public static final int DEFAULT_CACHE_CAPACITY = 16384;

    private final Vocabulary vocabulary;
    private final MergeTable merges;
    private final String unkToken;
    private final String continuingSubwordPrefix;
    private final String endOfWordSuffix;
    private final boolean fuseUnk;
    private final boolean byteFallback;
    private final boolean ignoreMerges;
    private final Float dropout;
    private final boolean byteLevel;
    private final int cacheCapacity;

    private final int unkId;
    /** The ids of {@code <0x00>..<0xFF>}, -1 where absent. */
    private final int[] fallbackIds = new int[256];
    /** Byte-level: per variant (bit 0: has the prefix, bit 1: has the suffix), the id of each byte's token. */
    private final int[][] byteIds;
    /**
     * Byte-level, when every byte is a token whatever its place in the word (no prefix or suffix decorates
     * them), as in GPT-2 and tiktoken: the ids of the 256 bytes, for the loop without unknowns; else {@code null}.
     */
    private final int[] plainByteIds;
    /** Char-level: per variant as above, code point -> id. */
    private final Int2IntOpenHashMap[] charIds;
    private final ThreadLocal<Scratch> scratch;
    /** The merge table's pairs laid out for the merge loop; {@code null} to use the table itself. */
    private final PairMap pairMap;
    /**
     * Byte-level words that are a token whole become that token without merging: tiktoken's rule (it looks a
     * piece up before merging it) and {@code ignore_merges}'s. {@code null} when neither applies.
     */
    private final TokenBytes wholeTokens;

    private Bpe(Builder b) {
        this.vocabulary = Objects.requireNonNull(b.vocabulary, "vocabulary");
        this.merges = Objects.requireNonNull(b.merges, "merges");
        this.unkToken = b.unkToken;
        this.continuingSubwordPrefix = b.continuingSubwordPrefix;
        this.endOfWordSuffix = b.endOfWordSuffix;
        this.fuseUnk = b.fuseUnk;
        this.byteFallback = b.byteFallback;
        this.ignoreMerges = b.ignoreMerges;
        this.dropout = b.dropout;
        this.byteLevel = b.byteLevel;
        this.cacheCapacity = b.cacheCapacity;

        this.unkId = unkToken == null ? -1 : vocabulary.id(unkToken);
        for (int v = 0; v < 256; v++) {
            fallbackIds[v] = vocabulary.id(String.format("<0x%02X>", v));
        }
        String prefix = emptyToNull(continuingSubwordPrefix);
        String suffix = emptyToNull(endOfWordSuffix);
        if (byteLevel) {
            byteIds = new int[4][256];
            for (int variant = 0; variant < 4; variant++) {
                for (int v = 0; v < 256; v++) {
                    String token = String.valueOf(ByteAlphabet.charOf(v));
                    byteIds[variant][v] = vocabulary.id(decorate(token, variant, prefix, suffix));
                }
            }
            charIds = null;
            boolean plain = true;
            for (int variant = 1; variant < 4; variant++) {
                plain &= Arrays.equals(byteIds[variant], byteIds[0]);
            }
            for (int v = 0; v < 256; v++) {
                plain &= byteIds[0][v] >= 0;
            }
            plainByteIds = plain ? byteIds[0] : null;
        } else {
            byteIds = null;
            plainByteIds = null;
            charIds = charTables(vocabulary, prefix, suffix);
        }
        this.pairMap = PairMap.of(merges, vocabulary);
        // tiktoken's lookup only where tiktoken's merge rule holds: symbols are the bare byte tokens.
        boolean tiktokenRule = merges.isByConcatenation() && prefix == null && suffix == null;
        this.wholeTokens = byteLevel && (ignoreMerges || tiktokenRule) ? TokenBytes.of(vocabulary) : null;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(merges, pairMap, cacheCapacity));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String decorate(String token, int variant, String prefix, String suffix) {
        String t = (variant & 1) != 0 && prefix != null ? prefix + token : token;
        return (variant & 2) != 0 && suffix != null ? t + suffix : t;
    }

    /** For each variant, the code points whose (decorated) single-character token is in the vocabulary. */
    private static Int2IntOpenHashMap[] charTables(Vocabulary vocabulary, String prefix, String suffix) {
        Int2IntOpenHashMap[] tables = new Int2IntOpenHashMap[4];
        for (int v = 0; v < 4; v++) {
            tables[v] = new Int2IntOpenHashMap();
            tables[v].defaultReturnValue(-1);
        }
        int p = prefix == null ? 0 : prefix.length();
        int s = suffix == null ? 0 : suffix.length();
        List<String> tokens = vocabulary.tokens();
        for (int id = 0; id < tokens.size(); id++) {
            String t = tokens.get(id);
            if (t == null) {
                continue;
            }
            for (int variant = 0; variant < 4; variant++) {
                boolean pre = (variant & 1) != 0 && prefix != null;
                boolean suf = (variant & 2) != 0 && suffix != null;
                int from = pre ? p : 0;
                int to = t.length() - (suf ? s : 0);
                if (to <= from || (pre && !t.startsWith(prefix)) || (suf && !t.endsWith(suffix))) {
                    continue;
                }
                int cp = t.codePointAt(from);
                if (from + Character.charCount(cp) == to) {
                    tables[variant].put(cp, id);
                }
            }
        }
        return tables;
    }

    /** A byte-level model, as GPT-2's {@code vocab.json} and {@code merges.txt} describe it. */
    public static Bpe byteLevel(Vocabulary vocabulary, MergeTable merges) {
        return builder(vocabulary, merges).byteLevel(true).build();
    }

    /** The byte-level model of tiktoken ranks: ids are ranks, pairs merge by {@linkplain MergeTable#fromTiktoken concatenation}. */
    public static Bpe fromTiktoken(TiktokenRanks ranks) {
        Vocabulary vocabulary = ranks.toVocabulary(); // once: MergeTable.fromTiktoken would make a second
        return byteLevel(vocabulary, MergeTable.byConcatenation(vocabulary));
    }

    /** A builder of a char-level model with no unknown token, prefix or suffix; set the options to change that. */
    public static Builder builder(Vocabulary vocabulary, MergeTable merges) {
        return new Builder(vocabulary, merges);
    }

    /** A builder with this model's options. */
    public Builder toBuilder() {
        return toBuilder(merges);
    }

    /** A builder with this model's vocabulary and options and other merges (a ranked list for tiktoken's rule). */
    public Builder toBuilder(MergeTable merges) {
        return toBuilder(vocabulary, merges);
    }

    private Builder toBuilder(Vocabulary vocabulary, MergeTable merges) {
        Builder b = new Builder(vocabulary, merges);
        b.unkToken = unkToken;
        b.continuingSubwordPrefix = continuingSubwordPrefix;
        b.endOfWordSuffix = endOfWordSuffix;
        b.fuseUnk = fuseUnk;
        b.byteFallback = byteFallback;
        b.ignoreMerges = ignoreMerges;
        b.dropout = dropout;
        b.byteLevel = byteLevel;
        b.cacheCapacity = cacheCapacity;
        return b;
    }

    @Override
    public int unknownId() {
        return unkId;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public MergeTable merges() {
        return merges;
    }

    @Override
    public Bpe withMerges(Vocabulary vocabulary, MergeTable merges) {
        return toBuilder(vocabulary, merges).build();
    }

    @Override
    public Bpe readingBytes() {
        return byteLevel ? this : toBuilder().byteLevel(true).build();
    }

    @Override
    public String type() {
        return "BPE";
    }

    /** The unknown token, or {@code null}. */
    public String unkToken() {
        return unkToken;
    }

    /** The prefix of every symbol but a word's first ({@code "##"}), or {@code null}. */
    public String continuingSubwordPrefix() {
        return continuingSubwordPrefix;
    }

    /** The suffix of a word's last symbol ({@code "</w>"}), or {@code null}. */
    public String endOfWordSuffix() {
        return endOfWordSuffix;
    }

    public boolean fuseUnk() {
        return fuseUnk;
    }

    public boolean byteFallback() {
        return byteFallback;
    }

    public boolean ignoreMerges() {
        return ignoreMerges;
    }

    /** {@code null} or {@code 0}, as configured (tokenizer.json writes it back). */
    public Float dropout() {
        return dropout;
    }

    /** Whether the model reads UTF-8 bytes (GPT-2, tiktoken) rather than characters. */
    @Override
    public boolean isByteLevel() {
        return byteLevel;
    }

    /** The number of words each thread caches; 0 when caching is off. */
    public int cacheCapacity() {
        return cacheCapacity;
    }

    /** Per-thread state: symbol arrays, the byte-to-char map of the current word, engine and cache. */
    private static final class Scratch {
        int[] ids = new int[64];
        int[] lens = new int[64];
        /** For each UTF-8 byte of the word: the word-relative UTF-16 range of its character. */
        int[] charStart = new int[64];
        int[] charEnd = new int[64];
        byte[] bytes = new byte[64];
        int size;
        final MergeEngine engine;
        final PieceCache cache;
        /** Short ASCII pieces, looked up first; {@code null} when caching is off. */
        final HotPieces hot;

        Scratch(MergeTable merges, PairMap pairMap, int cacheCapacity) {
            engine = new MergeEngine(merges, pairMap);
            cache = cacheCapacity > 0 ? new PieceCache(cacheCapacity) : null;
            hot = cacheCapacity > 0 ? new HotPieces(hotSets(cacheCapacity)) : null;
        }

        void ensure(int units) {
            int need = 3 * units + 4;
            if (ids.length < need) {
                int n = Math.max(need, ids.length * 2);
                ids = new int[n];
                lens = new int[n];
                charStart = new int[n];
                charEnd = new int[n];
                bytes = new byte[n];
            }
        }

        void add(int id, int len) {
            ids[size] = id;
            lens[size] = len;
            size++;
        }
    }

    /** The most sets (of two entries) a per-thread {@link HotPieces} has: 512 KB, at the default cache capacity. */
    private static final int HOT_SETS = 8192;

    /**
     * The sets of a thread's {@link HotPieces} for a cache capacity of {@code cacheCapacity} words: as many as the
     * capacity (a power of two, at most {@value #HOT_SETS}), so that the one knob bounds both caches' memory per
     * thread (64 bytes a set: 512 KB from 8,192 on, as at the default, 64 KB at 1,024).
     */
    static int hotSets(int cacheCapacity) {
        return Math.min(HOT_SETS, Integer.highestOneBit(Math.max(1, cacheCapacity)));
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out) {
        if (start >= end) {
            return;
        }
        tokenizeWord(text, start, end, out, scratch.get());
    }

    /** All words with one fetch of the thread's scratch (a {@code ThreadLocal} lookup per word showed on English). */
    @Override
    public void tokenize(CharSequence text, Spans words, TokenBuffer out, int[] wordEnds) {
        int count = words.size();
        if (count == 0) {
            return;
        }
        Scratch s = scratch.get();
        for (int w = 0; w < count; w++) {
            int start = words.start(w);
            int end = words.end(w);
            if (start < end) {
                tokenizeWord(text, start, end, out, s);
            }
            if (wordEnds != null) {
                wordEnds[w] = out.size();
            }
        }
    }

    /** One non-empty word: from the hot pieces if held there, else tokenized and offered to them. */
    private void tokenizeWord(CharSequence text, int start, int end, TokenBuffer out, Scratch s) {
        HotPieces hot = s.hot;
        if (hot == null) {
            tokenize(text, start, end, out, s);
        } else if (hot.find(text, start, end)) {
            hot.emit(start, out);
        } else {
            int from = out.size();
            tokenize(text, start, end, out, s, hot.eligible());
            hot.put(out, from, start);
        }
    }

    private void tokenize(CharSequence text, int start, int end, TokenBuffer out, Scratch s) {
        tokenize(text, start, end, out, s, true);
    }

    /**
     * @param wholeFirst whether to look the word up whole before the cache: for the short ASCII words that the hot
     *                   pieces did not hold (on English, mostly words seen once, so the cache would only cost), not
     *                   for the others, of which on Europarl a quarter to a half are cache hits that then skip the
     *                   UTF-8 conversion and the lookup in the vocabulary's byte table (megabytes, a likely miss).
     *                   The cache admits words by frequency, so whole words cached this way crowd out no more
     *                   frequent word that takes merging.
     */
    private void tokenize(CharSequence text, int start, int end, TokenBuffer out, Scratch s, boolean wholeFirst) {
        boolean cacheable = s.cache != null && end - start <= PieceCache.MAX_LENGTH;
        int bytes = -1;
        if (wholeFirst && wholeTokens != null) {
            s.ensure(end - start);
            bytes = utf8(text, start, end, s);
            int id = wholeTokens.id(s.bytes, bytes);
            if (id >= 0) {
                out.add(id, start, end);
                return; // not cached: the hot pieces hold the frequent ones
            }
        }
        int hash = 0;
        if (cacheable) {
            hash = PieceCache.hash(text, start, end);
            int[] hit = s.cache.get(text, start, end, hash);
            if (hit != null) {
                emit(hit, start, out);
                return;
            }
        }
        if (bytes < 0) {
            s.ensure(end - start);
            bytes = utf8(text, start, end, s);
            int whole = -1;
            if (wholeTokens != null) {
                whole = wholeTokens.id(s.bytes, bytes);
            } else if (ignoreMerges) {
                whole = vocabulary.id(text.subSequence(start, end).toString()); // char-level: the word itself
            }
            if (whole >= 0) {
                out.add(whole, start, end);
                int[] e = cacheable ? s.cache.put(text, start, end, hash, 1) : null;
                if (e != null) {
                    int t = PieceCache.tokens(e);
                    e[t + 1] = whole;
                    e[t + 2] = 0;
                    e[t + 3] = end - start;
                }
                dropIfHuge(end - start);
                return;
            }
        }
        s.size = 0;
        if (byteLevel) {
            initialBytes(bytes, s);
        } else {
            initialChars(text, start, end, s);
        }
        int n = s.engine.merge(s.ids, s.lens, s.size);
        int[] entry = cacheable ? s.cache.put(text, start, end, hash, n) : null;
        int t = entry == null ? 0 : PieceCache.tokens(entry) + 1;
        int at = 0;
        for (int i = 0; i < n; i++) {
            int from = s.charStart[at];
            at += s.lens[i];
            int to = s.charEnd[at - 1];
            out.add(s.ids[i], start + from, start + to);
            if (entry != null) {
                entry[t + i] = s.ids[i];
                entry[t + n + i] = from;
                entry[t + 2 * n + i] = to;
            }
        }
        dropIfHuge(end - start);
    }

    /**
     * Tokenizes with BPE-dropout (see {@link io.subword.model.SubwordSampling#bpeDropout}): no cache and no
     * whole-word lookup, as in Hugging Face, where a dropout model merges every word afresh.
     */
    void tokenizeWithDropout(CharSequence text, int start, int end, TokenBuffer out, double dropout,
                             java.util.SplittableRandom random) {
        if (start >= end) {
            return;
        }
        Scratch s = scratch.get();
        s.ensure(end - start);
        int bytes = utf8(text, start, end, s);
        s.size = 0;
        if (byteLevel) {
            initialBytes(bytes, s);
        } else {
            initialChars(text, start, end, s);
        }
        int n = s.engine.mergeWithDropout(s.ids, s.lens, s.size, dropout, random);
        int at = 0;
        for (int i = 0; i < n; i++) {
            int from = s.charStart[at];
            at += s.lens[i];
            out.add(s.ids[i], start + from, start + s.charEnd[at - 1]);
        }
        dropIfHuge(end - start);
    }

    /**
     * A model that merges with BPE-dropout ({@link io.subword.model.SubwordSampling.Kind#BPE_DROPOUT}) when given
     * a random stream, or this model for {@code null}.
     */
    @Override
    public io.subword.model.Model withSampling(io.subword.model.SubwordSampling sampling) {
        if (sampling == null) {
            return this;
        }
        if (sampling.kind() != io.subword.model.SubwordSampling.Kind.BPE_DROPOUT) {
            throw new IllegalArgumentException("a BPE model samples with SubwordSampling.bpeDropout, not " + sampling);
        }
        return new DropoutBpe(this, sampling.dropout());
    }

    /** Words longer than this (UTF-16 units) do not leave their grown scratch arrays behind on the thread. */
    private static final int SCRATCH_KEEP_UNITS = 1 << 16;

    private void dropIfHuge(int units) {
        if (units > SCRATCH_KEEP_UNITS) {
            scratch.remove(); // the next word starts a fresh scratch (and cache) on this thread
        }
    }

    private static void emit(int[] entry, int start, TokenBuffer out) {
        int t = PieceCache.tokens(entry);
        int n = entry[t++];
        for (int i = 0; i < n; i++) {
            out.add(entry[t + i], start + entry[t + n + i], start + entry[t + 2 * n + i]);
        }
    }

    /**
     * Encodes {@code text[start, end)} as UTF-8 into {@code s.bytes}, recording for each byte the UTF-16 range
     * of its character relative to {@code start}; returns the byte count. A lone surrogate becomes U+FFFD.
     */
    private static int utf8(CharSequence text, int start, int end, Scratch s) {
        byte[] b = s.bytes;
        int n = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[n] = (byte) c;
                s.charStart[n] = i - start;
                s.charEnd[n] = i - start + 1;
                n++;
                i++;
                continue;
            }
            int units = 1;
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                units = 2;
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            int first = n;
            if (cp < 0x80) {
                b[n++] = (byte) cp;
            } else if (cp < 0x800) {
                b[n++] = (byte) (0xC0 | (cp >> 6));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                b[n++] = (byte) (0xE0 | (cp >> 12));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[n++] = (byte) (0xF0 | (cp >> 18));
                b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[n++] = (byte) (0x80 | (cp & 0x3F));
            }
            int from = i - start;
            int to = from + units;
            for (int k = first; k < n; k++) {
                s.charStart[k] = from;
                s.charEnd[k] = to;
            }
            i += units;
        }
        return n;
    }

    private void initialBytes(int bytes, Scratch s) {
        int[] plain = plainByteIds;
        if (plain != null) {
            int[] ids = s.ids;
            int[] lens = s.lens;
            byte[] b = s.bytes;
            for (int k = 0; k < bytes; k++) {
                ids[k] = plain[b[k] & 0xff];
                lens[k] = 1;
            }
            s.size = bytes;
            return;
        }
        int unkLen = 0;
        for (int k = 0; k < bytes; k++) {
            int v = s.bytes[k] & 0xff;
            int variant = (k > 0 ? 1 : 0) | (k == bytes - 1 ? 2 : 0);
            int id = byteIds[variant][v];
            if (id >= 0) {
                if (unkLen > 0) {
                    s.add(unkId, unkLen);
                    unkLen = 0;
                }
                s.add(id, 1);
            } else if (byteFallback && fallbackIds[v] >= 0) {
                s.add(fallbackIds[v], 1);
            } else {
                unkLen = unknown(s, unkLen, 1);
            }
        }
        if (unkLen > 0) {
            s.add(unkId, unkLen);
        }
    }

    private void initialChars(CharSequence text, int start, int end, Scratch s) {
        int unkLen = 0;
        int at = 0; // byte position of the current character
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            int cp = c;
            int units = 1;
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                units = 2;
            }
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            int variant = (i > start ? 1 : 0) | (i + units == end ? 2 : 0);
            int id = charIds[variant].get(cp);
            if (id >= 0) {
                if (unkLen > 0) {
                    s.add(unkId, unkLen);
                    unkLen = 0;
                }
                s.add(id, len);
            } else if (!(byteFallback && addFallback(s, at, len))) {
                unkLen = unknown(s, unkLen, len);
            }
            at += len;
            i += units;
        }
        if (unkLen > 0) {
            s.add(unkId, unkLen);
        }
    }

    /** Adds the {@code <0xXX>} tokens of the character's bytes if all exist. */
    private boolean addFallback(Scratch s, int at, int len) {
        for (int k = at; k < at + len; k++) {
            if (fallbackIds[s.bytes[k] & 0xff] < 0) {
                return false;
            }
        }
        for (int k = at; k < at + len; k++) {
            s.add(fallbackIds[s.bytes[k] & 0xff], 1);
        }
        return true;
    }

    /**
     * Accounts for an unknown symbol of {@code len} bytes given the pending unknown run of {@code unkLen}
     * bytes (0: none); returns the new pending length. Without an unknown token the symbol is dropped.
     */
    private int unknown(Scratch s, int unkLen, int len) {
        if (unkId < 0) {
            return unkLen;
        }
        if (unkLen > 0 && fuseUnk) {
            return unkLen + len;
        }
        if (unkLen > 0) {
            s.add(unkId, unkLen);
        }
        return len;
    }

    @Override
    public String toString() {
        return "Bpe[" + vocabulary.tokenCount() + " tokens, " + merges.size() + " merges"
                + (byteLevel ? ", byte-level" : "") + "]";
    }

    /** Options of a {@link Bpe}, named as in Hugging Face's tokenizer.json. */
    public static final class Builder {
        private final Vocabulary vocabulary;
        private final MergeTable merges;
        private String unkToken;
        private String continuingSubwordPrefix;
        private String endOfWordSuffix;
        private boolean fuseUnk;
        private boolean byteFallback;
        private boolean ignoreMerges;
        private Float dropout;
        private boolean byteLevel;
        private int cacheCapacity = DEFAULT_CACHE_CAPACITY;

        private Builder(Vocabulary vocabulary, MergeTable merges) {
            this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
            this.merges = Objects.requireNonNull(merges, "merges");
        }

        /** The unknown token ({@code null}: characters not in the vocabulary are dropped, as HF does). */
        public Builder unkToken(String unkToken) {
            this.unkToken = unkToken;
            return this;
        }

        public Builder continuingSubwordPrefix(String prefix) {
            this.continuingSubwordPrefix = prefix;
            return this;
        }

        public Builder endOfWordSuffix(String suffix) {
            this.endOfWordSuffix = suffix;
            return this;
        }

        public Builder fuseUnk(boolean fuseUnk) {
            this.fuseUnk = fuseUnk;
            return this;
        }

        public Builder byteFallback(boolean byteFallback) {
            this.byteFallback = byteFallback;
            return this;
        }

        public Builder ignoreMerges(boolean ignoreMerges) {
            this.ignoreMerges = ignoreMerges;
            return this;
        }

        /**
         * Hugging Face's {@code dropout} field, kept for writing back. Merging applies it only through
         * {@link io.subword.Tokenizer#withSampling} (seeded); a tokenizer.json with a dropout gets that sampling
         * with seed 0 when read.
         *
         * @throws IllegalArgumentException for a value outside [0, 1]
         */
        public Builder dropout(Float dropout) {
            if (dropout != null && !(dropout >= 0f && dropout <= 1f)) {
                throw new IllegalArgumentException("dropout " + dropout + " is not in [0, 1]");
            }
            this.dropout = dropout;
            return this;
        }

        /** Whether the model reads UTF-8 bytes, each starting as its byte-level character's token. */
        public Builder byteLevel(boolean byteLevel) {
            this.byteLevel = byteLevel;
            return this;
        }

        /**
         * Words cached per thread (default {@value #DEFAULT_CACHE_CAPACITY}, 0 turns the cache off).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder cacheCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("cache capacity " + capacity + " is negative");
            }
            this.cacheCapacity = capacity;
            return this;
        }

        public Bpe build() {
            return new Bpe(this);
        }
    }
}
