package io.subword.unigram;

/**
 * What a piece of a SentencePiece vocabulary is, with the numbers of {@code ModelProto.SentencePiece.Type}.
 * Only {@link #NORMAL} and {@link #USER_DEFINED} pieces are matched in text by SentencePiece's Unigram
 * encoder; a user-defined piece always wins where it matches.
 */
public enum PieceType {
    NORMAL(1), UNKNOWN(2), CONTROL(3), USER_DEFINED(4), UNUSED(5), BYTE(6);

    private final int number;

    PieceType(int number) {
        this.number = number;
    }

    /** The protobuf enum number. */
    public int number() {
        return number;
    }

    /** The type with protobuf number {@code number}; {@code null} if there is none. */
    public static PieceType ofNumber(int number) {
        for (PieceType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }
}
