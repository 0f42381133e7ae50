/**
 * Test support, never a dependency of main code: real data from Maven artifacts
 * ({@link io.subword.testkit.RealData}: the Europarl sample, BERT's {@code tokenizer.json}, tiktoken ranks),
 * the reference peers run offline ({@link io.subword.testkit.HfReference}, Hugging Face tokenizers through DJL;
 * {@link io.subword.testkit.JtokkitReference}), seeded random text and file mutations for property tests.
 */
package io.subword.testkit;
