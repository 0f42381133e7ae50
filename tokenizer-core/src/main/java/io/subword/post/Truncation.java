package io.subword.post;

import io.subword.Encoding;
import io.subword.vocab.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * How to cut encodings that are too long, with Hugging Face's semantics: the limit counts the special tokens
 * the post-processor will add, {@code stride} tokens of overlap are repeated at the start of each
 * overflowing part, and for a pair {@link Strategy#LONGEST_FIRST} shortens the longer text first.
 */
public record Truncation(int maxLength, Strategy strategy, int stride, Direction direction) {
    public enum Strategy { LONGEST_FIRST, ONLY_FIRST, ONLY_SECOND }

    public enum Direction { RIGHT, LEFT }

    public Truncation {
        Require.notNegative("truncation max length", maxLength);
        Require.notNegative("truncation stride", stride);
        if (strategy == null || direction == null) {
            throw new IllegalArgumentException("truncation strategy and direction are required");
        }
    }

    /** Longest first, no stride, cut on the right. */
    public static Truncation of(int maxLength) {
        return new Truncation(maxLength, Strategy.LONGEST_FIRST, 0, Direction.RIGHT);
    }

    /**
     * The pair cut so that, with {@code addedTokens} special tokens, it fits in {@link #maxLength()}.
     *
     * @param second the second text's encoding, or {@code null}
     * @return {@code {first, second}}, each with its cut-off parts as overflowing encodings
     * @throws IllegalArgumentException when the stride does not leave room for progress, when
     *                                  {@code ONLY_FIRST}/{@code ONLY_SECOND} cannot make the pair fit, or when
     *                                  {@code ONLY_SECOND} must cut a single text (no second text to cut), as
     *                                  Hugging Face raises; a single text that fits is returned as it is
     */
    public Encoding[] apply(Encoding first, Encoding second, int addedTokens) {
        int max = maxLength;
        if (addedTokens > 0) {
            max = maxLength - addedTokens;
            if (max < 0) {
                throw new IllegalArgumentException("truncation max length " + maxLength
                        + " is shorter than the " + addedTokens + " special tokens");
            }
        }
        if (max == 0) {
            return new Encoding[] {truncate(first, 0), second == null ? null : truncate(second, 0)};
        }
        int total = first.size() + (second == null ? 0 : second.size());
        if (total <= max) {
            return new Encoding[] {first, second};
        }
        int toRemove = total - max;
        switch (strategy) {
            case LONGEST_FIRST -> {
                if (second == null) {
                    return new Encoding[] {truncate(first, total - toRemove), null};
                }
                int n1 = first.size();
                int n2 = second.size();
                boolean swap = n1 > n2;
                if (swap) {
                    int t = n1;
                    n1 = n2;
                    n2 = t;
                }
                // n1 is the shorter: keep it whole when the longer alone can make room, else split evenly.
                n2 = n1 > max ? n1 : Math.max(n1, max - n1);
                if (n1 + n2 > max) {
                    n1 = max / 2;
                    n2 = n1 + max % 2;
                }
                if (swap) {
                    int t = n1;
                    n1 = n2;
                    n2 = t;
                }
                return new Encoding[] {truncate(first, n1), truncate(second, n2)};
            }
            case ONLY_FIRST, ONLY_SECOND -> {
                if (strategy == Strategy.ONLY_SECOND && second == null) {
                    // Hugging Face: "Truncation error: Second sequence not provided", raised only when a cut is due
                    throw new IllegalArgumentException("truncation strategy ONLY_SECOND (OnlySecond) cuts the"
                            + " second text of a pair, but one text was given, and its " + first.size()
                            + " tokens exceed the " + max + " allowed");
                }
                boolean cutFirst = strategy == Strategy.ONLY_FIRST;
                Encoding target = cutFirst ? first : second;
                if (target.size() <= toRemove) {
                    throw new IllegalArgumentException("truncation " + strategy + " cannot make the input fit "
                            + maxLength + " tokens: the " + (cutFirst ? "first" : "second") + " text has only "
                            + target.size() + " tokens and " + toRemove + " must go");
                }
                Encoding cut = truncate(target, target.size() - toRemove);
                return cutFirst ? new Encoding[] {cut, second} : new Encoding[] {first, cut};
            }
            default -> throw new AssertionError(strategy);
        }
    }

    /** {@code e} cut to {@code maxLen} tokens; the rest, in windows overlapping by the stride, overflows. */
    Encoding truncate(Encoding e, int maxLen) {
        int n = e.size();
        if (maxLen >= n) {
            return e;
        }
        if (maxLen == 0) {
            return e.slice(0, 0).withOverflowing(List.of(e));
        }
        if (stride >= maxLen) {
            throw new IllegalArgumentException("truncation stride " + stride + " must be less than the length "
                    + maxLen + " left for the text (max length minus special tokens)");
        }
        int step = maxLen - stride;
        List<int[]> ranges = new ArrayList<>();
        if (direction == Direction.RIGHT) {
            for (int start = 0; start < n; start += step) {
                int stop = Math.min(start + maxLen, n);
                ranges.add(new int[] {start, stop});
                if (stop == n) {
                    break;
                }
            }
        } else {
            for (int last = n - 1; last >= 0; last -= step) {
                int stop = last + 1;
                int start = Math.max(0, stop - maxLen);
                ranges.add(new int[] {start, stop});
                if (start == 0) {
                    break;
                }
            }
        }
        List<Encoding> overflowing = new ArrayList<>(ranges.size() - 1);
        for (int i = 1; i < ranges.size(); i++) {
            overflowing.add(e.slice(ranges.get(i)[0], ranges.get(i)[1]));
        }
        return e.slice(ranges.get(0)[0], ranges.get(0)[1]).withOverflowing(overflowing);
    }
}
