/**
 * The one progress listener of every trainer ({@link io.subword.progress.TrainingListener}); it lives here, in
 * the lowest module, so that the tokenizer trainers and the skip-gram trainer share it.
 */
package io.subword.progress;
