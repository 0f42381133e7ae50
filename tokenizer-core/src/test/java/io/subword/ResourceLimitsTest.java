package io.subword;

import io.subword.json.TokenizerJson;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource limits: a huge single-line input encodes in a JVM whose heap is capped at a fixed multiple of the
 * input (20 MB by default, 100 MB with {@code -Pfuzz-long}); a 1,000,000-token vocabulary loads from every format.
 */
class ResourceLimitsTest {
    /**
     * Heap allowed per MB of input (UTF-16 chars), on top of {@link #BASE_HEAP_MB} for the JVM and the model.
     * Measured: byte-level cl100k passes in 32, BERT WordPiece (whose normalizer keeps two ints of alignment per
     * char) fails in 32 and passes in 48; the encoding itself holds 8 ints per token.
     */
    static final int HEAP_MB_PER_INPUT_MB = 48;
    static final int BASE_HEAP_MB = 160;
    private static final List<String> REPORT = new ArrayList<>();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wordpiece-bert", "bpe-byte-level-cl100k"})
    void hugeSingleLineEncodesInABoundedHeap(String name) throws Exception {
        int mb = Integer.getInteger("subword.bigInputMb", 20);
        int heap = BASE_HEAP_MB + HEAP_MB_PER_INPUT_MB * mb;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap + "m", "-ea", "-cp", System.getProperty("java.class.path"),
                LargeInputMain.class.getName(), name, Integer.toString(mb))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> name + " in -Xmx" + heap + "m:\n" + out);
        REPORT.add(out.strip() + " in -Xmx" + heap + "m");
    }

    @Test
    void millionTokenVocabularyLoadsFromEveryFormat() throws Exception {
        int n = 1_000_000;
        List<String> tokens = new ArrayList<>(n);
        tokens.addAll(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (int i = tokens.size(); i < n; i++) {
            String t = Integer.toString(i, 36);
            tokens.add(i % 2 == 0 ? t : "##" + t);
        }
        Vocabulary vocab = Vocabulary.of(tokens);
        Path txt = dir.resolve("vocab.txt");
        VocabTxt.write(vocab, txt);
        Tokenizer bert = Tokenizers.fromVocabTxt(txt);
        assertEquals(n, bert.vocabulary().size());
        Path json = dir.resolve("vocab.json");
        VocabJson.write(vocab, json);
        assertEquals(n, VocabJson.read(json).tokenCount());
        String probe = Integer.toString(999_998, 36) + " zz";
        assertEquals(List.of("[CLS]", Integer.toString(999_998, 36), "[UNK]", "[SEP]"), bert.encode(probe).tokens());
        String formats = "vocab.txt and vocab.json";
        if (Integer.getInteger("subword.fuzz.scale", 1) > 1) {
            // about 10 s on 2 cores: only in the long run
            Path tokenizerJson = dir.resolve("tokenizer.json");
            TokenizerJson.write(bert, tokenizerJson);
            Tokenizer reloaded = TokenizerJson.read(tokenizerJson);
            assertEquals(n, reloaded.vocabulary().size());
            assertEquals(bert.encode(probe).tokens(), reloaded.encode(probe).tokens());
            formats = "vocab.txt, vocab.json and tokenizer.json";
        }
        REPORT.add("a 1,000,000-token vocabulary loaded from " + formats + " and encodes");
    }

    @AfterAll
    static void report() {
        REPORT.forEach(r -> System.out.println("resources: " + r));
    }
}
