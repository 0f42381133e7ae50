package io.subword.vocab;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;

import java.util.List;

/**
 * The special tokens of a tokenizer ({@code [CLS]}, {@code [SEP]}, {@code <|endoftext|>} ...): tokens that
 * mark structure rather than text, that decoding may skip and that the special-tokens mask flags.
 */
public final class SpecialTokens {
    /** BERT's special tokens, in the order BERT vocabularies put them first. */
    public static final List<String> BERT = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private static final SpecialTokens NONE = new SpecialTokens(List.of(), new IntOpenHashSet());

    private final List<String> tokens;
    private final IntOpenHashSet ids;

    private SpecialTokens(List<String> tokens, IntOpenHashSet ids) {
        this.tokens = tokens;
        this.ids = ids;
    }

    /** No special tokens. */
    public static SpecialTokens none() {
        return NONE;
    }

    /**
     * The given tokens, each of which must be in {@code vocabulary}.
     *
     * @throws IllegalArgumentException naming the first token that is not in the vocabulary
     */
    public static SpecialTokens of(Vocabulary vocabulary, List<String> tokens) {
        IntOpenHashSet ids = new IntOpenHashSet(tokens.size());
        for (String token : tokens) {
            int id = vocabulary.id(token);
            if (id < 0) {
                throw new IllegalArgumentException("special token " + Vocabulary.quote(token)
                        + " is not in the vocabulary");
            }
            ids.add(id);
        }
        return new SpecialTokens(List.copyOf(tokens), ids);
    }

    /** Those of {@code candidates} that are in {@code vocabulary}; the others are left out. */
    public static SpecialTokens present(Vocabulary vocabulary, List<String> candidates) {
        return of(vocabulary, candidates.stream().filter(vocabulary::contains).toList());
    }

    public boolean isSpecial(int id) {
        return ids.contains(id);
    }

    public List<String> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }
}
