package io.subword.train;

import io.subword.normalize.NormalizedText;
import io.subword.pretokenize.MetaspacePreTokenizer;
import io.subword.pretokenize.MetaspacePreTokenizer.PrependScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Unigram counter's splitter: the text-only prepare step (what counting takes, without alignments) gives the
 * text of the aligned one, the line's last word carries the line-end mark, and the 'first' scheme, which reads the
 * alignments, is refused.
 */
class LineEndMarkingTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // scheme | text | prepared text
            "NEVER  | Hello world      | Hello\u2581world\\u000A",
            "NEVER  | \\u2581a b      | \u2581a\u2581b\\u000A",
            "ALWAYS | Hello world      | \u2581Hello\u2581world\\u000A",
            "ALWAYS | ' lead'          | \u2581lead\\u000A",
            "ALWAYS | x                | \u2581x\\u000A",
            "NEVER  | ''               | ''",
            "ALWAYS | ''               | ''",
            "NEVER  | '  '             | \u2581\u2581\\u000A",
            "ALWAYS | \\uD83D\\uDE00 b      | \u2581\\uD83D\\uDE00\u2581b\\u000A",
    })
    void textOnlyPrepareIsTheTextOfPrepare(PrependScheme scheme, String text, String expected) {
        LineEndMarking marking = new LineEndMarking(new MetaspacePreTokenizer(
                MetaspacePreTokenizer.DEFAULT_REPLACEMENT, scheme, true));
        String input = TrainSpeedPathsTest.unescape(text);
        assertTrue(marking.preparesFromTextAlone());
        assertEquals(TrainSpeedPathsTest.unescape(expected), marking.prepareText(input));
        assertEquals(marking.prepare(NormalizedText.of(input)).text(), marking.prepareText(input));
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void theFirstSchemeKeepsTheAlignedPath(boolean split) {
        LineEndMarking marking = new LineEndMarking(new MetaspacePreTokenizer(
                MetaspacePreTokenizer.DEFAULT_REPLACEMENT, PrependScheme.FIRST, split));
        assertFalse(marking.preparesFromTextAlone());
        assertThrows(IllegalStateException.class, () -> marking.prepareText("a b"));
    }
}
