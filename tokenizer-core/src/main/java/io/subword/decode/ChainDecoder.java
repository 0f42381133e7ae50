package io.subword.decode;

import java.util.List;

/**
 * A decoder that maps a list of tokens to a list of strings, so that decoders can be chained
 * ({@link SequenceDecoder}), as Hugging Face's {@code Decoder::decode_chain}. Decoding is the concatenation of
 * the chain's output.
 */
public interface ChainDecoder extends Decoder {
    /** The tokens after this step; the input list is not modified. */
    List<String> decodeChain(List<String> tokens);

    @Override
    default String decode(List<String> tokens) {
        return String.join("", decodeChain(tokens));
    }
}
