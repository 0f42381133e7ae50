package io.subword.train;

import io.subword.AddedToken;
import io.subword.Tokenizer;
import io.subword.bpe.Bpe;
import io.subword.decode.BpeDecoder;
import io.subword.decode.ByteLevelDecoder;
import io.subword.decode.WordPieceDecoder;
import io.subword.json.TokenizerJson;
import io.subword.post.BertProcessing;
import io.subword.post.ByteLevelPostProcessor;
import io.subword.sentencepiece.SentencePieceModel;
import io.subword.unigram.PieceType;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import io.subword.wordlevel.WordLevel;
import io.subword.wordpiece.WordPiece;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A freshly trained tokenizer: the full pipeline of its {@link Family} around the learned model, ready to
 * encode, and able to write itself as Hugging Face's {@code tokenizer.json} plus the classic vocabulary files
 * ({@code vocab.txt} for WordPiece and word-level, {@code vocab.json} and {@code merges.txt} for BPE). The one
 * result of every {@link Trainer}; the CLI and the comparison use it as it is. Immutable.
 */
public final class TrainedTokenizer {
    /** The name of the Hugging Face file. */
    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String VOCAB_TXT = "vocab.txt";
    public static final String VOCAB_JSON = "vocab.json";
    public static final String MERGES_TXT = "merges.txt";

    /** The most characters of a word WordPiece splits; longer words become the unknown token, as in BERT. */
    static final int MAX_INPUT_CHARS_PER_WORD = 100;

    /** The name of the SentencePiece model file of {@link Family#UNIGRAM}. */
    public static final String TOKENIZER_MODEL = "tokenizer.model";

    private final Family family;
    /** The tokenizer: built by the first {@link #tokenizer()} call, or at once where the files are written from it. */
    private final java.util.concurrent.FutureTask<Tokenizer> tokenizer;
    private final Vocabulary vocabulary;
    private final List<Merge> merges;
    /** The SentencePiece model of {@link Family#UNIGRAM}, {@code null} otherwise. */
    private final SentencePieceModel sentencePiece;
    /**
     * The pipeline around a model of the given vocabulary and merges, for {@link StreamedTokenizerJson}'s skeleton;
     * {@code null} when tokenizer.json is written from the tokenizer itself.
     */
    private final java.util.function.BiFunction<Vocabulary, List<Merge>, Tokenizer> pipeline;
    /** Tokens the pipeline looks up in the vocabulary (special and unknown tokens): the skeleton must hold them. */
    private final List<String> lookedUp;
    /** See {@link #skeleton()}; {@code null} when tokenizer.json is written from the tokenizer itself. */
    private final Tokenizer skeleton;
    /** The special tokens, each once, in the order given; {@code null}: ask the tokenizer. */
    private final List<String> specialTokens;

    private TrainedTokenizer(Family family, Tokenizer tokenizer, List<Merge> merges) {
        this.family = family;
        this.tokenizer = new java.util.concurrent.FutureTask<>(() -> tokenizer);
        this.tokenizer.run();
        this.vocabulary = tokenizer.model().vocabulary();
        this.merges = List.copyOf(merges);
        this.sentencePiece = null;
        this.pipeline = null;
        this.lookedUp = List.of();
        this.skeleton = null;
        this.specialTokens = null;
    }

    /**
     * A Unigram result whose tokenizer is built when first asked for ({@link #tokenizer()}): the files need only the
     * SentencePiece model, and the tokenizer's tables (its double-array trie above all: 0.9 s of CPU for 8,000 pieces
     * in {@code subword train}'s JVM) are more work than the rest of writing. The vocabulary is the pieces in id
     * order, as the tokenizer's is (a trained model's pieces are distinct); SentencePiece adds no special tokens
     * (control pieces written in the text are ordinary text, as in {@code spm_encode}).
     */
    private TrainedTokenizer(SentencePieceModel sentencePiece) {
        this.family = Family.UNIGRAM;
        this.tokenizer = new java.util.concurrent.FutureTask<>(sentencePiece::toTokenizer);
        this.vocabulary = Vocabulary.of(sentencePiece.pieces());
        this.merges = List.of();
        this.sentencePiece = sentencePiece;
        this.pipeline = null;
        this.lookedUp = List.of();
        this.skeleton = null;
        this.specialTokens = List.of();
    }

