/**
 * Training tokenizers: one {@link io.subword.train.Trainer} interface trains a complete tokenizer of a
 * {@link io.subword.train.Family} (BPE, byte-level BPE, WordPiece, word level, Unigram) in one call, from a
 * {@link io.subword.train.Corpus} (or from {@link io.subword.train.WordCounts} counted elsewhere) and one set of
 * {@link io.subword.train.TrainingOptions}, and returns a {@link io.subword.train.TrainedTokenizer} that writes
 * {@code tokenizer.json} and the family's own files.
 *
 * <p>Contract:
 * <ul>
 *   <li>The result depends only on the corpus, the family and the options, never on the number of threads;
 *       with the same options BPE, byte-level BPE and WordPiece ({@code hf} mode) equal Hugging Face's trainer
 *       (merge list and vocabulary), apart from the documented differences in the README; Unigram follows
 *       SentencePiece's trainer.</li>
 *   <li>Corpora are streamed, never held in memory; invalid UTF-8 is a
 *       {@link io.subword.vocab.io.InputFormatException} naming the file, line and byte offset.</li>
 *   <li>The library never prints: progress goes to a {@link io.subword.progress.TrainingListener}, which the CLI
 *       turns into a progress bar.</li>
 *   <li>Options are checked when built ({@link java.lang.IllegalArgumentException} naming the value).</li>
 * </ul>
 * The trainers' hot loops (pair counting, merging) are package-private final classes over primitive arrays.
 */
package io.subword.train;
