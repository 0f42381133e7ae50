/**
 * Embeddings over subword pieces: {@link io.subword.embed.EmbeddingTable} (one row per token id),
 * {@link io.subword.embed.SkipGramTrainer} (word2vec SGNS over a tokenizer's ids),
 * {@link io.subword.embed.SubwordVectors} (a word's vector as the mean of its pieces, nearest pieces),
 * {@link io.subword.embed.PositionalEncoding} and {@link io.subword.embed.EmbeddingFiles} (word2vec text and
 * binary, NumPy {@code .npy}).
 *
 * <p>Contract:
 * <ul>
 *   <li>Rows are tied to tokens, never silently to positions: vectors from a file are loaded with
 *       {@link io.subword.embed.SubwordVectors#load}, which matches each row to its token's id and refuses a
 *       file whose tokens are not the tokenizer's, saying how they differ.</li>
 *   <li>Every writer is crash-safe ({@link io.subword.vocab.io.AtomicFiles}); every reader is strict, a
 *       malformed file being a {@link io.subword.vocab.io.InputFormatException} naming the file and the place,
 *       and floats read back are bit-identical to those written.</li>
 *   <li>Skip-gram training on one thread is a function of the corpus, the options and the seed, bit for bit
 *       (on more threads it varies from run to run, as word2vec's does); it reports progress to a
 *       {@link io.subword.progress.TrainingListener}, never by printing.</li>
 * </ul>
 */
package io.subword.embed;