    /**
     * A BPE or WordPiece result whose tokenizer is built when first asked for ({@link #tokenizer()}): the files need
     * only the vocabulary and the merges, and {@code subword train} never asks, so it does not spend the 100 to 160
     * ms of CPU that building the model's tables (merge table, pair map, LinMaxMatch automaton) took at the end of a
     * run, where they competed with the file writers for the cores.
     */
    private TrainedTokenizer(Family family, Vocabulary vocabulary, List<Merge> merges, List<String> specialTokens,
                             List<String> lookedUp,
                             java.util.function.BiFunction<Vocabulary, List<Merge>, Tokenizer> pipeline) {
        this.family = family;
        this.specialTokens = List.copyOf(new java.util.LinkedHashSet<>(specialTokens));
        this.vocabulary = vocabulary;
        this.merges = List.copyOf(merges);
        this.sentencePiece = null;
        this.pipeline = pipeline;
        this.lookedUp = List.copyOf(lookedUp);
        // The skeleton is built here, on the caller's thread: it runs the pipeline's checks (a WordPiece vocabulary
        // without its unknown token, [CLS] or [SEP]) so that they fail here, as building the tokenizer here did.
        this.skeleton = skeleton();
        this.tokenizer = new java.util.concurrent.FutureTask<>(() -> pipeline.apply(vocabulary, this.merges));
        if (skeleton == null) {
            this.tokenizer.run(); // tokenizer.json is written from it
        }
    }

    /**
     * The tokenizer of a BPE family ({@link Family#BPE} or {@link Family#BYTE_LEVEL}) around {@code data}.
     *
     * @throws IllegalArgumentException if {@code family} is {@link Family#WORD_PIECE}, or {@code data} does not
     *                                  fit the family (byte-level or not, suffix)
     */
    public static TrainedTokenizer ofBpe(Family family, BpeModelData data, boolean lowercase) {
        Objects.requireNonNull(data, "data");
        if (family != Family.BPE && family != Family.BYTE_LEVEL) {
            throw new IllegalArgumentException("a BPE model cannot make a " + family + " tokenizer");
        }
        if (data.byteLevel() != (family == Family.BYTE_LEVEL)) {
            throw new IllegalArgumentException("the model is " + (data.byteLevel() ? "" : "not ")
                    + "byte-level, which a " + family + " tokenizer is not");
        }
        List<Merge> merges = new ArrayList<>(data.merges().size());
        for (BpeModelData.Merge m : data.merges()) {
            merges.add(new Merge(m.left(), m.right()));
        }
        List<String> lookedUp = new ArrayList<>(data.specialTokens());
        lookedUp.add(Family.BPE_UNK_TOKEN);
        return new TrainedTokenizer(family, data.vocabulary(), merges, data.specialTokens(), lookedUp, (vocab, ms) -> {
            MergeTable table = MergeTable.fromMerges(vocab, ms, data.continuingSubwordPrefix());
            Tokenizer.Builder b;
            if (family == Family.BYTE_LEVEL) {
                b = Tokenizer.builder(Bpe.byteLevel(vocab, table))
                        .preTokenizer(family.preTokenizer())
                        // ByteLevelBPETokenizer: processors.ByteLevel(trim_offsets=False), HF's other flags default.
                        .postProcessor(ByteLevelPostProcessor.gpt2())
                        .decoder(ByteLevelDecoder.INSTANCE);
            } else {
                String suffix = data.endOfWordSuffix();
                Bpe.Builder model = Bpe.builder(vocab, table)
                        .continuingSubwordPrefix(data.continuingSubwordPrefix())
                        .endOfWordSuffix(suffix);
                if (vocab.contains(Family.BPE_UNK_TOKEN)) {
                    // Without it in the vocabulary, unknown characters are dropped, as HF does with no unk token.
                    model.unkToken(Family.BPE_UNK_TOKEN);
                }
                b = Tokenizer.builder(model.build())
                        .preTokenizer(family.preTokenizer());
                if (suffix != null) {
                    b.decoder(new BpeDecoder(suffix));
                }
            }
            return b.normalizer(family.normalizer(lowercase)).addedTokens(specials(vocab, data.specialTokens()))
                    .build();
        });
    }

