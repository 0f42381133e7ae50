package io.subword.parity;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.HfReference;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.subword.parity.Mismatches.Field.ATTENTION_MASK;
import static io.subword.parity.Mismatches.Field.OFFSETS;
import static io.subword.parity.Mismatches.Field.SPECIAL_TOKENS_MASK;
import static io.subword.parity.Mismatches.Field.TYPE_IDS;
import static io.subword.parity.Mismatches.Field.WORD_IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every line of the Europarl sample (17,597 lines, 21 languages, 21 MB) encoded with the {@code bert-base-uncased}
 * tokenizer.json, limits off, gives exactly the reference's ids, code point offsets, type ids, masks and word ids.
 *
 * <p>Speed: the reference is the slow side (the Rust library behind JNI runs at about 1 MB/s per core here, most
 * of it in the BERT normalizer), so the reference encodes every line once with special tokens, and without
 * special tokens only every {@value #HF_WITHOUT_SPECIAL_EVERY}th batch. For the other batches our encoding
 * without special tokens is compared with the reference's encoding with them, minus its leading {@code [CLS]}
 * and trailing {@code [SEP]}; the batches encoded both ways check that this is exactly what the reference gives
 * without special tokens.
 */
class BertParityTest {
    static final int BATCH = 256;
    static final int HF_WITHOUT_SPECIAL_EVERY = 4;

    private static Tokenizer ours;
    private static HfReference hfWith;
    private static HfReference hfWithout;

    @BeforeAll
    static void load() throws Exception {
        ours = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        hfWith = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true);
        hfWithout = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), false);
    }

    @AfterAll
    static void close() {
        hfWith.close();
        hfWithout.close();
    }

    @Test
    void everyEuroparlLineEncodesExactlyAsHuggingFace() {
        List<String> lines = RealData.europarlLines();
        Mismatches with = new Mismatches("Europarl, BERT uncased, with special tokens");
        Mismatches without = new Mismatches("Europarl, BERT uncased, without special tokens");
        long refNanos = 0;
        long ourNanos = 0;
        long tokens = 0;
        for (int start = 0, b = 0; start < lines.size(); start += BATCH, b++) {
            List<String> batch = lines.subList(start, Math.min(lines.size(), start + BATCH));
            long t0 = System.nanoTime();
            List<RefEncoding> ref = hfWith.encodeBatch(batch);
            List<RefEncoding> refWithout = b % HF_WITHOUT_SPECIAL_EVERY == 0 ? hfWithout.encodeBatch(batch) : null;
            long t1 = System.nanoTime();
            List<Encoding> oursWith = ours.encodeBatch(batch, true);
            List<Encoding> oursWithout = ours.encodeBatch(batch, false);
            long t2 = System.nanoTime();
            refNanos += t1 - t0;
            ourNanos += t2 - t1;
            for (int i = 0; i < batch.size(); i++) {
                String where = "Europarl line " + (start + i + 1);
                String text = batch.get(i);
                RefEncoding r = ref.get(i);
                tokens += r.size();
                with.compare(where + ", with special tokens", text, r, oursWith.get(i), OFFSETS, TYPE_IDS,
                        ATTENTION_MASK, SPECIAL_TOKENS_MASK, WORD_IDS);
                RefEncoding inner = withoutEnds(r);
                if (refWithout != null) {
                    assertEquals(refWithout.get(i), inner, where + ": the reference without special tokens is not "
                            + "its encoding with them minus [CLS] and [SEP]; this test's shortcut is invalid");
                }
                without.compare(where + ", without special tokens", text, inner, oursWithout.get(i), OFFSETS,
                        WORD_IDS);
            }
        }
        System.out.printf("BertParityTest: %d lines, %d reference tokens; reference %.1f s, ours %.1f s "
                        + "(both ways), mismatches %d with / %d without special tokens%n", lines.size(), tokens,
                refNanos / 1e9, ourNanos / 1e9, with.count(), without.count());
        with.assertNone();
        without.assertNone();
    }

    /** {@code r} without its first ({@code [CLS]}) and last ({@code [SEP]}) token, as encoded without them. */
    static RefEncoding withoutEnds(RefEncoding r) {
        int n = r.size();
        assertEquals(101, r.ids()[0], "encoding does not start with [CLS]");
        assertEquals(102, r.ids()[n - 1], "encoding does not end with [SEP]");
        int[] zeros = new int[n - 2];
        return new RefEncoding(Arrays.copyOfRange(r.ids(), 1, n - 1), Arrays.copyOfRange(r.tokens(), 1, n - 1),
                Arrays.copyOfRange(r.typeIds(), 1, n - 1), Arrays.copyOfRange(r.starts(), 1, n - 1),
                Arrays.copyOfRange(r.ends(), 1, n - 1), Arrays.copyOfRange(r.attentionMask(), 1, n - 1),
                zeros, Arrays.copyOfRange(r.wordIds(), 1, n - 1), Arrays.copyOfRange(r.sequenceIds(), 1, n - 1),
                List.of());
    }
}
