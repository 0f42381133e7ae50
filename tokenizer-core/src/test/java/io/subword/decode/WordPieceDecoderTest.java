package io.subword.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what Hugging Face tokenizers 0.21 decodes (tokens separated by '|' in the table). */
class WordPieceDecoderTest {
    private static List<String> tokens(String s) {
        return Arrays.asList(s.split("\\|", -1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '\t', quoteCharacter = '"', textBlock = """
        hello|##lo|.	hellolo.
        ##uelo|Ara|##új|##o|No|##guera	##uelo Araújo Noguera
        hello|,|world|!	hello, world!
        what|?|yes|.	what? yes.
        it|'s|you|'re|i|'m|we|'ve	it's you're i'm we've
        can|n't	cann't
        don|'|t	don ' t
        i|do|not|know	i do not know
        x|do not	x don't
        x|a ' b	x a'b
        x| .	x .
        a|.|b	a. b
        "a .|b"	"a. b"
        ##a|##b	##ab
        a|##	a
        """)
    void decodesWithCleanup(String input, String expected) {
        assertEquals(expected, WordPieceDecoder.DEFAULT.decode(tokens(input)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '\t', quoteCharacter = '"', textBlock = """
        hello|##lo|.	"hellolo ."
        it|'s	"it 's"
        ##uelo|Ara|##új|##o|No|##guera	##uelo Araújo Noguera
        a##|##b##	a##b##
        """)
    void decodesWithoutCleanup(String input, String expected) {
        assertEquals(expected, new WordPieceDecoder("##", false).decode(tokens(input)));
    }

    @Test
    void otherPrefixes() {
        assertEquals("ab c", new WordPieceDecoder("@@", false).decode(List.of("a", "@@b", "c")));
        // an empty prefix starts every token: nothing gets a space
        assertEquals("abc", new WordPieceDecoder("", true).decode(List.of("a", "b", "c")));
        assertEquals("", WordPieceDecoder.DEFAULT.decode(List.of()));
    }

    @Test
    void configuration() {
        assertEquals("##", WordPieceDecoder.DEFAULT.prefix());
        assertTrue(WordPieceDecoder.DEFAULT.cleanup());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WordPieceDecoder(null, true));
        assertTrue(e.getMessage().contains("prefix"));
    }
}
