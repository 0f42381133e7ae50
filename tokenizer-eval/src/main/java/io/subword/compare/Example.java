package io.subword.compare;

import java.util.List;

/**
 * A rare held-out word and how each tokenizer split it.
 *
 * @param word          the word as it appears in the held-out text
 * @param language      the language (group) of the line it was first seen in, {@code ?} if not seen
 * @param trainingCount how often the word occurs in the training text (0: unseen)
 * @param heldOutCount  how often it occurs in the held-out text
 * @param splits        one per candidate, in candidate order
 */
public record Example(String word, String language, long trainingCount, long heldOutCount, List<Split> splits) {
    public Example {
        splits = List.copyOf(splits);
    }

    /** What one tokenizer made of the word, encoded on its own, without special tokens. */
    public record Split(String model, int vocabSize, List<Piece> pieces) {
        public Split {
            pieces = List.copyOf(pieces);
        }

        /** {@code in ##ima ##gin ##ave ##is}. */
        public String joined() {
            StringBuilder sb = new StringBuilder();
            for (Piece p : pieces) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(p.text());
            }
            return sb.toString();
        }

        /** Whether any piece is the unknown token. */
        public boolean hasUnknown() {
            return pieces.stream().anyMatch(Piece::unknown);
        }
    }

    /**
     * One token as shown to a reader: its vocabulary string ({@code ##ima}, {@code is</w>}, {@code [UNK]}), or,
     * for byte-level tokens, the text its bytes spell, with bytes that are part of a character cut between
     * tokens written as {@code <0xC3>}.
     */
    public record Piece(String text, boolean unknown) {
    }
}
