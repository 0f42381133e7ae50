package io.subword.testkit;

import java.util.Arrays;
import java.util.List;

/**
 * One encoding as the reference (Hugging Face tokenizers through DJL) reports it, in plain arrays so that testkit
 * needs no project type. All arrays have one element per token.
 *
 * @param ids               token ids
 * @param tokens            token strings (for messages)
 * @param typeIds           segment (type) ids: 0 for the first text, 1 for the second of a pair, as the template says
 * @param starts            start offset of each token in <b>Unicode code points</b> (Rust {@code char}s) of the text
 *                          it came from; 0 for special and padding tokens
 * @param ends              end offset (exclusive), same unit; 0 for special and padding tokens
 * @param attentionMask     1 for real tokens, 0 for padding
 * @param specialTokensMask 1 for special tokens added by the post-processor and for padding, else 0
 * @param wordIds           index of the word (pre-tokenizer split) of each token within its text, -1 for special
 *                          and padding tokens
 * @param sequenceIds       0 or 1 for tokens from the first or second text, -1 for special and padding tokens
 * @param overflowing       the parts cut off by truncation, each a full encoding (with special tokens as
 *                          configured); empty when nothing was cut
 */
public record RefEncoding(int[] ids, String[] tokens, int[] typeIds, int[] starts, int[] ends, int[] attentionMask,
                          int[] specialTokensMask, int[] wordIds, int[] sequenceIds, List<RefEncoding> overflowing) {

    public int size() {
        return ids.length;
    }

    /** The ids as {@code long}s, as DJL's decode takes them. */
    public long[] longIds() {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    /** {@code token(start,end) token(start,end) ...}, the form mismatch reports use. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(tokens[i]).append('/').append(ids[i]).append('(').append(starts[i]).append(',')
                    .append(ends[i]).append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefEncoding r && Arrays.equals(ids, r.ids) && Arrays.equals(tokens, r.tokens)
                && Arrays.equals(typeIds, r.typeIds) && Arrays.equals(starts, r.starts)
                && Arrays.equals(ends, r.ends) && Arrays.equals(attentionMask, r.attentionMask)
                && Arrays.equals(specialTokensMask, r.specialTokensMask) && Arrays.equals(wordIds, r.wordIds)
                && Arrays.equals(sequenceIds, r.sequenceIds) && overflowing.equals(r.overflowing);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids) * 31 + Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return "RefEncoding[" + describe() + "]";
    }
}
