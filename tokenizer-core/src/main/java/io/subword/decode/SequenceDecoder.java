package io.subword.decode;

import java.util.List;

/**
 * Hugging Face's {@code Sequence} decoder: each member's {@link ChainDecoder#decodeChain} feeds the next; the
 * result is the concatenation. A member that is a plain {@link Decoder} turns the tokens into its one string.
 */
public final class SequenceDecoder implements ChainDecoder {
    private final List<Decoder> members;

    public SequenceDecoder(List<? extends Decoder> members) {
        this.members = List.copyOf(members);
    }

    public List<Decoder> members() {
        return members;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> current = tokens;
        for (Decoder d : members) {
            current = d instanceof ChainDecoder c ? c.decodeChain(current) : List.of(d.decode(current));
        }
        return current;
    }
}
