package io.subword.cli;

import io.subword.Tokenizers;
import io.subword.testkit.Mutations;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files and input through the command line: whatever is broken, {@code subword} prints exactly one line,
 * {@code subword: } and the library's own message (which the library suites pin exactly), exits with 1, and
 * never shows a stack trace or an exception class name.
 */
class HostileInputCliTest {
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    @TempDir
    Path dir;

    static final String TOKENIZER_JSON = """
            {"version": "1.0", "truncation": null, "padding": null,
             "added_tokens": [{"id": 1, "content": "[UNK]", "special": true}, {"id": 2, "content": "[CLS]", "special": true},
                              {"id": 3, "content": "[SEP]", "special": true}],
             "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
             "pre_tokenizer": {"type": "BertPreTokenizer"},
             "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
             "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100,
                       "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "hello": 4, "world": 5, "##s": 6, "!": 7}}}
            """;

    /** Mutated tokenizer.json and vocab.txt files, seeded: the CLI line must be the library's message. */
    @Test
    void brokenTokenizerFiles() throws Exception {
        Random random = new Random(20240701);
        byte[] json = TOKENIZER_JSON.getBytes(StandardCharsets.UTF_8);
        byte[] vocab = String.join("\n", CliRun.VOCAB).getBytes(StandardCharsets.UTF_8);
        int n = 150 * Integer.getInteger("subword.fuzz.scale", 1);
        for (int i = 0; i < n; i++) {
            boolean isJson = i % 2 == 0;
            Path file = dir.resolve(isJson ? "tokenizer.json" : "vocab.txt");
            Files.write(file, Mutations.apply(isJson ? json : vocab, randomMutations(random)));
            expectLibraryMessage(file, "hello world!");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty tokenizer.json             | tokenizer.json | ''
            empty vocab.txt                  | vocab.txt      | ''
            vocab.txt without [CLS]          | vocab.txt      | '[UNK]\\n[SEP]\\nhello\\n'
            tokenizer.json of an array       | tokenizer.json | '[1, 2]'
            tokenizer.json with a NUL        | tokenizer.json | '{\\0}'
            unknown name without extension   | tokenizer      | '{"model": {"type": "Unigram", "vocab": []}}'
            vocab without extension          | vocab          | 'a\\na\\n'
            """)
    void brokenFilesByName(String name, String fileName, String content) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content.translateEscapes());
        expectLibraryMessage(file, "hello");
    }

    @Test
    void missingFileAndFolder() throws Exception {
        CliRun.Result r = CliRun.run("hello", "encode", "-t", dir.resolve("nope.json").toString());
        assertEquals(1, r.exitCode());
        assertEquals("subword: " + dir.resolve("nope.json") + ": no such file", r.oneErrorLine());
        r = CliRun.run("hello", "encode", "-t", dir.toString());
        assertEquals(1, r.exitCode());
        assertEquals("subword: " + dir + ": is a folder without a tokenizer.json; " + TokenizerOption.ACCEPTS, r.oneErrorLine());
        TRIED.addAndGet(2);
    }

    /** Broken text input: invalid UTF-8 names the line; NUL bytes, a BOM and odd Unicode encode. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid byte on line 2             | 68 69 0a ff 0a                | 1 | subword: standard input, line 2: invalid UTF-8 at byte offset 3 (byte 1 of the line)
            truncated character at the end     | 68 69 0a e2 82                 | 1 | subword: standard input, line 2: invalid UTF-8 at byte offset 3 (byte 1 of the line)
            UTF-8 encoded surrogate            | ed a0 80 0a                    | 1 | subword: standard input, line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            UTF-16LE with a byte order mark    | ff fe 68 00                    | 1 | subword: standard input, line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)
            NUL bytes                          | 68 00 69 0a                    | 0 | 1
            byte order mark then text          | ef bb bf 68 65 6c 6c 6f 0a     | 0 | 5
            CRLF                               | 68 65 6c 6c 6f 0d 0a           | 0 | 5
            combining mark without a base      | cc 81 0a                       | 0 | ''
            character outside the BMP          | f0 9f 98 80 0a                 | 0 | 9
            """)
    void brokenTextInput(String name, String hex, int exitCode, String expected) throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        CliRun.Result r = CliRun.run(bytes(hex), "encode", "-t", vocab.toString(), "--no-special");
        TRIED.incrementAndGet();
        assertEquals(exitCode, r.exitCode(), r.err());
        if (exitCode == 0) {
            assertEquals(List.of(expected), r.outLines());
        } else {
            assertEquals(expected, r.oneErrorLine());
        }
    }

    /** The CLI's line for {@code file} is {@code subword: <the library's message>} with exit code 1, or it encodes. */
    private void expectLibraryMessage(Path file, String text) throws IOException {
        TRIED.incrementAndGet();
        String expected;
        try {
            if (TokenizerOption.kind(file) == TokenizerOption.Kind.TOKENIZER_JSON) {
                Tokenizers.fromFile(file);
            } else {
                Tokenizers.fromVocabTxt(file);
            }
            expected = null;
        } catch (InputFormatException e) {
            expected = "subword: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
        }
        CliRun.Result r = CliRun.run(text, "encode", "-t", file.toString());
        if (expected == null) {
            ACCEPTED.incrementAndGet();
            assertEquals(0, r.exitCode(), () -> file + ": " + r.err());
            assertEquals(1, r.outLines().size());
        } else {
            assertEquals(1, r.exitCode(), r.err());
            assertEquals(expected, r.oneErrorLine());
        }
    }

    private static List<Mutations.Mutation> randomMutations(Random random) {
        List<Mutations.Mutation> list = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        Mutations.Kind[] kinds = Mutations.Kind.values();
        for (int i = 0; i < count; i++) {
            list.add(new Mutations.Mutation(kinds[random.nextInt(kinds.length)], random.nextInt(1 << 20),
                    random.nextInt(256)));
        }
        return list;
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    @AfterAll
    static void report() {
        System.out.println("hostile-input: " + TRIED.get() + " broken files and inputs through the CLI ("
                + ACCEPTED.get() + " still valid), each one line on stderr with exit code 1, 0 stack traces");
    }
}
