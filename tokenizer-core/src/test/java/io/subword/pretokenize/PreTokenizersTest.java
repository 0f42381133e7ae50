package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreTokenizersTest {
    /** The pieces, each as {@code text@originalStart-originalEnd}. */
    static List<String> pieces(PreTokenizer p, String original) {
        NormalizedText t = p.prepare(NormalizedText.of(original));
        Spans spans = new Spans();
        p.split(t.text(), 0, t.length(), spans);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int s = spans.start(i);
            int e = spans.end(i);
            out.add(t.text().substring(s, e) + "@" + t.originalStart(s) + "-" + t.originalEnd(e - 1));
        }
        return out;
    }

    static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\\|", -1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            # the prefix space stands for the first character
            true;  true;  "Hello my friend";  " Hello@0-5| my@5-8| friend@8-15"
            true;  true;  " Hello";           " Hello@0-6"
            false; true;  "Hello my";         "Hello@0-5| my@5-8"
            true;  false; "Hello my";         " Hello my@0-8"
            false; false; "Hello my";         "Hello my@0-8"
            true;  true;  "";                 ""
            true;  true;  "\uD83D\uDE00";     " \uD83D\uDE00@0-2"
            """)
    void byteLevel(boolean addPrefixSpace, boolean useRegex, String text, String expected) {
        ByteLevelPreTokenizer p = new ByteLevelPreTokenizer().withAddPrefixSpace(addPrefixSpace).withUseRegex(useRegex);
        assertEquals(list(expected), pieces(p, text));
    }

    @Test
    void byteLevelPrefixSpaceAloneCoversTheWholeFirstCodePoint() {
        NormalizedText t = new ByteLevelPreTokenizer().prepare(NormalizedText.of("\uD83D\uDE00!"));
        assertEquals(" \uD83D\uDE00!", t.text());
        assertEquals(0, t.originalStart(0));
        assertEquals(2, t.originalEnd(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            Removed;            false; "the final countdown"
            Isolated;           false; "the|-|final|-|-|countdown"
            MergedWithPrevious; false; "the-|final-|-|countdown"
            MergedWithNext;     false; "the|-final|-|-countdown"
            Contiguous;         false; "the|-|final|--|countdown"
            Removed;            true;  "-|-|-"
            Isolated;           true;  "the|-|final|-|-|countdown"
            MergedWithPrevious; true;  "the|-final|-|-countdown"
            MergedWithNext;     true;  "the-|final-|-|countdown"
            Contiguous;         true;  "the|-|final|--|countdown"
            """)
    void splitBehaviorsOnALiteral(String behavior, boolean invert, String expected) {
        SplitPreTokenizer p = new SplitPreTokenizer("-", false, SplitBehavior.fromJsonName(behavior), invert);
        List<String> got = new ArrayList<>();
        for (String piece : pieces(p, "the-final--countdown")) {
            got.add(piece.substring(0, piece.indexOf('@')));
        }
        assertEquals(list(expected.replace(' ', '|')), got);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            Isolated;   false; "I|'m| |123|!!"
            Removed;    false; ""
            Removed;    true;  "I|'m| |123|!!"
            Contiguous; false; "I'm 123!!"
            MergedWithNext; false; "I|'m| |123|!!"
            """)
    void knownPatternWithEveryBehavior(String behavior, boolean invert, String expected) {
        SplitPreTokenizer p = new SplitPreTokenizer(SplitPattern.CL100K.regex(), true,
                SplitBehavior.fromJsonName(behavior), invert);
        List<String> got = new ArrayList<>();
        for (String piece : pieces(p, "I'm 123!!")) {
            got.add(piece.substring(0, piece.indexOf('@')));
        }
        assertEquals(list(expected), got);
    }

    @Test
    void splitWithAnUnknownRegexUsesJavaRegexWithUnicodeClasses() {
        SplitPreTokenizer p = new SplitPreTokenizer("\\s+", true, SplitBehavior.REMOVED, false);
        assertEquals(List.of("a@0-1", "b@2-3", "c@4-5"), pieces(p, "a\u3000b\u2028c"));
        assertThrows(IllegalArgumentException.class, () -> new SplitPreTokenizer("(", true, SplitBehavior.ISOLATED,
                false));
        assertThrows(IllegalArgumentException.class, () -> SplitBehavior.fromJsonName("Merged"));
    }

    @Test
    void sequenceSplitsThePiecesOfTheOneBefore() {
        PreTokenizer p = new SequencePreTokenizer(List.of(
                new SplitPreTokenizer(" ", false, SplitBehavior.REMOVED, false),
                new SplitPreTokenizer("\\p{N}", true, SplitBehavior.ISOLATED, false),
                ByteLevelPreTokenizer.afterSplit()));
        assertEquals(List.of("ab@0-2", "1@2-3", "2@3-4", "c@4-5", "d@6-7"), pieces(p, "ab12c d"));
    }

    /** ByteLevel without its regex keeps each range whole, wherever it stands in a sequence. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "first;  'ab12 c';  'ab@0-2|12 c@2-6'",
            "last;   'ab12 c';  'ab@0-2|12 c@2-6'",
            "alone;  'ab12 c';  'ab12 c@0-6'",
            "twice;  'ab12 c';  'ab12 c@0-6'",
            "alone;  '';        ''",
    })
    void byteLevelWithoutRegexKeepsRangesWhole(String place, String text, String expected) {
        PreTokenizer identity = ByteLevelPreTokenizer.afterSplit();
        PreTokenizer cut = new SplitPreTokenizer("(?<=[a-z])(?=[0-9])", true, SplitBehavior.REMOVED, false);
        List<PreTokenizer> members = switch (place) {
            case "first" -> List.of(identity, cut);
            case "last" -> List.of(cut, identity);
            case "alone" -> List.of(identity);
            default -> List.of(identity, identity);
        };
        List<String> got = pieces(new SequencePreTokenizer(members), text);
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split("\\|")), got);
    }

    @Test
    void llama3StyleSequence() {
        PreTokenizer p = new SequencePreTokenizer(List.of(SplitPreTokenizer.of(SplitPattern.CL100K),
                ByteLevelPreTokenizer.afterSplit()));
        assertEquals(List.of("Hello@0-5", " world@5-11", "!!!\n@11-15"), pieces(p, "Hello world!!!\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            always; true;  "Hey friend!";   "\u2581Hey@0-3|\u2581friend!@3-11"
            always; true;  "Hey   friend!"; "\u2581Hey@0-3|\u2581@3-4|\u2581@4-5|\u2581friend!@5-13"
            always; true;  " Hey";          "\u2581Hey@0-4"
            never;  true;  "Hey friend";    "Hey@0-3|\u2581friend@3-10"
            first;  true;  "Hey friend";    "\u2581Hey@0-3|\u2581friend@3-10"
            always; false; "Hey friend";    "\u2581Hey\u2581friend@0-10"
            always; true;  "";              ""
            """)
    void metaspace(String scheme, boolean split, String text, String expected) {
        MetaspacePreTokenizer p = new MetaspacePreTokenizer('\u2581',
                MetaspacePreTokenizer.PrependScheme.fromJsonName(scheme), split);
        assertEquals(list(expected), pieces(p, text));
    }

    @Test
    void metaspaceFirstPrependsOnlyAtTheStartOfTheCallersText() {
        MetaspacePreTokenizer p = new MetaspacePreTokenizer('\u2581', MetaspacePreTokenizer.PrependScheme.FIRST,
                true);
        NormalizedText middle = NormalizedText.of("<s>Hey", 3, 6);
        assertSame(middle, p.prepare(middle));
        assertEquals("\u2581Hey", p.prepare(NormalizedText.of("Hey<s>", 0, 3)).text());
    }
}
