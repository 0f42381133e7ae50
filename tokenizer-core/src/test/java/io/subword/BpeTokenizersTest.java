package io.subword;

import io.subword.bpe.Bpe;
import io.subword.json.TokenizerJson;
import io.subword.pretokenize.SplitPattern;
import io.subword.vocab.io.TiktokenRanks;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GPT-2 and tiktoken loaders of {@link Tokenizers} on a tiny rank file: the 256 bytes (rank = byte value),
 * then {@code he}=256, {@code ll}=257, {@code hell}=258, {@code hello}=259, {@code Ġw}=260 (space + w),
 * {@code or}=261, {@code Ġwor}=262, {@code ld}=263, {@code Ġworld}=264; {@code <|endoftext|>} is 265 as a special.
 */
class BpeTokenizersTest {
    @TempDir
    Path dir;

    static final List<String> MERGED = List.of("he", "ll", "hell", "hello", " w", "or", " wor", "ld", " world");

    static TiktokenRanks ranks() {
        List<byte[]> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        for (String m : MERGED) {
            tokens.add(m.getBytes(StandardCharsets.UTF_8));
        }
        return TiktokenRanks.of(tokens);
    }

    static Tokenizer tiny() {
        return Tokenizers.tiktoken(ranks(), SplitPattern.GPT2, Map.of("<|endoftext|>", 265));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hello world          | 259 264
            hello  world         | 259 32 264
            helloworld           | 259 119 261 263
            he'll                | 256 39 257
            ''                   | ''
            """)
    void encodesAsTiktoken(String text, String ids) {
        assertEquals(ids, join(tiny().encode(text).ids()));
    }

    /** The same tokenizer after conversion to a merge list, to tokenizer.json and to vocab.json + merges.txt. */
    @Test
    void conversionsKeepTheIds() throws Exception {
        Tokenizer tiktoken = tiny();
        Tokenizer list = Tokenizers.withMergeList(tiktoken);
        assertFalse(((Bpe) list.model()).merges().isByConcatenation());
        assertEquals(9, ((Bpe) list.model()).merges().size());
        Path json = dir.resolve("tokenizer.json");
        TokenizerJson.write(tiktoken, json);
        Tokenizer fromJson = Tokenizers.fromFile(json);
        Path vocab = dir.resolve("vocab.json");
        Path merges = dir.resolve("merges.txt");
        ranks().writeGpt2Files(vocab, merges);
        Tokenizer fromGpt2 = Tokenizers.fromGpt2Files(vocab, merges);
        assertEquals(List.of("h e", "l l", "he ll", "hell o", "\u0120 w", "o r", "\u0120w or", "l d", "\u0120wor ld"),
                Files.readAllLines(merges).subList(1, 10));
        for (String text : List.of("hello world", "helloworld hello", " world  worlds", "h\u00E9llo w\u00F6rld \uD83D\uDE00")) {
            int[] expected = tiktoken.encode(text).ids();
            assertArrayEquals(expected, list.encode(text).ids(), text);
            assertArrayEquals(expected, fromJson.encode(text).ids(), text);
            assertArrayEquals(expected, fromGpt2.encode(text).ids(), text);
            assertEquals(text, fromGpt2.decode(expected), text);
        }
        assertEquals(SpecialTokenPolicy.DISALLOW_ALL, list.specialTokenPolicy());
        assertEquals(SpecialTokenPolicy.ALLOW_ALL, fromJson.specialTokenPolicy(), "tokenizer.json is Hugging Face's");
        assertArrayEquals(new int[] {259, 265}, fromJson.encode("hello<|endoftext|>").ids());
    }

    @Test
    void gpt2FilesMarkEndOfTextAsSpecial() throws Exception {
        Path vocab = dir.resolve("vocab.json");
        Path merges = dir.resolve("merges.txt");
        Files.writeString(vocab, "{\"h\": 0, \"i\": 1, \"hi\": 2, \"\u0120\": 3, \"<|endoftext|>\": 4}");
        Files.writeString(merges, "#version: 0.2\nh i\n");
        Tokenizer t = Tokenizers.fromGpt2Files(vocab, merges);
        Encoding e = t.encode("hi<|endoftext|> hi");
        assertArrayEquals(new int[] {2, 4, 3, 2}, e.ids());
        assertTrue(t.isSpecial(4));
        assertEquals("hi hi", t.decode(e.ids(), true));
    }

    /** A malformed merges.txt or rank file fails naming the file and the line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            merges.txt   | #version: 0.2\\nh i\\nh i x\\n     | merges.txt, line 3: expected two tokens separated by one space
            merges.txt   | h i\\n\\n                         | merges.txt, line 2: expected two tokens separated by one space
            merges.txt   | h i\\nh q\\n                      | merges.txt, line 2: token "q" is not in the vocabulary
            merges.txt   | i h\\n                           | merges.txt, line 1: merged token "ih" is not in the vocabulary
            a.tiktoken   | aA== 0\\naQ== 1\\naA==1\\n        | a.tiktoken, line 3: expected "<base64 token> <rank>"
            a.tiktoken   | aA== 0\\n!!! 1\\n                 | a.tiktoken, line 2: invalid base64
            a.tiktoken   | aA== 0\\naQ== x\\n                | a.tiktoken, line 2: rank "x" is not a non-negative integer
            a.tiktoken   | aA== 0\\naA== 1\\n                | a.tiktoken, line 2: duplicate token
            """)
    void malformedFilesNameFileAndLine(String name, String content, String message) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content.replace("\\n", "\n"));
        InputFormatException e;
        if (name.equals("merges.txt")) {
            Path vocab = dir.resolve("vocab.json");
            Files.writeString(vocab, "{\"h\": 0, \"i\": 1, \"hi\": 2}");
            e = assertThrows(InputFormatException.class, () -> Tokenizers.fromGpt2Files(vocab, file));
        } else {
            e = assertThrows(InputFormatException.class, () -> Tokenizers.fromTiktoken(file, SplitPattern.GPT2));
        }
        assertTrue(e.getMessage().contains(file + ", " + message.substring(message.indexOf(", ") + 2)),
                e.getMessage());
    }

    @Test
    void theRankFileNameTellsTheEncoding() throws Exception {
        Path cl100k = dir.resolve("cl100k_base.tiktoken");
        ranks().write(cl100k);
        Tokenizer cl = Tokenizers.fromTiktoken(cl100k);
        assertEquals(List.of(100257, 100258, 100259, 100260, 100276),
                cl.addedTokens().stream().map(AddedToken::id).toList());
        assertEquals("259 32 264", join(cl.encode("hello  world").ids()), "cl100k's pattern keeps the space apart");
        Path mine = dir.resolve("mine.tiktoken");
        ranks().write(mine);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Tokenizers.fromTiktoken(mine));
        assertTrue(unknown.getMessage().contains("mine.tiktoken"), unknown.getMessage());
        Tokenizer plain = Tokenizers.fromTiktoken(mine, SplitPattern.CL100K);
        assertEquals(List.of(), plain.addedTokens());
        assertEquals("259 264", join(plain.encode("hello world").ids()));
        Path r50k = dir.resolve("r50k_base.tiktoken");
        ranks().write(r50k);
        assertEquals(List.of(), Tokenizers.fromTiktoken(r50k, SplitPattern.CL100K).addedTokens(),
                "r50k's specials go with the GPT-2 pattern only");
        assertEquals(TiktokenEncoding.CL100K_BASE, TiktokenEncoding.forFileName("cl100k_base.tiktoken").orElseThrow());
        assertEquals(TiktokenEncoding.R50K_BASE, TiktokenEncoding.forName("gpt2"));
        assertThrows(IllegalArgumentException.class, () -> TiktokenEncoding.forName("p50k_edit"));
    }

    @Test
    void theTiktokenStagesAreThoseOfAHuggingFaceFile() {
        String gpt2 = TokenizerJson.toJson(tiny());
        assertTrue(gpt2.contains("\"pre_tokenizer\": {\n    \"type\": \"ByteLevel\",\n    \"add_prefix_space\": false"),
                gpt2);
        Tokenizer cl = Tokenizers.tiktoken(ranks(), SplitPattern.CL100K, Map.of());
        String json = TokenizerJson.toJson(cl);
        assertTrue(json.contains("\"Regex\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(
                SplitPattern.CL100K.regex())), json);
        assertTrue(json.contains("\"use_regex\": false"), json);
    }

    /** The special-token policy, table: policy, text, ids or the error. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            disallow all    ; hello<|endoftext|> ; error: <|endoftext|>
            disallow all    ; hello world        ; 259 264
            allow all       ; hello<|endoftext|> ; 259 265
            allow endoftext ; <|endoftext|>hello ; 265 259
            ordinary        ; hello<|endoftext|> ; 259 60 124 101 110 100 111 102 116 101 120 116 124 62
            ordinary        ; <|endoftext        ; 60 124 101 110 100 111 102 116 101 120 116
            """)
    void specialTokenPolicy(String policy, String text, String expected) {
        SpecialTokenPolicy p = switch (policy) {
            case "disallow all" -> SpecialTokenPolicy.DISALLOW_ALL;
            case "allow all" -> SpecialTokenPolicy.ALLOW_ALL;
            case "allow endoftext" -> SpecialTokenPolicy.allow(Set.of("<|endoftext|>"));
            case "ordinary" -> SpecialTokenPolicy.ORDINARY;
            default -> throw new AssertionError(policy);
        };
        Tokenizer t = tiny().withSpecialTokenPolicy(p);
        if (expected.startsWith("error: ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.encode(text));
            assertTrue(e.getMessage().contains(expected.substring(7)), e.getMessage());
        } else {
            assertEquals(expected, join(t.encode(text).ids()));
            assertEquals(expected, join(tiny().encode(text, p).ids()));
        }
    }

    @Test
    void aTokenCannotBeBothAllowedAndDisallowed() {
        assertThrows(IllegalArgumentException.class,
                () -> SpecialTokenPolicy.of(Set.of("<|a|>"), Set.of("<|a|>", "<|b|>")));
        SpecialTokenPolicy p = SpecialTokenPolicy.of(Set.of("<|a|>"), Set.of("<|b|>"));
        assertTrue(p.allows("<|a|>"));
        assertTrue(p.disallows("<|b|>"));
        assertFalse(p.allows("<|c|>") || p.disallows("<|c|>"));
    }

    private static String join(int[] ids) {
        return String.join(" ", Arrays.stream(ids).mapToObj(Integer::toString).toList());
    }
}
