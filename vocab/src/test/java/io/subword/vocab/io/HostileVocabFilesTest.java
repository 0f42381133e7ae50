package io.subword.vocab.io;

import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken and odd files for every reader of this module ({@code vocab.txt}, {@code vocab.json},
 * {@code merges.txt}, {@code .tiktoken}): each row is a file and either the exact message of the
 * {@link VocabFormatException} it must raise ({@code <file>} stands for the path) or, for files the reference
 * accepts, {@code OK} and what was read. Nothing else may be thrown: no NullPointerException,
 * ArrayIndexOutOfBoundsException, NumberFormatException or OutOfMemoryError.
 */
class HostileVocabFilesTest {
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger UNEXPECTED = new AtomicInteger();
    /** Big enough to be hostile, small enough for the default run. */
    private static final int HUGE = 50 << 20;

    @TempDir
    static Path dir;

    /** A reader of one format; returns a short summary of what it read. */
    @FunctionalInterface
    interface Reader {
        String read(Path file) throws Exception;
    }

    record Case(String format, String name, Supplier<byte[]> content, String expected) {
        @Override
        public String toString() {
            return format + ": " + name;
        }
    }

    private static final Vocabulary MERGE_VOCAB = Vocabulary.of("a", "b", "c", "ab", "abc", "bc");

