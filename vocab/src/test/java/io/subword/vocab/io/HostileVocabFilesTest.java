package io.subword.vocab.io;

import io.subword.testkit.HostileFiles;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static io.subword.testkit.HostileFiles.bytes;
import static io.subword.testkit.HostileFiles.repeat;
import static io.subword.testkit.HostileFiles.utf16le;

/**
 * Broken and odd files for every reader of this module ({@code vocab.txt}, {@code vocab.json},
 * {@code merges.txt}, {@code .tiktoken}): each row is a file and either the exact message of the
 * {@link InputFormatException} it must raise ({@code <file>} stands for the path) or, for files the reference
 * accepts, {@code OK} and what was read. Nothing else may be thrown: no NullPointerException,
 * ArrayIndexOutOfBoundsException, NumberFormatException or OutOfMemoryError.
 */
class HostileVocabFilesTest {
    private static final HostileFiles FILES = new HostileFiles(InputFormatException.class);
    /** Big enough to be hostile, small enough for the default run. */
    private static final int HUGE = 50 << 20;

    @TempDir
    static Path dir;

    private static final Vocabulary MERGE_VOCAB = Vocabulary.of("a", "b", "c", "ab", "abc", "bc");

    static HostileFiles.Reader reader(String format) {
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

    static List<HostileFiles.Case> cases() {
        HostileFiles.Table c = HostileFiles.table();
        // ---- vocab.txt
        c.format("vocab.txt").add("empty", "", "<file>: the vocabulary is empty");
        c.format("vocab.txt").add("blank lines only", "\n \n\t\n", "<file>: the vocabulary is empty");
        c.format("vocab.txt").add("byte order mark only", "\uFEFF", "<file>: the vocabulary is empty");
        c.format("vocab.txt").add("byte order mark then tokens", "\uFEFFa\nb\n", "OK 2 tokens, first \"a\"");
        c.format("vocab.txt").add("second byte order mark is a token", "\uFEFF\uFEFFa\n", "OK 1 tokens, first \"\uFEFFa\"");
        c.format("vocab.txt").add("duplicate token", "a\nb\na\n", "<file>, line 3: duplicate token \"a\", first on line 1");
        c.format("vocab.txt").add("duplicate after trailing space is dropped", "a\na \n",
                "<file>, line 2: duplicate token \"a\", first on line 1");
        c.format("vocab.txt").add("blank line inside", "a\n\nb\n", "<file>, line 2: blank line inside the vocabulary");
        c.format("vocab.txt").add("whitespace-only line inside", "a\n \t\nb\n",
                "<file>, line 2: blank line inside the vocabulary");
        c.format("vocab.txt").add("invalid byte 0xFF", bytes("a\n", 0xFF, "\n"),
                "<file>, line 2: invalid UTF-8 at byte offset 2 (byte 1 of the line)");
        c.format("vocab.txt").add("truncated multi-byte character at the end", bytes("ab", 0xE2, 0x82),
                "<file>, line 1: invalid UTF-8 at byte offset 2 (byte 3 of the line)");
        c.format("vocab.txt").add("overlong encoding of '/'", bytes("x", 0xC0, 0xAF, "\n"),
                "<file>, line 1: invalid UTF-8 at byte offset 1 (byte 2 of the line)");
        c.format("vocab.txt").add("UTF-8 encoded surrogate", bytes("a\nb\nc", 0xED, 0xA0, 0x80, "\n"),
                "<file>, line 3: invalid UTF-8 at byte offset 5 (byte 2 of the line)");
        c.format("vocab.txt").add("UTF-16LE with byte order mark", utf16le("\uFEFFa\nb\n"),
                "<file>, line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)");
        c.format("vocab.txt").add("Latin-1 instead of UTF-8", bytes("caf", 0xE9, "\n"),
                "<file>, line 1: invalid UTF-8 at byte offset 3 (byte 4 of the line)");
        c.format("vocab.txt").add("NUL byte inside a token (kept, as the reference)", "a\0b\nc\n",
                "OK 2 tokens, first \"a\\u0000b\"");
        c.format("vocab.txt").add("CRLF line ends", "a\r\nb\r\n", "OK 2 tokens, first \"a\"");
        c.format("vocab.txt").add("no final newline", "a\nb", "OK 2 tokens, first \"a\"");
        c.format("vocab.txt").add("only NUL bytes", "\0\0\0", "OK 1 tokens, first \"\\u0000\\u0000\\u0000\"");
        c.format("vocab.txt").add("50 MB single line", () -> repeat((byte) 'a', HUGE),
                "OK 1 tokens, first \"aaaaaaaaaaaaaaaaaaaa...(52428800)\"");
        c.format("vocab.txt").add("50 MB single line with an invalid byte at the end", () -> {
            byte[] b = repeat((byte) 'a', HUGE);
            b[b.length - 1] = (byte) 0xFF;
            return b;
        }, "<file>, line 1: invalid UTF-8 at byte offset 52428799 (byte 52428800 of the line)");

        // ---- vocab.json
        c.format("vocab.json").add("empty", "", "<file>, line 1, column 1: unexpected end of file, expected '{' to start the vocabulary object");
        c.format("vocab.json").add("whitespace only", " \n ", "<file>, line 2, column 2: unexpected end of file, expected '{' to start the vocabulary object");
        c.format("vocab.json").add("an array", "[\"a\"]", "<file>, line 1, column 1: expected '{' to start the vocabulary object");
        c.format("vocab.json").add("truncated after '{'", "{", "<file>, line 1, column 2: unexpected end of file");
        c.format("vocab.json").add("truncated after a key", "{\"a\": 0, \"b\"",
                "<file>, line 1, column 13: unexpected end of file, expected ':' after the token");
        c.format("vocab.json").add("truncated inside a key", "{\"a\": 0, \"b",
                "<file>, line 1, column 10: unterminated string");
        c.format("vocab.json").add("truncated inside an escape", "{\"a\\",
                "<file>, line 1, column 2: unterminated string");
        c.format("vocab.json").add("string id", "{\"a\": \"0\"}", "<file>, line 1, column 7: the id must be a non-negative integer");
        c.format("vocab.json").add("null id", "{\"a\": null}", "<file>, line 1, column 7: the id must be a non-negative integer");
        c.format("vocab.json").add("negative id", "{\"a\": -1}", "<file>, line 1, column 7: the id must be a non-negative integer");
        c.format("vocab.json").add("fractional id", "{\"a\": 1.5}", "<file>, line 1, column 7: the id must be a non-negative integer");
        c.format("vocab.json").add("exponent id", "{\"a\": 1e3}", "<file>, line 1, column 7: the id must be a non-negative integer");
        c.format("vocab.json").add("nested object", "{\"a\": {}}", "<file>, line 1, column 7: the id must be a non-negative integer");
        c.format("vocab.json").add("id above int", "{\"a\": 99999999999}", "<file>, line 1, column 7: id 99999999999 is too large (at most 16777215)");
        c.format("vocab.json").add("id 2^31-1 (a gap of two billion)", "{\"a\": 2147483647}",
                "<file>, line 1, column 7: id 2147483647 is too large (at most 16777215)");
        c.format("vocab.json").add("id with 400 digits", "{\"a\": " + "9".repeat(400) + "}",
                "<file>, line 1, column 7: id of 400 digits is too large (at most 16777215)");
        c.format("vocab.json").add("duplicate token", "{\"a\": 0, \"a\": 1}", "<file>, line 1, column 10: duplicate token \"a\"");
        c.format("vocab.json").add("duplicate token through an escape", "{\"a\": 0, \"\\u0061\": 1}",
                "<file>, line 1, column 10: duplicate token \"a\"");
        c.format("vocab.json").add("duplicate id", "{\"a\": 0, \"b\": 0}",
                "<file>, line 1, column 15: id 0 is given to both \"a\" and \"b\"");
        c.format("vocab.json").add("id gaps (kept)", "{\"a\": 0, \"b\": 7}", "OK 2 tokens, size 8");
        c.format("vocab.json").add("empty object", "{}", "OK 0 tokens, size 0");
        c.format("vocab.json").add("trailing comma", "{\"a\": 0,}", "<file>, line 1, column 9: expected a token in double quotes");
        c.format("vocab.json").add("unquoted key", "{a: 0}", "<file>, line 1, column 2: expected a token in double quotes");
        c.format("vocab.json").add("single quotes", "{'a': 0}", "<file>, line 1, column 2: expected a token in double quotes");
        c.format("vocab.json").add("two objects", "{\"a\": 0}{\"b\": 1}",
                "<file>, line 1, column 9: unexpected content after the vocabulary object");
        c.format("vocab.json").add("raw NUL in a key", "{\"a\0\": 0}",
                "<file>, line 1, column 4: unescaped control character U+0000 in a string");
        c.format("vocab.json").add("raw newline in a key", "{\"a\n\": 0}",
                "<file>, line 1, column 4: unescaped control character U+000A in a string");
        c.format("vocab.json").add("escaped NUL in a key (kept)", "{\"\\u0000\": 0}", "OK 1 tokens, size 1");
        c.format("vocab.json").add("bad escape", "{\"\\x41\": 0}", "<file>, line 1, column 3: bad escape \\x");
        c.format("vocab.json").add("short \\u escape", "{\"\\u12\": 0}", "<file>, line 1, column 3: bad \\u escape");
        c.format("vocab.json").add("lone high surrogate escape", "{\"\\ud800\": 0}",
                "<file>, line 1, column 3: lone surrogate \\ud800 in a string");
        c.format("vocab.json").add("lone low surrogate escape", "{\"a\\udc00b\": 0}",
                "<file>, line 1, column 4: lone surrogate \\udc00 in a string");
        c.format("vocab.json").add("reversed surrogate pair", "{\"\\udc00\\ud800\": 0}",
                "<file>, line 1, column 3: lone surrogate \\udc00 in a string");
        c.format("vocab.json").add("surrogate pair escape (kept)", "{\"\\ud83d\\ude00\": 0}", "OK 1 tokens, size 1");
        c.format("vocab.json").add("byte order mark", "\uFEFF{\"a\": 0}", "OK 1 tokens, size 1");
        c.format("vocab.json").add("invalid UTF-8 on line 2", bytes("{\"a\": 0,\n\"", 0xFF, "\": 1}"),
                "<file>, line 2: invalid UTF-8 at byte offset 10 (byte 2 of the line)");
        c.format("vocab.json").add("UTF-16LE (valid UTF-8 with NUL bytes)", utf16le("{\"a\": 0}"),
                "<file>, line 1, column 2: expected a token in double quotes");
        c.format("vocab.json").add("UTF-16LE with byte order mark", utf16le("\uFEFF{\"a\": 0}"),
                "<file>, line 1: invalid UTF-8 at byte offset 0 (byte 1 of the line)");
        c.format("vocab.json").add("deep nesting", "[".repeat(100_000),
                "<file>, line 1, column 1: expected '{' to start the vocabulary object");
        c.format("vocab.json").add("50 MB unterminated key", () -> {
            byte[] b = repeat((byte) 'a', HUGE);
            b[0] = '{';
            b[1] = '"';
            return b;
        }, "<file>, line 1, column 2: unterminated string");
        c.format("vocab.json").add("50 MB of whitespace", () -> repeat((byte) ' ', HUGE),
                "<file>, line 1, column 52428801: unexpected end of file, expected '{' to start the vocabulary object");

        // ---- merges.txt (syntax only)
        c.format("merges.txt").add("empty (no merges, as the reference)", "", "OK 0 merges");
        c.format("merges.txt").add("header only", "#version: 0.2\n", "OK 0 merges");
        c.format("merges.txt").add("byte order mark and header", "\uFEFF#version: 0.2\na b\n", "OK 1 merges");
        c.format("merges.txt").add("one token", "#version: 0.2\nab\n",
                "<file>, line 2: expected two tokens separated by one space, found 1 part: \"ab\"");
        c.format("merges.txt").add("three tokens", "a b c\n",
                "<file>, line 1: expected two tokens separated by one space, found 3 parts: \"a b c\"");
        c.format("merges.txt").add("two spaces", "a  b\n",
                "<file>, line 1: expected two tokens separated by one space, found 3 parts: \"a  b\"");
        c.format("merges.txt").add("blank line inside", "a b\n\nb c\n",
                "<file>, line 2: expected two tokens separated by one space, found 1 part: \"\"");
        c.format("merges.txt").add("tab instead of space", "a\tb\n",
                "<file>, line 1: expected two tokens separated by one space, found 1 part: \"a\\u0009b\"");
        c.format("merges.txt").add("leading space (empty left token)", " b\n", "OK 1 merges");
        c.format("merges.txt").add("invalid UTF-8", bytes("a b\n", 0xC3, " b\n"),
                "<file>, line 2: invalid UTF-8 at byte offset 4 (byte 1 of the line)");
        c.format("merges.txt").add("NUL bytes", "a\0 b\n", "OK 1 merges");
        c.format("merges.txt").add("CRLF", "#version: 0.2\r\na b\r\n", "OK 1 merges");
        c.format("merges.txt").add("50 MB single line without a space", () -> repeat((byte) 'a', HUGE),
                "<file>, line 1: expected two tokens separated by one space, found 1 part: \""
                        + "a".repeat(48) + "...\" (52428800 chars)");
        c.format("merges.txt").add("50 MB single line of NUL bytes", () -> repeat((byte) 0, HUGE),
                "<file>, line 1: expected two tokens separated by one space, found 1 part: \""
                        + "\\u0000".repeat(48) + "...\" (52428800 chars)");
        // ---- merges.txt against a vocabulary {a b c ab abc bc}
        c.format("merges.txt+vocab").add("valid", "a b\nab c\n", "OK 2 merges");
        c.format("merges.txt+vocab").add("left token not in the vocabulary", "a b\nx c\n",
                "<file>, line 2: token \"x\" is not in the vocabulary");
        c.format("merges.txt+vocab").add("right token not in the vocabulary", "a zz\n",
                "<file>, line 1: token \"zz\" is not in the vocabulary");
        c.format("merges.txt+vocab").add("merged token not in the vocabulary", "b a\n",
                "<file>, line 1: merged token \"ba\" is not in the vocabulary");
        c.format("merges.txt+vocab").add("duplicate merge (the later rank wins, as the reference)", "a b\nb c\na b\n",
                "OK 2 merges");

        // ---- .tiktoken
        c.format("tiktoken").add("empty", "", "<file>: no ranks");
        c.format("tiktoken").add("blank lines only", "\n\n", "<file>: no ranks");
        c.format("tiktoken").add("valid with gaps", "YQ== 0\nYg== 5\n", "OK 2 tokens, size 6");
        c.format("tiktoken").add("byte order mark", "\uFEFFYQ== 0\n", "OK 1 tokens, size 1");
        c.format("tiktoken").add("CRLF", "YQ== 0\r\nYg== 1\r\n", "OK 2 tokens, size 2");
        c.format("tiktoken").add("token without rank", "YQ==\n", "<file>, line 1: expected \"<base64 token> <rank>\", found \"YQ==\"");
        c.format("tiktoken").add("trailing space", "YQ== 0 \n", "<file>, line 1: expected \"<base64 token> <rank>\", found \"YQ== 0 \"");
        c.format("tiktoken").add("tab separator", "YQ==\t0\n", "<file>, line 1: expected \"<base64 token> <rank>\", found \"YQ==\\u00090\"");
        c.format("tiktoken").add("invalid base64", "!!!! 0\n", "<file>, line 1: invalid base64 \"!!!!\"");
        c.format("tiktoken").add("truncated base64", "YQ= 0\n", "<file>, line 1: invalid base64 \"YQ=\"");
        c.format("tiktoken").add("empty token", " 0\n", "<file>, line 1: empty token");
        c.format("tiktoken").add("negative rank", "YQ== -1\n", "<file>, line 1: rank \"-1\" is not a non-negative integer below 16777216");
        c.format("tiktoken").add("rank 2^24", "YQ== 16777216\n", "<file>, line 1: rank \"16777216\" is not a non-negative integer below 16777216");
        c.format("tiktoken").add("rank above int", "YQ== 99999999999\n", "<file>, line 1: rank \"99999999999\" is not a non-negative integer below 16777216");
        c.format("tiktoken").add("rank with a sign", "YQ== +1\n", "<file>, line 1: rank \"+1\" is not a non-negative integer below 16777216");
        c.format("tiktoken").add("rank in hex", "YQ== 0x1\n", "<file>, line 1: rank \"0x1\" is not a non-negative integer below 16777216");
        c.format("tiktoken").add("rank with Arabic-Indic digits", "YQ== \u0661\n", "<file>, line 1: rank \"\u0661\" is not a non-negative integer below 16777216");
        c.format("tiktoken").add("duplicate rank", "YQ== 0\nYg== 0\n", "<file>, line 2: duplicate rank 0, first on line 1");
        c.format("tiktoken").add("duplicate token", "YQ== 0\nYQ== 1\n", "<file>, line 2: duplicate token \"YQ==\", first on line 1");
        c.format("tiktoken").add("NUL byte token (kept)", "AA== 0\n", "OK 1 tokens, size 1");
        c.format("tiktoken").add("raw NUL in the line", "YQ==\0 0\n", "<file>, line 1: invalid base64 \"YQ==\\u0000\"");
        c.format("tiktoken").add("invalid UTF-8", bytes("YQ== 0\n", 0xFE, " 1\n"),
                "<file>, line 2: invalid UTF-8 at byte offset 7 (byte 1 of the line)");
        c.format("tiktoken").add("truncated last line", "YQ== 0\nYg", "<file>, line 2: expected \"<base64 token> <rank>\", found \"Yg\"");
        c.format("tiktoken").add("50 MB single line", () -> repeat((byte) 'Q', HUGE),
                "<file>, line 1: expected \"<base64 token> <rank>\", found \"" + "Q".repeat(48)
                        + "...\" (52428800 chars)");
        c.format("tiktoken").add("50 MB token", () -> {
            byte[] b = repeat((byte) 'Q', HUGE);
            b[b.length - 2] = ' ';
            b[b.length - 1] = '0';
            return b;
        }, "OK 1 tokens, size 1");
        return c.cases();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void brokenFile(HostileFiles.Case c) throws Exception {
        String format = c.name().substring(0, c.name().indexOf(": "));
        FILES.check(dir, format, c, reader(format)::read);
    }

    @AfterAll
    static void report() {
        System.out.println(FILES.report("vocab.txt, vocab.json, merges.txt, .tiktoken"));
    }
}
