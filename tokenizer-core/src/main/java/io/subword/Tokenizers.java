package io.subword;

import io.subword.bpe.Bpe;
import io.subword.decode.ByteLevelDecoder;
import io.subword.decode.WordPieceDecoder;
import io.subword.json.TokenizerJson;
import io.subword.model.MergeModel;
import io.subword.model.Model;
import io.subword.normalize.BertNormalizer;
import io.subword.post.BertProcessing;
import io.subword.post.ByteLevelPostProcessor;
import io.subword.pretokenize.BertPreTokenizer;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.PreTokenizer;
import io.subword.pretokenize.SequencePreTokenizer;
import io.subword.pretokenize.SplitPattern;
import io.subword.pretokenize.SplitPreTokenizer;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.TiktokenRanks;
import io.subword.vocab.io.InputFormatException;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import io.subword.wordpiece.WordPiece;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One-line loaders of ready-to-use tokenizers.
 *
 * <pre>{@code
 * Tokenizer hf = Tokenizers.fromFile(Path.of("tokenizer.json"));
 * Tokenizer bert = Tokenizers.fromVocabTxt(Path.of("vocab.txt"));          // bert-base-uncased
 * Tokenizer cased = Tokenizers.fromVocabTxt(Path.of("vocab.txt"), false);  // bert-base-cased
 * Tokenizer gpt2 = Tokenizers.fromGpt2Files(Path.of("vocab.json"), Path.of("merges.txt"));
 * Tokenizer gpt4 = Tokenizers.fromTiktoken(Path.of("cl100k_base.tiktoken"));  // tiktoken's special-token rules
 * }</pre>
 */
public final class Tokenizers {
    /** BERT's special tokens, added as special tokens when the vocabulary has them. */
    private static final List<String> BERT_SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private static final String ENDOFTEXT = "<|endoftext|>";

    private Tokenizers() {
    }

    /**
     * A Hugging Face {@code tokenizer.json}, or a SentencePiece {@code .model} (detected by its name or its
     * first byte), which encodes as SentencePiece does ({@link io.subword.sentencepiece.SentencePieceModel}).
     *
     * @throws InputFormatException naming the file and the line/column or JSON path of the problem
     */
    public static Tokenizer fromFile(Path tokenizerJson) throws InputFormatException, IOException {
        if (isSentencePieceModel(tokenizerJson)) {
            return io.subword.sentencepiece.SentencePieceModel.read(tokenizerJson).toTokenizer();
        }
        return TokenizerJson.read(tokenizerJson);
    }

