package io.subword.json;

import io.subword.decode.Decoder;
import io.subword.decode.WordPieceDecoder;

import java.util.List;

/** Codecs of the decoders: {@code WordPiece}. */
final class DecoderCodecs {
    private DecoderCodecs() {
    }

    /** {@code {"type":"WordPiece","prefix":"##","cleanup":true}} */
    static final ComponentCodec<Decoder> WORD_PIECE = ComponentCodec.of(Stage.DECODER, "WordPiece",
            WordPieceDecoder.class,
            in -> new WordPieceDecoder(in.string("prefix"), in.bool("cleanup")),
            (d, out, codecs) -> {
                out.put("prefix", d.prefix());
                out.put("cleanup", d.cleanup());
            });

    static final List<ComponentCodec<?>> ALL = List.of(WORD_PIECE);
}