    /**
     * The BERT-style tokenizer around {@code data}.
     *
     * @throws IllegalArgumentException if the vocabulary lacks the unknown token, {@code [CLS]} or {@code [SEP]}
     */
    public static TrainedTokenizer ofWordPiece(WordPieceModelData data, boolean lowercase) {
        Objects.requireNonNull(data, "data");
        List<String> lookedUp = new ArrayList<>(data.specialTokens());
        lookedUp.add(data.unkToken());
        return new TrainedTokenizer(Family.WORD_PIECE, data.vocabulary(), List.of(), data.specialTokens(), lookedUp,
                (vocab, ms) ->
                Tokenizer.builder(WordPiece.of(vocab, data.unkToken(), data.continuingSubwordPrefix(),
                                MAX_INPUT_CHARS_PER_WORD))
                        .normalizer(Family.WORD_PIECE.normalizer(lowercase))
                        .preTokenizer(Family.WORD_PIECE.preTokenizer())
                        .postProcessor(BertProcessing.of(vocab))
                        .decoder(new WordPieceDecoder(data.continuingSubwordPrefix(), true))
                        .addedTokens(specials(vocab, data.specialTokens()))
                        .build());
    }

    /** The word-level tokenizer around {@code model}: char-level BPE's normalizer and pre-tokenizer. */
    public static TrainedTokenizer ofWordLevel(WordLevel model, boolean lowercase) {
        Objects.requireNonNull(model, "model");
        Vocabulary vocab = model.vocabulary();
        Tokenizer tok = Tokenizer.builder(model)
                .normalizer(Family.WORD_LEVEL.normalizer(lowercase))
                .preTokenizer(Family.WORD_LEVEL.preTokenizer())
                .addedTokens(specials(vocab, List.of(vocab.token(model.unkId()))))
                .build();
        return new TrainedTokenizer(Family.WORD_LEVEL, tok, List.of());
    }

    /**
     * The SentencePiece tokenizer around {@code data}: the model file SentencePiece's {@code spm_encode} reads
     * (normalization rule {@code options.normalization()}), and the tokenizer that encodes as {@code spm_encode}
     * does.
     */
    public static TrainedTokenizer ofUnigram(UnigramModelData data, TrainingOptions options) {
        Objects.requireNonNull(data, "data");
        List<PieceType> types = new ArrayList<>(data.pieces().size());
        int userFrom = 1 + data.controlSymbols().size();
        int bytesFrom = userFrom + data.userDefinedSymbols().size();
        int learnedFrom = data.metaPieces();
        for (int id = 0; id < data.pieces().size(); id++) {
            types.add(id == data.unkId() ? PieceType.UNKNOWN : id < userFrom ? PieceType.CONTROL
                    : id < bytesFrom ? PieceType.USER_DEFINED : id < learnedFrom ? PieceType.BYTE : PieceType.NORMAL);
        }
        SentencePieceModel model = SentencePieceModel.of(SentencePieceModel.ModelType.UNIGRAM, data.pieces(),
                data.scores(), types, UnigramTrainer.charsMap(options.normalization()), options.normalization(),
                data.byteFallback());
        return new TrainedTokenizer(model);
    }

    private static List<AddedToken> specials(Vocabulary vocab, List<String> specialTokens) {
        List<AddedToken> added = new ArrayList<>(specialTokens.size());
        for (String s : specialTokens) {
            int id = vocab.id(s);
            assert id >= 0 : "trainers put every special token in the vocabulary: " + s;
            if (added.stream().noneMatch(a -> a.content().equals(s))) {
                added.add(AddedToken.special(s, id));
            }
        }
        return added;
    }

    public Family family() {
        return family;
    }

    /** The tokenizer, with the pipeline of its family; for BPE, WordPiece and Unigram built on the first call. */
    public Tokenizer tokenizer() {
        tokenizer.run(); // builds it here if nobody has started to (a no-op if it is built or being built)
        return Await.result(tokenizer, "building the tokenizer");
    }

    /** The vocabulary (the tokenizer's model's), without waiting for the tokenizer to be built. */
    public Vocabulary vocabulary() {
        return vocabulary != null ? vocabulary : tokenizer().vocabulary();
    }

