package io.subword.parity;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.post.ByteLevelPostProcessor;
import io.subword.testkit.HfReference;
import io.subword.testkit.JtokkitReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The GPT-2 tokenizer.json converted from {@code r50k_base.tiktoken} ({@link Tokenizers#withMergeList} of
 * {@link Tokenizers#fromTiktoken}, written by {@link TokenizerJson#write}): Hugging Face tokenizers (through DJL)
 * loads it, and on every Europarl line and every hard case
 * <ul>
 *   <li>our tokenizer read back from the file gives Hugging Face's ids and code point offsets, both as converted
 *       (ByteLevel post-processor without offset trimming, as the hub's {@code gpt2} has it) and with
 *       {@code trim_offsets} on, which narrows offsets to leave out spaces;</li>
 *   <li>its ids are jtokkit's {@code r50k_base} ids, so the conversion of tiktoken's merge-by-concatenation rule
 *       to a ranked merge list loses nothing on real text.</li>
 * </ul>
 * Hugging Face is the slow side (the Rust library through JNI, about 0.3 MB/s here), so the {@code trim_offsets}
 * variant runs on a deterministic sample.
 */
class Gpt2TokenizerJsonParityTest {
    private static final int BATCH = 1024;
    static final int TRIM_SAMPLE_EVERY = 4;

    @TempDir
    static Path dir;

    private static Tokenizer converted;
    private static Path json;
    private static Path trimJson;
    private static long conversionNanos;

    @BeforeAll
    static void convert() throws Exception {
        long t0 = System.nanoTime();
        Tokenizer tiktoken = Tokenizers.fromTiktoken(RealData.tiktoken("r50k_base"), TiktokenEncoding.R50K_BASE);
        converted = Tokenizers.withMergeList(tiktoken);
        json = dir.resolve("gpt2-tokenizer.json");
        TokenizerJson.write(converted, json);
        trimJson = dir.resolve("gpt2-trim-offsets-tokenizer.json");
        TokenizerJson.write(converted.toBuilder().postProcessor(new ByteLevelPostProcessor()).build(),
                trimJson);
        conversionNanos = System.nanoTime() - t0;
    }

    @Test
    void theConvertedFileReadsBackAsTheSameTokenizer() throws Exception {
        Tokenizer back = Tokenizers.fromFile(json);
        assertEquals(50257, back.vocabulary().tokenCount());
        assertEquals(50000, ((io.subword.bpe.Bpe) back.model()).merges().size());
        assertEquals(TokenizerJson.toJson(converted), TokenizerJson.toJson(back));
        assertEquals(List.of(50256), back.addedTokens().stream().map(io.subword.AddedToken::id).toList());
    }

    /**
     * As converted: every Europarl line and hard case, ids and offsets against Hugging Face and ids against
     * jtokkit. With {@code trim_offsets}: every {@value #TRIM_SAMPLE_EVERY}th line (a deterministic sample, to keep
     * the suite near a minute; Hugging Face is the slow side) and every hard case.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"as converted", "trim_offsets"})
    void idsAndOffsetsAreHuggingFaces(String variant) throws Exception {
        boolean trim = variant.equals("trim_offsets");
        Path file = trim ? trimJson : json;
        int every = trim ? TRIM_SAMPLE_EVERY : 1;
        long t0 = System.nanoTime();
        Tokenizer ours = Tokenizers.fromFile(file);
        JtokkitReference jtokkit = trim ? null : JtokkitReference.of("r50k_base");
        long ourNanos = 0;
        long refNanos = 0;
        ParityReport ids = new ParityReport("GPT-2 (" + variant + ") ids vs Hugging Face");
        ParityReport offsets = new ParityReport("GPT-2 (" + variant + ") offsets vs Hugging Face");
        ParityReport tiktokenIds = new ParityReport("GPT-2 (" + variant + ") ids vs jtokkit r50k_base");
        List<String> all = RealData.europarlLines();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i += every) {
            lineNumbers.add(i + 1);
            lines.add(all.get(i));
        }
        try (HfReference hf = HfReference.load(file, true)) {
            for (int start = 0; start < lines.size(); start += BATCH) {
                List<String> batch = lines.subList(start, Math.min(lines.size(), start + BATCH));
                long a = System.nanoTime();
                List<RefEncoding> ref = hf.encodeBatch(batch);
                long b = System.nanoTime();
                List<Encoding> enc = ours.encodeBatch(batch, true);
                ourNanos += System.nanoTime() - b;
                refNanos += b - a;
                for (int i = 0; i < batch.size(); i++) {
                    String where = "Europarl line " + lineNumbers.get(start + i);
                    compare(where, batch.get(i), ref.get(i), enc.get(i), ids, offsets);
                    if (jtokkit != null) {
                        assertFalse(batch.get(i).contains("<|endoftext|>"));
                        tiktokenIds.compare(where, batch.get(i), "ids", jtokkit.encodeOrdinary(batch.get(i)),
                                enc.get(i).ids());
                    }
                }
            }
            for (Map.Entry<String, String> c : BpeHardCases.CASES.entrySet()) {
                Encoding e = ours.encode(c.getValue());
                compare("hard case " + c.getKey(), c.getValue(), hf.encode(c.getValue()), e, ids, offsets);
                if (jtokkit != null && !c.getValue().contains("<|")) {
                    tiktokenIds.compare("hard case " + c.getKey(), c.getValue(), "ids",
                            jtokkit.encodeOrdinary(c.getValue()), e.ids());
                }
            }
        }
        System.out.printf("GPT-2 tokenizer.json from r50k (%s) vs Hugging Face: %d texts (%d of %d Europarl lines),"
                        + " %d differ in ids, %d in offsets; vs jtokkit: %d texts, %d differ; conversion %.1f s,"
                        + " ours %.1f s, Hugging Face %.1f s, total %.1f s%n", variant, ids.compared(), lines.size(),
                all.size(), ids.differing(), offsets.differing(), tiktokenIds.compared(), tiktokenIds.differing(),
                conversionNanos / 1e9, ourNanos / 1e9, refNanos / 1e9, (System.nanoTime() - t0) / 1e9);
        assertEquals(lines.size() + BpeHardCases.CASES.size(), ids.compared());
        ids.assertNone();
        offsets.assertNone();
        tiktokenIds.assertNone();
    }

    private static void compare(String where, String text, RefEncoding ref, Encoding ours, ParityReport ids,
                                ParityReport offsets) {
        if (ids.compare(where, text, "ids", ref.ids(), ours.ids())) {
            Offsets off = ours.offsets(OffsetUnit.CODE_POINT);
            if (offsets.compare(where, text, "start offsets", ref.starts(), off.starts())) {
                offsets.compared--;
                offsets.compare(where, text, "end offsets", ref.ends(), off.ends());
            }
        }
    }
}
