package io.subword.post;

import io.subword.Encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * A post-processor that works on the list of encodings before they are merged, as Hugging Face's
 * {@code process_encodings} does, so that several can run one after another ({@link SequenceProcessing}).
 *
 * <p>{@link #process} follows Hugging Face's default: each input {@code i} (0 for the first text, 1 for the
 * second) gets sequence id {@code i} and type id {@code i}, its overflowing parts too; then
 * {@link #processEncodings} runs; then the resulting encodings are merged left to right with
 * {@link Encoding#mergePair}, which pairs overflowing parts the way Hugging Face's {@code merge_with} does.
 *
 * <p>Hugging Face sets type id {@code i} on the overflowing parts when it encodes the text (the pair is
 * encoded with type id 1), not in the post-processor; doing it here gives the same result without relying
 * on the caller.
 */
public interface ChainablePostProcessor extends PostProcessor {
    /**
     * The encodings with special tokens added (or, with {@code addSpecialTokens} false, only type ids set).
     * The result may hold more or fewer encodings than the input; they are merged in order.
     */
    List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens);

    @Override
    default Encoding process(Encoding first, Encoding second, boolean addSpecialTokens) {
        List<Encoding> inputs = second == null
                ? List.of(asSequence(first, 0))
                : List.of(asSequence(first, 0), asSequence(second, 1));
        List<Encoding> out = processEncodings(inputs, addSpecialTokens);
        if (out.isEmpty()) {
            return Encoding.empty(first.vocabulary(), null);
        }
        Encoding merged = out.get(0);
        for (int i = 1; i < out.size(); i++) {
            merged = Encoding.mergePair(merged, out.get(i));
        }
        return merged;
    }

    /** {@code e} and its overflowing parts with sequence id and type id {@code seq}. */
    static Encoding asSequence(Encoding e, int seq) {
        List<Encoding> over = e.overflowing();
        Encoding main = e.withSequenceId(seq).withTypeId(seq);
        if (over.isEmpty()) {
            return main;
        }
        List<Encoding> parts = new ArrayList<>(over.size());
        for (Encoding o : over) {
            parts.add(o.withSequenceId(seq).withTypeId(seq));
        }
        return main.withOverflowing(parts);
    }
}
