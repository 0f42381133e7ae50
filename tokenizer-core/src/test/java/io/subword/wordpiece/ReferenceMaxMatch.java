package io.subword.wordpiece;

import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;

/**
 * A straightforward greedy longest-match-first WordPiece, written to mirror Hugging Face tokenizers'
 * {@code WordPiece::tokenize} line by line (code points, substring lookups, whole word to unknown on
 * failure). Quadratic; for tests only.
 */
final class ReferenceMaxMatch {
    private final Vocabulary vocab;
    private final int unkId;
    private final String prefix;
    private final int maxInputChars;
    private final int longestToken;

    ReferenceMaxMatch(Vocabulary vocab, String unk, String prefix, int maxInputChars) {
        this.vocab = vocab;
        this.unkId = vocab.id(unk);
        this.prefix = prefix;
        this.maxInputChars = maxInputChars;
        int longest = 0;
        for (String t : vocab.tokens()) {
            if (t != null) {
                longest = Math.max(longest, t.length());
            }
        }
        this.longestToken = longest;
    }

    void tokenize(String text, int wordStart, int wordEnd, TokenBuffer out) {
        String word = text.substring(wordStart, wordEnd);
        if (word.codePointCount(0, word.length()) > maxInputChars) {
            out.add(unkId, wordStart, wordEnd);
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < word.length()) {
            // Candidates longer than the longest token cannot match; starting shorter only saves time.
            int end = Math.min(word.length(), start + longestToken);
            if (end < word.length() && Character.isLowSurrogate(word.charAt(end))
                    && Character.isHighSurrogate(word.charAt(end - 1))) {
                end--;
            }
            int id = -1;
            while (start < end) {
                String sub = word.substring(start, end);
                if (start > 0) {
                    sub = prefix + sub;
                }
                id = vocab.id(sub);
                if (id >= 0) {
                    break;
                }
                end -= Character.charCount(word.codePointBefore(end));
            }
            if (id < 0) {
                out.truncate(mark);
                out.add(unkId, wordStart, wordEnd);
                return;
            }
            out.add(id, wordStart + start, wordStart + end);
            start = end;
        }
    }
}
