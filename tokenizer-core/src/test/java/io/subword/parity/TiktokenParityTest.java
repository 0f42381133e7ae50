package io.subword.parity;

import io.subword.Encoding;
import io.subword.SpecialTokenPolicy;
import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.JtokkitReference;
import io.subword.testkit.RealData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tokenizers built from the real tiktoken rank files ({@link Tokenizers#fromTiktoken}) give exactly jtokkit's ids
 * on every line of the Europarl sample (17,597 lines, 21 languages) and on {@link BpeHardCases}, special-token
 * strings encoded as ordinary text on both sides ({@link SpecialTokenPolicy#ORDINARY}, jtokkit's
 * {@code encodeOrdinary}). Our side encodes in batches, so batch encoding is what is checked. Each test prints
 * its counts and times.
 */
class TiktokenParityTest {
    private static final int BATCH = 1024;

    static Tokenizer tokenizer(String name) throws Exception {
        return Tokenizers.fromTiktoken(RealData.tiktoken(name), TiktokenEncoding.forName(name))
                .withSpecialTokenPolicy(SpecialTokenPolicy.ORDINARY);
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
            for (int i = 0; i < batch.size(); i++) {
                long c = System.nanoTime();
                int[] expected = ref.encodeOrdinary(batch.get(i));
                refNanos += System.nanoTime() - c;
                tokens += expected.length;
                report.compare("Europarl line " + (start + i + 1), batch.get(i), "ids", expected,
                        encoded.get(i).ids());
            }
        }
        int europarl = report.compared();
        for (Map.Entry<String, String> c : BpeHardCases.CASES.entrySet()) {
            report.compare("hard case " + c.getKey(), c.getValue(), "ids", ref.encodeOrdinary(c.getValue()),
                    ours.encode(c.getValue(), false).ids());
        }
        long t2 = System.nanoTime();
        System.out.printf("%s vs jtokkit: %d Europarl lines (%d tokens) + %d hard cases, %d differ; load %.1f s,"
                        + " ours %.1f s, jtokkit %.1f s, total %.1f s%n", name, europarl, tokens,
                report.compared() - europarl, report.differing(), (t1 - t0) / 1e9, ourNanos / 1e9, refNanos / 1e9,
                (t2 - t0) / 1e9);
        assertEquals(lines.size(), europarl);
        report.assertNone();
    }
}
