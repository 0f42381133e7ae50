package io.subword.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hugging Face's {@code BPEDecoder}, the decoder of char-level BPE with an end-of-word suffix (subword-nmt's
 * {@code </w>}, HF's {@code CharBPETokenizer}): every occurrence of the suffix in a token becomes a space, except
 * in the last token, where it is removed.
 */
public final class BpeDecoder implements ChainDecoder {
    /** The suffix Hugging Face uses by default. */
    public static final String DEFAULT_SUFFIX = "</w>";

    private final String suffix;

    /**
     * @throws IllegalArgumentException if {@code suffix} is empty
     */
    public BpeDecoder(String suffix) {
        Objects.requireNonNull(suffix, "suffix");
        if (suffix.isEmpty()) {
            throw new IllegalArgumentException("the end-of-word suffix of a BPEDecoder must not be empty");
        }
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int last = tokens.size() - 1;
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i).replace(suffix, i == last ? "" : " "));
        }
        return out;
    }

    @Override
    public String toString() {
        return "BpeDecoder[" + suffix + "]";
    }
}
