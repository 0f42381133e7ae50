package io.subword.json;

import io.subword.decode.BpeDecoder;
import io.subword.decode.ByteFallbackDecoder;
import io.subword.decode.ByteLevelDecoder;
import io.subword.decode.CtcDecoder;
import io.subword.decode.Decoder;
import io.subword.decode.FuseDecoder;
import io.subword.decode.MetaspaceDecoder;
import io.subword.decode.ReplaceDecoder;
import io.subword.decode.SequenceDecoder;
import io.subword.decode.StripDecoder;
import io.subword.decode.WordPieceDecoder;

import java.util.List;

/**
 * Codecs of the decoders: {@code WordPiece}, {@code ByteLevel}, {@code Metaspace}, {@code ByteFallback},
 * {@code Fuse}, {@code Strip}, {@code Replace}, {@code Sequence}, {@code BPEDecoder}, {@code CTC}.
 */
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

    /**
     * {@code {"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}}: the flags do not
     * change decoding; they are kept to be written back.
     */
    static final ComponentCodec<Decoder> BYTE_LEVEL = ComponentCodec.of(Stage.DECODER, "ByteLevel",
            ByteLevelDecoder.class,
            in -> new ByteLevelDecoder(in.optBool("add_prefix_space", true), in.optBool("trim_offsets", true),
                    in.optBool("use_regex", true)),
            (d, out, codecs) -> {
                out.put("add_prefix_space", d.addPrefixSpace());
                out.put("trim_offsets", d.trimOffsets());
                out.put("use_regex", d.useRegex());
            });

    /** {@code {"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}} */
    static final ComponentCodec<Decoder> METASPACE = ComponentCodec.of(Stage.DECODER, "Metaspace",
            MetaspaceDecoder.class,
            in -> {
                PreTokenizerCodecs.MetaspaceFields f = PreTokenizerCodecs.metaspace(in);
                return new MetaspaceDecoder(f.replacement(), f.scheme(), f.split());
            },
            (d, out, codecs) -> PreTokenizerCodecs.writeMetaspace(out, d.replacement(), d.prependScheme(),
                    d.split()));

    /** {@code {"type":"ByteFallback"}} */
    static final ComponentCodec<Decoder> BYTE_FALLBACK = ComponentCodec.singleton(Stage.DECODER, "ByteFallback",
            ByteFallbackDecoder.class, () -> ByteFallbackDecoder.INSTANCE);

    /** {@code {"type":"Fuse"}} */
    static final ComponentCodec<Decoder> FUSE = ComponentCodec.singleton(Stage.DECODER, "Fuse",
            FuseDecoder.class, () -> FuseDecoder.INSTANCE);

    /** {@code {"type":"Strip","content":" ","start":1,"stop":0}} */
    static final ComponentCodec<Decoder> STRIP = ComponentCodec.of(Stage.DECODER, "Strip",
            StripDecoder.class,
            in -> new StripDecoder(JsonPatterns.readChar(in, "content"), in.integer("start"), in.integer("stop")),
            (d, out, codecs) -> {
                out.put("content", new String(Character.toChars(d.content())));
                out.put("start", d.start());
                out.put("stop", d.stop());
            });

    /** {@code {"type":"Replace","pattern":{"String":"▁"},"content":" "}} */
    static final ComponentCodec<Decoder> REPLACE = ComponentCodec.of(Stage.DECODER, "Replace",
            ReplaceDecoder.class,
            in -> {
                JsonPatterns.Pattern p = JsonPatterns.read(in, "pattern");
                String content = in.string("content");
                try {
                    return new ReplaceDecoder(p.text(), p.regex(), content);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(in.pathOf("pattern"), e.getMessage());
                }
            },
            (d, out, codecs) -> {
                out.set("pattern", JsonPatterns.write(d.pattern(), d.isRegex()));
                out.put("content", d.content());
            });

    /** {@code {"type":"Sequence","decoders":[...]}} */
    static final ComponentCodec<Decoder> SEQUENCE = ComponentCodec.of(Stage.DECODER, "Sequence",
            SequenceDecoder.class,
            in -> new SequenceDecoder(in.components(Stage.DECODER, "decoders")),
            (s, out, codecs) -> out.set("decoders", codecs.writeAll(Stage.DECODER, s.members())));

    /** {@code {"type":"BPEDecoder","suffix":"</w>"}} (char-level BPE with an end-of-word suffix) */
    static final ComponentCodec<Decoder> BPE = ComponentCodec.of(Stage.DECODER, "BPEDecoder", BpeDecoder.class,
            in -> {
                String suffix = in.optString("suffix", BpeDecoder.DEFAULT_SUFFIX);
                try {
                    return new BpeDecoder(suffix);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(in.pathOf("suffix"), e.getMessage());
                }
            },
            (d, out, codecs) -> out.put("suffix", d.suffix()));

    /** {@code {"type":"CTC","pad_token":"<pad>","word_delimiter_token":"|","cleanup":true}} */
    static final ComponentCodec<Decoder> CTC = ComponentCodec.of(Stage.DECODER, "CTC", CtcDecoder.class,
            in -> new CtcDecoder(in.optString("pad_token", CtcDecoder.DEFAULT.padToken()),
                    in.optString("word_delimiter_token", CtcDecoder.DEFAULT.wordDelimiterToken()),
                    in.optBool("cleanup", CtcDecoder.DEFAULT.cleanup())),
            (d, out, codecs) -> {
                out.put("pad_token", d.padToken());
                out.put("word_delimiter_token", d.wordDelimiterToken());
                out.put("cleanup", d.cleanup());
            });

    static final List<ComponentCodec<?>> ALL = List.of(WORD_PIECE, BYTE_LEVEL, METASPACE, BYTE_FALLBACK, FUSE,
            STRIP, REPLACE, SEQUENCE, BPE, CTC);
}
