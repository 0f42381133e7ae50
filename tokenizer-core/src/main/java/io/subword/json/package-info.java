/**
 * Hugging Face's {@code tokenizer.json}, read and written: {@link io.subword.json.TokenizerJson}.
 *
 * <p>Contract:
 * <ul>
 *   <li>Reading follows Hugging Face's deserializer; each component is read by the
 *       {@link io.subword.json.ComponentCodec} of its {@code "type"} in a {@link io.subword.json.Codecs}
 *       registry (a new component type is one codec registered there, not an edit of the reader).</li>
 *   <li>A file that cannot be read is a {@link io.subword.json.TokenizerJsonException} naming the file and
 *       the JSON path ({@code $.model.vocab}); an unknown component type names the types that are known.</li>
 *   <li>Writing produces what Hugging Face writes (same keys, same order), and Hugging Face loads it back to a
 *       tokenizer with the same encodings.</li>
 * </ul>
 * {@link io.subword.json.JsonObjectReader} and {@link io.subword.json.Stage} are public for codec authors.
 */
package io.subword.json;
