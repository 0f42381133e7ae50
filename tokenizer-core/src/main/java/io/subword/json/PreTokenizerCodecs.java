package io.subword.json;

import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.SequencePreTokenizer;
import io.subword.pretokenize.Whitespace;
import io.subword.pretokenize.WhitespaceSplit;

import java.util.List;

/** Codecs of the pre-tokenizers: {@code BertPreTokenizer}, {@code Whitespace}, {@code WhitespaceSplit}, {@code Sequence}. */
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

    static final List<ComponentCodec<?>> ALL = List.of(BERT, WHITESPACE, WHITESPACE_SPLIT, SEQUENCE);
}
