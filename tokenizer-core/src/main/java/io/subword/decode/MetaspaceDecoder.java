package io.subword.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's {@code Metaspace} decoder: the replacement character becomes a space, except in the first
 * token, where it is dropped unless the prepend scheme is {@code never} (every replacement character of the first
 * token, as Hugging Face does, not only the leading one).
 */
public final class MetaspaceDecoder implements ChainDecoder {
    private final char replacement;
    private final boolean prepends;

    /**
     * @param replacement the character that stands for a space ({@code ▁})
     * @param prepends    whether the pre-tokenizer prepends one (prepend scheme {@code always} or {@code first})
     */
    public MetaspaceDecoder(char replacement, boolean prepends) {
        this.replacement = replacement;
        this.prepends = prepends;
    }

    public char replacement() {
        return replacement;
    }

    public boolean prepends() {
        return prepends;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (i == 0 && prepends) {
                out.add(t.indexOf(replacement) < 0 ? t : t.replace(String.valueOf(replacement), ""));
            } else {
                out.add(t.replace(replacement, ' '));
            }
        }
        return out;
    }
}
