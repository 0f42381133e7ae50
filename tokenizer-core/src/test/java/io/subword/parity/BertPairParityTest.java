package io.subword.parity;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.post.Padding;
import io.subword.post.Truncation;
import io.subword.testkit.HfReference;
import io.subword.testkit.HfReference.Limits;
import io.subword.testkit.RealData;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.subword.parity.Mismatches.Field.ATTENTION_MASK;
import static io.subword.parity.Mismatches.Field.OFFSETS;
import static io.subword.parity.Mismatches.Field.SPECIAL_TOKENS_MASK;
import static io.subword.parity.Mismatches.Field.TYPE_IDS;
import static io.subword.parity.Mismatches.Field.WORD_IDS;

/**
 * Pairs of Europarl texts with BERT uncased, truncated longest-first to 128 tokens and padded (to 128, and to the
 * longest of each batch): ids, type ids, attention mask and special tokens mask (and offsets and word ids) are
 * the reference's. The pairs are prefixes of random length (seeded) of consecutive lines, so every case of
 * longest-first occurs: nothing cut, only the longer text cut, both cut to half.
 */
class BertPairParityTest {
    static final int PAIRS = 1200;
    static final int MAX_LENGTH = 128;
    static final int PAD_ID = 0;

    private static Tokenizer base;
    private static List<String> firsts;
    private static List<String> seconds;

    @BeforeAll
    static void load() throws Exception {
        base = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
        List<String> lines = RealData.europarlLines();
        Random random = new Random(128);
        firsts = new ArrayList<>(PAIRS);
        seconds = new ArrayList<>(PAIRS);
        for (int k = 0; k < PAIRS; k++) {
            firsts.add(prefix(lines.get(2 * k), random));
            seconds.add(prefix(lines.get(2 * k + 1), random));
        }
    }

    /** A prefix of 0..1200 chars, mostly short, never splitting a surrogate pair. */
    private static String prefix(String line, Random random) {
        int len = random.nextInt(4) == 0 ? random.nextInt(1200) : random.nextInt(300);
        len = Math.min(len, line.length());
        if (len > 0 && Character.isHighSurrogate(line.charAt(len - 1))) {
            len--;
        }
        return line.substring(0, len);
    }

    @Test
    void truncatedAndPaddedToFixedLength() {
        Tokenizer ours = base.withTruncation(Truncation.of(MAX_LENGTH))
                .withPadding(Padding.fixed(MAX_LENGTH, PAD_ID, "[PAD]"));
        Mismatches m = new Mismatches("pairs, longest-first to 128, padded to 128");
        try (HfReference hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true,
                Limits.truncate(MAX_LENGTH).padFixed())) {
            List<RefEncoding> ref = hf.encodePairBatch(firsts, seconds);
            for (int k = 0; k < PAIRS; k++) {
                Encoding e = ours.encode(firsts.get(k), seconds.get(k), true);
                m.compare("pair " + k, firsts.get(k) + " ||| " + seconds.get(k), ref.get(k), e, TYPE_IDS,
                        ATTENTION_MASK, SPECIAL_TOKENS_MASK, OFFSETS, WORD_IDS);
            }
        }
        m.assertNone();
    }

    @Test
    void truncatedAndPaddedToTheLongestOfEachBatch() {
        Tokenizer ours = base.withTruncation(Truncation.of(MAX_LENGTH));
        Padding longest = Padding.longest(PAD_ID, "[PAD]");
        Mismatches m = new Mismatches("pairs, longest-first to 128, padded to the batch's longest");
        try (HfReference hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true,
                Limits.truncate(MAX_LENGTH).padLongest())) {
            int batchSize = 16;
            for (int from = 0; from < PAIRS; from += batchSize) {
                int to = Math.min(PAIRS, from + batchSize);
                List<RefEncoding> ref = hf.encodePairBatch(firsts.subList(from, to), seconds.subList(from, to));
                List<Encoding> unpadded = new ArrayList<>();
                for (int k = from; k < to; k++) {
                    unpadded.add(ours.encode(firsts.get(k), seconds.get(k), true));
                }
                List<Encoding> padded = longest.apply(unpadded);
                for (int k = from; k < to; k++) {
                    m.compare("pair " + k, firsts.get(k) + " ||| " + seconds.get(k), ref.get(k - from),
                            padded.get(k - from), TYPE_IDS, ATTENTION_MASK, SPECIAL_TOKENS_MASK, OFFSETS, WORD_IDS);
                }
            }
        }
        m.assertNone();
    }

    /** What longest-first cuts off comes back as overflowing encodings, in the reference's order. */
    @Test
    void overflowingPartsOfTruncatedPairs() {
        Tokenizer ours = base.withTruncation(Truncation.of(MAX_LENGTH));
        Mismatches m = new Mismatches("pairs, overflowing parts");
        int n = 300;
        try (HfReference hf = HfReference.load(RealData.bertUncasedTokenizerJsonWithoutLimits(), true,
                Limits.truncate(MAX_LENGTH))) {
            List<RefEncoding> ref = hf.encodePairBatch(firsts.subList(0, n), seconds.subList(0, n));
            for (int k = 0; k < n; k++) {
                Encoding e = ours.encode(firsts.get(k), seconds.get(k), true);
                List<RefEncoding> refOver = ref.get(k).overflowing();
                List<Encoding> ourOver = e.overflowing();
                if (refOver.size() != ourOver.size()) {
                    m.add("pair " + k, "reference has " + refOver.size() + " overflowing parts, ours "
                            + ourOver.size());
                    continue;
                }
                for (int o = 0; o < refOver.size(); o++) {
                    m.compare("pair " + k + ", overflowing part " + o, firsts.get(k) + " ||| " + seconds.get(k),
                            refOver.get(o), ourOver.get(o), TYPE_IDS, SPECIAL_TOKENS_MASK, OFFSETS);
                }
            }
        }
        m.assertNone();
    }
}
