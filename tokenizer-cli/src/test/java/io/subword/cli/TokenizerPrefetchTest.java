package io.subword.cli;

import io.subword.Tokenizers;
import io.subword.json.TokenizerJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tokenizer loaded ahead while picocli parses: started only for the commands and options it can serve, taken
 * only when the parsed options match, and never changing what a command prints, on success or failure.
 */
class TokenizerPrefetchTest {
    @TempDir
    Path dir;

    @AfterEach
    void dropLeftover() {
        TokenizerPrefetch.cancel(); // a command that never loads leaves it behind
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // arguments ($J: a tokenizer.json, $V: a vocab.txt, $BAD: a malformed tokenizer.json) | started | taken
            "encode -t $J                  | true  | true",
            "encode --tokenizer=$J         | true  | true",
            "inspect -t $J hellos          | true  | true",
            "encode -t $V                  | true  | true",
            "encode -t $V --cased          | false | false",
            "encode -t $BAD                | true  | true",
            "encode -t $J/missing          | false | false",
            "encode -t no-such-name        | false | false",
            "encode -t $J -t $V            | true  | true",
            "encode --help -t $J           | true  | false",
            "train -t $J                   | false | false",
            "encode                        | false | false",
    })
    void loadsAheadOnlyWhatTheCommandWillUseAndChangesNothingItPrints(String line, boolean started, boolean taken)
            throws Exception {
        Path vocab = CliRun.writeVocab(dir);
        Path json = dir.resolve("tokenizer.json");
        TokenizerJson.write(Tokenizers.fromVocabTxt(vocab, true), json);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": 7}}");
        String[] args = line.replace("$J", json.toString()).replace("$V", vocab.toString())
                .replace("$BAD", bad.toString()).split(" ");
        String stdin = "hello worlds!\n";
        CliRun.Result plain = CliRun.run(stdin, args);

        TokenizerPrefetch.start(args);
        assertEquals(started, TokenizerPrefetch.pending(), "started");
        CliRun.Result ahead = CliRun.run(stdin, args);
        assertEquals(taken, started && !TokenizerPrefetch.pending(), "taken");
        assertEquals(plain, ahead);
    }

    /** BERT's character tables are built ahead only for tokenizers that may use them: not for tiktoken ranks. */
    @ParameterizedTest
    @CsvSource({
            "bert-base-uncased, true",
            "tokenizer.json, true",
            "vocab.txt, true",
            "cl100k_base, false",
            "gpt2, false",
            "o200k_base, false",
            "ranks/cl100k_base.tiktoken, false",
    })
    void charTablesAheadOnlyWhereTheyMayBeUsed(String value, boolean ahead) {
        assertEquals(ahead, TokenizerPrefetch.mayUseCharClasses(value));
    }
}
