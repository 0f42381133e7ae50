/**
 * The WordPiece model (BERT): greedy longest-match-first with a continuation prefix ({@code ##}), identical to
 * Hugging Face's {@code WordPiece} on ids and offsets, including its rules for over-long words (one unknown
 * token, counted in code points) and for words no prefix matches.
 *
 * <p>Matching runs in one left-to-right pass per word on a LinMaxMatch automaton (Song et al., "Fast WordPiece
 * Tokenization", 2021) stored in flat primitive arrays; that trie is package-private and may be rewritten
 * without affecting callers of {@link io.subword.wordpiece.WordPiece}.
 */
package io.subword.wordpiece;
