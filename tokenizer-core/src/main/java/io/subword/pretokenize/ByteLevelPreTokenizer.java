package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;

/**
 * Hugging Face's {@code ByteLevel} pre-tokenizer: optionally prepends a space, then splits with the GPT-2
 * pattern ({@link SplitPattern#GPT2}). The mapping of each word to its byte-level characters is the byte-level
 * BPE model's job; this stage only decides the words.
 *
 * <p>With {@code addPrefixSpace}, a text that does not start with a space gets one, standing for the original
 * range of the text's first character (as Hugging Face's {@code NormalizedString::prepend} aligns it), so a first
 * token {@code Ġhello} has the offsets of {@code hello}. Like Hugging Face, this happens once per segment
 * between added tokens. {@code trimOffsets} is not used here; it belongs to the post-processor and is kept so that
 * the {@code tokenizer.json} object round-trips.
 */
public final class ByteLevelPreTokenizer implements PreTokenizer {
    private final boolean addPrefixSpace;
    private final boolean trimOffsets;
    private final boolean useRegex;

    /** Hugging Face's defaults: {@code add_prefix_space}, {@code trim_offsets} and {@code use_regex} all true. */
    public ByteLevelPreTokenizer() {
        this(true, true, true);
    }

    private ByteLevelPreTokenizer(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this.addPrefixSpace = addPrefixSpace;
        this.trimOffsets = trimOffsets;
        this.useRegex = useRegex;
    }

    /** GPT-2's: the GPT-2 split pattern, no prefix space (the hub's {@code gpt2} tokenizer.json). */
    public static ByteLevelPreTokenizer gpt2() {
        return new ByteLevelPreTokenizer(false, true, true);
    }

    /**
     * Bytes only: no prefix space and no split of its own, for after a {@code Split} that already cut the words
     * (tiktoken's cl100k and o200k, Llama 3).
     */
    public static ByteLevelPreTokenizer afterSplit() {
        return new ByteLevelPreTokenizer(false, true, false);
    }

    /** This pre-tokenizer with {@code add_prefix_space} set to {@code addPrefixSpace}. */
    public ByteLevelPreTokenizer withAddPrefixSpace(boolean addPrefixSpace) {
        return new ByteLevelPreTokenizer(addPrefixSpace, trimOffsets, useRegex);
    }

    /** This pre-tokenizer with {@code trim_offsets} (kept only for the file) set to {@code trimOffsets}. */
    public ByteLevelPreTokenizer withTrimOffsets(boolean trimOffsets) {
        return new ByteLevelPreTokenizer(addPrefixSpace, trimOffsets, useRegex);
    }

    /** This pre-tokenizer splitting with the GPT-2 pattern or ({@code false}) not at all. */
    public ByteLevelPreTokenizer withUseRegex(boolean useRegex) {
        return new ByteLevelPreTokenizer(addPrefixSpace, trimOffsets, useRegex);
    }

    public boolean addPrefixSpace() {
        return addPrefixSpace;
    }

    public boolean trimOffsets() {
        return trimOffsets;
    }

    public boolean useRegex() {
        return useRegex;
    }

    @Override
    public boolean isByteLevel() {
        return true;
    }

    @Override
    public NormalizedText prepare(NormalizedText text) {
        if (!addPrefixSpace || text.length() == 0 || text.text().charAt(0) == ' ') {
            return text;
        }
        return Prepend.prepend(text, ' ');
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        if (useRegex) {
            Gpt2Scanner.scan(text, start, end, out);
        } else if (end > start) {
            out.add(start, end);
        }
    }

    @Override
    public String toString() {
        return "ByteLevel[addPrefixSpace=" + addPrefixSpace + ", trimOffsets=" + trimOffsets + ", useRegex="
                + useRegex + "]";
    }
}
