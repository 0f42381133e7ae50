package io.subword.vocab.io;

import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MergesTxtTest {
    private static final Vocabulary VOCAB = Vocabulary.of("a", "b", "c", "ab", "abc", "##b", "##c");

    @TempDir
    Path dir;

    @Test
    void readsWithAndWithoutHeaderAndWritesBack() throws Exception {
        Path file = dir.resolve("merges.txt");
        Files.writeString(file, "#version: 0.2\na b\nab c\n");
        assertEquals(List.of(new Merge("a", "b"), new Merge("ab", "c")), MergesTxt.read(file));
        MergeTable table = MergesTxt.read(file, VOCAB);
        assertEquals(1, table.rank(VOCAB.id("ab"), VOCAB.id("c")));
        assertEquals(VOCAB.id("abc"), table.merged(VOCAB.id("ab"), VOCAB.id("c")));

        Files.writeString(file, "a b\r\nab c");
        assertEquals(List.of(new Merge("a", "b"), new Merge("ab", "c")), MergesTxt.read(file));

        Path out = dir.resolve("out.txt");
        MergesTxt.write(table.merges(VOCAB), out);
        assertEquals("#version: 0.2\na b\nab c\n", Files.readString(out));
    }

    @Test
    void readsWithAContinuingSubwordPrefix() throws Exception {
        Path file = dir.resolve("merges.txt");
        Files.writeString(file, "a ##b\nab ##c\n");
        MergeTable table = MergesTxt.read(file, VOCAB, "##");
        assertEquals(VOCAB.id("abc"), table.merged(VOCAB.id("ab"), VOCAB.id("##c")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`#version: 0.2\na b\nc`       | line 3: expected two tokens separated by one space, found 1 part: \"c\"",
            "`a b\na b c\n`                | line 2: expected two tokens separated by one space, found 3 parts: \"a b c\"",
            "`a b\nab  c\n`                | line 2: expected two tokens separated by one space, found 3 parts: \"ab  c\"",
            "`a b\n\nab c\n`               | line 2: expected two tokens separated by one space, found 1 part: \"\"",
            "`a b\na d\n`                  | line 2: token \"d\" is not in the vocabulary",
            "`x b\n`                       | line 1: token \"x\" is not in the vocabulary",
            "`a b\nb c\n`                  | line 2: merged token \"bc\" is not in the vocabulary",
    })
    void namesFileAndLineOfTheProblem(String text, String message) throws IOException {
        Path file = dir.resolve("merges.txt");
        Files.writeString(file, text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> MergesTxt.read(file, VOCAB));
        assertEquals(file + ", " + message, e.getMessage());
    }

    @Test
    void refusesToWriteATokenWithASpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MergesTxt.write(List.of(new Merge("a b", "c")), dir.resolve("m.txt")));
        assertEquals("token \"a b\" cannot be written to merges.txt (empty, space or line break)", e.getMessage());
    }
}
