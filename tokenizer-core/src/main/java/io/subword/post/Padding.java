package io.subword.post;

import io.subword.Encoding;
import io.subword.vocab.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * How to pad encodings, with Hugging Face's semantics: to the longest of the batch or to a fixed length,
 * then up to a multiple of {@code padToMultipleOf} (0 for none), on the right or the left.
 */
public record Padding(Strategy strategy, int length, Direction direction, int padToMultipleOf, int padId,
                      int padTypeId, String padToken) {
    public enum Strategy { BATCH_LONGEST, FIXED }

    public enum Direction { RIGHT, LEFT }

    public Padding {
        if (strategy == null || direction == null) {
            throw new IllegalArgumentException("padding strategy and direction are required");
        }
        if (strategy == Strategy.FIXED && length <= 0) {
            throw new IllegalArgumentException("fixed padding needs a length > 0, got " + length);
        }
        Require.notNegative("pad_to_multiple_of", padToMultipleOf);
        Require.notNegative("pad id", padId);
    }

    /** Pad to the longest in the batch, on the right. */
    public static Padding longest(int padId, String padToken) {
        return new Padding(Strategy.BATCH_LONGEST, 0, Direction.RIGHT, 0, padId, 0, padToken);
    }

    /** Pad to {@code length}, on the right. */
    public static Padding fixed(int length, int padId, String padToken) {
        return new Padding(Strategy.FIXED, length, Direction.RIGHT, 0, padId, 0, padToken);
    }

    /** The batch padded to one length (each encoding's overflowing parts too). */
    public List<Encoding> apply(List<Encoding> batch) {
        int target;
        if (strategy == Strategy.FIXED) {
            target = length;
        } else {
            target = 0;
            for (Encoding e : batch) {
                target = Math.max(target, e.size());
            }
        }
        if (padToMultipleOf > 0 && target % padToMultipleOf != 0) {
            target += padToMultipleOf - target % padToMultipleOf;
        }
        List<Encoding> out = new ArrayList<>(batch.size());
        for (Encoding e : batch) {
            out.add(e.padded(target, padId, padTypeId, direction == Direction.LEFT));
        }
        return out;
    }
}
