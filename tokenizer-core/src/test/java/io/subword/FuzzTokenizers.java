package io.subword;

import io.subword.bpe.Bpe;
import io.subword.decode.ByteLevelDecoder;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.SplitPattern;
import io.subword.pretokenize.SplitPreTokenizer;
import io.subword.pretokenize.WhitespaceSplit;
import io.subword.testkit.RealData;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.TiktokenRanks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokenizers the reliability suites hammer, one per encoder family: WordPiece (real BERT uncased), BPE
 * char-level (with an unknown token, with byte fallback, and dropping unknown characters), byte-level (real
 * GPT-2 r50k and cl100k ranks) and word-level. Built once per JVM.
 */
final class FuzzTokenizers {
    private FuzzTokenizers() {
    }

    /** The names, in a fixed order. */
    static final List<String> NAMES = List.of("wordpiece-bert", "bpe-char-unk", "bpe-char-byte-fallback",
            "bpe-char-drop-unknown", "bpe-byte-level-gpt2", "bpe-byte-level-cl100k", "word-level");

    private static final Map<String, Tokenizer> CACHE = new ConcurrentHashMap<>();

    static synchronized Tokenizer get(String name) {
        Tokenizer t = CACHE.get(name);
        if (t == null) {
            t = build(name); // may build another one first, so not inside computeIfAbsent
            CACHE.put(name, t);
        }
        return t;
    }

    /** Whether decode(encode(x)) gives x back (with lone surrogates as U+FFFD). */
    static boolean roundTrips(String name) {
        return name.startsWith("bpe-byte-level");
    }

    private static Tokenizer build(String name) {
        try {
            return switch (name) {
                case "wordpiece-bert" -> Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
                case "bpe-char-unk" -> charLevel(b -> b.unkToken("<unk>").fuseUnk(true), false);
                case "bpe-char-byte-fallback" -> charLevel(b -> b.byteFallback(true), true);
                case "bpe-char-drop-unknown" -> charLevel(b -> b, false);
                case "bpe-byte-level-gpt2" -> Tokenizer.builder(Bpe.fromTiktoken(TiktokenRanks.read(RealData.tiktoken("r50k_base"))))
                        .preTokenizer(ByteLevelPreTokenizer.gpt2())
                        .decoder(ByteLevelDecoder.INSTANCE).build();
                case "bpe-byte-level-cl100k" -> Tokenizer.builder(Bpe.fromTiktoken(TiktokenRanks.read(RealData.tiktoken("cl100k_base"))))
                        .preTokenizer(SplitPreTokenizer.of(SplitPattern.CL100K))
                        .decoder(ByteLevelDecoder.INSTANCE).build();
                case "word-level" -> wordLevel();
                default -> throw new IllegalArgumentException(name);
            };
        } catch (Exception e) {
            throw new AssertionError(name, e);
        }
    }

    /** A word-level model over the BERT uncased vocabulary's whole words, BERT's normalizer and pre-tokenizer. */
    private static Tokenizer wordLevel() throws Exception {
        Tokenizer bert = get("wordpiece-bert");
        Vocabulary v = bert.model().vocabulary();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String t : v.tokens()) {
            if (t != null && !t.startsWith("##")) {
                ids.put(t, ids.size());
            }
        }
        return Tokenizer.builder(io.subword.wordlevel.WordLevel.of(Vocabulary.fromMap(ids), "[UNK]"))
                .normalizer(bert.normalizer()).preTokenizer(bert.preTokenizer()).build();
    }

    /**
     * A char-level BPE over printable ASCII (and, with byte fallback, {@code <0x00>..<0xFF>}) with the merges that
     * spell a few English words left to right, split on whitespace.
     */
    private static Tokenizer charLevel(java.util.function.UnaryOperator<Bpe.Builder> options, boolean byteTokens) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        ids.put("<unk>", 0);
        for (char c = '!'; c <= '~'; c++) {
            ids.put(String.valueOf(c), ids.size());
        }
        ids.put("\u00e9", ids.size());
        if (byteTokens) {
            for (int b = 0; b < 256; b++) {
                ids.put(String.format("<0x%02X>", b), ids.size());
            }
        }
        List<Merge> merges = new ArrayList<>();
        for (String word : List.of("the", "ing", "tion", "and", "hello", "world", "caf\u00e9", "ab", "aaaa")) {
            String left = word.substring(0, 1);
            for (int i = 1; i < word.length(); i++) {
                String right = word.substring(i, i + 1);
                String joined = left + right;
                if (!ids.containsKey(joined)) {
                    ids.put(joined, ids.size());
                    merges.add(new Merge(left, right));
                }
                left = joined;
            }
        }
        Vocabulary vocab = Vocabulary.fromMap(ids);
        Bpe bpe = options.apply(Bpe.builder(vocab, MergeTable.fromMerges(vocab, merges))).build();
        Tokenizer.Builder b = Tokenizer.builder(bpe).preTokenizer(WhitespaceSplit.INSTANCE);
        if (byteTokens) {
            b.decoder(io.subword.decode.ByteFallbackDecoder.INSTANCE);
        }
        return b.build();
    }
}
