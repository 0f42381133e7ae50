/**
 * The tokenizer as callers see it: {@link io.subword.Tokenizer} (the pipeline), {@link io.subword.Encoding}
 * (ids, tokens, offsets, type ids, masks, word ids) and {@link io.subword.Tokenizers} (one-line loaders of
 * {@code tokenizer.json}, BERT {@code vocab.txt}, GPT-2 {@code vocab.json} + {@code merges.txt} and tiktoken
 * {@code .tiktoken} files).
 *
 * <p>One encode is {@code added tokens -> Normalizer -> PreTokenizer -> Model -> truncation -> PostProcessor
 * -> padding}; decode is the {@link io.subword.decode.Decoder}. Contract:
 * <ul>
 *   <li>A {@code Tokenizer} is immutable and thread-safe; options (special tokens, truncation, padding) are
 *       set on a builder or a derived copy ({@code withTruncation}, {@code withPadding}), never on a shared
 *       instance. {@code encodeBatch} gives the same encodings as encoding one by one.</li>
 *   <li>Encoding never throws on any {@code String}, lone surrogates included: unknown text becomes the unknown
 *       token or bytes. The one deliberate exception is tiktoken's rule for special tokens written in the text
 *       ({@link io.subword.SpecialTokenPolicy}).</li>
 *   <li>Offsets are UTF-16 indices into the caller's own string ({@link io.subword.OffsetUnit} converts them
 *       to code points or UTF-8 bytes); special and padding tokens have offsets {@code (0, 0)}.</li>
 *   <li>Loading a malformed file is a checked {@link io.subword.vocab.io.InputFormatException} (or its JSON
 *       sibling {@link io.subword.json.TokenizerJsonException}) naming the file and the line or JSON path;
 *       decoding an id outside the vocabulary is an {@link java.lang.IllegalArgumentException} naming it.</li>
 *   <li>Results equal Hugging Face tokenizers' (and tiktoken's for {@code .tiktoken} files) on ids and
 *       offsets; the parity tests check it on real vocabularies and real text.</li>
 * </ul>
 */
package io.subword;
