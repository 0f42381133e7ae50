package io.subword.readme;

// The README's "Library" snippet, quoted there verbatim from the line after README-BEGIN to the line before
// README-END (ReadmeLibraryTest checks that, compiles this file as a test source and runs it in a folder that
// holds tokenizer.json, corpus.txt and vectors.vec).
// README-BEGIN
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.embed.SubwordVectors;
import io.subword.post.Padding;
import io.subword.post.Truncation;
import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.train.Family;
import io.subword.train.TrainedTokenizer;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

public class LibraryQuickStart {
    public static void main(String[] args) throws IOException, InputFormatException {
        Tokenizer tok = Tokenizers.fromFile(Path.of("tokenizer.json"));  // or fromVocabTxt, fromGpt2Files, ...
        Encoding e = tok.encode("amigos inimagináveis");                  // ids(), tokens(), offsets(), attentionMask()
        System.out.println(e.tokens());                                   // [[CLS], ami, ##gos, in, ##ima, ...]
        String text = tok.decode(e.ids(), true);                          // true: skip special tokens

        List<String> texts = List.of("first text", "second text");
        List<Encoding> batch = tok.encodeBatch(texts);                    // parallel, same results as one by one

        Tokenizer bert128 = tok.withTruncation(Truncation.of(128)).withPadding(Padding.fixed(128, 0, "[PAD]"));
        Encoding pair = bert128.encodePair("question", "context");        // [CLS] A [SEP] B [SEP] [PAD]...

        // subword-tokenizer-train: a WordPiece vocabulary of up to 16,000 tokens from your own text
        TrainedTokenizer trained = Trainer.of(Family.WORD_PIECE, TrainingOptions.builder().vocabSize(16_000).build())
                .train(Corpus.of(Path.of("corpus.txt")), TrainingListener.NONE);
        trained.writeAll(Path.of("my-tokenizer"));                        // tokenizer.json and vocab.txt

        // subword-embedding: vectors from `subword embed train -t tokenizer.json -o vectors.vec corpus.txt`;
        // each row is matched to its token's id by the token, whatever the order of the rows
        SubwordVectors vectors = SubwordVectors.load(Path.of("vectors.vec"), tok);
        System.out.println(vectors.nearest("amigos", 3));

        System.out.println(text + ": " + batch.size() + " texts, a pair of " + pair.size() + " tokens, "
                + trained.tokenizer().vocabulary().size() + " tokens trained");
    }
}
// README-END
