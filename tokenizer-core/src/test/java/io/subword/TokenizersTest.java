package io.subword;

import io.subword.json.TokenizerJson;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenizersTest {
    static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "Hello",
            "world", "##s", "cafe", "café", "!");

    static Path vocabFile(Path dir, List<String> tokens) throws IOException {
        Path file = dir.resolve("vocab.txt");
        Files.write(file, tokens);
        return file;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # lowercase | text               | tokens                                  | ids
            true        | Hello worlds!      | [CLS] hello world ##s ! [SEP]           | 2 5 7 8 11 3
            false       | Hello worlds!      | [CLS] Hello world ##s ! [SEP]           | 2 6 7 8 11 3
            true        | Café [MASK]        | [CLS] cafe [MASK] [SEP]                 | 2 9 4 3
            false       | café hello         | [CLS] café hello [SEP]                  | 2 10 5 3
            false       | CAFÉ               | [CLS] [UNK] [SEP]                       | 2 1 3
            """)
    void buildsTheBertPipelineFromVocabTxt(boolean lowercase, String text, String tokens, String ids,
                                           @TempDir Path dir) throws Exception {
        Tokenizer t = Tokenizers.fromVocabTxt(vocabFile(dir, VOCAB), lowercase);
        Encoding e = t.encode(text);
        assertEquals(tokens, String.join(" ", e.tokens()));
        assertEquals(ids, String.join(" ", Arrays.stream(e.ids()).mapToObj(Integer::toString).toList()));
    }

    @Test
    void pairsAndDecodes(@TempDir Path dir) throws Exception {
        Tokenizer t = Tokenizers.fromVocabTxt(vocabFile(dir, VOCAB));
        Encoding e = t.encodePair("hello", "worlds");
        assertEquals(List.of("[CLS]", "hello", "[SEP]", "world", "##s", "[SEP]"), e.tokens());
        assertEquals("[0, 0, 0, 1, 1, 1]", Arrays.toString(e.typeIds()));
        assertEquals("hello worlds", t.decode(e.ids(), true));
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"),
                t.addedTokens().stream().map(AddedToken::content).toList());
    }

    @Test
    void addsOnlyTheSpecialTokensTheVocabularyHas(@TempDir Path dir) throws Exception {
        Tokenizer t = Tokenizers.fromVocabTxt(vocabFile(dir, List.of("[CLS]", "[SEP]", "[UNK]", "a")));
        assertEquals(List.of("[UNK]", "[CLS]", "[SEP]"), t.addedTokens().stream().map(AddedToken::content).toList());
    }

    @Test
    void writesWhatHuggingFaceReadsAndReadsItBack(@TempDir Path dir) throws Exception {
        Tokenizer t = Tokenizers.fromVocabTxt(vocabFile(dir, VOCAB), false);
        Path json = dir.resolve("tokenizer.json");
        TokenizerJson.write(t, json);
        Tokenizer back = Tokenizers.fromFile(json);
        assertEquals(TokenizerJson.toJson(t), TokenizerJson.toJson(back));
        assertEquals(t.encode("Hello worlds!").tokens(), back.encode("Hello worlds!").tokens());
    }

    @Test
    void namesTheFileWhenBertTokensAreMissing(@TempDir Path dir) throws IOException {
        Path file = vocabFile(dir, List.of("[CLS]", "[UNK]", "a"));
        var e = assertThrows(InputFormatException.class, () -> Tokenizers.fromVocabTxt(file));
        assertEquals(file + ": the vocabulary has no [SEP] token, which BERT needs", e.getMessage());
    }

    @Test
    void namesTheLineOfAMalformedVocabTxt(@TempDir Path dir) throws IOException {
        Path file = vocabFile(dir, List.of("[CLS]", "", "[SEP]"));
        var e = assertThrows(InputFormatException.class, () -> Tokenizers.fromVocabTxt(file));
        assertEquals(file + ", line 2: blank line inside the vocabulary", e.getMessage());
    }

    @Test
    void namesTheJsonPathOfAMalformedTokenizerJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, "{\"model\": {\"type\": \"WordPiece\"}}");
        var e = assertThrows(InputFormatException.class, () -> Tokenizers.fromFile(file));
        assertEquals(file + ", $.model: missing field \"unk_token\"", e.getMessage());
    }
}
