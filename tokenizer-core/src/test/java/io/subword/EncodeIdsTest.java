package io.subword;

import io.subword.post.Padding;
import io.subword.post.Truncation;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Tokenizer#encodeIds}, {@link Tokenizer#countTokens} and {@link Tokenizer#encodeIdsBatch} (the ids-only
 * path, which builds no {@link Encoding}) give exactly the ids of {@code encode(text, false)} on every kind of
 * pipeline: byte-level BPE from tiktoken ranks (added tokens allowed or not), BERT's WordPiece with its normalizer
 * and added tokens, and tokenizers with truncation or padding (which take the full path).
 */
class EncodeIdsTest {
    private static final Map<String, Tokenizer> TOKENIZERS = new ConcurrentHashMap<>();

    static Tokenizer tokenizer(String name) {
        return TOKENIZERS.computeIfAbsent(name, n -> {
            try {
                return switch (n) {
                    case "tiny" -> BpeTokenizersTest.tiny().withSpecialTokenPolicy(SpecialTokenPolicy.ALLOW_ALL);
                    case "tiny-ordinary" -> BpeTokenizersTest.tiny()
                            .withSpecialTokenPolicy(SpecialTokenPolicy.ORDINARY);
                    case "cl100k" -> Tokenizers.fromTiktoken(RealData.tiktoken("cl100k_base"),
                            TiktokenEncoding.CL100K_BASE).withSpecialTokenPolicy(SpecialTokenPolicy.ALLOW_ALL);
                    case "bert" -> Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
                    case "bert-truncated" -> tokenizer("bert").withTruncation(Truncation.of(3));
                    case "bert-padded" -> tokenizer("bert").withPadding(Padding.fixed(6, 0, "[PAD]"));
                    default -> throw new IllegalArgumentException(n);
                };
            } catch (Exception e) {
                throw new AssertionError("cannot load " + n, e);
            }
        });
    }

    /** Tiny ranks of {@link BpeTokenizersTest}: the ids are written out, so both paths are checked. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            tiny          ; hello world                  ; 259 264
            tiny          ; helloworld                   ; 259 119 261 263
            tiny          ; ''                           ; ''
            tiny          ; hello<|endoftext|> world     ; 259 265 264
            tiny-ordinary ; hi<|endoftext|>              ; 104 105 60 124 101 110 100 111 102 116 101 120 116 124 62
            """)
    void idsOfTinyRanks(String name, String text, String expected) {
        Tokenizer tok = tokenizer(name);
        assertEquals(expected, join(tok.encodeIds(text)));
        assertEquals(expected, join(tok.encode(text, false).ids()));
        assertEquals(tok.encodeIds(text).length, tok.countTokens(text));
    }

    /** Real tokenizers: the ids-only path against the full one. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            cl100k         ; The government's plan, in 2024: 12,345 units.
            cl100k         ; Café naïve coöperation — ünïcödé 日本語 🙂
            cl100k         ; before<|endoftext|>after <|fim_prefix|>x
            cl100k         ; '  spaces   and\ttabs  '
            bert           ; Hello, World! [SEP] Ünïcödé inimagináveis 日本
            bert           ; '   [CLS][MASK]  end  '
            bert-truncated ; one two three four five six
            bert-padded    ; one two
            """)
    void idsAreThoseOfEncode(String name, String text) {
        Tokenizer tok = tokenizer(name);
        int[] expected = tok.encode(text, false).ids();
        assertTrue(expected.length > 0, text);
        assertArrayEquals(expected, tok.encodeIds(text), text);
        assertEquals(expected.length, tok.countTokens(text));
    }

    /** With or without the post-processor's tokens: BERT's frame written out, then every pipeline kind. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            bert ; true  ; hello world ; 101 7592 2088 102
            bert ; false ; hello world ; 7592 2088
            bert ; true  ; ''          ; 101 102
            bert ; false ; ''          ; ''
            tiny ; true  ; hello world ; 259 264
            """)
    void idsWithSpecialTokensWrittenOut(String name, boolean special, String text, String expected) {
        assertEquals(expected, join(tokenizer(name).encodeIds(text, special)));
        assertEquals(expected, join(tokenizer(name).encode(text, special).ids()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            bert           ; true  ; Hello, World! [SEP] Ünïcödé inimagináveis 日本
            bert           ; false ; '   [CLS][MASK]  end  '
            bert-truncated ; true  ; one two three four five six
            bert-truncated ; false ; one two three four five six
            bert-padded    ; true  ; one two
            bert-padded    ; false ; one
            cl100k         ; true  ; before<|endoftext|>after <|fim_prefix|>x
            tiny           ; false ; hello<|endoftext|> world
            """)
    void idsWithSpecialTokensAreThoseOfEncode(String name, boolean special, String text) {
        Tokenizer tok = tokenizer(name);
        int[] expected = tok.encode(text, special).ids();
        assertTrue(expected.length > 0, text);
        assertArrayEquals(expected, tok.encodeIds(text, special), text);
    }

    @Test
    void idsWithSpecialTokensOfEveryLineAreThoseOfEncodeBatch() {
        Tokenizer tok = tokenizer("bert");
        List<String> lines = new java.util.ArrayList<>(RealData.europarlSlice(100_000));
        lines.add("");
        List<Encoding> full = tok.encodeBatch(lines, true);
        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(full.get(i).ids(), tok.encodeIds(lines.get(i), true), lines.get(i));
        }
    }

    @Test
    void truncationAndPaddingApply() {
        assertEquals(3, tokenizer("bert-truncated").encodeIds("one two three four five six").length);
        int[] padded = tokenizer("bert-padded").encodeIds("one two");
        assertEquals(6, padded.length);
        assertEquals(0, padded[5]);
    }

    @Test
    void disallowedSpecialTokenThrowsAsEncodeDoes() throws Exception {
        Tokenizer tok = Tokenizers.fromTiktoken(RealData.tiktoken("cl100k_base"), TiktokenEncoding.CL100K_BASE);
        String text = "a<|endoftext|>b";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tok.encodeIds(text));
        assertTrue(e.getMessage().contains("<|endoftext|>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tok.countTokens(text));
    }

    @Test
    void batchIsOneByOne() {
        Tokenizer tok = tokenizer("cl100k");
        List<String> lines = new java.util.ArrayList<>(RealData.europarlSlice(200_000));
        lines.add("line one\r\nline two\n\n  end  ");
        List<int[]> batch = tok.encodeIdsBatch(lines);
        assertEquals(lines.size(), batch.size());
        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(tok.encode(lines.get(i), false).ids(), batch.get(i), lines.get(i));
        }
    }

    private static String join(int[] ids) {
        return Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }
}
