/**
 * The stages after the model: truncation ({@link io.subword.post.Truncation}), the
 * {@link io.subword.post.PostProcessor}s that add special tokens and type ids ({@code [CLS] A [SEP] B [SEP]},
 * templates, RoBERTa, byte-level offset trimming, sequences of them) and padding
 * ({@link io.subword.post.Padding}).
 *
 * <p>Contract: Hugging Face's semantics throughout: the truncation limit counts the special tokens the
 * post-processor will add, overflowing parts repeat {@code stride} tokens and get the same special tokens, and
 * a pair is cut longest first unless told otherwise. Post-processors are immutable and thread-safe;
 * {@code Truncation} and {@code Padding} are values, checked when built ({@link java.lang.IllegalArgumentException}
 * naming the bad value).
 */
package io.subword.post;
