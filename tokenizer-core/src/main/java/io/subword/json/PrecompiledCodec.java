package io.subword.json;

import io.subword.normalize.Normalizer;
import io.subword.normalize.Precompiled;

import java.util.Base64;
import java.util.List;

/** The codec of the {@code Precompiled} normalizer (SentencePiece's charsmap, as converted models carry it). */
final class PrecompiledCodec {
    private PrecompiledCodec() {
    }

    /** {@code {"type":"Precompiled","precompiled_charsmap":"<base64>"}} */
    static final ComponentCodec<Normalizer> PRECOMPILED = ComponentCodec.of(Stage.NORMALIZER, "Precompiled",
            Precompiled.class,
            in -> {
                String place = in.pathOf("precompiled_charsmap");
                String base64 = in.string("precompiled_charsmap");
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(base64);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(place, "not base64: " + e.getMessage());
                }
                try {
                    return Precompiled.of(bytes);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(place, e.getMessage());
                }
            },
            (n, out, codecs) -> out.put("precompiled_charsmap",
                    Base64.getEncoder().encodeToString(n.charsMap().bytes())));

    static final List<ComponentCodec<?>> ALL = List.of(PRECOMPILED);
}
