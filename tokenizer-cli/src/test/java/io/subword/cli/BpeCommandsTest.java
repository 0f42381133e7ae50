package io.subword.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code encode}, {@code decode} and {@code convert} with BPE files: a tiny tiktoken rank file (the 256 bytes,
 * rank = byte value, then {@code he}=256, {@code ll}=257, {@code hell}=258, {@code hello}=259, {@code " w"}=260,
 * {@code or}=261, {@code " wor"}=262, {@code ld}=263, {@code " world"}=264), once under a name that tells nothing
 * ({@code tiny.tiktoken}) and once as {@code r50k_base.tiktoken}, which brings r50k's {@code <|endoftext|>}=50256.
 */
class BpeCommandsTest {
    static final List<String> MERGED = List.of("he", "ll", "hell", "hello", " w", "or", " wor", "ld", " world");

    @TempDir
    Path dir;
    private Path tiny;
    private Path r50k;

    @BeforeEach
    void writeRanks() throws Exception {
        List<String> lines = new ArrayList<>();
        Base64.Encoder b64 = Base64.getEncoder();
        for (int b = 0; b < 256; b++) {
            lines.add(b64.encodeToString(new byte[] {(byte) b}) + " " + b);
        }
        for (int i = 0; i < MERGED.size(); i++) {
            lines.add(b64.encodeToString(MERGED.get(i).getBytes(StandardCharsets.UTF_8)) + " " + (256 + i));
        }
        tiny = dir.resolve("tiny.tiktoken");
        Files.write(tiny, lines, StandardCharsets.UTF_8);
        r50k = dir.resolve("r50k_base.tiktoken");
        Files.write(r50k, lines, StandardCharsets.UTF_8);
    }

    private CliRun.Result run(String stdin, String... args) {
        List<String> a = new ArrayList<>();
        for (String s : args) {
            a.add(s.replace("TINY", tiny.toString()).replace("R50K", r50k.toString()).replace("DIR", dir.toString()));
        }
        return CliRun.run(stdin, a.toArray(new String[0]));
    }

    /** Command line (space-separated), input lines ({@code /} between lines), output lines. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            encode -t TINY --pattern gpt2                                    ; hello world/helloworld/         ; 259 264/259 119 261 263/
            encode -t TINY --pattern cl100k                                  ; hello  world                    ; 259 32 264
            encode -t TINY --pattern o200k --format tokens                   ; hello world                     ; hello Ġworld
            encode -t R50K                                                   ; hello world                     ; 259 264
            encode -t R50K --special-in-text allow                           ; hello<|endoftext|>              ; 259 50256
            encode -t R50K --special-in-text ordinary                        ; hello<|endoftext|>              ; 259 60 124 101 110 100 111 102 116 101 120 116 124 62
            encode -t R50K --offsets                                         ; héllo world                     ; 104 195 169 257 111 264\\t0:1 1:2 1:2 2:4 4:5 5:11
            decode -t R50K                                                   ; 259 264/ /50256 259/104 195 169 ; hello world//<|endoftext|>hello/hé
            decode -t R50K --skip-special                                    ; 50256 259 50256                 ; hello
            decode -t TINY --pattern gpt2                                    ; 259\\t264                        ; hello world
            decode -t R50K                                                   ; 195                             ; \uFFFD
            """)
    void encodesAndDecodes(String command, String input, String output) {
        String stdin = String.join("\n", input.split("/", -1)) + "\n";
        if (input.endsWith("/")) {
            stdin = input.substring(0, input.length() - 1).replace("/", "\n") + "\n";
        }
        CliRun.Result r = run(stdin.replace(" \n", "\n").replace("\\t", "\t"), command.split(" "));
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        String expected = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
        assertEquals(List.of(expected.replace("\\t", "\t").split("/", -1)), r.outLines());
    }

    /** Command line, input, exit code and the one error line ({@code FILE} stands for a path). */
    @ParameterizedTest
    @CsvSource(delimiterString = "¦", textBlock = """
            encode -t TINY                               ¦ hello                ¦ 2 ¦ subword: cannot tell the split pattern of TINY from its name; give --pattern gpt2, cl100k or o200k (see 'subword encode --help')
            encode -t TINY --pattern gpt3                ¦ hello                ¦ 2 ¦ subword: Invalid value for option '--pattern': 'gpt3' is not one of gpt2, cl100k, o200k (see 'subword encode --help')
            encode -t R50K                               ¦ fine/a<|endoftext|>b ¦ 1 ¦ subword: line 2: the text contains the special token "<|endoftext|>", which is disallowed; give --special-in-text allow to encode it as the special token, or --special-in-text ordinary to encode it as plain text
            encode -t R50K --merges TINY                 ¦ hello                ¦ 1 ¦ subword: R50K: --merges goes with GPT-2's vocab.json, but this looks like a tiktoken rank file (base64 token and rank per line)
            decode -t R50K                               ¦ 259/259 99999        ¦ 1 ¦ subword: line 2: id 99999 is not in the vocabulary (size 50257)
            decode -t R50K                               ¦ 259 -1               ¦ 1 ¦ subword: line 1: "-1" is not a token id (a non-negative integer)
            decode -t R50K                               ¦ 259;260              ¦ 1 ¦ subword: line 1: "259;260" is not a token id (a non-negative integer)
            decode -t R50K                               ¦ [259, 260            ¦ 1 ¦ subword: line 1: "[259" is not a token id (a non-negative integer)
            decode -t R50K                               ¦ 262 99999999999      ¦ 1 ¦ subword: line 1: "99999999999" is not a token id (a non-negative integer)
            convert -t R50K --to xml -o DIR/x            ¦ ''                   ¦ 2 ¦ subword: --to must be tokenizer.json, vocab.json or vocab.txt, not xml (see 'subword convert --help')
            convert -t R50K --to tokenizer.json          ¦ ''                   ¦ 2 ¦ subword: Missing required option: '--output=OUT' (see 'subword convert --help')
            """)
    void reportsBadInputOnOneLine(String command, String input, int code, String error) {
        CliRun.Result r = run(input.replace("/", "\n") + "\n", command.split(" "));
        assertEquals(code, r.exitCode(), r.err());
        String line = r.oneErrorLine();
        String expected = error.replace("TINY", tiny.toString()).replace("R50K", r50k.toString());
        assertEquals(expected, line);
    }

