/**
 * The word-level model: each word is one token if the vocabulary has it, else the unknown token
 * ({@link io.subword.wordlevel.WordLevel}, Hugging Face's {@code WordLevel}). It is the baseline the comparison
 * measures subwords against.
 */
package io.subword.wordlevel;
