package io.subword.json;

import io.subword.normalize.BertNormalizer;
import io.subword.normalize.ByteLevelNormalizer;
import io.subword.normalize.LowercaseNormalizer;
import io.subword.normalize.NfcNormalizer;
import io.subword.normalize.NfdNormalizer;
import io.subword.normalize.NfkcNormalizer;
import io.subword.normalize.NfkdNormalizer;
import io.subword.normalize.NmtNormalizer;
import io.subword.normalize.NormalizerSequence;
import io.subword.normalize.Normalizer;
import io.subword.normalize.PrependNormalizer;
import io.subword.normalize.ReplaceNormalizer;
import io.subword.normalize.StripAccentsNormalizer;
import io.subword.normalize.StripNormalizer;

import java.util.List;

/**
 * Codecs of the normalizers: {@code BertNormalizer}, {@code Sequence}, {@code NFC}, {@code NFD}, {@code NFKC},
 * {@code NFKD}, {@code Lowercase}, {@code Strip}, {@code StripAccents}, {@code Replace}, {@code Prepend},
 * {@code ByteLevel}, {@code Nmt} (every type Hugging Face tokenizers 0.21 reads but {@code Precompiled}).
 */
final class NormalizerCodecs {
    private NormalizerCodecs() {
    }

    /** {@code {"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":true}} */
    static final ComponentCodec<Normalizer> BERT = ComponentCodec.of(Stage.NORMALIZER, "BertNormalizer",
            BertNormalizer.class,
            in -> BertNormalizer.uncased().withCleanText(in.bool("clean_text"))
                    .withHandleChineseChars(in.bool("handle_chinese_chars"))
                    .withStripAccents(in.nullableBool("strip_accents")).withLowercase(in.bool("lowercase")),
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

    static final ComponentCodec<Normalizer> NFC = ComponentCodec.singleton(Stage.NORMALIZER, "NFC",
            NfcNormalizer.class, () -> NfcNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> NFD = ComponentCodec.singleton(Stage.NORMALIZER, "NFD",
            NfdNormalizer.class, () -> NfdNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> NFKC = ComponentCodec.singleton(Stage.NORMALIZER, "NFKC",
            NfkcNormalizer.class, () -> NfkcNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> NFKD = ComponentCodec.singleton(Stage.NORMALIZER, "NFKD",
            NfkdNormalizer.class, () -> NfkdNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> LOWERCASE = ComponentCodec.singleton(Stage.NORMALIZER, "Lowercase",
            LowercaseNormalizer.class, () -> LowercaseNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> STRIP_ACCENTS = ComponentCodec.singleton(Stage.NORMALIZER,
            "StripAccents", StripAccentsNormalizer.class, () -> StripAccentsNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> NMT = ComponentCodec.singleton(Stage.NORMALIZER, "Nmt",
            NmtNormalizer.class, () -> NmtNormalizer.INSTANCE);
    static final ComponentCodec<Normalizer> BYTE_LEVEL = ComponentCodec.singleton(Stage.NORMALIZER, "ByteLevel",
            ByteLevelNormalizer.class, () -> ByteLevelNormalizer.INSTANCE);

    /** {@code {"type":"Strip","strip_left":true,"strip_right":true}} */
    static final ComponentCodec<Normalizer> STRIP = ComponentCodec.of(Stage.NORMALIZER, "Strip",
            StripNormalizer.class,
            in -> new StripNormalizer(in.bool("strip_left"), in.bool("strip_right")),
            (n, out, codecs) -> {
                out.put("strip_left", n.left());
                out.put("strip_right", n.right());
            });

    /** {@code {"type":"Replace","pattern":{"String":" "},"content":"▁"}} (or {@code {"Regex":"..."}}) */
    static final ComponentCodec<Normalizer> REPLACE = ComponentCodec.of(Stage.NORMALIZER, "Replace",
            ReplaceNormalizer.class,
            in -> {
                JsonPatterns.Pattern pattern = JsonPatterns.read(in, "pattern");
                String content = in.string("content");
                try {
                    return new ReplaceNormalizer(pattern.text(), pattern.regex(), content);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(in.pathOf("pattern"), e.getMessage());
                }
            },
            (n, out, codecs) -> {
                out.set("pattern", JsonPatterns.write(n.pattern(), n.isRegex()));
                out.put("content", n.content());
            });

    /** {@code {"type":"Prepend","prepend":"▁"}} */
    static final ComponentCodec<Normalizer> PREPEND = ComponentCodec.of(Stage.NORMALIZER, "Prepend",
            PrependNormalizer.class,
            in -> new PrependNormalizer(in.string("prepend")),
            (n, out, codecs) -> out.put("prepend", n.prepend()));

    static final List<ComponentCodec<?>> ALL = List.of(BERT, SEQUENCE, NFC, NFD, NFKC, NFKD, LOWERCASE, STRIP,
            STRIP_ACCENTS, REPLACE, PREPEND, BYTE_LEVEL, NMT);
}
