package io.subword.model;

import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;

/**
 * A model that merges pairs of tokens by rank (BPE): what callers need to write its merges out (vocab.json +
 * merges.txt, a tokenizer.json with a merge list) without asking which class it is.
 */
public interface MergeModel extends Model {
    /** The merges, by rank. */
    MergeTable merges();

    /**
     * This model over {@code vocabulary} (the same ids for the tokens it had, perhaps more tokens) and
     * {@code merges}, with every other option kept.
     */
    MergeModel withMerges(Vocabulary vocabulary, MergeTable merges);
}
