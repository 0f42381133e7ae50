package io.subword.train;

import io.subword.vocab.Vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * What a WordPiece trainer learned: a BERT-style vocabulary and the settings a WordPiece model needs.
 *
 * @param vocabulary              token ids, dense from 0, special tokens first
 * @param specialTokens           the special tokens, which have the first ids
 * @param unkToken                the token for words the vocabulary cannot cover
 * @param continuingSubwordPrefix the prefix of tokens that continue a word ({@code ##})
 */
public record WordPieceModelData(Vocabulary vocabulary, List<String> specialTokens, String unkToken,
                                 String continuingSubwordPrefix) {
    public WordPieceModelData {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(unkToken, "unkToken");
        Objects.requireNonNull(continuingSubwordPrefix, "continuingSubwordPrefix");
        specialTokens = List.copyOf(specialTokens);
    }
}
