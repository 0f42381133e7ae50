package io.subword.compare;

import io.subword.AddedToken;
import io.subword.Tokenizer;
import io.subword.bpe.Bpe;
import io.subword.decode.ByteLevelDecoder;
import io.subword.decode.WordPieceDecoder;
import io.subword.post.BertProcessing;
import io.subword.post.ByteLevelPostProcessor;
import io.subword.train.BpeModelData;
import io.subword.train.BpeTrainer;
import io.subword.train.Corpus;
import io.subword.train.TrainingListener;
import io.subword.train.WordCounter;
import io.subword.train.WordCounts;
import io.subword.train.WordLevelTrainer;
import io.subword.train.WordPieceModelData;
import io.subword.train.WordPieceTrainer;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.SpecialTokens;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.VocabFormatException;
import io.subword.wordlevel.WordLevel;
import io.subword.wordpiece.WordPiece;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains the vocabularies a comparison needs and wraps each in its tokenizer pipeline: counts the words of
 * the training text once per {@linkplain ModelKind#sameWordsAs kind of words}, then trains each kind at each
 * vocabulary size from those counts. Immutable and thread-safe.
 *
 * <p>The pipelines are Hugging Face's ready-made ones (see {@link ModelKind}); the word-level baseline is a
 * {@link WordLevel} model with {@code [UNK]} over the same words as BPE and WordPiece.
 */
public final class ModelTrainer {
    /** The unknown token of the word-level baseline. */
    public static final String WORD_UNK = "[UNK]";
    /** The unknown token of char-level BPE. */
    public static final String BPE_UNK = "<unk>";
    /** The end-of-word suffix of char-level BPE. */
    public static final String END_OF_WORD = "</w>";

    private final boolean lowercase;
    private final int threads;

    /**
     * @param lowercase whether every model lowercases the text (accents are kept either way)
     * @param threads   worker threads for counting and training; does not change the result
     */
    public ModelTrainer(boolean lowercase, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.lowercase = lowercase;
        this.threads = threads;
    }

    public boolean lowercase() {
        return lowercase;
    }

    /** Counts the words of {@code corpus} as {@code kind} sees them. */
    public WordCounts count(ModelKind kind, Corpus corpus, TrainingListener listener)
            throws IOException, VocabFormatException {
        return WordCounter.builder(kind.preTokenizer()).normalizer(kind.normalizer(lowercase)).threads(threads)
                .build().count(corpus, listener);
    }

    /**
     * Trains {@code kind} to {@code vocabSize} tokens (special tokens included) on words counted by
     * {@link #count} for the same kind of words.
     *
     * @throws IllegalArgumentException if {@code vocabSize} cannot hold the special tokens
     */
    public Tokenizer train(ModelKind kind, int vocabSize, WordCounts counts, TrainingListener listener) {
        Objects.requireNonNull(counts, "counts");
        return switch (kind) {
            case WORD -> wordLevel(WordLevelTrainer.builder().vocabSize(vocabSize).specialTokens(List.of(WORD_UNK))
                    .unkToken(WORD_UNK).build().train(counts, listener));
            case WORD_PIECE -> wordPiece(WordPieceTrainer.builder().vocabSize(vocabSize)
                    .specialTokens(SpecialTokens.BERT).unkToken("[UNK]").continuingSubwordPrefix("##")
                    .threads(threads).build().train(counts, listener));
            case BPE -> bpe(BpeTrainer.builder().vocabSize(vocabSize).specialTokens(List.of(BPE_UNK))
                    .endOfWordSuffix(END_OF_WORD).threads(threads).build().train(counts, listener));
            case BYTE_LEVEL -> bpe(BpeTrainer.builder().vocabSize(vocabSize).byteLevel(true).threads(threads)
                    .build().train(counts, listener));
        };
    }

    private Tokenizer wordLevel(WordLevel model) {
        return Tokenizer.builder(model)
                .normalizer(ModelKind.WORD.normalizer(lowercase))
                .preTokenizer(ModelKind.WORD.preTokenizer())
                .addToken(AddedToken.special(WORD_UNK, model.unkId()))
                .build();
    }

    private Tokenizer wordPiece(WordPieceModelData data) {
        Vocabulary vocab = data.vocabulary();
        return Tokenizer.builder(WordPiece.of(vocab, data.unkToken(), data.continuingSubwordPrefix(), 100))
                .normalizer(ModelKind.WORD_PIECE.normalizer(lowercase))
                .preTokenizer(ModelKind.WORD_PIECE.preTokenizer())
                .postProcessor(BertProcessing.of(vocab))
                .decoder(new WordPieceDecoder(data.continuingSubwordPrefix(), true))
                .addedTokens(specials(vocab, data.specialTokens()))
                .build();
    }

    private Tokenizer bpe(BpeModelData data) {
        Vocabulary vocab = data.vocabulary();
        List<Merge> merges = new ArrayList<>(data.merges().size());
        for (BpeModelData.Merge m : data.merges()) {
            merges.add(new Merge(m.left(), m.right()));
        }
        MergeTable table = MergeTable.fromMerges(vocab, merges, data.continuingSubwordPrefix());
        if (data.byteLevel()) {
            return Tokenizer.builder(Bpe.byteLevel(vocab, table))
                    .normalizer(ModelKind.BYTE_LEVEL.normalizer(lowercase))
                    .preTokenizer(ModelKind.BYTE_LEVEL.preTokenizer())
                    .postProcessor(new ByteLevelPostProcessor(false, true))
                    .decoder(ByteLevelDecoder.INSTANCE)
                    .build();
        }
        return Tokenizer.builder(Bpe.builder(vocab, table).unkToken(BPE_UNK).endOfWordSuffix(data.endOfWordSuffix())
                        .build())
                .normalizer(ModelKind.BPE.normalizer(lowercase))
                .preTokenizer(ModelKind.BPE.preTokenizer())
                .addedTokens(specials(vocab, data.specialTokens()))
                .build();
    }

    private static List<AddedToken> specials(Vocabulary vocab, List<String> specialTokens) {
        List<AddedToken> added = new ArrayList<>();
        for (String s : specialTokens) {
            int id = vocab.id(s);
            if (id >= 0 && added.stream().noneMatch(a -> a.content().equals(s))) {
                added.add(AddedToken.special(s, id));
            }
        }
        return added;
    }
}
