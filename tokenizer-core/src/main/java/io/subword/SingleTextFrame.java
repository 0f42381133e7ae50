package io.subword;

import io.subword.model.TokenBuffer;
import io.subword.post.BertProcessing;
import io.subword.post.PostProcessor;
import io.subword.post.TemplateProcessing;
import io.subword.vocab.Vocabulary;

import java.util.Arrays;

/**
 * What a post-processor that works by position alone ({@link BertProcessing}, {@link TemplateProcessing}) does
 * to one text without overflowing parts: the same special tokens before and after it ({@code [CLS] ... [SEP]})
 * and one type id on its tokens, whatever the text. Read once from the post-processor itself, by processing a
 * one-token probe, so it cannot drift from {@link PostProcessor#process}.
 *
 * <p>Why: the general path builds the sequence's encoding, then one encoding per special token, then
 * concatenates them (about 40 small arrays per text); BERT encodes short lines, where that was about a sixth
 * of the time. {@link #wrap} builds the final arrays once from the tokenizer's scratch buffers, and shares the
 * arrays that depend only on the length (type ids, sequence ids, special mask, attention), as
 * {@link Encoding} shares its constant arrays. Immutable and thread-safe.
 */
final class SingleTextFrame {
    /** Arrays that depend only on the text's token count are shared up to this count. */
    private static final int SHARED_MAX = 512;

    private final int before;
    /** Per special token (those before the text, then those after): its arrays' values. */
    private final int[] ids;
    private final int[] typeIds;
    private final int[] starts;
    private final int[] ends;
    private final int[] wordIds;
    private final int[] sequenceIds;
    private final int[] specialMask;
    private final int[] attention;
    private final int textTypeId;
    private final LengthArrays[] shared = new LengthArrays[SHARED_MAX + 1];

    /** The per-length arrays, published through final fields (a benign race fills the cache). */
    private record LengthArrays(int[] typeIds, int[] sequenceIds, int[] specialMask, int[] attention) {
    }

    private SingleTextFrame(Encoding probed, int at) {
        int n = probed.size();
        this.before = at;
        int[] keep = new int[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != at) {
                keep[k++] = i;
            }
        }
        this.ids = pick(probed.ids(), keep);
        this.typeIds = pick(probed.typeIds(), keep);
        this.starts = pick(probed.offsets().starts(), keep);
        this.ends = pick(probed.offsets().ends(), keep);
        this.wordIds = pick(probed.wordIds(), keep);
        this.sequenceIds = pick(probed.sequenceIds(), keep);
        this.specialMask = pick(probed.specialTokensMask(), keep);
        this.attention = pick(probed.attentionMask(), keep);
        this.textTypeId = probed.typeIds()[at];
    }

    private static int[] pick(int[] values, int[] at) {
        int[] out = new int[at.length];
        for (int k = 0; k < at.length; k++) {
            out[k] = values[at[k]];
        }
        return out;
    }

    /**
     * The frame {@code post} puts around one text (with or without special tokens), or {@code null} when it is
     * not known to work by position alone (others may look at the text, as RoBERTa's offset trimming does).
     */
    static SingleTextFrame of(PostProcessor post, Vocabulary vocabulary, boolean addSpecialTokens) {
        if (post == null || (post.getClass() != BertProcessing.class && post.getClass() != TemplateProcessing.class)) {
            return null;
        }
        // one token with values no special token has, so that it is found again in the result
        Encoding probe = Encoding.ofSequence(vocabulary, "x", new int[] {0}, new int[] {0}, new int[] {1},
                new int[] {0});
        Encoding probed = post.process(probe, null, addSpecialTokens);
        int at = -1;
        for (int i = 0; i < probed.size(); i++) {
            if (probed.wordIds()[i] == 0) {
                if (at >= 0) {
                    return null;
                }
                at = i;
            }
        }
        if (at < 0 || probed.sequenceIds()[at] != 0 || probed.attentionMask()[at] != 1
                || probed.specialTokensMask()[at] != 0 || !probed.overflowing().isEmpty()) {
            return null;
        }
        return new SingleTextFrame(probed, at);
    }

    /**
     * The final encoding of {@code text} whose tokens are the first {@code count} of {@code tokens} with their
     * word ids; the same as {@code post.process} of its sequence encoding.
     */
    Encoding wrap(Vocabulary vocabulary, String text, TokenBuffer tokens, int[] tokenWordIds, int count) {
        int specials = ids.length;
        int n = count + specials;
        int after = before + count;
        int[] outIds = new int[n];
        int[] outStarts = new int[n];
        int[] outEnds = new int[n];
        int[] outWords = new int[n];
        tokens.copyTo(0, count, outIds, outStarts, outEnds, before);
        System.arraycopy(tokenWordIds, 0, outWords, before, count);
        for (int k = 0; k < specials; k++) {
            int i = k < before ? k : after + k - before;
            outIds[i] = ids[k];
            outStarts[i] = starts[k];
            outEnds[i] = ends[k];
            outWords[i] = wordIds[k];
        }
        LengthArrays fixed = count <= SHARED_MAX ? shared[count] : null;
        if (fixed == null) {
            fixed = lengthArrays(count);
            if (count <= SHARED_MAX) {
                shared[count] = fixed;
            }
        }
        return Encoding.owningFramed(vocabulary, text, outIds, fixed.typeIds(), outStarts, outEnds, outWords,
                fixed.sequenceIds(), fixed.specialMask(), fixed.attention());
    }

    /** The ids alone of {@link #wrap}: the frame's special tokens around the first {@code count} of {@code tokens}. */
    int[] wrapIds(TokenBuffer tokens, int count) {
        int[] out = new int[count + ids.length];
        System.arraycopy(ids, 0, out, 0, before);
        for (int i = 0; i < count; i++) {
            out[before + i] = tokens.id(i);
        }
        System.arraycopy(ids, before, out, before + count, ids.length - before);
        return out;
    }

    private LengthArrays lengthArrays(int count) {
        int n = count + ids.length;
        int after = before + count;
        int[] types = new int[n];
        int[] seqs = new int[n];
        int[] special = new int[n];
        int[] att = new int[n];
        Arrays.fill(types, before, after, textTypeId);
        Arrays.fill(att, before, after, 1);
        for (int k = 0; k < ids.length; k++) {
            int i = k < before ? k : after + k - before;
            types[i] = typeIds[k];
            seqs[i] = sequenceIds[k];
            special[i] = specialMask[k];
            att[i] = attention[k];
        }
        return new LengthArrays(types, seqs, special, att);
    }
}
