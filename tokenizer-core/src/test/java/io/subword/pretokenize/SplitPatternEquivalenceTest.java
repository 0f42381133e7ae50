package io.subword.pretokenize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scanners against {@code java.util.regex} running the reference patterns with the flags jtokkit uses
 * ({@code UNICODE_CHARACTER_CLASS}), on seeded random text across Unicode categories.
 */
class SplitPatternEquivalenceTest {
    private static final int CASES = 30_000;

    static List<String> regexPieces(Pattern p, String s) {
        List<String> pieces = new ArrayList<>();
        Matcher m = p.matcher(s);
        int previous = 0;
        while (m.find()) {
            assertEquals(previous, m.start(), () -> "gap before a match in " + escape(s));
            pieces.add(s.substring(m.start(), m.end()));
            previous = m.end();
        }
        assertEquals(s.length(), previous, () -> "text left over in " + escape(s));
        return pieces;
    }

    static List<String> scannerPieces(SplitPattern p, String s, int start, int end) {
        Spans spans = new Spans();
        p.split(s, start, end, spans);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            pieces.add(s.substring(spans.start(i), spans.end(i)));
        }
        return pieces;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    @ParameterizedTest
    @EnumSource(SplitPattern.class)
    void scannerEqualsRegexOnRandomText(SplitPattern pattern) {
        Pattern reference = Pattern.compile(pattern.regex(), Pattern.UNICODE_CHARACTER_CLASS);
        Random random = new Random(20240611L + pattern.ordinal());
        for (int i = 0; i < CASES; i++) {
            String s = HardText.next(random, 24);
            List<String> expected = regexPieces(reference, s);
            List<String> actual = scannerPieces(pattern, s, 0, s.length());
            assertEquals(expected, actual, "pieces of " + escape(s));
        }
    }

    @ParameterizedTest
    @EnumSource(SplitPattern.class)
    void aliasesSplitTheSame(SplitPattern pattern) {
        Random random = new Random(99);
        for (String alias : List.of(
                "'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
                "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*"
                        + "|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+")) {
            if (SplitPattern.forRegex(alias).orElseThrow() != pattern) {
                continue;
            }
            Pattern reference = Pattern.compile(alias, Pattern.UNICODE_CHARACTER_CLASS);
            for (int i = 0; i < CASES / 3; i++) {
                String s = HardText.next(random, 24);
                assertEquals(regexPieces(reference, s), scannerPieces(pattern, s, 0, s.length()),
                        "pieces of " + escape(s));
            }
        }
    }

    /** A range inside a longer text splits as the same text on its own: the range end is the text end. */
    @ParameterizedTest
    @EnumSource(SplitPattern.class)
    void rangeBehavesLikeItsOwnText(SplitPattern pattern) {
        Random random = new Random(7 + pattern.ordinal());
        for (int i = 0; i < CASES / 3; i++) {
            String prefix = HardText.next(random, 4);
            String body = HardText.next(random, 16);
            String suffix = HardText.next(random, 4);
            String all = prefix + body + suffix;
            assertEquals(scannerPieces(pattern, body, 0, body.length()),
                    scannerPieces(pattern, all, prefix.length(), prefix.length() + body.length()),
                    "pieces of " + escape(body) + " inside " + escape(all));
        }
    }

    /** jtokkit encodes cl100k with its own hand-written parser, not the regex: ours must agree with it too. */
    @Test
    void cl100kEqualsJtokkitParser() throws Exception {
        Class<?> parser = Class.forName("com.knuddels.jtokkit.Cl100kParser");
        Method split = parser.getDeclaredMethod("split", String.class, Predicate.class);
        split.setAccessible(true);
        Class<?> list = Class.forName("com.knuddels.jtokkit.ByteArrayList");
        Method toArray = list.getDeclaredMethod("toArray");
        toArray.setAccessible(true);
        Random random = new Random(4242);
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            String s = HardText.next(random, 24);
            if (hasLoneSurrogate(s)) {
                continue; // jtokkit asserts valid UTF-16 input
            }
            List<String> expected = new ArrayList<>();
            split.invoke(null, s, (Predicate<Object>) bytes -> {
                try {
                    expected.add(new String((byte[]) toArray.invoke(bytes), StandardCharsets.UTF_8));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                return false;
            });
            assertEquals(expected, scannerPieces(SplitPattern.CL100K, s, 0, s.length()), "pieces of " + escape(s));
            compared++;
        }
        assertTrue(compared > CASES / 2, "compared " + compared);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Every BMP code point and a sample of supplementary ones, alone and between letters and spaces. */
    @ParameterizedTest
    @EnumSource(SplitPattern.class)
    void everyCharacterInContext(SplitPattern pattern) {
        Pattern reference = Pattern.compile(pattern.regex(), Pattern.UNICODE_CHARACTER_CLASS);
        String[] contexts = {"%s", "a%s", "%sa", " %s", "%s ", "'%s", "A%sb", "1%s", "%s\n", "!%s"};
        for (int cp = 0; cp < 0x110000; cp += cp < 0x10000 ? 1 : 97) {
            String c = new String(Character.toChars(cp));
            for (String context : contexts) {
                String s = context.replace("%s", c);
                assertEquals(regexPieces(reference, s), scannerPieces(pattern, s, 0, s.length()),
                        "pieces of " + escape(s));
            }
        }
    }
}
