package io.subword.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomTextTest {
    @Test
    void sameSeedSameStrings() {
        List<String> a = new RandomText(42).strings(200, 10, EnumSet.allOf(RandomText.Category.class));
        List<String> b = new RandomText(42).strings(200, 10, EnumSet.allOf(RandomText.Category.class));
        List<String> c = new RandomText(43).strings(200, 10, EnumSet.allOf(RandomText.Category.class));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void wellFormedTextHasNoLoneSurrogate() {
        RandomText r = new RandomText(7);
        for (int i = 0; i < 2000; i++) {
            String s = r.next(12, RandomText.wellFormed());
            assertFalse(hasLoneSurrogate(s), s);
        }
    }

    @ParameterizedTest
    @EnumSource(RandomText.Category.class)
    void everyCategoryProducesItsKind(RandomText.Category category) {
        RandomText r = new RandomText(category.ordinal());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            r.piece(sb, category);
        }
        String s = sb.toString();
        assertFalse(s.isEmpty());
        IntPredicate expected = switch (category) {
            case ASCII -> cp -> cp > 0x20 && cp < 0x7F;
            case LATIN1 -> cp -> cp >= 0xA0 && cp <= 0xFF;
            case COMBINING -> cp -> Character.getType(cp) == Character.NON_SPACING_MARK;
            case CJK -> cp -> Character.isIdeographic(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
            case ARABIC -> cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.ARABIC;
            case DEVANAGARI -> cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.DEVANAGARI;
            case THAI -> cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.THAI;
            case EMOJI -> cp -> cp >= 0x1F300;
            case EMOJI_SEQUENCE -> cp -> cp == 0x200D || (cp >= 0x1F1E6 && cp <= 0x1F1FF) || cp == 0x20E3;
            case LONE_SURROGATE -> cp -> cp >= 0xD800 && cp <= 0xDFFF;
            case CONTROL -> cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT;
            case WHITESPACE -> cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
            case REPLACEMENT -> cp -> cp == 0xFFFD || Character.getType(cp) == Character.PRIVATE_USE || cp >= 0xFFFE;
            case LONG_WORD -> cp -> cp >= 'a' && cp <= 'z';
            case PUNCTUATION -> cp -> !Character.isLetter(cp) && !Character.isWhitespace(cp);
        };
        assertTrue(s.codePoints().anyMatch(expected), category + ": " + s);
        if (category == RandomText.Category.LONE_SURROGATE) {
            assertTrue(hasLoneSurrogate(s));
        }
        if (category == RandomText.Category.LONG_WORD) {
            assertTrue(s.length() >= 50 * 90);
        }
    }

    @Test
    void aLongRunCoversEveryCategory() {
        RandomText r = new RandomText(1);
        Set<RandomText.Category> all = EnumSet.allOf(RandomText.Category.class);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append(r.next(8, all)).append('\n');
        }
        String s = sb.toString();
        assertTrue(hasLoneSurrogate(s));
        assertTrue(s.contains("\u200D"));
        assertTrue(s.codePoints().anyMatch(cp -> cp >= 0x20000 && cp < 0x2A6E0));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
