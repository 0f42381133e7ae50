package io.subword;

import io.subword.decode.WordPieceDecoder;
import io.subword.json.TokenizerJson;
import io.subword.normalize.BertNormalizer;
import io.subword.post.BertProcessing;
import io.subword.pretokenize.BertPreTokenizer;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.VocabFormatException;
import io.subword.vocab.io.VocabTxt;
import io.subword.wordpiece.WordPiece;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One-line loaders of ready-to-use tokenizers.
 *
 * <pre>{@code
 * Tokenizer hf = Tokenizers.fromFile(Path.of("tokenizer.json"));
 * Tokenizer bert = Tokenizers.fromVocabTxt(Path.of("vocab.txt"));          // bert-base-uncased
 * Tokenizer cased = Tokenizers.fromVocabTxt(Path.of("vocab.txt"), false);  // bert-base-cased
 * }</pre>
 */
public final class Tokenizers {
    /** BERT's special tokens, added as special tokens when the vocabulary has them. */
    private static final List<String> BERT_SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private Tokenizers() {
    }

    /**
     * A Hugging Face {@code tokenizer.json}.
     *
     * @throws VocabFormatException naming the file and the line/column or JSON path of the problem
     */
    public static Tokenizer fromFile(Path tokenizerJson) throws VocabFormatException, IOException {
        return TokenizerJson.read(tokenizerJson);
    }

    /** BERT uncased (bert-base-uncased) from its {@code vocab.txt}; see {@link #bert}. */
    public static Tokenizer fromVocabTxt(Path vocabTxt) throws VocabFormatException, IOException {
        return fromVocabTxt(vocabTxt, true);
    }

    /**
     * BERT from its {@code vocab.txt}: uncased (lowercase and strip accents) or cased (keep both).
     *
     * @throws VocabFormatException naming the file when it is malformed or lacks [UNK], [CLS] or [SEP]
     */
    public static Tokenizer fromVocabTxt(Path vocabTxt, boolean lowercase) throws VocabFormatException, IOException {
        Vocabulary vocab = VocabTxt.read(vocabTxt);
        try {
            return bert(vocab, lowercase);
        } catch (IllegalArgumentException e) {
            throw new VocabFormatException(vocabTxt, null, e.getMessage(), e);
        }
    }

    /**
     * The standard BERT pipeline over {@code vocab}, as Hugging Face's {@code BertWordPieceTokenizer} builds
     * it: {@code BertNormalizer} (clean text, Chinese characters split, lowercase and strip accents when
     * {@code lowercase}, else neither), {@code BertPreTokenizer}, WordPiece with {@code [UNK]}, {@code ##} and
     * 100 chars per word, {@code [CLS] A [SEP]} / {@code [CLS] A [SEP] B [SEP]}, the WordPiece decoder, and
     * whichever of {@code [PAD] [UNK] [CLS] [SEP] [MASK]} the vocabulary has as special added tokens.
     *
     * @throws IllegalArgumentException if the vocabulary lacks {@code [UNK]}, {@code [CLS]} or {@code [SEP]}
     */
    public static Tokenizer bert(Vocabulary vocab, boolean lowercase) {
        for (String required : List.of("[UNK]", "[CLS]", "[SEP]")) {
            if (!vocab.contains(required)) {
                throw new IllegalArgumentException("the vocabulary has no " + required + " token, which BERT needs");
            }
        }
        List<AddedToken> specials = new ArrayList<>();
        for (String s : BERT_SPECIALS) {
            int id = vocab.id(s);
            if (id >= 0) {
                specials.add(AddedToken.special(s, id));
            }
        }
        // uncased: strip_accents null (it follows lowercase), as bert-base-uncased's tokenizer.json has it;
        // cased: false, so that accents are kept whatever the default
        return Tokenizer.builder(WordPiece.of(vocab, "[UNK]", "##", 100))
                .normalizer(new BertNormalizer(true, true, lowercase ? null : Boolean.FALSE, lowercase))
                .preTokenizer(BertPreTokenizer.INSTANCE)
                .postProcessor(BertProcessing.of(vocab))
                .decoder(new WordPieceDecoder("##", true))
                .addedTokens(specials)
                .build();
    }
}
