package io.subword.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The helpers of {@code benchmarks/encode-process}, which times whole processes:
 * <ul>
 *   <li>{@code prepare OUT MB}: writes the English lines of the Europarl sample, repeated, until the file holds
 *       {@code MB} megabytes; prints the path of bert-base-uncased's tokenizer.json without truncation and padding;</li>
 *   <li>{@code tokenizer}: only prints that path (the script makes its English text itself);</li>
 *   <li>{@code djl TOKENIZER IN}: Hugging Face tokenizers through DJL as a whole process: reads IN, encodes it in
 *       batches of 1,024 lines with {@code batchEncode} (special tokens added, Rust's thread pool) and writes one
 *       line of ids per line to stdout, as {@code subword encode} does;</li>
 *   <li>{@code library TOKENIZER IN}: our library in-process: reads IN, then times one {@code encodeBatch} over all
 *       lines and prints {@code encodeBatch_s=...} to stderr (the figure the CLI's whole process is held to).</li>
 * </ul>
 */
public final class EncodeProcessMain {
    private static final int BATCH = 1024;

    /** Common English words: a line with many of them is English (Europarl mixes 21 languages). */
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "that", "in", "we", "this",
            "for", "are", "it", "be", "have", "which", "not", "with", "on", "as", "by");

    private EncodeProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Long.parseLong(args[2]));
            case "tokenizer" -> System.out.println(RealData.bertUncasedTokenizerJsonWithoutLimits());
            case "djl" -> djl(Path.of(args[1]), Path.of(args[2]));
            case "library" -> library(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void prepare(Path out, long megabytes) throws IOException {
        List<String> english = new ArrayList<>();
        for (String line : RealData.europarlLines()) {
            String[] words = line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
            int hits = 0;
            for (String w : words) {
                hits += ENGLISH.contains(w) ? 1 : 0;
            }
            if (words.length >= 5 && hits * 5 >= words.length) {
                english.add(line);
            }
        }
        long target = megabytes * 1_000_000L;
        long written = 0;
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; written < target; i = (i + 1) % english.size()) {
                String line = english.get(i);
                w.write(line);
                w.write('\n');
                written += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        System.err.printf(Locale.ROOT, "%,d English lines of %,d; wrote %,d bytes%n", english.size(),
                RealData.europarlLines().size(), written);
        System.out.println(RealData.bertUncasedTokenizerJsonWithoutLimits());
    }

    private static void djl(Path tokenizerJson, Path in) throws IOException {
        HuggingFaceTokenizer tok = HfReference.load(tokenizerJson, true).raw();
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), 1 << 16);
        StringBuilder sb = new StringBuilder();
        for (int from = 0; from < lines.size(); from += BATCH) {
            List<String> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
            Encoding[] encodings = tok.batchEncode(batch.toArray(new String[0]), true, false);
            for (Encoding e : encodings) {
                sb.setLength(0);
                long[] ids = e.getIds();
                for (int i = 0; i < ids.length; i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    sb.append(ids[i]);
                }
                out.append(sb).append('\n');
            }
        }
        out.flush();
        System.exit(0); // DJL's native threads
    }

    private static void library(Path tokenizerJson, Path in) throws Exception {
        Tokenizer tok = Tokenizers.fromFile(tokenizerJson);
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long tokens = 0;
        for (var e : tok.encodeBatch(lines, true)) {
            tokens += e.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "encodeBatch_s=%.3f tokens=%d%n", seconds, tokens);
    }
}
