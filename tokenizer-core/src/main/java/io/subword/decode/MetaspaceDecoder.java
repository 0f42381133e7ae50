package io.subword.decode;

import io.subword.pretokenize.MetaspacePreTokenizer;

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
    private final MetaspacePreTokenizer.PrependScheme prependScheme;
    private final boolean split;

    /**
     * @param replacement the character that stands for a space ({@code ▁})
     * @param prepends    whether the pre-tokenizer prepends one (prepend scheme {@code always} or {@code first})
     */
    public MetaspaceDecoder(char replacement, boolean prepends) {
        this(replacement, prepends ? MetaspacePreTokenizer.PrependScheme.ALWAYS
                : MetaspacePreTokenizer.PrependScheme.NEVER, true);
    }

    /**
     * The decoder of tokenizer.json's {@code {"type":"Metaspace",...}} object, which has the pre-tokenizer's
     * fields: it drops the first token's replacement characters unless {@code prependScheme} is {@code never};
     * {@code split} is kept only to be written back.
     */
    public MetaspaceDecoder(char replacement, MetaspacePreTokenizer.PrependScheme prependScheme, boolean split) {
        this.replacement = replacement;
        this.prependScheme = java.util.Objects.requireNonNull(prependScheme, "prependScheme");
        this.prepends = prependScheme != MetaspacePreTokenizer.PrependScheme.NEVER;
        this.split = split;
    }

    public MetaspacePreTokenizer.PrependScheme prependScheme() {
        return prependScheme;
    }

    public boolean split() {
        return split;
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
