package io.subword.cli;

import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.vocab.io.TiktokenRanks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run that {@code bin/subword} archives classes from ({@code -XX:ArchiveClassesAtExit}) when the jar is new:
 * the short commands people time, each on small files made here, so that the class-data-sharing archive holds what
 * all of them load whichever command comes first: {@code encode} of one line with a WordPiece tokenizer.json and
 * with tiktoken ranks (each twice: building the {@link TokenizerCache} entry, then reading it), {@code inspect},
 * and the help. Nothing is printed; the files and the cache entries are removed afterwards.
 */
public final class CdsTraining {
    /** A few lines with accents, Greek, CJK, digits and punctuation, so that every branch of counting runs. */
    private static final List<String> TRAINING_LINES = List.of(
            "The quick brown fox jumps over the lazy dog; 42 wizards quietly hex jumbo pies.",
            "Déjà vu: naïve café owners in São Paulo said \"olá\" to the Ελληνικά speakers.",
            "東京 and 北京 are cities, 2024-05-01 was a date, and that's all (for now).",
            "the the the quick quick brown brown dog dog dog lazy lazy fox fox jumps");

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("subword-cds-training");
        try {
            Path vocab = dir.resolve("vocab.txt");
            Files.write(vocab, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s", "!"),
                    StandardCharsets.UTF_8);
            Path json = dir.resolve("tokenizer.json");
            // with truncation and padding, as bert-base-uncased's file has them, so their classes are archived too
            TokenizerJson.write(Tokenizers.fromVocabTxt(vocab, true).withTruncation(io.subword.post.Truncation.of(128))
                    .withPadding(io.subword.post.Padding.fixed(128, 0, "[PAD]")), json);
            List<byte[]> ranks = new ArrayList<>();
            for (int b = 0; b < 256; b++) {
                ranks.add(new byte[] {(byte) b});
            }
            ranks.add("he".getBytes(StandardCharsets.US_ASCII));
            Path tiktoken = dir.resolve("cl100k_base.tiktoken");
            TiktokenRanks.of(ranks).write(tiktoken);
            System.setProperty(TokenizerCache.FOLDER_PROPERTY, dir.resolve("cache").toString());
            MavenArtifacts.cacheDir(); // only a path; loaded so that its classes, which every real run uses, are archived
            for (int round = 0; round < 2; round++) {
                run("hello worlds!\n", "encode", "-t", json.toString());
                run("hello worlds!\n", "encode", "-t", tiktoken.toString());
                run("", "inspect", "-t", json.toString(), "hellos");
            }
            // train of each family on a few lines: the trainers, the counting and merge loops, the writers (about
            // 140 classes that `train` otherwise parses and verifies from the jar on its critical path)
            Path corpus = dir.resolve("corpus.txt");
            Files.writeString(corpus, String.join("\n", TRAINING_LINES), StandardCharsets.UTF_8);
            for (String family : List.of("bytelevel", "wordpiece", "bpe", "unigram")) {
                run("", "train", family, "--vocab-size", family.equals("bytelevel") ? "300" : "150", "--threads",
                        "2", "--quiet", "-o", dir.resolve("trained-" + family).toString(), corpus.toString());
            }
            run("", "encode", "--help");
            run("", "--version");
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(String stdin, String... args) throws IOException {
        TokenizerPrefetch.start(args); // as Main does, so the loading threads' classes are archived as well
        StringWriter sink = new StringWriter();
        int code = Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), new PrintWriter(sink), new PrintWriter(sink), args);
        if (code != 0) {
            throw new IOException("training run " + String.join(" ", args) + " failed: " + sink);
        }
    }
}