    /**
     * Whether {@code file} is a SentencePiece {@code .model} (a protobuf) rather than JSON: its name ends in
     * {@code .model}, or its first byte cannot start a JSON document.
     */
    static boolean isSentencePieceModel(Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".model")) {
            return true;
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\t' || b == '\n' || b == '\r');
            // JSON starts with '{' (or a UTF-8 BOM) after whitespace; a ModelProto never does
            return b != '{' && b != 0xEF && b != -1;
        }
    }

    /**
     * GPT-2 from its {@code vocab.json} and {@code merges.txt}; see {@link #gpt2}.
     *
     * @throws InputFormatException naming the file and line (merges.txt) or line and column (vocab.json) of a
     *                              malformed entry, or a merge whose tokens are not in the vocabulary
     */
    public static Tokenizer fromGpt2Files(Path vocabJson, Path mergesTxt) throws InputFormatException, IOException {
        Vocabulary vocab = VocabJson.read(vocabJson);
        MergeTable merges = MergesTxt.read(mergesTxt, vocab);
        return gpt2(vocab, merges);
    }

    /**
     * The GPT-2 pipeline over a byte-level vocabulary, as the {@code gpt2} tokenizer.json on the Hugging Face hub
     * has it (made by transformers' {@code GPT2Converter}): the ByteLevel pre-tokenizer without a prefix space
     * (GPT-2's split pattern), byte-level BPE, the ByteLevel post-processor with {@code trim_offsets} off (so a
     * token {@code Ġworld} covers its space) and the ByteLevel decoder; {@code <|endoftext|>}, when the vocabulary
     * has it, is a special added token. Special tokens are matched as Hugging Face matches them
     * ({@link SpecialTokenPolicy#ALLOW_ALL}).
     */
    public static Tokenizer gpt2(Vocabulary vocab, MergeTable merges) {
        List<AddedToken> specials = new ArrayList<>();
        int eot = vocab.id(ENDOFTEXT);
        if (eot >= 0) {
            specials.add(AddedToken.special(ENDOFTEXT, eot));
        }
        return Tokenizer.builder(Bpe.byteLevel(vocab, merges))
                .preTokenizer(ByteLevelPreTokenizer.gpt2())
                .postProcessor(ByteLevelPostProcessor.gpt2())
                .decoder(ByteLevelDecoder.INSTANCE)
                .addedTokens(specials)
                .build();
    }

    /**
     * A tiktoken rank file whose name tells the encoding ({@code r50k_base.tiktoken}, {@code cl100k_base.tiktoken}
     * ...); see {@link #fromTiktoken(Path, TiktokenEncoding)}.
     *
     * @throws IllegalArgumentException if the file name names no known encoding
     * @throws InputFormatException     naming the file and line of a malformed entry
     */
    public static Tokenizer fromTiktoken(Path ranks) throws InputFormatException, IOException {
        String name = String.valueOf(ranks.getFileName());
        TiktokenEncoding encoding = TiktokenEncoding.forFileName(name).orElseThrow(() -> new IllegalArgumentException(
                "cannot tell the split pattern of " + ranks + " from its name; name the pattern (gpt2, cl100k,"
                        + " o200k)"));
        return fromTiktoken(ranks, encoding);
    }

    /** A tiktoken rank file of a known encoding, with its pattern and special tokens; see {@link #tiktoken}. */
    public static Tokenizer fromTiktoken(Path ranks, TiktokenEncoding encoding) throws InputFormatException,
            IOException {
        return tiktoken(TiktokenRanks.read(ranks), encoding.pattern(), encoding.specialTokens());
    }

    /**
     * A tiktoken rank file split with {@code pattern}. Its special tokens are those of the encoding that the file
     * name names ({@link TiktokenEncoding#forFileName}) if that encoding uses {@code pattern}, else none.
     */
    public static Tokenizer fromTiktoken(Path ranks, SplitPattern pattern) throws InputFormatException, IOException {
        Map<String, Integer> specials = TiktokenEncoding.forFileName(String.valueOf(ranks.getFileName()))
                .filter(e -> e.pattern() == pattern)
                .map(TiktokenEncoding::specialTokens)
                .orElse(Map.of());
        return tiktoken(TiktokenRanks.read(ranks), pattern, specials);
    }

    /**
     * The tiktoken pipeline, exactly as tiktoken encodes: the text is cut at the special tokens, then into pieces
     * by {@code pattern}, and each piece is byte-level BPE over the ranks ({@link Bpe#fromTiktoken}). The special
     * tokens are special added tokens; the tokenizer's {@linkplain Tokenizer#specialTokenPolicy() policy} is
     * tiktoken's default, {@link SpecialTokenPolicy#DISALLOW_ALL}: a text that contains one throws (change it
     * with {@link Tokenizer#withSpecialTokenPolicy} or per call with {@link Tokenizer#encode(String,
     * SpecialTokenPolicy)}).
     *
     * <p>The stages are those a Hugging Face tokenizer.json of the same encoding has, so that
     * {@code TokenizerJson.write} gives a file Hugging Face loads: for the GPT-2 pattern the ByteLevel
     * pre-tokenizer (no prefix space), else {@code Sequence[Split(pattern, Isolated), ByteLevel(no prefix space,
     * no regex)]}; the ByteLevel post-processor without offset trimming; the ByteLevel decoder.
     *
     * @param specialTokens content -> id; an id may not be a rank of another token
     * @throws IllegalArgumentException if a special token's id is the rank of a different token
     */
    public static Tokenizer tiktoken(TiktokenRanks ranks, SplitPattern pattern, Map<String, Integer> specialTokens) {
        return tiktoken(Bpe.fromTiktoken(ranks), pattern, specialTokens);
    }

    /**
     * As {@link #tiktoken(TiktokenRanks, SplitPattern, Map)}, over a model already built from the ranks (a byte-level
     * {@link Bpe} whose merge table is {@linkplain io.subword.vocab.MergeTable#isByConcatenation by concatenation}),
     * such as one restored from a cache.
     */
    public static Tokenizer tiktoken(Bpe model, SplitPattern pattern, Map<String, Integer> specialTokens) {
        return tiktokenPipeline(model, pattern, specialTokens)
                .specialTokenPolicy(SpecialTokenPolicy.DISALLOW_ALL)
                .build();
    }

    private static Tokenizer.Builder tiktokenPipeline(Bpe model, SplitPattern pattern,
                                                      Map<String, Integer> specialTokens) {
        List<AddedToken> specials = new ArrayList<>();
        specialTokens.forEach((content, id) -> specials.add(AddedToken.special(content, id)));
        PreTokenizer pre = pattern == SplitPattern.GPT2
                ? ByteLevelPreTokenizer.gpt2()
                : new SequencePreTokenizer(List.of(SplitPreTokenizer.of(pattern), ByteLevelPreTokenizer.afterSplit()));
        return Tokenizer.builder(model)
                .preTokenizer(pre)
                .postProcessor(ByteLevelPostProcessor.gpt2())
                .decoder(ByteLevelDecoder.INSTANCE)
                .addedTokens(specials);
    }

    /**
     * {@code tokenizer} as it is written to a tokenizer.json or to vocab.json + merges.txt, meaning the same to
     * Hugging Face:
     * <ul>
     *   <li>its BPE merge rule written out as a ranked merge list. A tiktoken model merges any two adjacent
     *       tokens whose concatenation is a token, by that token's rank; a merge list instead has, for each token
     *       of two or more bytes in rank order, the one pair that BPE with the lower ranks splits it into
     *       ({@link MergeTable#merges}). A model that already has a merge list keeps it.</li>
     *   <li>its added tokens in the model's vocabulary at their ids, as GPT-2's vocab.json has
     *       {@code <|endoftext|>}. Hugging Face ignores the id of an added token that the model's vocabulary lacks
     *       and gives it the next id after the vocabulary: cl100k's {@code <|endoftext|>} 100257 would become
     *       100256.</li>
     * </ul>
     * Everything else (stages, added tokens, policy) is kept.
     *
     * @throws IllegalArgumentException if the model is not BPE, or a token cannot be derived from two lower-ranked
     *                                  tokens
     */
    public static Tokenizer withMergeList(Tokenizer tokenizer) {
        if (!(tokenizer.model() instanceof MergeModel bpe)) {
            throw new IllegalArgumentException("only a BPE model has merges; this tokenizer's model is "
                    + tokenizer.model());
        }
        Vocabulary vocab = bpe.vocabulary();
        MergeTable merges = bpe.merges().isByConcatenation()
                ? MergeTable.fromMerges(vocab, bpe.merges().merges(vocab))
                : bpe.merges();
        Vocabulary withAdded = withAddedTokens(vocab, tokenizer.addedTokens());
        if (merges == bpe.merges() && withAdded == vocab) {
            return tokenizer;
        }
        // the added tokens take ids the vocabulary does not use, so the merge table's ids stay valid; no merge
        // makes an added token, so the model never produces one
        return copyWithModel(tokenizer, bpe.withMerges(withAdded, merges));
    }

    /** {@code vocab} with the added tokens it lacks at their ids, or {@code vocab} itself when it has them all. */
    private static Vocabulary withAddedTokens(Vocabulary vocab, List<AddedToken> added) {
        Map<String, Integer> map = null;
        for (AddedToken t : added) {
            if (!vocab.contains(t.content())) {
                if (map == null) {
                    map = new java.util.HashMap<>(vocab.tokenCount() * 2);
                    List<String> tokens = vocab.tokens();
                    for (int id = 0; id < tokens.size(); id++) {
                        if (tokens.get(id) != null) {
                            map.put(tokens.get(id), id);
                        }
                    }
                }
                map.put(t.content(), t.id());
            }
        }
        return map == null ? vocab : Vocabulary.fromMap(map);
    }

    private static Tokenizer copyWithModel(Tokenizer t, Model model) {
        return Tokenizer.builder(model)
                .normalizer(t.normalizer())
                .preTokenizer(t.preTokenizer())
                .postProcessor(t.postProcessor())
                .decoder(t.decoder())
                .addedTokens(t.addedTokens())
                .truncation(t.truncation())
                .padding(t.padding())
                .specialTokenPolicy(t.specialTokenPolicy())
                .build();
    }

    /** BERT uncased (bert-base-uncased) from its {@code vocab.txt}; see {@link #bert}. */
    public static Tokenizer fromVocabTxt(Path vocabTxt) throws InputFormatException, IOException {
        return fromVocabTxt(vocabTxt, true);
    }

    /**
     * BERT from its {@code vocab.txt}: uncased (lowercase and strip accents) or cased (keep both).
     *
     * @throws InputFormatException naming the file when it is malformed or lacks [UNK], [CLS] or [SEP]
     */
    public static Tokenizer fromVocabTxt(Path vocabTxt, boolean lowercase) throws InputFormatException, IOException {
        Vocabulary vocab = VocabTxt.read(vocabTxt);
        try {
            return bert(vocab, lowercase);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(vocabTxt, null, e.getMessage(), e);
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
                .normalizer(lowercase ? BertNormalizer.uncased() : BertNormalizer.cased().withStripAccents(Boolean.FALSE))
                .preTokenizer(BertPreTokenizer.INSTANCE)
                .postProcessor(BertProcessing.of(vocab))
                .decoder(new WordPieceDecoder("##", true))
                .addedTokens(specials)
                .build();
    }
}
