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
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("subword-cds-training");
        try {
            Path vocab = dir.resolve("vocab.txt");
            Files.write(vocab, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s", "!"),
                    StandardCharsets.UTF_8);
            Path json = dir.resolve("tokenizer.json");
            TokenizerJson.write(Tokenizers.fromVocabTxt(vocab, true), json);
            List<byte[]> ranks = new ArrayList<>();
            for (int b = 0; b < 256; b++) {
                ranks.add(new byte[] {(byte) b});
            }
            ranks.add("he".getBytes(StandardCharsets.US_ASCII));
            Path tiktoken = dir.resolve("cl100k_base.tiktoken");
            TiktokenRanks.of(ranks).write(tiktoken);
            System.setProperty(TokenizerCache.FOLDER_PROPERTY, dir.resolve("cache").toString());
            for (int round = 0; round < 2; round++) {
                run("hello worlds!\n", "encode", "-t", json.toString());
                run("hello worlds!\n", "encode", "-t", tiktoken.toString());
                run("", "inspect", "-t", json.toString(), "hellos");
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
        StringWriter sink = new StringWriter();
        int code = Main.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), new PrintWriter(sink), new PrintWriter(sink), args).execute(args);
        if (code != 0) {
            throw new IOException("training run " + String.join(" ", args) + " failed: " + sink);
        }
    }
}
