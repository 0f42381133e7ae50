/**
 * The third stage: a {@link io.subword.model.Model} turns one word into token ids (WordPiece, BPE, WordLevel)
 * and writes them, with offsets into the word it was given, into a reused
 * {@link io.subword.model.TokenBuffer}.
 *
 * <p>Contract: models are immutable and thread-safe (per-thread scratch state lives inside them), never throw on
 * any word (unknown text becomes the unknown token, bytes, or nothing, as the reference does), and answer the
 * same questions whatever the algorithm, so no caller asks which model it holds. The buffer is reused per
 * thread and is not thread-safe.
 */
package io.subword.model;
