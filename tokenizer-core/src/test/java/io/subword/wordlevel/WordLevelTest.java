package io.subword.wordlevel;

import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.model.TokenBuffer;
import io.subword.pretokenize.WhitespaceSplit;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordLevelTest {
    private static final Vocabulary VOCAB = Vocabulary.of("[UNK]", "amigos", "são", "in", "##is");
    private static final WordLevel MODEL = WordLevel.of(VOCAB, "[UNK]");

    /** One token per word: its id, or [UNK]'s; offsets are the word's range in the text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # text                      | start | end | id | token start | token end
            amigos                      | 0     | 6   | 1  | 0           | 6
            inimagináveis               | 0     | 13  | 0  | 0           | 13
            os amigos são               | 3     | 9   | 1  | 3           | 9
            os amigos são               | 10    | 13  | 2  | 10          | 13
            os amigos são               | 3     | 5   | 0  | 3           | 5
            ##is                        | 0     | 4   | 4  | 0           | 4
            """)
    void oneTokenPerWord(String text, int start, int end, int id, int tokenStart, int tokenEnd) {
        TokenBuffer out = new TokenBuffer();
        MODEL.tokenize(text, start, end, out);
        assertEquals(1, out.size());
        assertEquals(id, out.id(0));
        assertEquals(tokenStart, out.start(0));
        assertEquals(tokenEnd, out.end(0));
    }

    @Test
    void emptyWordGivesNoToken() {
        TokenBuffer out = new TokenBuffer();
        MODEL.tokenize("amigos", 2, 2, out);
        assertEquals(0, out.size());
    }

    @Test
    void unknownTokenMustBeInTheVocabulary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordLevel.of(VOCAB, "<unk>"));
        assertEquals("unknown token \"<unk>\" is not in the vocabulary", e.getMessage());
    }

    @Test
    void inATokenizer() {
        Tokenizer tok = Tokenizer.builder(MODEL).preTokenizer(WhitespaceSplit.INSTANCE).build();
        Encoding e = tok.encode("os amigos  inimagináveis são");
        assertEquals(List.of("[UNK]", "amigos", "[UNK]", "são"), e.tokens());
        assertArrayEquals(new int[] {0, 1, 0, 2}, e.ids());
        assertEquals("[(0, 2), (3, 9), (11, 24), (25, 28)]", e.offsets().toString());
        assertEquals(0, MODEL.unkId());
        assertEquals("[UNK]", MODEL.unkToken());
        assertEquals(Arrays.asList("[UNK]", "amigos", "são", "in", "##is"), MODEL.vocabulary().tokens());
    }
}
