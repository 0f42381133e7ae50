package io.subword.parity;

import io.subword.AddedToken;
import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import io.subword.testkit.HfReference;
import io.subword.testkit.RefEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hugging Face's added-token matching in a byte-level tokenizer: the GPT-2 tokenizer.json converted from r50k with
 * added tokens that use {@code lstrip}, {@code rstrip}, {@code single_word} and {@code normalized}, ids and code
 * point offsets against Hugging Face (DJL), with and without the post-processor's trimming.
 */
class Gpt2AddedTokensParityTest {
    @TempDir
    static Path dir;
    private static Tokenizer ours;
    private static HfReference hf;

    @BeforeAll
    static void load() throws Exception {
        Tokenizer gpt2 = Tokenizers.withMergeList(TiktokenTokenizers.of("r50k_base"));
        Tokenizer withAdded = gpt2.toBuilder()
                .addToken(AddedToken.special("<mask>", 50257).withLstrip(true))
                .addToken(AddedToken.normal("wor", 50258).withSingleWord(true).withNormalized(false))
                .addToken(AddedToken.normal("[X]", 50259).withRstrip(true))
                .addToken(AddedToken.normal("\u00E9a", 50260).withLstrip(true).withRstrip(true))
                .addToken(AddedToken.special("<sep>", 50261).withSingleWord(true).withLstrip(true).withRstrip(true))
                .build();
        Path json = dir.resolve("gpt2-added-tokens.json");
        TokenizerJson.write(withAdded, json);
        ours = Tokenizers.fromFile(json);
        hf = HfReference.load(json, true);
    }

    @AfterAll
    static void close() {
        hf.close();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "¦", textBlock = """
            Hello <mask> world
            a   <mask>   b
            <mask><mask>
            ' <mask>'
            the world wor words wor. (wor) _wor wor_ 1wor
            x[X]   y [X]
            '[X]'
            éa éaéa  éa  xéa
            a <sep> b<sep>c  <sep>  <sep>
            <|endoftext|> <mask> <|endoftext|><|endoftext|>
            ' wor '
            """)
    void addedTokensMatchAsHuggingFace(String text) {
        RefEncoding ref = hf.encode(text);
        Encoding e = ours.encode(text);
        String where = text + ": expected " + ref.describe() + "\nactual " + e;
        assertArrayEquals(ref.ids(), e.ids(), where);
        assertEquals(Arrays.toString(ref.starts()), Arrays.toString(e.offsets(OffsetUnit.CODE_POINT).starts()),
                where);
        assertEquals(Arrays.toString(ref.ends()), Arrays.toString(e.offsets(OffsetUnit.CODE_POINT).ends()), where);
        assertEquals(hf.decode(ref.ids(), false), ours.decode(e.ids()));
        assertEquals(hf.decode(ref.ids(), true), ours.decode(e.ids(), true));
    }
}
