/**
 * Decoders turn tokens back into text: WordPiece ({@code ##} joins and cleanup), byte-level (byte characters
 * back to UTF-8), BPE's end-of-word suffix, Metaspace, byte fallback, Fuse, Strip, Replace and Sequence.
 *
 * <p>Contract: each decoder does what the Hugging Face decoder of the same name does, quirks included, and is
 * immutable and thread-safe. A {@link io.subword.decode.ChainDecoder} maps tokens to strings so that decoders can
 * be chained ({@link io.subword.decode.SequenceDecoder}); decoding is the concatenation of the chain's output.
 * Invalid byte sequences decode to U+FFFD as the reference does; decoding never throws on any list of tokens.
 */
package io.subword.decode;
