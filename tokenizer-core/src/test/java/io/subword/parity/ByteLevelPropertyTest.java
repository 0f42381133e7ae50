package io.subword.parity;

import io.subword.Encoding;
import io.subword.SpecialTokenPolicy;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random strings over every {@link RandomText.Category} (lone surrogates included) through every
 * byte-level encoding: nothing throws, offsets stay in bounds and never go backwards, {@code encodeBatch} equals
 * encoding one by one, and {@code decode(encode(s))} gives {@code s} back, except that each lone surrogate comes
 * back as U+FFFD.
 *
 * <p>Why U+FFFD: a lone surrogate has no UTF-8 form, so a byte-level model cannot hold it. Hugging Face never
 * sees one (a Rust {@code &str} cannot contain it; DJL's JNI layer turns it into U+FFFD before Rust), tiktoken
 * (Python) raises on it when encoding to UTF-8, and jtokkit encodes it as {@code ?} (Java's
 * {@code getBytes}). We encode it as U+FFFD, Hugging Face's view through DJL, so the text that comes back is
 * what the reference tokenized, and the token covers the surrogate's one UTF-16 unit.
 */
class ByteLevelPropertyTest {
    private static final int STRINGS = 1500;
    private static final int MAX_PIECES = 24;

    /** {@code s} with every unpaired surrogate replaced by U+FFFD. */
    static String withoutLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "cl100k_base", "o200k_base", "gpt2 tokenizer.json from r50k_base"})
    void roundTripsBatchesAndOffsets(String name) throws Exception {
        Tokenizer tok = name.startsWith("gpt2")
                ? TokenizerJson.parse(TokenizerJson.toJson(Tokenizers.withMergeList(TiktokenTokenizers.of("r50k_base"))),
                        null)
                : TiktokenTokenizers.of(name).withSpecialTokenPolicy(SpecialTokenPolicy.ORDINARY);
        RandomText random = new RandomText(20240917L + name.hashCode());
        List<String> texts = new ArrayList<>(random.strings(STRINGS, MAX_PIECES,
                java.util.EnumSet.allOf(RandomText.Category.class)));
        texts.addAll(BpeHardCases.CASES.values());
        texts.add("\uD800");
        texts.add("a\uDC00b\uD83D");
        List<Encoding> batch = tok.encodeBatch(texts);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            String s = texts.get(i);
            Encoding one = tok.encode(s);
            Encoding fromBatch = batch.get(i);
            String where = "text " + i + " " + io.subword.vocab.Vocabulary.quote(s);
            assertArrayEquals(one.ids(), fromBatch.ids(), where);
            assertArrayEquals(one.offsets().starts(), fromBatch.offsets().starts(), where);
            assertArrayEquals(one.offsets().ends(), fromBatch.offsets().ends(), where);
            assertEquals(withoutLoneSurrogates(s), tok.decode(one.ids()), where);
            int previous = 0;
            for (int t = 0; t < one.size(); t++) {
                int start = one.offsets().start(t);
                int end = one.offsets().end(t);
                assertTrue(0 <= start && start <= end && end <= s.length() && start >= previous,
                        where + ": token " + t + " (" + start + ", " + end + ") after " + previous);
                previous = start;
            }
            if (!s.isEmpty()) {
                assertTrue(one.size() > 0, where);
            }
        }
    }

    /** A lone surrogate is one U+FFFD: the same ids as the text with U+FFFD in its place, on its own unit. */
    @Test
    void aLoneSurrogateEncodesAsTheReplacementCharacter() {
        Tokenizer tok = TiktokenTokenizers.of("cl100k_base");
        Encoding lone = tok.encode("a\uD800b");
        Encoding replaced = tok.encode("a\uFFFDb");
        assertArrayEquals(replaced.ids(), lone.ids());
        assertEquals("a\uFFFDb", tok.decode(lone.ids()));
        assertEquals(Arrays.toString(replaced.offsets().starts()), Arrays.toString(lone.offsets().starts()));
    }
}
