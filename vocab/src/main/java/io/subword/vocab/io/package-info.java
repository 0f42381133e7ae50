/**
 * Readers and writers of the vocabulary files of the BERT, GPT-2 and tiktoken worlds: BERT's {@code vocab.txt}
 * ({@link io.subword.vocab.io.VocabTxt}), GPT-2's {@code vocab.json} and {@code merges.txt}
 * ({@link io.subword.vocab.io.VocabJson}, {@link io.subword.vocab.io.MergesTxt}) and tiktoken's
 * {@code .tiktoken} ranks ({@link io.subword.vocab.io.TiktokenRanks}), plus the crash-safe file writer
 * {@link io.subword.vocab.io.AtomicFiles} that every module writes through and the strict UTF-8 line reader
 * {@link io.subword.vocab.io.Utf8Lines} that every module reads text lines with (vocabulary files, training corpora,
 * the command line's input, Spark's line records).
 *
 * <p>Contract:
 * <ul>
 *   <li>Readers are strict and read what the reference implementation accepts: a file they cannot read as its
 *       format says is a checked {@link io.subword.vocab.io.InputFormatException} whose message names the
 *       file and the place (a line, a byte offset, a column), never a silent skip or a U+FFFD for invalid
 *       UTF-8 ({@link io.subword.vocab.io.Utf8Lines}). I/O failures stay {@link java.io.IOException}s.</li>
 *   <li>Writers produce files the reference reads back to the same vocabulary, and write through
 *       {@link io.subword.vocab.io.AtomicFiles}: an ordinary file or a new path is written to a temporary file
 *       in the same folder and moved into place, so a crash leaves the old file or none, never half of one.</li>
 * </ul>
 */
package io.subword.vocab.io;
