/**
 * Vocabularies and their files: {@link io.subword.vocab.Vocabulary} (token to id and back),
 * {@link io.subword.vocab.SpecialTokens}, {@link io.subword.vocab.MergeTable}, and in {@code io.subword.vocab.io}
 * the readers and writers of vocab.txt, vocab.json, merges.txt and .tiktoken ranks, with the format exception
 * every module throws for a malformed input.
 *
 * <p>A class marked {@link io.subword.vocab.Internal @Internal} is public only so that our other modules can
 * use it; it may change or go without notice.
 */
module io.subword.vocab {
    requires it.unimi.dsi.fastutil.core;

    exports io.subword.vocab;
    exports io.subword.vocab.io;
    exports io.subword.progress;
}
