/**
 * The second stage: {@link io.subword.pretokenize.PreTokenizer}s split normalized text into words, the units the
 * model tokenizes one at a time: BERT's whitespace-and-punctuation split, Whitespace, byte-level (GPT-2,
 * cl100k, o200k patterns), Metaspace, Digits, Punctuation, Split and Sequence.
 *
 * <p>Contract: a pre-tokenizer writes word ranges into a reused {@link io.subword.pretokenize.Spans} instead of
 * copying strings; ranges are in order, never overlap and stay inside the text. Pre-tokenizers are immutable,
 * thread-safe and never throw on any text. The GPT-2, cl100k and o200k split patterns run on hand-written
 * scanners with the same results as the reference's regexes; other patterns run on {@code java.util.regex}.
 * {@link io.subword.pretokenize.Spans} and {@link io.subword.pretokenize.ByteLevelAlphabet} are public because
 * other packages and modules share them.
 */
package io.subword.pretokenize;
