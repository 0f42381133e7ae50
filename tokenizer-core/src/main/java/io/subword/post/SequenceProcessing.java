package io.subword.post;

import io.subword.Encoding;

import java.util.List;

/**
 * Hugging Face's post-processor {@code Sequence}: runs several post-processors one after another on the
 * list of encodings, then merges the result. The added-token count is the sum of theirs. Immutable.
 *
 * @param processors the steps, in order
 */
public record SequenceProcessing(List<ChainablePostProcessor> processors) implements ChainablePostProcessor {
    public SequenceProcessing {
        processors = List.copyOf(processors);
    }

    @Override
    public int addedTokens(boolean pair) {
        int n = 0;
        for (ChainablePostProcessor p : processors) {
            n += p.addedTokens(pair);
        }
        return n;
    }

    @Override
    public List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
        List<Encoding> current = encodings;
        for (ChainablePostProcessor p : processors) {
            current = p.processEncodings(current, addSpecialTokens);
        }
        return current;
    }
}
