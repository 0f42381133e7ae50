/**
 * SentencePiece {@code .model} files: {@link io.subword.sentencepiece.SentencePieceModel} reads and writes them
 * (the {@code ModelProto} protobuf, through our own copy of {@code sentencepiece_model.proto}, whose generated
 * classes in {@code io.subword.sentencepiece.proto} are not exported), turns them into a tokenizer that gives
 * {@code spm_encode}'s ids, and into the {@code tokenizer.json} Hugging Face's converter would write;
 * {@link io.subword.sentencepiece.SentencePieceNormalizer} is SentencePiece's own normalizer.
 *
 * <p>Contract: a model read and written back keeps every field, the ones our proto does not declare too; a
 * malformed file is an {@code InputFormatException} naming the file.
 */
package io.subword.sentencepiece;
