package io.subword.train;

import io.subword.json.TokenizerJson;
import io.subword.progress.TrainingListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trained tokenizer.json is streamed, not built as one JSON tree: it must be byte for byte what
 * {@link TokenizerJson} writes for the same tokenizer, whatever the tokens hold (quotes, backslashes, control
 * characters with and without short escapes, characters above U+FFFF, {@code </w>}, {@code ##}).
 */
class StreamedTokenizerJsonTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, specials {1}")
    @CsvSource(delimiter = ';', value = {
            // family; special tokens, | between them (\\uXXXX is unescaped); words of the corpus
            "BYTE_LEVEL; ; say \"hi\" a\\\\b \u00e9t\u00e9 \ud83d\ude00 tab\ttab",
            "BYTE_LEVEL; <s>|a\"q|b\\\\s|c\\u0001|d\\u0008|e\\u000c|f\\u001f|\\u007f; say \"hi\" \u00e9t\u00e9 say",
            "BPE;        <unk>|<pad>|x\\u0009y|\ud83d\ude00; lower lowest newer wider \u00e9t\u00e9 \ud83d\ude00\ud83d\ude00",
            "BPE;        ; lower lowest newer wider",
            "WORD_PIECE; [PAD]|[UNK]|[CLS]|[SEP]|[MASK]|q\"\\\\\\u0002; hugs hug pun bun pug \u00e9t\u00e9 \ud83d\ude00",
    })
    void sameBytesAsTheJsonTree(Family family, String specials, String words) throws Exception {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String w : words.split(" ")) {
            counts.merge(w, 3L, Long::sum);
        }
        TrainingOptions.Builder options = TrainingOptions.builder().vocabSize(300);
        if (specials != null) {
            List<String> list = new ArrayList<>();
            for (String s : specials.split("\\|")) {
                list.add(TrainSpeedPathsTest.unescape(s));
            }
            options.specialTokens(list);
        }
        TrainedTokenizer trained = Trainer.of(family, options.build())
                .train(WordCounts.of(counts), TrainingListener.NONE);
        trained.writeAll(dir);
        String expected = TokenizerJson.toJson(trained.tokenizer());
        assertTrue(expected.contains("\"vocab\": {"));
        assertEquals(expected, Files.readString(dir.resolve(TrainedTokenizer.TOKENIZER_JSON), StandardCharsets.UTF_8));
    }
}
