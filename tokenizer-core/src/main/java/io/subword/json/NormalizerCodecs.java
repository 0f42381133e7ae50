package io.subword.json;

import io.subword.normalize.BertNormalizer;
import io.subword.normalize.NormalizerSequence;
import io.subword.normalize.Normalizer;

import java.util.List;

/** Codecs of the normalizers: {@code BertNormalizer} and {@code Sequence}. */
final class NormalizerCodecs {
    private NormalizerCodecs() {
    }

    /** {@code {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":true}} */
    static final ComponentCodec<Normalizer> BERT = ComponentCodec.of(Stage.NORMALIZER, "BertNormalizer",
            BertNormalizer.class,
            in -> new BertNormalizer(in.bool("clean_text"), in.bool("handle_chinese_chars"),
                    in.nullableBool("strip_accents"), in.bool("lowercase")),
            (n, out, codecs) -> {
                out.put("clean_text", n.cleanText());
                out.put("handle_chinese_chars", n.handleChineseChars());
                if (n.stripAccents() == null) {
                    out.putNull("strip_accents");
                } else {
                    out.put("strip_accents", n.stripAccents());
                }
                out.put("lowercase", n.lowercase());
            });

    /** {@code {"type":"Sequence","normalizers":[...]}} */
    static final ComponentCodec<Normalizer> SEQUENCE = ComponentCodec.of(Stage.NORMALIZER, "Sequence",
            NormalizerSequence.class,
            in -> new NormalizerSequence(in.components(Stage.NORMALIZER, "normalizers")),
            (s, out, codecs) -> out.set("normalizers", codecs.writeAll(Stage.NORMALIZER, s.normalizers())));

    static final List<ComponentCodec<?>> ALL = List.of(BERT, SEQUENCE);
}
