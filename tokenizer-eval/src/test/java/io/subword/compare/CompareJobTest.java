package io.subword.compare;

import io.subword.train.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompareJobTest {
    @TempDir
    Path dir;

    /** Every family a Trainer can build is compared by default, so a new family shows up in compare and demo. */
    @Test
    void theDefaultTrainsEveryFamily() {
        assertEquals(EnumSet.allOf(Family.class), EnumSet.copyOf(CompareJob.DEFAULT_FAMILIES));
        assertEquals(Family.WORD_LEVEL, CompareJob.DEFAULT_FAMILIES.get(0)); // the baseline comes first
    }

    Path corpus() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("the committee and the council agreed on report number" + i);
            lines.add("os deputados votaram para que as consequências sejam inimagináveis " + i);
        }
        Path file = dir.resolve("corpus.txt");
        Files.write(file, lines);
        return file;
    }

    /**
     * Each family is trained at each size through the one Trainer interface, in the order asked for, then the
     * given tokenizers; every trained tokenizer is measured and kept with its TrainedTokenizer.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # families           | sizes   | candidates, in order
            unigram              | 80,120  | unigram 80, unigram 120
            word,unigram         | 80      | word 80, unigram 80
            bytelevel,wordpiece  | 300,400 | bytelevel 300, bytelevel 400, wordpiece 300, wordpiece 400
            """)
    void trainsEachFamilyAtEachSize(String families, String sizes, String expected) throws Exception {
        List<Family> kinds = Arrays.stream(families.split(",")).map(Family::fromName).toList();
        List<Integer> vocabSizes = Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();
        CompareJob.Outcome o = CompareJob.builder().train(List.of(corpus())).families(kinds).vocabSizes(vocabSizes)
                .threads(1).languages(false).workDir(dir.resolve("work")).build().run(CompareListener.NONE);
        List<String> labels = o.candidates().stream().map(c -> c.model() + " " + c.vocabSize()).toList();
        assertEquals(List.of(expected.split(", ")), labels);
        assertEquals(labels, o.result().models().stream().map(m -> m.model() + " " + m.vocabSize()).toList());
        assertEquals(labels.size(), o.trained().size());
        for (int i = 0; i < labels.size(); i++) {
            assertEquals(o.trained().get(i).tokenizer(), o.candidates().get(i).tokenizer());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # train | test | families | the message
            false   | true | unigram  | training unigram needs --train
            false   | true | none     | nothing to compare: no --train-vocabs and no -t tokenizers
            false   | false| none     | nothing to measure on: give --test or --train
            """)
    void saysWhatIsMissing(boolean train, boolean test, String families, String message) throws IOException {
        Path corpus = corpus();
        CompareJob.Builder job = CompareJob.builder().families(families.equals("none") ? List.of()
                : List.of(Family.fromName(families)));
        if (train) {
            job.train(List.of(corpus));
        }
        if (test) {
            job.test(corpus);
        }
        CompareJob built = job.build();
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> built.run(CompareListener.NONE))
                .getMessage());
    }
}
