/**
 * The tokenizer: the pipeline {@code Normalizer -> PreTokenizer -> Model -> PostProcessor}, {@code Decoder},
 * the models (BPE, byte-level BPE, WordPiece, word-level, Unigram), and the files they load from and write to
 * (Hugging Face tokenizer.json, SentencePiece .model). Model code needs only this module and
 * {@code io.subword.vocab}: {@code Tokenizers.fromFile(path).encode(text)}.
 *
 * <p>Every package is API except the generated protobuf classes of the SentencePiece .model format, which only
 * protobuf's reflection sees. Classes marked {@link io.subword.vocab.Internal @Internal} are public only for our
 * other modules.
 */
module io.subword.core {
    requires transitive io.subword.vocab;
    // the JSON codecs' extension point (ComponentCodec) reads and writes Jackson trees
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires it.unimi.dsi.fastutil.core;
    requires com.google.protobuf;

    exports io.subword;
    exports io.subword.normalize;
    exports io.subword.pretokenize;
    exports io.subword.model;
    exports io.subword.bpe;
    exports io.subword.wordpiece;
    exports io.subword.wordlevel;
    exports io.subword.unigram;
    exports io.subword.post;
    exports io.subword.decode;
    exports io.subword.json;
    exports io.subword.sentencepiece;

    // generated message classes: protobuf finds their accessors by reflection; nobody else needs them
    opens io.subword.sentencepiece.proto to com.google.protobuf;
}