    /**
     * The special tokens (the tokenizer's added tokens), each once, in the order they take ids; for BPE, WordPiece
     * and Unigram without building the tokenizer.
     */
    public List<String> specialTokens() {
        return specialTokens != null ? specialTokens
                : tokenizer().addedTokens().stream().map(AddedToken::content).toList();
    }

    /** The merges in rank order; empty for WordPiece. */
    public List<Merge> merges() {
        return merges;
    }

    /** The names of the files {@link #writeAll} writes for {@code family}, in the order it writes them. */
    public static List<String> fileNames(Family family) {
        return switch (family) {
            case WORD_PIECE, WORD_LEVEL -> List.of(VOCAB_TXT, TOKENIZER_JSON);
            case BPE, BYTE_LEVEL -> List.of(VOCAB_JSON, MERGES_TXT, TOKENIZER_JSON);
            case UNIGRAM -> List.of(TOKENIZER_MODEL, TOKENIZER_JSON);
        };
    }

    /**
     * Writes {@code tokenizer.json} and the vocabulary files of the family into {@code dir} (created if
     * missing), each atomically: a crash leaves the previous file or none, never part of one. Files of the
     * same names are replaced.
     *
     * @return the files written, in {@link #fileNames} order
     */
    public List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> names = fileNames(family);
        // Each file but the first is written on a thread of its own while the first is written here: tokenizer.json,
        // the largest, would otherwise leave the second core idle at the end of training, and each file is forced to
        // disk before its rename, so their waits for the disk overlap too.
        List<java.util.concurrent.FutureTask<Void>> others = new ArrayList<>(names.size() - 1);
        for (String name : names.subList(1, names.size())) {
            java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
                write(name, dir.resolve(name));
                return null;
            });
            Thread writer = new Thread(task, "subword-write-" + name);
            writer.setDaemon(true);
            writer.start();
            others.add(task);
        }
        Exception failure = null;
        try {
            write(names.get(0), dir.resolve(names.get(0)));
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        // Never return (or fail) while a file is still being written; the first failure is the one reported.
        for (int i = 0; i < others.size(); i++) {
            try {
                Await.resultOrIo(others.get(i), "writing " + dir.resolve(names.get(i + 1)));
            } catch (IOException | RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        List<Path> written = new ArrayList<>(names.size());
        for (String name : names) {
            written.add(dir.resolve(name));
        }
        return written;
    }

    private void write(String name, Path file) throws IOException {
        switch (name) {
            case VOCAB_TXT -> VocabTxt.write(vocabulary, file);
            case VOCAB_JSON -> VocabJson.write(vocabulary, file);
            case MERGES_TXT -> MergesTxt.write(merges, file);
            case TOKENIZER_JSON -> {
                if (sentencePiece != null) {
                    AtomicFiles.writeString(file, sentencePiece.toHuggingFaceJson());
                } else if (skeleton == null || !StreamedTokenizerJson.write(skeleton, vocabulary, merges, file)) {
                    TokenizerJson.write(tokenizer(), file);
                }
            }
            case TOKENIZER_MODEL -> sentencePiece.write(file);
            default -> throw new AssertionError(name);
        }
    }

    /**
     * The pipeline around the first ids of the vocabulary (the special tokens, the unknown token and room for the
     * alphabet) and no merges, from which {@link StreamedTokenizerJson} takes everything but the vocabulary and the
     * merges; {@code null} when this result has no such pipeline or those ids are not all tokens.
     */
    private Tokenizer skeleton() {
        if (pipeline == null) {
            return null;
        }
        List<String> tokens = vocabulary.tokens();
        int firstIds = 0;
        for (String t : lookedUp) {
            firstIds = Math.max(firstIds, vocabulary.id(t) + 1);
        }
        firstIds = Math.min(tokens.size(), firstIds + 256);
        List<String> first = tokens.subList(0, firstIds);
        if (first.contains(null) || firstIds > 4096) {
            return null;
        }
        return pipeline.apply(Vocabulary.of(first), List.of());
    }

    @Override
    public String toString() {
        return "TrainedTokenizer[" + family + ", " + vocabulary().size() + " tokens, " + merges.size()
                + " merges]";
    }
}
