package io.subword.train;

import io.subword.vocab.Vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * What a BPE trainer learned: the vocabulary (special tokens first, then the alphabet, then merged
 * tokens) and the merges in rank order, plus the settings a BPE model needs to use them.
 *
 * @param vocabulary              token ids, dense from 0
 * @param merges                  the merges, rank 0 first; both parts and their concatenation (less a
 *                                continuing-subword prefix on the right part) are in the vocabulary
 * @param specialTokens           the special tokens, which have the first ids
 * @param continuingSubwordPrefix the prefix of tokens that continue a word, or {@code null}
 * @param endOfWordSuffix         the suffix of tokens that end a word, or {@code null}
 * @param byteLevel               whether tokens are over GPT-2's byte-level characters
 */
public record BpeModelData(Vocabulary vocabulary, List<Merge> merges, List<String> specialTokens,
                           String continuingSubwordPrefix, String endOfWordSuffix, boolean byteLevel) {
    public BpeModelData {
        Objects.requireNonNull(vocabulary, "vocabulary");
        merges = List.copyOf(merges);
        specialTokens = List.copyOf(specialTokens);
    }

    /** One merge: {@code left} and {@code right} become one token. */
    public record Merge(String left, String right) {
        public Merge {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        /** The line of a {@code merges.txt}: both parts separated by a space. */
        @Override
        public String toString() {
            return left + " " + right;
        }
    }
}
