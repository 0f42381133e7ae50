/**
 * Trainers: one {@link io.subword.train.Trainer} interface and one set of options for every family (BPE,
 * byte-level BPE, WordPiece, word-level, Unigram), word counting over streamed corpora, and the trained
 * tokenizer with its files.
 */
module io.subword.train {
    requires transitive io.subword.core;
    requires io.subword.vocab;
    requires it.unimi.dsi.fastutil.core;

    exports io.subword.train;
}
