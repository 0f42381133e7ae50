package io.subword.json;

import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.CharDelimiterSplit;
import io.subword.pretokenize.Digits;
import io.subword.pretokenize.FixedLength;
import io.subword.pretokenize.MetaspacePreTokenizer;
import io.subword.pretokenize.MetaspacePreTokenizer.PrependScheme;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.Punctuation;
import io.subword.pretokenize.SequencePreTokenizer;
import io.subword.pretokenize.SplitBehavior;
import io.subword.pretokenize.SplitPreTokenizer;
import io.subword.pretokenize.UnicodeScripts;
import io.subword.pretokenize.Whitespace;
import io.subword.pretokenize.WhitespaceSplit;

import java.util.List;

/**
 * Codecs of the pre-tokenizers: {@code BertPreTokenizer}, {@code Whitespace}, {@code WhitespaceSplit},
 * {@code Sequence}, {@code ByteLevel}, {@code Split}, {@code Metaspace}, {@code Digits}, {@code Punctuation},
 * {@code UnicodeScripts}, {@code CharDelimiterSplit}, {@code FixedLength}.
 */
final class PreTokenizerCodecs {
    private PreTokenizerCodecs() {
    }

    static final ComponentCodec<PreTokenizer> BERT = ComponentCodec.singleton(Stage.PRE_TOKENIZER,
            "BertPreTokenizer", BertPreTokenizer.class, () -> BertPreTokenizer.INSTANCE);

    static final ComponentCodec<PreTokenizer> WHITESPACE = ComponentCodec.singleton(Stage.PRE_TOKENIZER,
            "Whitespace", Whitespace.class, Whitespace::new);

    static final ComponentCodec<PreTokenizer> WHITESPACE_SPLIT = ComponentCodec.singleton(Stage.PRE_TOKENIZER,
            "WhitespaceSplit", WhitespaceSplit.class, WhitespaceSplit::new);

    /** {@code {"type":"Sequence","pretokenizers":[...]}} */
    static final ComponentCodec<PreTokenizer> SEQUENCE = ComponentCodec.of(Stage.PRE_TOKENIZER, "Sequence",
            SequencePreTokenizer.class,
            in -> newSequence(in),
            (s, out, codecs) -> out.set("pretokenizers", codecs.writeAll(Stage.PRE_TOKENIZER, s.members())));

    private static SequencePreTokenizer newSequence(JsonObjectReader in) throws TokenizerJsonException {
        List<PreTokenizer> members = in.components(Stage.PRE_TOKENIZER, "pretokenizers");
        try {
            return new SequencePreTokenizer(members);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(in.pathOf("pretokenizers"), e.getMessage());
        }
    }

    /**
     * {@code {"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}}; a missing flag
     * takes Hugging Face's default, true.
     */
    static final ComponentCodec<PreTokenizer> BYTE_LEVEL = ComponentCodec.of(Stage.PRE_TOKENIZER, "ByteLevel",
            ByteLevelPreTokenizer.class,
            in -> new ByteLevelPreTokenizer().withAddPrefixSpace(in.optBool("add_prefix_space", true))
                    .withTrimOffsets(in.optBool("trim_offsets", true)).withUseRegex(in.optBool("use_regex", true)),
            (p, out, codecs) -> {
                out.put("add_prefix_space", p.addPrefixSpace());
                out.put("trim_offsets", p.trimOffsets());
                out.put("use_regex", p.useRegex());
            });

    /** {@code {"type":"Split","pattern":{"Regex":"..."},"behavior":"Isolated","invert":false}} */
    static final ComponentCodec<PreTokenizer> SPLIT = ComponentCodec.of(Stage.PRE_TOKENIZER, "Split",
            SplitPreTokenizer.class,
            in -> {
                JsonPatterns.Pattern pattern = JsonPatterns.read(in, "pattern");
                SplitBehavior behavior = behavior(in, "behavior");
                boolean invert = in.optBool("invert", false);
                try {
                    return new SplitPreTokenizer(pattern.text(), pattern.regex(), behavior, invert);
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(in.pathOf("pattern"), e.getMessage());
                }
            },
            (p, out, codecs) -> {
                out.set("pattern", JsonPatterns.write(p.pattern(), p.isRegex()));
                out.put("behavior", p.behavior().jsonName());
                out.put("invert", p.invert());
            });

    /**
     * {@code {"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}}; the legacy
     * {@code "add_prefix_space": false} means {@code "never"}, as Hugging Face reads it.
     */
    static final ComponentCodec<PreTokenizer> METASPACE = ComponentCodec.of(Stage.PRE_TOKENIZER, "Metaspace",
            MetaspacePreTokenizer.class,
            in -> {
                MetaspaceFields f = metaspace(in);
                try {
                    return new MetaspacePreTokenizer(f.replacement(), f.scheme(), f.split());
                } catch (IllegalArgumentException e) {
                    throw in.errorAt(in.pathOf("replacement"), e.getMessage());
                }
            },
            (p, out, codecs) -> writeMetaspace(out, p.replacement(), p.prependScheme(), p.split()));

