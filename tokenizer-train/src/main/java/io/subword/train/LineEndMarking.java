package io.subword.train;

import io.subword.normalize.NormalizedText;
import io.subword.pretokenize.MetaspacePreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.Spans;

/**
 * The Unigram trainer's word splitter: SentencePiece's words (a {@link MetaspacePreTokenizer}'s), with {@link #LINE_END} appended to the
 * line's last word, so that the word that ends a line is counted under a key of its own ({@code "▁Commis\n"}
 * besides {@code "▁Commis"}).
 *
 * <p>Why: {@code spm_train} finds its seed pieces in the running sentences, where a word is followed by the next
 * word's {@code ▁} or, at the end of a line, by the sentence end, which it marks apart. A line cut off mid-word
 * thus makes every suffix of its last word a seed. {@link UnigramTrainer} counts words, not sentences; the marked
 * key tells it which occurrences ended a line (see {@link SeedPieces}). The mark travels in the key, not in a
 * field of {@link WordCounts}, so any count of words made by this splitter (one machine or distributed, whose
 * partial counts are added up by key) carries it.
 *
 * <p>{@code '\n'} cannot occur in a line (the corpus reader and Spark's text reader cut lines there), so no other
 * word ends with it. Used for counting only; the encoder's pre-tokenizer is the wrapped one. Immutable.
 */
final class LineEndMarking implements PreTokenizer {
    /** Appended to the last word of a line. */
    static final char LINE_END = '\n';

    private final MetaspacePreTokenizer words;

    LineEndMarking(MetaspacePreTokenizer words) {
        this.words = words;
    }

    /** The wrapped pre-tokenizer's text with {@link #LINE_END} after it, unless it is empty. */
    @Override
    public NormalizedText prepare(NormalizedText text) {
        NormalizedText t = words.prepare(text);
        int n = t.length();
        if (n == 0) {
            return t;
        }
        NormalizedText.Builder b = t.builder();
        for (int i = 0; i < n; i++) {
            b.copy(t, i);
        }
        // the mark stands for no character of the original: an empty range at the end of the last one
        int end = t.originalEnd(n - 1);
        return b.append(LINE_END, end, end).build();
    }

    /**
     * Whether {@link #prepareText} may stand for {@link #prepare}: the words' prepend scheme does not read where the
     * text starts in the original.
     */
    boolean preparesFromTextAlone() {
        return words.prependScheme() != MetaspacePreTokenizer.PrependScheme.FIRST;
    }

    /** The text of {@link #prepare} on {@code text} alone, without alignments (see {@link #preparesFromTextAlone}). */
    String prepareText(String text) {
        String t = words.prepareText(text);
        return t.isEmpty() ? t : t + LINE_END;
    }

    /**
     * The wrapped pre-tokenizer's words of {@code text[start, end)}: it cuts before each {@code ▁} or not at all,
     * never before a {@link #LINE_END}, so the mark stays with the last word.
     */
    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        words.split(text, start, end, out);
    }
}
