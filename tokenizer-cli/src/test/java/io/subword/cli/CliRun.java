package io.subword.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code subword} in-process, as {@link Main#main} does, with captured standard streams. */
final class CliRun {
    /** What one run left behind. */
    record Result(int exitCode, String out, String err) {
        /** The lines of stdout, without the newline after the last. */
        List<String> outLines() {
            if (out.isEmpty()) {
                return List.of();
            }
            org.junit.jupiter.api.Assertions.assertTrue(out.endsWith("\n"), () -> "unterminated output: " + out);
            return List.of(out.substring(0, out.length() - 1).split("\n", -1));
        }

        /**
         * The one error line of a failed run whose stderr may first hold progress lines ({@code [  1.0s] ...});
         * asserts there is exactly one {@code subword:} line, last, with no stack trace.
         */
        String oneErrorLineAfterProgress() {
            List<String> lines = List.of(err.split("\n"));
            List<String> errors = lines.stream().filter(l -> !l.startsWith("[")).toList();
            org.junit.jupiter.api.Assertions.assertEquals(1, errors.size(), () -> "expected one error line:\n" + err);
            org.junit.jupiter.api.Assertions.assertEquals(errors.get(0), lines.get(lines.size() - 1), err);
            return new Result(exitCode, out, errors.get(0) + "\n").oneErrorLine();
        }

        /** Asserts the run failed with one line on stderr that has no stack trace, and returns that line. */
        String oneErrorLine() {
            org.junit.jupiter.api.Assertions.assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1,
                    () -> "expected one line on stderr, got:\n" + err);
            org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("subword: "), err);
            org.junit.jupiter.api.Assertions.assertFalse(err.contains("Exception") || err.contains("\tat "), err);
            return err.substring(0, err.length() - 1);
        }
    }

    private CliRun() {
    }

    static Result run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Result run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // As Main.main runs it: encode -t FILE [-i IN] [-o OUT] and train with the common options without picocli,
        // else only the subcommand the arguments name (LazyCommandLineTest checks it matches the whole tree).
        int code = Main.run(new ByteArrayInputStream(stdin), null, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * A small BERT vocab.txt: ids 0-4 are [PAD] [UNK] [CLS] [SEP] [MASK], then {@code hello}=5, {@code world}=6,
     * {@code ##s}=7, {@code !}=8, an emoji (a surrogate pair in UTF-16, 4 bytes in UTF-8)=9, {@code Hello}=10
     * (only the cased pipeline keeps it), and {@code in ##ima ##gin ##ave ##is}=11..15.
     */
    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "##s",
            "!", "\uD83D\uDE00", "Hello", "in", "##ima", "##gin", "##ave", "##is");

    static Path writeVocab(Path dir) throws IOException {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, VOCAB, StandardCharsets.UTF_8);
        return vocab;
    }

    /**
     * Every field of {@code actual} that picocli fills ({@code @Option}, {@code @Parameters}, {@code @ArgGroup}) holds
     * what {@code expected}'s does, and so on through the {@code @Mixin}s: for the fast paths, which build a command
     * without picocli.
     */
    static void assertSameFields(Object expected, Object actual) {
        for (java.lang.reflect.Field f : expected.getClass().getDeclaredFields()) {
            try {
                f.setAccessible(true);
                if (f.isAnnotationPresent(picocli.CommandLine.Mixin.class)) {
                    assertSameFields(f.get(expected), f.get(actual));
                } else if (f.isAnnotationPresent(picocli.CommandLine.Option.class)
                        || f.isAnnotationPresent(picocli.CommandLine.Parameters.class)
                        || f.isAnnotationPresent(picocli.CommandLine.ArgGroup.class)) {
                    org.junit.jupiter.api.Assertions.assertEquals(f.get(expected), f.get(actual), f.getName());
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