    /** {@code {"type":"Digits","individual_digits":false}} */
    static final ComponentCodec<PreTokenizer> DIGITS = ComponentCodec.of(Stage.PRE_TOKENIZER, "Digits",
            Digits.class,
            in -> new Digits(in.optBool("individual_digits", false)),
            (d, out, codecs) -> out.put("individual_digits", d.individualDigits()));

    /** {@code {"type":"Punctuation","behavior":"Isolated"}} */
    static final ComponentCodec<PreTokenizer> PUNCTUATION = ComponentCodec.of(Stage.PRE_TOKENIZER, "Punctuation",
            Punctuation.class,
            in -> new Punctuation(in.has("behavior") ? behavior(in, "behavior") : SplitBehavior.ISOLATED),
            (p, out, codecs) -> out.put("behavior", p.behavior().jsonName()));

    /** {@code {"type":"UnicodeScripts"}} */
    static final ComponentCodec<PreTokenizer> UNICODE_SCRIPTS = ComponentCodec.singleton(Stage.PRE_TOKENIZER,
            "UnicodeScripts", UnicodeScripts.class, () -> UnicodeScripts.INSTANCE);

    /** {@code {"type":"CharDelimiterSplit","delimiter":"|"}} */
    static final ComponentCodec<PreTokenizer> CHAR_DELIMITER_SPLIT = ComponentCodec.of(Stage.PRE_TOKENIZER,
            "CharDelimiterSplit", CharDelimiterSplit.class,
            in -> new CharDelimiterSplit(JsonPatterns.readChar(in, "delimiter")),
            (p, out, codecs) -> out.put("delimiter", new String(Character.toChars(p.delimiter()))));

    /** {@code {"type":"FixedLength","length":5}} (Hugging Face 0.22 and later) */
    static final ComponentCodec<PreTokenizer> FIXED_LENGTH = ComponentCodec.of(Stage.PRE_TOKENIZER,
            "FixedLength", FixedLength.class,
            in -> {
                int length = in.optInteger("length", FixedLength.DEFAULT_LENGTH);
                if (length < 1) {
                    throw in.errorAt(in.pathOf("length"), "must be at least 1, not " + length);
                }
                return new FixedLength(length);
            },
            (p, out, codecs) -> out.put("length", p.length()));

    static final List<ComponentCodec<?>> ALL = List.of(BERT, WHITESPACE, WHITESPACE_SPLIT, SEQUENCE, BYTE_LEVEL,
            SPLIT, METASPACE, DIGITS, PUNCTUATION, UNICODE_SCRIPTS, CHAR_DELIMITER_SPLIT, FIXED_LENGTH);

    private static SplitBehavior behavior(JsonObjectReader in, String field) throws TokenizerJsonException {
        String name = in.string(field);
        try {
            return SplitBehavior.fromJsonName(name);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(in.pathOf(field), e.getMessage() + " (supported: Removed, Isolated, "
                    + "MergedWithPrevious, MergedWithNext, Contiguous)");
        }
    }

    /** The fields the Metaspace pre-tokenizer and decoder share. */
    record MetaspaceFields(char replacement, PrependScheme scheme, boolean split) {
    }

    static MetaspaceFields metaspace(JsonObjectReader in) throws TokenizerJsonException {
        int cp = JsonPatterns.readChar(in, "replacement");
        if (Character.isSupplementaryCodePoint(cp)) {
            throw in.errorAt(in.pathOf("replacement"), "only a BMP character is supported as the replacement, got U+"
                    + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT));
        }
        PrependScheme scheme = PrependScheme.ALWAYS;
        if (in.has("prepend_scheme")) {
            String name = in.string("prepend_scheme");
            try {
                scheme = PrependScheme.fromJsonName(name);
            } catch (IllegalArgumentException e) {
                throw in.errorAt(in.pathOf("prepend_scheme"), e.getMessage() + " (supported: always, first, never)");
            }
        }
        if (in.has("add_prefix_space") && !in.bool("add_prefix_space")) {
            if (in.has("prepend_scheme") && scheme != PrependScheme.NEVER) {
                throw in.errorAt(in.pathOf("add_prefix_space"), "add_prefix_space false contradicts prepend_scheme "
                        + scheme.jsonName());
            }
            scheme = PrependScheme.NEVER;
        }
        return new MetaspaceFields((char) cp, scheme, in.optBool("split", true));
    }

    static void writeMetaspace(com.fasterxml.jackson.databind.node.ObjectNode out, char replacement,
                               PrependScheme scheme, boolean split) {
        out.put("replacement", String.valueOf(replacement));
        out.put("prepend_scheme", scheme.jsonName());
        out.put("split", split);
    }
}