    @Test
    void aFailedDecodeLeavesNoOutputFile() {
        Path out = dir.resolve("out.txt");
        CliRun.Result r = run("259\n99999\n", "decode", "-t", "R50K", "-o", out.toString());
        assertEquals(1, r.exitCode());
        assertFalse(Files.exists(out));
    }

    /** tiktoken -> tokenizer.json and -> vocab.json + merges.txt: each encodes and decodes as the ranks do. */
    @Test
    void convertsTiktokenToTokenizerJsonAndGpt2Files() throws Exception {
        Path json = dir.resolve("out").resolve("tokenizer.json");
        Files.createDirectories(json.getParent());
        CliRun.Result r = run("", "convert", "-t", "R50K", "--to", "tokenizer.json", "-o", json.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        String text = Files.readString(json);
        assertTrue(text.contains("\"type\": \"BPE\""), text);
        assertTrue(text.contains("\"content\": \"<|endoftext|>\""), text);

        Path vocab = dir.resolve("out").resolve("vocab.json");
        r = run("", "convert", "-t", json.toString(), "--to", "vocab.json", "-o", vocab.toString());
        assertEquals("", r.err());
        assertEquals(0, r.exitCode());
        Path merges = dir.resolve("out").resolve("merges.txt");
        assertEquals(List.of("#version: 0.2", "h e", "l l", "he ll", "hell o", "\u0120 w", "o r", "\u0120w or", "l d",
                "\u0120wor ld"), Files.readAllLines(merges));
        assertTrue(Files.readString(vocab).contains("\"<|endoftext|>\":50256"), Files.readString(vocab));

        String input = "hello world\nhe said: hello, worlds<|endoftext|>\n";
        CliRun.Result fromRanks = run(input, "encode", "-t", "R50K", "--special-in-text", "allow");
        CliRun.Result fromJson = run(input, "encode", "-t", json.toString());
        CliRun.Result fromGpt2 = run(input, "encode", "-t", vocab.toString(), "--merges", merges.toString());
        assertEquals(0, fromRanks.exitCode(), fromRanks.err());
        assertEquals(fromRanks.out(), fromJson.out());
        assertEquals(fromRanks.out(), fromGpt2.out());
        CliRun.Result decoded = run(fromGpt2.out(), "decode", "-t", vocab.toString(), "--merges", merges.toString());
        assertEquals(input, decoded.out());
    }
}
