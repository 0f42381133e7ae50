package io.subword.decode;

import java.util.List;

/** Hugging Face's {@code Fuse} decoder: all tokens joined into one string. */
public final class FuseDecoder implements ChainDecoder {
    public static final FuseDecoder INSTANCE = new FuseDecoder();

    @Override
    public List<String> decodeChain(List<String> tokens) {
        return List.of(String.join("", tokens));
    }
}
