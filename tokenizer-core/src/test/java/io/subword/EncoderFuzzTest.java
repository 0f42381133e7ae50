package io.subword;

import io.subword.testkit.RandomText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based fuzzing of every encoder ({@link FuzzTokenizers}: WordPiece, BPE char-level and byte-level,
 * word-level): on any string (random UTF-16 including lone
 * surrogates, seeded text across Unicode categories, over-long words, combining marks without a base) encoding
 * never throws, every id is in the vocabulary, offsets stay inside the text and never go backwards, byte-level
 * decode(encode(x)) is x (lone surrogates as U+FFFD), and a batch equals one by one. jqwik shrinks a failure to
 * a minimal string; tries come from {@code jqwik.tries.default} ({@code -Pfuzz-long} raises them).
 */
class EncoderFuzzTest {
    private static final AtomicLong ENCODED = new AtomicLong();

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("ab \u0301\u0308\uD83D\uDE00\uD800\uDC00#!\u00e9\u3000\t\n\u200d")
                        .ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(95).ofMaxLength(260),
                Arbitraries.longs().map(seed -> new RandomText(seed).next(10)),
                Arbitraries.strings().withCharRange('\u0300', '\u036f').ofMaxLength(8)
                        .map(marks -> marks + " x" + marks));
    }

    @Provide
    Arbitrary<List<String>> batches() {
        return texts().list().ofMaxSize(12);
    }

    @Property(seed = "101")
    void wordPiece(@ForAll("texts") String text) {
        check("wordpiece-bert", text);
    }

    @Property(seed = "102")
    void bpeCharLevelWithUnknownToken(@ForAll("texts") String text) {
        check("bpe-char-unk", text);
    }

    @Property(seed = "103")
    void bpeCharLevelWithByteFallback(@ForAll("texts") String text) {
        check("bpe-char-byte-fallback", text);
    }

    @Property(seed = "104")
    void bpeCharLevelDroppingUnknown(@ForAll("texts") String text) {
        check("bpe-char-drop-unknown", text);
    }

    @Property(seed = "105")
    void bpeByteLevelGpt2(@ForAll("texts") String text) {
        check("bpe-byte-level-gpt2", text);
    }

    @Property(seed = "106")
    void bpeByteLevelCl100k(@ForAll("texts") String text) {
        check("bpe-byte-level-cl100k", text);
    }

    @Property(seed = "108")
    void wordLevel(@ForAll("texts") String text) {
        check("word-level", text);
    }

    @Property(seed = "107", tries = 60)
    void batchEqualsOneByOne(@ForAll("batches") List<String> texts) {
        for (String name : FuzzTokenizers.NAMES) {
            Tokenizer tok = FuzzTokenizers.get(name);
            List<Encoding> batch = tok.encodeBatch(texts);
            assertEquals(texts.size(), batch.size());
            for (int i = 0; i < texts.size(); i++) {
                Encoding one = tok.encode(texts.get(i));
                assertArrayEquals(one.ids(), batch.get(i).ids(), name);
                assertEquals(one.offsets(), batch.get(i).offsets(), name);
            }
            ENCODED.addAndGet(2L * texts.size());
        }
    }

    /** Encodes {@code text} with and without special tokens and checks every invariant. */
    static void check(String name, String text) {
        Tokenizer tok = FuzzTokenizers.get(name);
        for (boolean specials : new boolean[] {true, false}) {
            Encoding e = tok.encode(text, specials);
            ENCODED.incrementAndGet();
            checkOffsets(name, text, e);
            if (!specials && FuzzTokenizers.roundTrips(name)) {
                assertEquals(wellFormed(text), tok.decode(e.ids()), name);
            }
        }
    }

    static void checkOffsets(String name, String text, Encoding e) {
        int[] ids = e.ids();
        int[] special = e.specialTokensMask();
        var offsets = e.offsets();
        int lastStart = 0;
        int lastEnd = 0;
        for (int i = 0; i < ids.length; i++) {
            assertNotNull(e.vocabulary().token(ids[i]), () -> name + ": id not in the vocabulary");
            if (special[i] == 1) {
                continue;
            }
            int s = offsets.start(i);
            int t = offsets.end(i);
            int at = i;
            assertTrue(0 <= s && s <= t && t <= text.length(),
                    () -> name + ": offsets (" + s + ", " + t + ") of token " + at + " outside [0, " + text.length() + "]");
            assertTrue(s >= lastStart && t >= lastEnd,
                    () -> name + ": offsets of token " + at + " go backwards: " + offsets);
            lastStart = s;
            lastEnd = t;
        }
    }

    /** {@code s} with each unpaired surrogate replaced by U+FFFD, as its UTF-8 form decodes. */
    static String wellFormed(String s) {
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

    @AfterContainer
    static void report() {
        System.out.println("fuzz: " + ENCODED.get() + " encodings checked over " + FuzzTokenizers.NAMES.size()
                + " encoders (" + String.join(", ", FuzzTokenizers.NAMES) + "), 0 invariant violations");
    }

    static List<String> copy(List<String> l) {
        return new ArrayList<>(l);
    }
}
