package io.subword.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which family's pipeline {@code train} warms up (the FAMILY parameter, found among options and their values), and
 * whether it builds BERT's tables of the whole BMP (only when a corpus file starts with text above ASCII).
 */
class TrainPrefetchTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // arguments | family found (empty: none)
            "train wordpiece -o out corpus.txt                       | wordpiece",
            "train --vocab-size 30000 bpe -o out corpus.txt          | bpe",
            "--verbose train --threads 2 bytelevel corpus.txt        | bytelevel",
            "train -o out WordPiece corpus.txt                       | wordpiece",
            "train --vocab-size 8000 -o out corpus.txt               | ''",
            "train -- wordpiece corpus.txt                           | ''",
            "encode wordpiece                                        | ''",
    })
    void findsTheFamilyParameter(String line, String expected) {
        var family = TrainPrefetch.firstFamily(line.split(" "));
        assertEquals(expected, family == null ? "" : family.cliName());
    }

    /** Files: {@code ascii.txt} (all ASCII), {@code late.txt} (é after 64 KB of ASCII), {@code accent.txt} (é early). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // arguments after train (files named *.txt are made in a folder) | builds the BMP tables ahead
            "wordpiece -o out ascii.txt                | false",
            "wordpiece -o out accent.txt               | true",
            "wordpiece -o out ascii.txt accent.txt     | true",
            "wordpiece -o out late.txt                 | false",
            "wordpiece -o out missing.txt              | false",
            "wordpiece -o accent.txt ascii.txt         | true",
            "wordpiece --vocab-size 30000 -o out       | false",
    })
    void buildsTheBmpTablesOnlyForTextAboveAscii(String line, boolean expected) throws Exception {
        Files.writeString(dir.resolve("ascii.txt"), "plain text\n".repeat(10_000), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("late.txt"), "x".repeat(TrainPrefetch.PEEK_BYTES) + "caf\u00e9\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accent.txt"), "caf\u00e9\n", StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("train"));
        for (String a : line.split(" ")) {
            args.add(a.endsWith(".txt") ? dir.resolve(a).toString() : a);
        }
        assertEquals(expected, TrainPrefetch.startsAboveAscii(args.toArray(new String[0])));
    }
}
