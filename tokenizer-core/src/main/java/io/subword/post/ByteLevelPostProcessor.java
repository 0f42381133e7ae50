package io.subword.post;

import io.subword.Encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's {@code ByteLevel} post-processor: adds no special tokens; with {@code trimOffsets} narrows each
 * token's offsets to leave out its leading and trailing spaces (see Hugging Face's {@code process_offsets}), keeping
 * the one space the pre-tokenizer added in front of the first token when {@code addPrefixSpace} is set. A pair is
 * joined with the second text's type ids set to 1, as Hugging Face encodes a pair's second sequence.
 *
 * <p>Chainable ({@link SequenceProcessing}): in a chain it only trims the offsets of each encoding and of its
 * overflowing parts, as Hugging Face's {@code process_encodings} does.
 */
public final class ByteLevelPostProcessor implements ChainablePostProcessor {
    private final boolean trimOffsets;
    private final boolean addPrefixSpace;

    /** Hugging Face's defaults: both true. */
    public ByteLevelPostProcessor() {
        this(true, true);
    }

    private ByteLevelPostProcessor(boolean trimOffsets, boolean addPrefixSpace) {
        this.trimOffsets = trimOffsets;
        this.addPrefixSpace = addPrefixSpace;
    }

    /** GPT-2's (the hub's {@code gpt2} tokenizer.json): offsets not trimmed, so a token {@code Ġworld} covers its space. */
    public static ByteLevelPostProcessor gpt2() {
        return new ByteLevelPostProcessor(false, true);
    }

    /** This post-processor with {@code trim_offsets} set to {@code trimOffsets}. */
    public ByteLevelPostProcessor withTrimOffsets(boolean trimOffsets) {
        return new ByteLevelPostProcessor(trimOffsets, addPrefixSpace);
    }

    /** This post-processor with {@code add_prefix_space} set to {@code addPrefixSpace}. */
    public ByteLevelPostProcessor withAddPrefixSpace(boolean addPrefixSpace) {
        return new ByteLevelPostProcessor(trimOffsets, addPrefixSpace);
    }

    public boolean trimOffsets() {
        return trimOffsets;
    }

    public boolean addPrefixSpace() {
        return addPrefixSpace;
    }

    @Override
    public int addedTokens(boolean pair) {
        return 0;
    }

    @Override
    public Encoding process(Encoding first, Encoding second, boolean addSpecialTokens) {
        Encoding a = trimOffsets ? OffsetTrimming.trim(first, addPrefixSpace) : first;
        if (second == null) {
            return a;
        }
        Encoding b = trimOffsets ? OffsetTrimming.trim(second, addPrefixSpace) : second;
        return Encoding.mergePair(a, b.withSequenceId(1).withTypeId(1));
    }

    @Override
    public List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
        if (!trimOffsets) {
            return encodings;
        }
        List<Encoding> out = new ArrayList<>(encodings.size());
        for (Encoding e : encodings) {
            out.add(OffsetTrimming.trim(e, addPrefixSpace));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ByteLevelPostProcessor[trimOffsets=" + trimOffsets + ", addPrefixSpace=" + addPrefixSpace + "]";
    }
}
