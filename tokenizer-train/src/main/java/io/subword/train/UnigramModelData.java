package io.subword.train;

import java.util.List;
import java.util.Objects;

/**
 * What a Unigram trainer learned, in SentencePiece's id order: the special tokens (unknown, control), the
 * user-defined symbols, the 256 byte pieces {@code <0x00>} ... {@code <0xFF>} when byte fallback is on, then the
 * learned pieces by falling score. Special, user-defined and byte pieces score 0, as in a {@code .model} file.
 *
 * @param pieces             the pieces, by id
 * @param scores             the log-probability of each piece
 * @param unkId              the id of the unknown piece
 * @param controlSymbols     the special tokens other than the unknown piece (never produced by encoding)
 * @param userDefinedSymbols pieces always kept whole when they occur in the text
 * @param byteFallback       whether the byte pieces follow the user-defined symbols
 */
public record UnigramModelData(List<String> pieces, double[] scores, int unkId, List<String> controlSymbols,
                               List<String> userDefinedSymbols, boolean byteFallback) {
    public UnigramModelData {
        pieces = List.copyOf(pieces);
        scores = scores.clone();
        controlSymbols = List.copyOf(controlSymbols);
        userDefinedSymbols = List.copyOf(userDefinedSymbols);
        if (scores.length != pieces.size()) {
            throw new IllegalArgumentException(pieces.size() + " pieces but " + scores.length + " scores");
        }
        Objects.checkIndex(unkId, pieces.size());
    }

    /** The number of pieces before the learned ones: special, user-defined and byte pieces. */
    public int metaPieces() {
        return 1 + controlSymbols.size() + userDefinedSymbols.size() + (byteFallback ? 256 : 0);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }
}
