package io.subword.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Every component codec this library ships, the one list to extend when a component type is added: write
 * a {@link ComponentCodec} (usually a constant made with {@link ComponentCodec#of}) next to the others of
 * its stage and add it to its stage's list below.
 */
final class BuiltinCodecs {
    private BuiltinCodecs() {
    }

    static List<ComponentCodec<?>> all() {
        List<ComponentCodec<?>> all = new ArrayList<>();
        all.addAll(NormalizerCodecs.ALL);
        all.addAll(PrecompiledCodec.ALL);
        all.addAll(PreTokenizerCodecs.ALL);
        all.addAll(ModelCodecs.ALL);
        all.addAll(WordLevelCodec.ALL);
        all.addAll(PostProcessorCodecs.ALL);
        all.addAll(DecoderCodecs.ALL);
        return all;
    }
}
