package io.subword;

import io.subword.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The result of encoding one text or a pair: ids and, for each token, its type id, offsets into the text
 * it came from, the word it belongs to, and the masks a model needs. Immutable.
 *
 * <p>Offsets are UTF-16 indices into the caller's {@code String} of the token's own sequence (for a pair,
 * tokens of the second text point into the second text); {@link #offsets(OffsetUnit)} converts them to
 * code points or UTF-8 bytes. Special and padding tokens have offsets {@code (0, 0)}, word id {@code -1}
 * and sequence id {@code -1}.
 *
 * <p>The operations that return a new encoding ({@link #slice}, {@link #concat}, {@link #padded},
 * {@link #withTypeId}) are the building blocks of truncation, post-processing and padding.
 */
public final class Encoding {
    private final Vocabulary vocabulary;
    private final String[] texts;
    private final int[] ids;
    private final int[] typeIds;
    private final int[] starts;
    private final int[] ends;
    private final int[] wordIds;
    private final int[] sequenceIds;
    private final int[] specialTokensMask;
    private final int[] attentionMask;
    private final List<Encoding> overflowing;

    private Encoding(Vocabulary vocabulary, String[] texts, int[] ids, int[] typeIds, int[] starts, int[] ends,
                     int[] wordIds, int[] sequenceIds, int[] specialTokensMask, int[] attentionMask,
                     List<Encoding> overflowing) {
        this.vocabulary = vocabulary;
        this.texts = texts;
        this.ids = ids;
        this.typeIds = typeIds;
        this.starts = starts;
        this.ends = ends;
        this.wordIds = wordIds;
        this.sequenceIds = sequenceIds;
        this.specialTokensMask = specialTokensMask;
        this.attentionMask = attentionMask;
        this.overflowing = overflowing;
        assert ids.length == typeIds.length && ids.length == starts.length && ids.length == ends.length
                && ids.length == wordIds.length && ids.length == sequenceIds.length
                && ids.length == specialTokensMask.length && ids.length == attentionMask.length;
    }

    /**
     * The encoding of one sequence of text tokens, as the model produced them: type id 0, attention 1,
     * no special tokens, sequence id 0.
     *
     * @param text    the caller's text the offsets point into
     * @param ids     token ids
     * @param starts  UTF-16 start offsets into {@code text}
     * @param ends    UTF-16 end offsets into {@code text}
     * @param wordIds the index of each token's word, or -1
     */
    public static Encoding ofSequence(Vocabulary vocabulary, String text, int[] ids, int[] starts, int[] ends,
                                      int[] wordIds) {
        // copies: the caller keeps its arrays and may change them; an Encoding never changes
        return owningSequence(vocabulary, text, ids.clone(), starts.clone(), ends.clone(), wordIds.clone());
    }

    /** {@link #ofSequence} that takes ownership of arrays nobody else holds (the tokenizer's fresh copies). */
    static Encoding owningSequence(Vocabulary vocabulary, String text, int[] ids, int[] starts, int[] ends,
                                   int[] wordIds) {
        if (ids.length != starts.length || ids.length != ends.length || ids.length != wordIds.length) {
            throw new IllegalArgumentException("ids, starts, ends and wordIds differ in length: " + ids.length
                    + ", " + starts.length + ", " + ends.length + ", " + wordIds.length);
        }
        int n = ids.length;
        int[] zeros = constant(n, 0);
        return new Encoding(vocabulary, new String[] {text, null}, ids, zeros, starts, ends, wordIds,
                zeros, zeros, constant(n, 1), List.of());
    }

    /**
     * One text's encoding over arrays nobody else changes: the tokenizer's fresh copies, and per-length arrays
     * that {@link SingleTextFrame} shares between encodings (as {@link #constant} does).
     */
    static Encoding owningFramed(Vocabulary vocabulary, String text, int[] ids, int[] typeIds, int[] starts,
                                 int[] ends, int[] wordIds, int[] sequenceIds, int[] specialTokensMask,
                                 int[] attentionMask) {
        return new Encoding(vocabulary, new String[] {text, null}, ids, typeIds, starts, ends, wordIds, sequenceIds,
                specialTokensMask, attentionMask, List.of());
    }

    /*
     * Arrays of all 0 or all 1 of one length, shared: an encoding never writes into its arrays (every accessor
     * returns a copy and every operation builds new arrays), so sequences of the same length can share them,
     * which saves four allocations per encode on the hot path.
     */
    private static final int SHARED_MAX = 1024;
    private static final Shared[] SHARED_ZEROS = new Shared[SHARED_MAX + 1];
    private static final Shared[] SHARED_ONES = new Shared[SHARED_MAX + 1];

    /** Publishes an array through a final field, so a thread that sees the holder sees the filled array. */
    private record Shared(int[] array) {
    }

    private static int[] constant(int n, int value) {
        if (n > SHARED_MAX) {
            int[] a = new int[n];
            if (value != 0) {
                Arrays.fill(a, value);
            }
            return a;
        }
        Shared[] cache = value == 0 ? SHARED_ZEROS : SHARED_ONES;
        Shared shared = cache[n];
        if (shared == null) {
            int[] a = new int[n];
            if (value != 0) {
                Arrays.fill(a, value);
            }
            shared = new Shared(a);
            cache[n] = shared; // a benign race: any thread's array is as good as another's
        }
        return shared.array();
    }

    /** One special token (such as {@code [CLS]}): offsets (0, 0), no word, special mask 1, attention 1. */
    public static Encoding ofSpecial(Vocabulary vocabulary, int id, int typeId) {
        return new Encoding(vocabulary, new String[] {null, null}, new int[] {id}, new int[] {typeId},
                new int[1], new int[1], new int[] {-1}, new int[] {-1}, new int[] {1}, new int[] {1}, List.of());
    }

    /** An encoding with no tokens. */
    public static Encoding empty(Vocabulary vocabulary, String text) {
        return ofSequence(vocabulary, text, new int[0], new int[0], new int[0], new int[0]);
    }

    public int size() {
        return ids.length;
    }

    public int[] ids() {
        return ids.clone();
    }

    public int id(int i) {
        return ids[i];
    }

    public int[] typeIds() {
        return typeIds.clone();
    }

    /** Token strings, as the vocabulary spells them ({@code ##ing}, {@code Ġhello}). */
    public List<String> tokens() {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(vocabulary.token(id));
        }
        return tokens;
    }

    /** Offsets as UTF-16 indices into the caller's strings. */
    public Offsets offsets() {
        return new Offsets(OffsetUnit.UTF16, starts.clone(), ends.clone());
    }

    /** Offsets in {@code unit}, converted from the UTF-16 offsets with one pass over each text. */
    public Offsets offsets(OffsetUnit unit) {
        if (unit == OffsetUnit.UTF16) {
            return offsets();
        }
        int[] s = new int[ids.length];
        int[] e = new int[ids.length];
        int[][] tables = new int[2][];
        for (int i = 0; i < ids.length; i++) {
            int seq = sequenceIds[i];
            if (seq < 0 || texts[seq] == null) {
                continue;
            }
            if (tables[seq] == null) {
                tables[seq] = indexTable(texts[seq], unit);
            }
            s[i] = tables[seq][starts[i]];
            e[i] = tables[seq][ends[i]];
        }
        return new Offsets(unit, s, e);
    }

    /** For each UTF-16 index 0..length, the index in {@code unit}. A low surrogate maps to its pair's end. */
    static int[] indexTable(String text, OffsetUnit unit) {
        int n = text.length();
        int[] table = new int[n + 1];
        int position = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int units = Character.charCount(cp);
            int width = unit == OffsetUnit.CODE_POINT ? 1
                    : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            table[i] = position;
            position += width;
            if (units == 2) {
                table[i + 1] = position;
            }
            i += units;
        }
        table[n] = position;
        return table;
    }

    /** The word index of each token, or -1 for special and padding tokens. */
    public int[] wordIds() {
        return wordIds.clone();
    }

    /** Which input each token came from: 0 for the first text, 1 for the second, -1 for special and padding. */
    public int[] sequenceIds() {
        return sequenceIds.clone();
    }

    /** 1 for special and padding tokens, 0 for text tokens. */
    public int[] specialTokensMask() {
        return specialTokensMask.clone();
    }

    /** 1 for real tokens, 0 for padding. */
    public int[] attentionMask() {
        return attentionMask.clone();
    }

    /** The parts cut off by truncation, each as its own encoding (with the stride's overlap). */
    public List<Encoding> overflowing() {
        return overflowing;
    }

    /** The caller's text of sequence {@code seq} (0 or 1), or {@code null}. */
    public String text(int seq) {
        return texts[seq];
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Tokens {@code [from, to)}, without overflowing parts. */
    public Encoding slice(int from, int to) {
        return new Encoding(vocabulary, texts, Arrays.copyOfRange(ids, from, to), Arrays.copyOfRange(typeIds, from, to),
                Arrays.copyOfRange(starts, from, to), Arrays.copyOfRange(ends, from, to),
                Arrays.copyOfRange(wordIds, from, to), Arrays.copyOfRange(sequenceIds, from, to),
                Arrays.copyOfRange(specialTokensMask, from, to), Arrays.copyOfRange(attentionMask, from, to),
                List.of());
    }

    /** This encoding with the given overflowing parts. */
    public Encoding withOverflowing(List<Encoding> parts) {
        return new Encoding(vocabulary, texts, ids, typeIds, starts, ends, wordIds, sequenceIds, specialTokensMask,
                attentionMask, List.copyOf(parts));
    }

    /**
     * The same tokens with other UTF-16 offsets (as a post-processor that trims offsets computes them), keeping
     * everything else including the overflowing parts.
     */
    public Encoding withOffsets(int[] newStarts, int[] newEnds) {
        if (newStarts.length != ids.length || newEnds.length != ids.length) {
            throw new IllegalArgumentException("offsets for " + newStarts.length + " tokens, encoding has "
                    + ids.length);
        }
        return new Encoding(vocabulary, texts, ids, typeIds, newStarts.clone(), newEnds.clone(), wordIds,
                sequenceIds, specialTokensMask, attentionMask, overflowing);
    }

    /** Every token's type id set to {@code typeId}. */
    public Encoding withTypeId(int typeId) {
        int[] t = new int[ids.length];
        Arrays.fill(t, typeId);
        return new Encoding(vocabulary, texts, ids, t, starts, ends, wordIds, sequenceIds, specialTokensMask,
                attentionMask, overflowing);
    }

    /** Text tokens marked as coming from sequence {@code seq} (0 or 1); special tokens keep -1. */
    public Encoding withSequenceId(int seq) {
        int[] s = sequenceIds.clone();
        String[] t = {null, null};
        for (int i = 0; i < s.length; i++) {
            if (s[i] >= 0) {
                s[i] = seq;
            }
        }
        t[seq] = texts[0] != null ? texts[0] : texts[1];
        return new Encoding(vocabulary, t, ids, typeIds, starts, ends, wordIds, s, specialTokensMask,
                attentionMask, overflowing);
    }

    /**
     * The parts one after another. Each part's tokens keep their sequence ids and offsets; the texts are
     * taken from the parts. Overflowing parts are dropped.
     */
    public static Encoding concat(List<Encoding> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        int n = 0;
        for (Encoding p : parts) {
            n += p.size();
        }
        int[] ids = new int[n], typeIds = new int[n], starts = new int[n], ends = new int[n], words = new int[n],
                seqs = new int[n], special = new int[n], attention = new int[n];
        String[] texts = {null, null};
        int at = 0;
        for (Encoding p : parts) {
            int m = p.size();
            System.arraycopy(p.ids, 0, ids, at, m);
            System.arraycopy(p.typeIds, 0, typeIds, at, m);
            System.arraycopy(p.starts, 0, starts, at, m);
            System.arraycopy(p.ends, 0, ends, at, m);
            System.arraycopy(p.wordIds, 0, words, at, m);
            System.arraycopy(p.sequenceIds, 0, seqs, at, m);
            System.arraycopy(p.specialTokensMask, 0, special, at, m);
            System.arraycopy(p.attentionMask, 0, attention, at, m);
            for (int s = 0; s < 2; s++) {
                if (p.texts[s] != null) {
                    texts[s] = p.texts[s];
                }
            }
            at += m;
        }
        return new Encoding(parts.get(0).vocabulary, texts, ids, typeIds, starts, ends, words, seqs, special,
                attention, List.of());
    }

    /**
     * {@code first} followed by {@code second}, with Hugging Face's rule for overflowing parts: every
     * overflowing part of the first is paired with the second and with each of its overflowing parts, then
     * the first is paired with each overflowing part of the second.
     */
    public static Encoding mergePair(Encoding first, Encoding second) {
        List<Encoding> over = new ArrayList<>();
        for (Encoding o : first.overflowing) {
            over.add(mergePair(o, second.slice(0, second.size())));
            for (Encoding p : second.overflowing) {
                over.add(mergePair(o, p));
            }
        }
        for (Encoding p : second.overflowing) {
            over.add(mergePair(first.slice(0, first.size()), p));
        }
        return concat(List.of(first, second)).withOverflowing(over);
    }

    /**
     * Padded to {@code length} tokens with {@code padId} (type id {@code padTypeId}, attention 0, special 1,
     * offsets (0, 0)), on the right or the left. Overflowing parts are padded too, as Hugging Face does;
     * tokens beyond {@code length} are kept.
     */
    public Encoding padded(int length, int padId, int padTypeId, boolean left) {
        if (ids.length >= length) {
            if (overflowing.isEmpty()) {
                return this;
            }
            List<Encoding> over = new ArrayList<>(overflowing.size());
            for (Encoding o : overflowing) {
                over.add(o.padded(length, padId, padTypeId, left));
            }
            return withOverflowing(over);
        }
        int n = length;
        int pad = n - ids.length;
        int off = left ? pad : 0;
        int padFrom = left ? 0 : ids.length;
        int[] i2 = new int[n], t2 = new int[n], s2 = new int[n], e2 = new int[n], w2 = new int[n], q2 = new int[n],
                sp2 = new int[n], a2 = new int[n];
        System.arraycopy(ids, 0, i2, off, ids.length);
        System.arraycopy(typeIds, 0, t2, off, ids.length);
        System.arraycopy(starts, 0, s2, off, ids.length);
        System.arraycopy(ends, 0, e2, off, ids.length);
        System.arraycopy(wordIds, 0, w2, off, ids.length);
        System.arraycopy(sequenceIds, 0, q2, off, ids.length);
        System.arraycopy(specialTokensMask, 0, sp2, off, ids.length);
        System.arraycopy(attentionMask, 0, a2, off, ids.length);
        Arrays.fill(i2, padFrom, padFrom + pad, padId);
        Arrays.fill(t2, padFrom, padFrom + pad, padTypeId);
        Arrays.fill(w2, padFrom, padFrom + pad, -1);
        Arrays.fill(q2, padFrom, padFrom + pad, -1);
        Arrays.fill(sp2, padFrom, padFrom + pad, 1);
        List<Encoding> over = new ArrayList<>(overflowing.size());
        for (Encoding o : overflowing) {
            over.add(o.padded(length, padId, padTypeId, left));
        }
        return new Encoding(vocabulary, texts, i2, t2, s2, e2, w2, q2, sp2, a2, List.copyOf(over));
    }

    @Override
    public String toString() {
        return "Encoding" + tokens();
    }
}
