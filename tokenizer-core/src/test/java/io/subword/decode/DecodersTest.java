package io.subword.decode;

import io.subword.pretokenize.ByteLevelAlphabet;
import io.subword.pretokenize.ByteLevelPreTokenizer;
import io.subword.pretokenize.Spans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecodersTest {
    static List<String> list(String joined) {
        return List.of(joined.split("\\|", -1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hello|\u0120my|\u0120friend|,|\u0120how|?";   "Hello my friend, how?"
            "\u00F0\u0141|\u013A\u0122";                    "\uD83D\uDE00"
            "\u00F0\u0141|\u013A";                          "\uFFFD"
            "a|<s>|b";                                      "a<s>b"
            "\u00C3\u00A9|<s>|\u0120x";                     "\u00E9<s> x"
            "a|\u2581b";                                    "a\u2581b"
            "a|\u4E2D|\u0120";                              "a\u4E2D "
            """)
    void byteLevel(String tokens, String expected) {
        assertEquals(expected, ByteLevelDecoder.INSTANCE.decode(list(tokens)));
    }

    /** Encoding with the GPT-2 split and byte-level alphabet, then decoding byte by byte, gives the text back. */
    @Test
    void byteLevelRoundTripsSingleByteTokens() {
        Random random = new Random(11);
        ByteLevelPreTokenizer pre = ByteLevelPreTokenizer.gpt2();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                int cp = random.nextInt(3) == 0 ? random.nextInt(0x80) : random.nextInt(0x30000);
                if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                    sb.appendCodePoint(cp);
                }
            }
            String text = sb.toString();
            Spans spans = new Spans();
            pre.split(text, 0, text.length(), spans);
            List<String> tokens = new ArrayList<>();
            for (int w = 0; w < spans.size(); w++) {
                String word = ByteLevelAlphabet.encode(text.substring(spans.start(w), spans.end(w)));
                for (char c : word.toCharArray()) {
                    tokens.add(String.valueOf(c));
                }
            }
            assertEquals(text, ByteLevelDecoder.INSTANCE.decode(tokens));
            assertEquals(List.of(text), ByteLevelDecoder.INSTANCE.decodeChain(tokens));
        }
        assertEquals("", ByteLevelDecoder.INSTANCE.decode(List.of()));
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji, new String(emoji.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            "Hey|friend!";                      "Hey|friend!"
            "<0x61>";                           "a"
            "<0xE5>";                           "\uFFFD"
            "<0xE5>|<0x8f>";                    "\uFFFD|\uFFFD"
            "<0xE5>|<0x8f>|<0xab>";             "\u53EB"
            "<0xE5>|<0x8f>|<0xab>|a";           "\u53EB|a"
            "<0xE5>|<0x8f>|a";                  "\uFFFD|\uFFFD|a"
            "<0x+F>|<0xG1>|<0x4>";              "\u000F|<0xG1>|<0x4>"
            """)
    void byteFallback(String tokens, String expected) {
        assertEquals(list(expected), ByteFallbackDecoder.INSTANCE.decodeChain(list(tokens)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            true;  "\u2581Hey|\u2581friend!";  "Hey| friend!"
            false; "\u2581Hey|\u2581friend!";  " Hey| friend!"
            true;  "\u2581\u2581a|\u2581";     "a| "
            """)
    void metaspace(boolean prepends, String tokens, String expected) {
        assertEquals(list(expected), new MetaspaceDecoder('\u2581', prepends).decodeChain(list(tokens)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            H; 1; 0; "Hey| friend!|HHH";  "ey| friend!|HH"
            y; 0; 1; "Hey| friend!";      "He| friend!"
            a; 2; 5; "aaa";               ""
            a; 5; 5; "aaa|";              "|"
            """)
    void strip(char content, int start, int stop, String tokens, String expected) {
        assertEquals(list(expected), new StripDecoder(content, start, stop).decodeChain(list(tokens)));
    }

    /** Llama 2's decoder: Replace(▁, space), ByteFallback, Fuse, Strip(space, 1, 0). */
    @Test
    void llamaSequence() {
        Decoder d = new SequenceDecoder(List.of(new ReplaceDecoder("\u2581", false, " "), ByteFallbackDecoder.INSTANCE,
                FuseDecoder.INSTANCE, new StripDecoder(' ', 1, 0)));
        assertEquals("Hey friend! \u53EB", d.decode(list("\u2581Hey|\u2581friend|!|\u2581|<0xE5>|<0x8F>|<0xAB>")));
        assertEquals("  x", d.decode(list("\u2581\u2581\u2581x")));
    }

    @Test
    void replaceWithRegexTakesTheContentLiterally() {
        assertEquals(List.of("a$1b"), new ReplaceDecoder("\\s+", true, "$1").decodeChain(List.of("a \t b")));
        assertEquals(List.of("ab"), FuseDecoder.INSTANCE.decodeChain(List.of("a", "b")));
    }
}
