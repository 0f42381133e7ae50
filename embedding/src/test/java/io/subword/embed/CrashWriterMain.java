package io.subword.embed;

import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.vocab.Merge;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.TiktokenRanks;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The victim of {@link CrashSafetyTest}: writes every output file this library produces into a folder, over and
 * over, each round {@code k} with content that says {@code k} everywhere (so a reader can tell a whole round from
 * a mix), until it is killed. Files are big enough (megabytes) that a kill usually lands inside a write.
 */
public final class CrashWriterMain {
    static final int TOKENS = 60_000;
    static final int DIM = 32;

    static final List<String> FILES = List.of("vocab.txt", "vocab.json", "merges.txt", "ranks.tiktoken",
            "tokenizer.json", "vectors.vec", "vectors.bin", "vectors.npy", "vectors.vocab.txt");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (int k = 1; ; k++) {
            writeRound(dir, k);
            // tell the parent that round k is complete, for its bookkeeping only
            System.out.println("round " + k);
            System.out.flush();
        }
    }

    /** The tokens of round {@code k}: {@code [UNK] [CLS] [SEP] k} then {@code k_i}. */
    static List<String> tokens(int k) {
        List<String> tokens = new ArrayList<>(TOKENS);
        tokens.addAll(List.of("[UNK]", "[CLS]", "[SEP]", "r" + k));
        for (int i = tokens.size(); i < TOKENS; i++) {
            tokens.add("r" + k + "_" + i);
        }
        return tokens;
    }

    static void writeRound(Path dir, int k) throws Exception {
        List<String> tokens = tokens(k);
        Vocabulary vocab = Vocabulary.of(tokens);
        VocabTxt.write(vocab, dir.resolve("vocab.txt"));
        VocabJson.write(vocab, dir.resolve("vocab.json"));
        List<Merge> merges = new ArrayList<>();
        for (int i = 4; i < TOKENS; i++) {
            merges.add(new Merge("r" + k, "_" + i));
        }
        MergesTxt.write(merges, dir.resolve("merges.txt"));
        List<byte[]> ranks = new ArrayList<>();
        for (String t : tokens) {
            ranks.add(t.getBytes(StandardCharsets.UTF_8));
        }
        TiktokenRanks.of(ranks).write(dir.resolve("ranks.tiktoken"));
        Tokenizer bert = Tokenizers.bert(vocab, true);
        TokenizerJson.write(bert, dir.resolve("tokenizer.json"));
        float[] data = new float[TOKENS * DIM];
        Arrays.fill(data, k);
        EmbeddingTable table = EmbeddingTable.wrap(TOKENS, DIM, data);
        Word2VecText.write(dir.resolve("vectors.vec"), tokens, table);
        Word2VecBinary.write(dir.resolve("vectors.bin"), tokens, table);
        NpyFile.write(dir.resolve("vectors.npy"), dir.resolve("vectors.vocab.txt"), tokens, table);
    }
}
