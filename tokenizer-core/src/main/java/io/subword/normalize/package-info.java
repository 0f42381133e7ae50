/**
 * The first stage of the pipeline: {@link io.subword.normalize.Normalizer}s that clean, lowercase, strip
 * accents or apply a Unicode normalization form, and {@link io.subword.normalize.NormalizedText}, the text that
 * carries the way back to the original.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every unit a normalizer emits is aligned to the range of the original it came from (a unit it inserts
 *       takes the range of the character it came from), so every token keeps offsets into the caller's text.
 *       A normalizer that changes nothing returns its input.</li>
 *   <li>Normalizers are immutable and thread-safe, never throw on any text, and take time linear (or
 *       {@code n log n}) in the text, hostile text included: canonical reordering of a long run of combining
 *       marks is a stable sort per run, not a rescan per mark.</li>
 *   <li>Character classes and Unicode data follow what the reference applies, not whatever the running JDK
 *       knows ({@code HfCharData}, {@code HfUnicode}'s data, both generated and never edited by hand).</li>
 * </ul>
 * {@link io.subword.normalize.CharClasses} is public only because the pre-tokenizers of this module share it;
 * it is not meant for callers.
 */
package io.subword.normalize;