    static Reader reader(String format) {
        return switch (format) {
            case "vocab.txt" -> f -> {
                Vocabulary v = VocabTxt.read(f);
                return v.tokenCount() + " tokens, first " + Vocabulary.quote(clip(v.token(0)));
            };
            case "vocab.json" -> f -> {
                Vocabulary v = VocabJson.read(f);
                return v.tokenCount() + " tokens, size " + v.size();
            };
            case "merges.txt" -> f -> MergesTxt.read(f).size() + " merges";
            case "merges.txt+vocab" -> f -> {
                MergeTable t = MergesTxt.read(f, MERGE_VOCAB);
                return t.size() + " merges";
            };
            case "tiktoken" -> f -> {
                TiktokenRanks r = TiktokenRanks.read(f);
                return r.tokenCount() + " tokens, size " + r.size();
            };
            default -> throw new AssertionError(format);
        };
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "...(" + s.length() + ")" : s;
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- vocab.txt
        add(c, "vocab.txt", "empty", "", "<file>: the vocabulary is empty");
        add(c, "vocab.txt", "blank lines only", "\n \n\t\n", "<file>: the vocabulary is empty");
        add(c, "vocab.txt", "byte order mark only", "\uFEFF", "<file>: the vocabulary is empty");
        add(c, "vocab.txt", "byte order mark then tokens", "\uFEFFa\nb\n", "OK 2 tokens, first \"a\"");
        add(c, "vocab.txt", "second byte order mark is a token", "\uFEFF\uFEFFa\n", "OK 1 tokens, first \"\uFEFFa\"");
        add(c, "vocab.txt", "duplicate token", "a\nb\na\n", "<file>, line 3: duplicate token \"a\", first on line 1");
        add(c, "vocab.txt", "duplicate after trailing space is dropped", "a\na \n",
                "<file>, line 2: duplicate token \"a\", first on line 1");
        add(c, "vocab.txt", "blank line inside", "a\n\nb\n", "<file>, line 2: blank line inside the vocabulary");
        add(c, "vocab.txt", "whitespace-only line inside", "a\n \t\nb\n",
                "<file>, line 2: blank line inside the vocabulary");
        add(c, "vocab.txt", "invalid byte 0xFF", bytes("a\n", 0xFF, "\n"),
                "<file>, line 2: invalid UTF-8 at byte offset 2 (byte 1 of the line)");
        add(c, "vocab.txt", "truncated multi-byte character at the end", bytes("ab", 0xE2, 0x82),
                "<file>, line 1: invalid UTF-8 at byte offset 2 (byte 3 of the line)");
        add(c, "vocab.txt", "overlong encoding of '/'", bytes("x", 0xC0, 0xAF, "\n"),
                "<file>, line 1: invalid UTF-8 at byte offset 1 (byte 2 of the line)");
        add(c, "vocab.txt", "UTF-8 encoded surrogate", bytes("a\nb\nc", 0xED, 0xA0, 0x80, "\n"),
                "<file>, line 3: invalid UTF-8 at byte offset 5 (byte 2 of the line)");
        add(c, "vocab.txt", "UTF-16LE with byte order mark", utf16le("\uFEFFa\nb\n"),
                "<file>, line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)");
        add(c, "vocab.txt", "Latin-1 instead of UTF-8", bytes("caf", 0xE9, "\n"),
                "<file>, line 1: invalid UTF-8 at byte offset 3 (byte 4 of the line)");
        add(c, "vocab.txt", "NUL byte inside a token (kept, as the reference)", "a\0b\nc\n",
                "OK 2 tokens, first \"a\\u0000b\"");
        add(c, "vocab.txt", "CRLF line ends", "a\r\nb\r\n", "OK 2 tokens, first \"a\"");
        add(c, "vocab.txt", "no final newline", "a\nb", "OK 2 tokens, first \"a\"");
        add(c, "vocab.txt", "only NUL bytes", "\0\0\0", "OK 1 tokens, first \"\\u0000\\u0000\\u0000\"");
        c.add(new Case("vocab.txt", "50 MB single line", () -> repeat((byte) 'a', HUGE),
                "OK 1 tokens, first \"aaaaaaaaaaaaaaaaaaaa...(52428800)\""));
        c.add(new Case("vocab.txt", "50 MB single line with an invalid byte at the end", () -> {
            byte[] b = repeat((byte) 'a', HUGE);
            b[b.length - 1] = (byte) 0xFF;
            return b;
        }, "<file>, line 1: invalid UTF-8 at byte offset 52428799 (byte 52428800 of the line)"));

        // ---- vocab.json
        add(c, "vocab.json", "empty", "", "<file>, line 1, column 1: unexpected end of file, expected '{' to start the vocabulary object");
        add(c, "vocab.json", "whitespace only", " \n ", "<file>, line 2, column 2: unexpected end of file, expected '{' to start the vocabulary object");
        add(c, "vocab.json", "an array", "[\"a\"]", "<file>, line 1, column 1: expected '{' to start the vocabulary object");
        add(c, "vocab.json", "truncated after '{'", "{", "<file>, line 1, column 2: unexpected end of file");
        add(c, "vocab.json", "truncated after a key", "{\"a\": 0, \"b\"",
                "<file>, line 1, column 13: unexpected end of file, expected ':' after the token");
        add(c, "vocab.json", "truncated inside a key", "{\"a\": 0, \"b",
                "<file>, line 1, column 10: unterminated string");
        add(c, "vocab.json", "truncated inside an escape", "{\"a\\",
                "<file>, line 1, column 2: unterminated string");
        add(c, "vocab.json", "string id", "{\"a\": \"0\"}", "<file>, line 1, column 7: the id must be a non-negative integer");
        add(c, "vocab.json", "null id", "{\"a\": null}", "<file>, line 1, column 7: the id must be a non-negative integer");
        add(c, "vocab.json", "negative id", "{\"a\": -1}", "<file>, line 1, column 7: the id must be a non-negative integer");
        add(c, "vocab.json", "fractional id", "{\"a\": 1.5}", "<file>, line 1, column 7: the id must be a non-negative integer");
        add(c, "vocab.json", "exponent id", "{\"a\": 1e3}", "<file>, line 1, column 7: the id must be a non-negative integer");
        add(c, "vocab.json", "nested object", "{\"a\": {}}", "<file>, line 1, column 7: the id must be a non-negative integer");
        add(c, "vocab.json", "id above int", "{\"a\": 99999999999}", "<file>, line 1, column 7: id 99999999999 is too large (at most 16777215)");
        add(c, "vocab.json", "id 2^31-1 (a gap of two billion)", "{\"a\": 2147483647}",
                "<file>, line 1, column 7: id 2147483647 is too large (at most 16777215)");
        add(c, "vocab.json", "id with 400 digits", "{\"a\": " + "9".repeat(400) + "}",
                "<file>, line 1, column 7: id of 400 digits is too large (at most 16777215)");
        add(c, "vocab.json", "duplicate token", "{\"a\": 0, \"a\": 1}", "<file>, line 1, column 10: duplicate token \"a\"");
        add(c, "vocab.json", "duplicate token through an escape", "{\"a\": 0, \"\\u0061\": 1}",
                "<file>, line 1, column 10: duplicate token \"a\"");
        add(c, "vocab.json", "duplicate id", "{\"a\": 0, \"b\": 0}",
                "<file>, line 1, column 15: id 0 is given to both \"a\" and \"b\"");
        add(c, "vocab.json", "id gaps (kept)", "{\"a\": 0, \"b\": 7}", "OK 2 tokens, size 8");
        add(c, "vocab.json", "empty object", "{}", "OK 0 tokens, size 0");
        add(c, "vocab.json", "trailing comma", "{\"a\": 0,}", "<file>, line 1, column 9: expected a token in double quotes");
        add(c, "vocab.json", "unquoted key", "{a: 0}", "<file>, line 1, column 2: expected a token in double quotes");
        add(c, "vocab.json", "single quotes", "{'a': 0}", "<file>, line 1, column 2: expected a token in double quotes");
        add(c, "vocab.json", "two objects", "{\"a\": 0}{\"b\": 1}",
                "<file>, line 1, column 9: unexpected content after the vocabulary object");
        add(c, "vocab.json", "raw NUL in a key", "{\"a\0\": 0}",
                "<file>, line 1, column 4: unescaped control character U+0000 in a string");
        add(c, "vocab.json", "raw newline in a key", "{\"a\n\": 0}",
                "<file>, line 1, column 4: unescaped control character U+000A in a string");
        add(c, "vocab.json", "escaped NUL in a key (kept)", "{\"\\u0000\": 0}", "OK 1 tokens, size 1");
        add(c, "vocab.json", "bad escape", "{\"\\x41\": 0}", "<file>, line 1, column 3: bad escape \\x");
        add(c, "vocab.json", "short \\u escape", "{\"\\u12\": 0}", "<file>, line 1, column 3: bad \\u escape");
        add(c, "vocab.json", "lone high surrogate escape", "{\"\\ud800\": 0}",
                "<file>, line 1, column 3: lone surrogate \\ud800 in a string");
        add(c, "vocab.json", "lone low surrogate escape", "{\"a\\udc00b\": 0}",
                "<file>, line 1, column 4: lone surrogate \\udc00 in a string");
        add(c, "vocab.json", "reversed surrogate pair", "{\"\\udc00\\ud800\": 0}",
                "<file>, line 1, column 3: lone surrogate \\udc00 in a string");
        add(c, "vocab.json", "surrogate pair escape (kept)", "{\"\\ud83d\\ude00\": 0}", "OK 1 tokens, size 1");
        add(c, "vocab.json", "byte order mark", "\uFEFF{\"a\": 0}", "OK 1 tokens, size 1");
        add(c, "vocab.json", "invalid UTF-8 on line 2", bytes("{\"a\": 0,\n\"", 0xFF, "\": 1}"),
                "<file>, line 2: invalid UTF-8 at byte offset 10 (byte 2 of the line)");
        add(c, "vocab.json", "UTF-16LE (valid UTF-8 with NUL bytes)", utf16le("{\"a\": 0}"),
                "<file>, line 1, column 2: expected a token in double quotes");
        add(c, "vocab.json", "UTF-16LE with byte order mark", utf16le("\uFEFF{\"a\": 0}"),
                "<file>, line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)");
        add(c, "vocab.json", "deep nesting", "[".repeat(100_000),
                "<file>, line 1, column 1: expected '{' to start the vocabulary object");
        c.add(new Case("vocab.json", "50 MB unterminated key", () -> {
            byte[] b = repeat((byte) 'a', HUGE);
            b[0] = '{';
            b[1] = '"';
            return b;
        }, "<file>, line 1, column 2: unterminated string"));
        c.add(new Case("vocab.json", "50 MB of whitespace", () -> repeat((byte) ' ', HUGE),
                "<file>, line 1, column 52428801: unexpected end of file, expected '{' to start the vocabulary object"));

        // ---- merges.txt (syntax only)
        add(c, "merges.txt", "empty (no merges, as the reference)", "", "OK 0 merges");
        add(c, "merges.txt", "header only", "#version: 0.2\n", "OK 0 merges");
        add(c, "merges.txt", "byte order mark and header", "\uFEFF#version: 0.2\na b\n", "OK 1 merges");
        add(c, "merges.txt", "one token", "#version: 0.2\nab\n",
                "<file>, line 2: expected two tokens separated by one space, found 1 part: \"ab\"");
        add(c, "merges.txt", "three tokens", "a b c\n",
                "<file>, line 1: expected two tokens separated by one space, found 3 parts: \"a b c\"");
        add(c, "merges.txt", "two spaces", "a  b\n",
                "<file>, line 1: expected two tokens separated by one space, found 3 parts: \"a  b\"");
        add(c, "merges.txt", "blank line inside", "a b\n\nb c\n",
                "<file>, line 2: expected two tokens separated by one space, found 1 part: \"\"");
        add(c, "merges.txt", "tab instead of space", "a\tb\n",
                "<file>, line 1: expected two tokens separated by one space, found 1 part: \"a\\u0009b\"");
        add(c, "merges.txt", "leading space (empty left token)", " b\n", "OK 1 merges");
        add(c, "merges.txt", "invalid UTF-8", bytes("a b\n", 0xC3, " b\n"),
                "<file>, line 2: invalid UTF-8 at byte offset 4 (byte 1 of the line)");
        add(c, "merges.txt", "NUL bytes", "a\0 b\n", "OK 1 merges");
        add(c, "merges.txt", "CRLF", "#version: 0.2\r\na b\r\n", "OK 1 merges");
        c.add(new Case("merges.txt", "50 MB single line without a space", () -> repeat((byte) 'a', HUGE),
                "<file>, line 1: expected two tokens separated by one space, found 1 part: \""
                        + "a".repeat(48) + "...\" (52428800 chars)"));
        c.add(new Case("merges.txt", "50 MB single line of NUL bytes", () -> repeat((byte) 0, HUGE),
                "<file>, line 1: expected two tokens separated by one space, found 1 part: \""
                        + "\\u0000".repeat(48) + "...\" (52428800 chars)"));
        // ---- merges.txt against a vocabulary {a b c ab abc bc}
        add(c, "merges.txt+vocab", "valid", "a b\nab c\n", "OK 2 merges");
        add(c, "merges.txt+vocab", "left token not in the vocabulary", "a b\nx c\n",
                "<file>, line 2: token \"x\" is not in the vocabulary");
        add(c, "merges.txt+vocab", "right token not in the vocabulary", "a zz\n",
                "<file>, line 1: token \"zz\" is not in the vocabulary");
        add(c, "merges.txt+vocab", "merged token not in the vocabulary", "b a\n",
                "<file>, line 1: merged token \"ba\" is not in the vocabulary");
        add(c, "merges.txt+vocab", "duplicate merge (the later rank wins, as the reference)", "a b\nb c\na b\n",
                "OK 2 merges");

        // ---- .tiktoken
        add(c, "tiktoken", "empty", "", "<file>: no ranks");
        add(c, "tiktoken", "blank lines only", "\n\n", "<file>: no ranks");
        add(c, "tiktoken", "valid with gaps", "YQ== 0\nYg== 5\n", "OK 2 tokens, size 6");
        add(c, "tiktoken", "byte order mark", "\uFEFFYQ== 0\n", "OK 1 tokens, size 1");
        add(c, "tiktoken", "CRLF", "YQ== 0\r\nYg== 1\r\n", "OK 2 tokens, size 2");
        add(c, "tiktoken", "token without rank", "YQ==\n", "<file>, line 1: expected \"<base64 token> <rank>\", found \"YQ==\"");
        add(c, "tiktoken", "trailing space", "YQ== 0 \n", "<file>, line 1: expected \"<base64 token> <rank>\", found \"YQ== 0 \"");
        add(c, "tiktoken", "tab separator", "YQ==\t0\n", "<file>, line 1: expected \"<base64 token> <rank>\", found \"YQ==\\u00090\"");
        add(c, "tiktoken", "invalid base64", "!!!! 0\n", "<file>, line 1: invalid base64 \"!!!!\"");
        add(c, "tiktoken", "truncated base64", "YQ= 0\n", "<file>, line 1: invalid base64 \"YQ=\"");
        add(c, "tiktoken", "empty token", " 0\n", "<file>, line 1: empty token");
        add(c, "tiktoken", "negative rank", "YQ== -1\n", "<file>, line 1: rank \"-1\" is not a non-negative integer below 16777216");
        add(c, "tiktoken", "rank 2^24", "YQ== 16777216\n", "<file>, line 1: rank \"16777216\" is not a non-negative integer below 16777216");
        add(c, "tiktoken", "rank above int", "YQ== 99999999999\n", "<file>, line 1: rank \"99999999999\" is not a non-negative integer below 16777216");
        add(c, "tiktoken", "rank with a sign", "YQ== +1\n", "<file>, line 1: rank \"+1\" is not a non-negative integer below 16777216");
        add(c, "tiktoken", "rank in hex", "YQ== 0x1\n", "<file>, line 1: rank \"0x1\" is not a non-negative integer below 16777216");
        add(c, "tiktoken", "rank with Arabic-Indic digits", "YQ== \u0661\n", "<file>, line 1: rank \"\u0661\" is not a non-negative integer below 16777216");
        add(c, "tiktoken", "duplicate rank", "YQ== 0\nYg== 0\n", "<file>, line 2: duplicate rank 0, first on line 1");
        add(c, "tiktoken", "duplicate token", "YQ== 0\nYQ== 1\n", "<file>, line 2: duplicate token \"YQ==\", first on line 1");
        add(c, "tiktoken", "NUL byte token (kept)", "AA== 0\n", "OK 1 tokens, size 1");
        add(c, "tiktoken", "raw NUL in the line", "YQ==\0 0\n", "<file>, line 1: invalid base64 \"YQ==\\u0000\"");
        add(c, "tiktoken", "invalid UTF-8", bytes("YQ== 0\n", 0xFE, " 1\n"),
                "<file>, line 2: invalid UTF-8 at byte offset 7 (byte 1 of the line)");
        add(c, "tiktoken", "truncated last line", "YQ== 0\nYg", "<file>, line 2: expected \"<base64 token> <rank>\", found \"Yg\"");
        c.add(new Case("tiktoken", "50 MB single line", () -> repeat((byte) 'Q', HUGE),
                "<file>, line 1: expected \"<base64 token> <rank>\", found \"" + "Q".repeat(48)
                        + "...\" (52428800 chars)"));
        c.add(new Case("tiktoken", "50 MB token", () -> {
            byte[] b = repeat((byte) 'Q', HUGE);
            b[b.length - 2] = ' ';
            b[b.length - 1] = '0';
            return b;
        }, "OK 1 tokens, size 1"));
        return c;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void brokenFile(Case c) throws Exception {
        Path file = dir.resolve("case-" + TRIED.incrementAndGet() + "-" + c.format());
        Files.write(file, c.content().get());
        String actual;
        try {
            actual = "OK " + reader(c.format()).read(file);
        } catch (VocabFormatException e) {
            actual = e.getMessage().replace(file.toString(), "<file>");
        } catch (Throwable t) {
            UNEXPECTED.incrementAndGet();
            throw new AssertionError(c + ": unexpected " + t, t);
        } finally {
            Files.delete(file);
        }
        assertEquals(c.expected(), actual, c.toString());
    }

    @AfterAll
    static void report() {
        System.out.println("hostile-input: " + TRIED.get() + " files tried (vocab.txt, vocab.json, merges.txt, "
                + ".tiktoken), " + UNEXPECTED.get() + " unexpected exceptions");
    }

    // ---- helpers

    private static void add(List<Case> c, String format, String name, String content, String expected) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        c.add(new Case(format, name, () -> b, expected));
    }

    private static void add(List<Case> c, String format, String name, byte[] content, String expected) {
        c.add(new Case(format, name, () -> content, expected));
    }

    /** Strings as UTF-8 and ints as raw bytes, in order. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    private static byte[] utf16le(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] repeat(byte b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }
}
