package io.subword.bpe;

import io.subword.Tokenizer;
import io.subword.json.TokenizerJson;
import io.subword.model.SubwordSampling;
import io.subword.model.TokenBuffer;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BPE-dropout, on Hugging Face's {@code test_tokenize_with_and_without_dropout} vocabulary. */
class BpeDropoutTest {
    static final Vocabulary VOCAB = Vocabulary.of("u", "n", "r", "e", "l", "a", "t", "d", "re", "at", "ed", "un",
            "ated", "rel", "related", "unrelated");
    static final Bpe BPE = Bpe.builder(VOCAB, MergeTable.fromMerges(VOCAB, merges("r e", "a t", "e d", "u n",
            "at ed", "re l", "rel ated", "un related"))).build();

    static List<Merge> merges(String... pairs) {
        List<Merge> out = new ArrayList<>();
        for (String p : pairs) {
            String[] lr = p.split(" ");
            out.add(new Merge(lr[0], lr[1]));
        }
        return out;
    }

    static String split(io.subword.model.Model m, String word, SplittableRandom random) {
        TokenBuffer out = new TokenBuffer();
        m.tokenize(word, 0, word.length(), out, random);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(word, out.start(i), out.end(i));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0 | unrelated",
            "1.0 | u n r e l a t e d",
    })
    void noneOrAllMergesDropped(double p, String expected) {
        assertEquals(expected, split(BPE.withSampling(SubwordSampling.bpeDropout(p, 1)), "unrelated",
                new SplittableRandom(5)));
    }

    @Test
    void someDropoutVariesWithTheSeedAndRepeatsForOne() {
        io.subword.model.Model m = BPE.withSampling(SubwordSampling.bpeDropout(0.3, 1));
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            String a = split(m, "unrelated", new SplittableRandom(seed));
            assertEquals(a, split(m, "unrelated", new SplittableRandom(seed)));
            // every draw is still a segmentation into vocabulary tokens covering the word
            assertEquals("unrelated", a.replace(" ", ""));
            seen.add(a);
        }
        assertTrue(seen.size() > 3, seen.toString());
        assertTrue(seen.contains("unrelated"), seen.toString());
        // without a random stream (no sampling in the tokenizer) it is the plain model
        assertEquals("unrelated", split(m, "unrelated", null));
    }

    @Test
    void aTokenizerJsonWithDropoutSamplesSeeded() throws Exception {
        String json = "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":null,\"pre_tokenizer\":"
                + "{\"type\":\"WhitespaceSplit\"},\"post_processor\":null,\"decoder\":null,\"model\":{\"type\":\"BPE\","
                + "\"dropout\":0.5,\"vocab\":" + vocabJson() + ",\"merges\":[\"r e\",\"a t\",\"e d\",\"u n\","
                + "\"at ed\",\"re l\",\"rel ated\",\"un related\"]}}";
        Tokenizer tok = TokenizerJson.parse(json, Path.of("dropout.json"));
        assertEquals(SubwordSampling.bpeDropout(0.5f, 0), tok.sampling());
        String text = "unrelated related unrelated rated";
        assertEquals(tok.encode(text).tokens(), tok.encode(text).tokens());
        Set<List<String>> draws = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            draws.add(tok.withSampling(SubwordSampling.bpeDropout(0.5, seed)).encode(text).tokens());
        }
        assertTrue(draws.size() > 3);
        assertEquals(List.of("unrelated", "related", "unrelated", "r", "ated"),
                tok.withSampling(null).encode(text).tokens());
        // the dropout field is written back as read
        assertTrue(TokenizerJson.toJson(tok).replace(" ", "").contains("\"dropout\":0.5"), TokenizerJson.toJson(tok));
    }

    @Test
    void unknownIdIsKeptThroughSampling() {
        Bpe withUnk = BPE.toBuilder().unkToken("d").build();
        assertEquals(-1, BPE.unknownId());
        assertEquals(7, withUnk.unknownId());
        assertEquals(7, withUnk.withSampling(SubwordSampling.bpeDropout(0.1, 0)).unknownId());
    }

    @Test
    void unigramSamplingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BPE.withSampling(SubwordSampling.unigram(0.1, -1, 0)));
    }

    private static String vocabJson() {
        StringBuilder sb = new StringBuilder("{");
        for (int id = 0; id < VOCAB.size(); id++) {
            sb.append(id == 0 ? "" : ",").append('"').append(VOCAB.token(id)).append("\":").append(id);
        }
        return sb.append('}').toString();
    }
}
