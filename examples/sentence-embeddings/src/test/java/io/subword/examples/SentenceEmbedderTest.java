package io.subword.examples;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.subword.compare.LanguageGuesser;
import io.subword.embed.NpyFile;
import io.subword.embed.EmbeddingTable;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceEmbedderTest {
    /** Every English line by default; {@code -Dexamples.stride=25} takes every 25th for a quick run. */
    private static final int STRIDE = Math.max(1, Integer.getInteger("examples.stride", 1));
    private static SentenceEmbedder ours;
    private static AllMiniLmL6V2QuantizedEmbeddingModel langchain4j;

    @BeforeAll
    static void load() throws IOException {
        ours = SentenceEmbedder.allMiniLmL6V2();
        langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @AfterAll
    static void close() {
        ours.close();
    }

    /**
     * English Europarl lines (by {@link LanguageGuesser}, as the comparison groups lines): our vectors equal
     * langchain4j's, which tokenizes through Hugging Face's library, within 1e-5 per component, on every one of the
     * 1,268 lines (two model runs per line: 54 s on a quiet 2-core machine, the largest test of the suite, kept
     * whole because "every English line" is the claim the example makes).
     */
    @Test
    void englishEuroparlLinesMatchLangchain4j() {
        List<String> english = RealData.europarlLines().stream()
                .filter(line -> LanguageGuesser.guess(line).equals("en")).toList();
        assertTrue(english.size() > 500, "English lines: " + english.size());
        int stride = STRIDE;
        double worst = 0;
        int longer = 0;
        int compared = 0;
        for (int i = 0; i < english.size(); i += stride) {
            compared++;
            String line = english.get(i);
            float[] got = ours.embed(line);
            float[] want = langchain4j.embed(line).content().vector();
            assertEquals(384, got.length);
            for (int k = 0; k < got.length; k++) {
                double diff = Math.abs(got[k] - want[k]);
                worst = Math.max(worst, diff);
                if (!(diff <= 1e-5)) {
                    throw new AssertionError("English line " + i + ", component " + k + ": ours " + got[k]
                            + ", langchain4j " + want[k] + "\n" + line);
                }
            }
            if (ours.tokenizer().withTruncation(null).encode(line).size() > 128) {
                longer++;
            }
        }
        System.out.printf("sentence embeddings: %d of %d English Europarl lines (%d longer than 128 tokens), largest"
                + " difference from langchain4j %.3g%n", compared, english.size(), longer, worst);
        assertTrue(longer > compared / 2, "the long-input rule is exercised: " + longer);
    }

    /** Pieces between [CLS] and [SEP] in the one segment the model sees: the text truncated at 128 tokens. */
    @ParameterizedTest
    @CsvSource({
            "'hello world',                 1, 2",
            "'',                            1, 0",
            "'   ',                         1, 0",
            "'word word word ... x200',     1, 126",
    })
    void segments(String text, int segments, int pieces) {
        String input = text.endsWith("x200") ? "word ".repeat(200) : text;
        List<SentenceEmbedder.Segment> got = ours.segments(input);
        assertEquals(segments, got.size());
        assertEquals(pieces, got.get(0).pieces());
        assertEquals(pieces + 2, got.get(0).encoding().size());
    }

    @Test
    void anEmptyLineIsTheEmbeddingOfClsSep() {
        float[] empty = ours.embed("");
        assertEquals(384, empty.length);
        assertArrayEquals(ours.embed("  "), empty);
        double norm = 0;
        for (float v : empty) {
            norm += v * v;
        }
        assertEquals(1, norm, 1e-5);
        assertThrows(IllegalArgumentException.class, () -> langchain4j.embed(""),
                "langchain4j refuses it, so there is nothing to compare with");
    }

    @Test
    void writesOneRowPerLineEmptyLinesIncluded(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "The Commission agrees.\n\nWe vote tomorrow.\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.npy");
        SentenceEmbeddings.write(ours, in, out);
        EmbeddingTable table = NpyFile.read(out);
        assertEquals(3, table.rows());
        assertEquals(384, table.dim());
        assertArrayEquals(ours.embed("The Commission agrees."), table.row(0));
        assertArrayEquals(ours.embed(""), table.row(1));
        assertArrayEquals(langchain4j.embed("We vote tomorrow.").content().vector(), table.row(2), 1e-5f);
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.write(in, new byte[]{'o', 'k', '\n', (byte) 0xC3, '(', '\n'});
        IOException e = assertThrows(IOException.class,
                () -> SentenceEmbeddings.write(ours, in, dir.resolve("out.npy")));
        assertEquals(in + ", line 2: not valid UTF-8", e.getMessage());
        e = assertThrows(IOException.class,
                () -> SentenceEmbeddings.write(ours, in, dir.resolve("missing/out.npy")));
        assertTrue(e.getMessage().endsWith("does not exist"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out.npy")));
    }
}
