package io.subword.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which family's pipeline {@code train} warms up: the FAMILY parameter, found among options and their values. */
class TrainPrefetchTest {
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
}
