/**
 * Vocabularies and merge rules, the data every tokenizer model is built from, with no dependency on the
 * pipeline: {@link io.subword.vocab.Vocabulary} (token to id and back), {@link io.subword.vocab.SpecialTokens},
 * {@link io.subword.vocab.MergeTable} (BPE merge ranks over ids) and {@link io.subword.vocab.ByteAlphabet}
 * (GPT-2's 256 byte characters).
 *
 * <p>Contract: every type here is immutable and thread-safe. Lookups on hot paths never box and never throw:
 * {@code Vocabulary.id} answers {@code -1} for an unknown token and {@code token} answers {@code null} for an
 * id without one (ids may have gaps, as {@code vocab.json} and {@code tokenizer.json} allow). Invalid input to a
 * factory (a duplicate token, a negative id) is an {@link java.lang.IllegalArgumentException} naming the
 * value; reading files is the job of {@link io.subword.vocab.io}.
 */
package io.subword.vocab;
