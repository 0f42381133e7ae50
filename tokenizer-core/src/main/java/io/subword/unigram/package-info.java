/**
 * The Unigram model (SentencePiece, T5, XLM-R, ALBERT): every piece has a score, a log probability, and a word
 * becomes the pieces whose scores sum highest, found by Viterbi over the lattice of all pieces that occur in it.
 * {@link io.subword.unigram.Unigram} comes in Hugging Face's flavour and in SentencePiece's own (they differ in
 * details that change ids on real text); both also sample segmentations (subword regularization).
 *
 * <p>Contract: on the same vocabulary, ids and offsets equal the reference's ({@code tokenizers} or
 * {@code spm_encode}, as the flavour says); among paths of equal score the one found first wins, as in both
 * references; results do not depend on the thread. The piece trie and the lattice are package-private and may be
 * rewritten without affecting callers.
 */
package io.subword.unigram;
