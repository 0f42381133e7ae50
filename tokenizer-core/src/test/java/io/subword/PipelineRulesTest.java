package io.subword;

import io.subword.bpe.Bpe;
import io.subword.decode.ByteLevelDecoder;
import io.subword.json.TokenizerJson;
import io.subword.post.ByteLevelPostProcessor;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.SequencePreTokenizer;
import io.subword.pretokenize.SplitPattern;
import io.subword.pretokenize.SplitPreTokenizer;
import io.subword.testkit.RealData;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline's rule "a model behind a ByteLevel pre-tokenizer reads bytes" lives in {@link Tokenizer.Builder#build},
 * so the GPT-2 pipeline built in code from Hugging Face's parts (a plain {@code BPE} model over GPT-2's vocabulary
 * and merges, as tokenizer.json describes it) is the tokenizer loaded from GPT-2's tokenizer.json: the same ids and
 * offsets on real text, and the same file when written.
 */
class PipelineRulesTest {
    @TempDir
    static Path dir;

    /** GPT-2's tokenizer.json: r50k_base's ranks as a merge list, written as the hub's {@code gpt2} has it. */
    private static Path gpt2Json;
    private static Tokenizer loaded;
    private static Tokenizer builtInCode;

    @BeforeAll
    static void gpt2() throws Exception {
        Tokenizer tiktoken = Tokenizers.fromTiktoken(RealData.tiktoken("r50k_base"), TiktokenEncoding.R50K_BASE);
        gpt2Json = dir.resolve("tokenizer.json");
        TokenizerJson.write(Tokenizers.withMergeList(tiktoken), gpt2Json);
        loaded = Tokenizers.fromFile(gpt2Json);

        // In code, as tokenizer.json spells it: a BPE model that knows nothing of bytes, behind ByteLevel.
        // GPT-2's vocab.json and merges.txt, as the file has them: 50,257 tokens and 50,000 merges.
        Vocabulary vocab = loaded.model().vocabulary();
        MergeTable merges = ((Bpe) loaded.model()).merges();
        Bpe charLevel = Bpe.builder(vocab, merges).build();
        assertFalse(charLevel.isByteLevel());
        builtInCode = Tokenizer.builder(charLevel)
                .preTokenizer(ByteLevelPreTokenizer.gpt2())
                .postProcessor(ByteLevelPostProcessor.gpt2())
                .decoder(ByteLevelDecoder.INSTANCE)
                .addToken(AddedToken.special("<|endoftext|>", 50256))
                .build();
    }

    @Test
    void theModelBehindByteLevelReadsBytes() {
        assertTrue(builtInCode.model().isByteLevel());
        assertTrue(loaded.model().isByteLevel());
    }

    @Test
    void writesTheSameTokenizerJson() throws Exception {
        assertEquals(Files.readString(gpt2Json), TokenizerJson.toJson(builtInCode));
    }

    /** Hard cases: accents and CJK (bytes, not characters), emoji, spaces, the special token, control characters. */
    @ParameterizedTest
    @ValueSource(strings = {"café", "naïve façade", "東京タワー", "👩‍👩‍👧 ok", "  two  spaces ", "a<|endoftext|>b",
            "tab\tand\nnewline", "\u0000\u007f"})
    void encodesLikeTheLoadedFile(String text) {
        assertSameEncoding(text);
    }

    @Test
    void encodesEuroparlLikeTheLoadedFile() {
        List<String> lines = RealData.europarlSlice(150_000);
        for (String line : lines) {
            assertSameEncoding(line);
        }
    }

    private static void assertSameEncoding(String text) {
        Encoding expected = loaded.encode(text);
        Encoding actual = builtInCode.encode(text);
        assertArrayEquals(expected.ids(), actual.ids(), text);
        assertEquals(expected.offsets(), actual.offsets(), text);
    }

    /**
     * The other half of the rule: a byte-level model behind a pre-tokenizer without ByteLevel (a Split with GPT-2's
     * pattern alone) gets a ByteLevel step that only marks bytes, so it encodes as before and writes a file that Hugging
     * Face reads as bytes, which reads back to the same encodings.
     */
    @Test
    void aByteLevelModelWithoutAByteLevelStepGetsOne() throws Exception {
        assertTrue(loaded.model().isByteLevel());
        Tokenizer split = Tokenizer.builder(loaded.model()).preTokenizer(SplitPreTokenizer.of(SplitPattern.GPT2))
                .addToken(AddedToken.special("<|endoftext|>", 50256)).build();
        assertEquals(new SequencePreTokenizer(List.of(SplitPreTokenizer.of(SplitPattern.GPT2),
                ByteLevelPreTokenizer.afterSplit())).toString(), split.preTokenizer().toString());
        Path file = dir.resolve("split.json");
        TokenizerJson.write(split, file);
        Tokenizer back = Tokenizers.fromFile(file);
        for (String text : RealData.europarlSlice(40_000)) {
            int[] ids = loaded.encode(text).ids();
            assertArrayEquals(ids, split.encode(text).ids(), text);
            assertArrayEquals(ids, back.encode(text).ids(), text);
        }
    }
}
