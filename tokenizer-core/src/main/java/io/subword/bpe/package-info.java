/**
 * Byte pair encoding, char-level (Hugging Face's {@code BPE}, with unknown token, byte fallback, prefix and
 * suffix) and byte-level (GPT-2, tiktoken): {@link io.subword.bpe.Bpe}.
 *
 * <p>Contract: results equal Hugging Face's and tiktoken's on ids and offsets; the time to encode a word is
 * {@code O(n log n)} in its length however the merges tie (a heap over a linked list of symbols for long pieces,
 * a flat scan for short ones), so one huge word cannot stall a caller. The merge engine, the pair map and the
 * bounded per-thread piece cache are package-private final classes over primitive arrays, free to change.
 */
package io.subword.bpe;
