package io.subword.sentencepiece;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.model.SubwordSampling;
import io.subword.testkit.RandomText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random text across Unicode categories (lone surrogates included) through the SentencePiece models,
 * both with SentencePiece's semantics ({@code .model}) and with Hugging Face's (the Unigram + Precompiled
 * tokenizer.json of {@code UnigramParityTest}): nothing throws, offsets stay in bounds and never go backwards,
 * a batch equals one-by-one encoding, and sampling is reproducible for a seed and equals Viterbi when off.
 */
class SentencePiecePropertyTest {
    static final int TEXTS = 60;

    static List<String> texts(long seed) {
        RandomText random = new RandomText(seed);
        List<String> out = new ArrayList<>(random.strings(TEXTS, 12, EnumSet.allOf(RandomText.Category.class)));
        out.add("");
        out.add("   ");
        out.add("\u2581\u2581 \u2581");
        return out;
    }

    static void checkOffsets(String text, Encoding e) {
        Offsets o = e.offsets(OffsetUnit.UTF16);
        int lastStart = 0;
        for (int i = 0; i < e.size(); i++) {
            int s = o.starts()[i];
            int end = o.ends()[i];
            assertTrue(0 <= s && s <= end && end <= text.length(), "token " + i + " [" + s + ", " + end + ") of "
                    + text.length() + " in " + escape(text));
            assertTrue(s >= lastStart, "offsets go backwards at token " + i + " in " + escape(text));
            lastStart = s;
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> sb.append(cp < 128 && cp >= 32 ? String.valueOf((char) cp)
                : String.format("\\u{%X}", cp)));
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"uni-en-nmt", "uni-de-bytes", "uni-el-nfkccf", "uni-mix-identity", "uni-fr-raw",
            "bpe-pl-bytes"})
    void sentencePieceSemantics(String model) throws Exception {
        Tokenizer tok = Tokenizers.fromFile(SentencePieceGoldenTest.resource(model + ".model"));
        check(tok, model.hashCode());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void huggingFaceUnigramWithPrecompiled(boolean nfkcCf) throws Exception {
        String json = io.subword.parity.UnigramParityTestAccess.withPrecompiled(nfkcCf ? "uni-el-nfkccf.model"
                : "uni-en-nmt.model");
        Tokenizer tok = TokenizerJson.parse(json, Path.of("test.json"));
        check(tok, nfkcCf ? 7 : 8);
    }

    private static void check(Tokenizer tok, long seed) {
        List<String> texts = texts(seed);
        List<Encoding> batch = tok.encodeBatch(texts, false);
        boolean unigram = tok.model() instanceof io.subword.unigram.Unigram;
        Tokenizer sampling = unigram ? tok.withSampling(SubwordSampling.unigram(0.2, -1, 42)) : null;
        Tokenizer nbest = unigram ? tok.withSampling(SubwordSampling.unigram(0.5, 8, 42)) : null;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Encoding one = tok.encode(text, false);
            checkOffsets(text, one);
            assertArrayEquals(one.ids(), batch.get(i).ids(), "batch vs one by one: " + escape(text));
            if (unigram) {
                Encoding a = sampling.encode(text, false);
                checkOffsets(text, a);
                assertArrayEquals(a.ids(), sampling.encode(text, false).ids(), "same seed: " + escape(text));
                Encoding n = nbest.encode(text, false);
                checkOffsets(text, n);
                assertArrayEquals(n.ids(), nbest.encode(text, false).ids(), "same seed, n-best: " + escape(text));
                assertArrayEquals(one.ids(), sampling.withSampling(null).encode(text, false).ids(),
                        "sampling off is Viterbi: " + escape(text));
            }
        }
        if (unigram) {
            // sampling does sample: some text is segmented differently under some seed
            String text = "Parliament adopted the resolution on the environment and fisheries policies";
            java.util.Set<List<Integer>> seen = new java.util.HashSet<>();
            for (long s = 0; s < 15; s++) {
                int[] ids = tok.withSampling(SubwordSampling.unigram(0.1, -1, s)).encode(text, false).ids();
                List<Integer> l = new ArrayList<>();
                for (int id : ids) {
                    l.add(id);
                }
                seen.add(l);
            }
            assertTrue(seen.size() > 3, "15 seeds gave " + seen.size() + " segmentations");
            assertEquals(1, java.util.stream.IntStream.range(0, 5).mapToObj(k -> List.of(
                    tok.withSampling(SubwordSampling.unigram(0.1, -1, 3)).encode(text, false).ids().length))
                    .distinct().count());
        }
    }
}
