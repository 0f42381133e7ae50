package io.subword.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinMaxMatchTrieTest {

    private static void assertSameTokens(TokenBuffer expected, TokenBuffer actual, String context) {
        assertEquals(expected.size(), actual.size(), context);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.id(i), actual.id(i), context + " id " + i);
            assertEquals(expected.start(i), actual.start(i), context + " start " + i);
            assertEquals(expected.end(i), actual.end(i), context + " end " + i);
        }
    }

    /**
     * Random vocabularies and words over a tiny alphabet that includes the prefix chars, an accented char
     * and a char outside the BMP, so that partial matches, prefix look-alikes and failure chains are
     * everywhere. LinMaxMatch must agree with the greedy reference on every word and take at most 2n steps.
     */
    @ParameterizedTest(name = "prefix \"{0}\"")
    @CsvSource({"##", "#", "''", "b#"})
    void agreesWithGreedyReferenceOnRandomVocabularies(String prefix) {
        String[] alphabet = {"a", "b", "#", "é", "😀"};
        Random random = new Random(20210 + prefix.hashCode());
        int words = 0;
        for (int round = 0; round < 1500; round++) {
            Set<String> tokens = new LinkedHashSet<>();
            tokens.add("[UNK]");
            int size = 1 + random.nextInt(25);
            while (tokens.size() <= size) {
                String t = randomString(random, alphabet, 1 + random.nextInt(random.nextBoolean() ? 3 : 7));
                tokens.add(random.nextInt(3) == 0 ? t : prefix + t);
            }
            if (random.nextInt(8) == 0 && !prefix.isEmpty()) {
                tokens.add(prefix);
            }
            List<String> shuffled = new ArrayList<>(tokens);
            java.util.Collections.shuffle(shuffled, random);
            Vocabulary vocab = Vocabulary.of(shuffled);
            int max = random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 100;
            WordPiece wp = WordPiece.of(vocab, "[UNK]", prefix, max);
            WordPiece stored = WordPiece.withStoredTrie(vocab, "[UNK]", prefix, max, stored(wp));
            ReferenceMaxMatch reference = new ReferenceMaxMatch(vocab, "[UNK]", prefix, max);
            for (int w = 0; w < 60; w++) {
                String word = randomString(random, alphabet, random.nextInt(random.nextBoolean() ? 6 : 16));
                String text = "<" + word + ">";
                TokenBuffer expected = new TokenBuffer();
                reference.tokenize(text, 1, 1 + word.length(), expected);
                TokenBuffer actual = new TokenBuffer();
                wp.tokenize(text, 1, 1 + word.length(), actual);
                String context = "vocab " + shuffled + " word " + word;
                assertSameTokens(expected, actual, context);
                TokenBuffer fromStored = new TokenBuffer();
                stored.tokenize(text, 1, 1 + word.length(), fromStored);
                assertSameTokens(expected, fromStored, context + " (stored trie)");
                int steps = wp.tokenizeCountingSteps(word, 0, word.length(), new TokenBuffer());
                assertTrue(steps <= 2 * word.length(), context + " took " + steps + " steps");
                words++;
            }
        }
        assertEquals(1500 * 60, words);
    }

    private static java.nio.ByteBuffer stored(WordPiece wp) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            wp.writeTrie(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.nio.ByteBuffer.wrap(bytes.toByteArray());
    }

    /**
     * A stored trie (the start-up cache's) that is damaged is refused when it is read, never walked: each row
     * overwrites the int at a byte offset of the stored form of a small BERT-like trie, or cuts it there. Offsets:
     * 0 layout version, 8 word root, 16 the length of base, 20 base[0].
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "another layout version,     0,  99",
            "word root out of range,     8,  1000000",
            "negative word root,         8,  -5",
            "negative base,              20, -7",
            "base past the slots,        20, 1000000",
            "array longer than the file, 16, 1000000",
            "cut inside base,            24, cut",
            "cut before the char codes,  -8, cut",
    })
    void damagedStoredTrieIsRefused(String what, int offset, String value) {
        Vocabulary vocab = Vocabulary.of(List.of("[UNK]", "un", "##aff", "##able", "a", "##b", "able"));
        byte[] bytes = stored(WordPiece.of(vocab)).array();
        int at = offset < 0 ? bytes.length + offset : offset;
        java.nio.ByteBuffer damaged = value.equals("cut")
                ? java.nio.ByteBuffer.wrap(Arrays.copyOf(bytes, at))
                : java.nio.ByteBuffer.wrap(bytes.clone()).putInt(at, Integer.parseInt(value));
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> WordPiece.withStoredTrie(vocab, "[UNK]", "##", 100, damaged), what);
        assertTrue(e instanceof IllegalArgumentException || e instanceof java.nio.BufferUnderflowException,
                what + ": " + e);
        // undamaged, the same bytes give the same pieces as the built trie
        TokenBuffer out = new TokenBuffer();
        WordPiece.withStoredTrie(vocab, "[UNK]", "##", 100, java.nio.ByteBuffer.wrap(bytes)).tokenize("unaffable", 0, 9,
                out);
        assertEquals(List.of(1, 2, 3), List.of(out.id(0), out.id(1), out.id(2)));
    }

    private static String randomString(Random random, String[] alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /**
     * Words that make a naive MaxMatch quadratic (or O(n * longest token)): every start position tries a
     * long candidate that fails at its last char. LinMaxMatch's steps (successful transitions plus
     * failure-link follows; a failed look-up always precedes a follow) stay within 2n, where n is the
     * word's length: each char is one transition, and each follow pops at least one char off the current
     * match. Measured: about 1.016n for the runs families, exactly 2n for near-miss and ab-chains.
     */
    @ParameterizedTest(name = "{0}, n = {1}")
    @CsvSource({
        // family: ascending runs a..a^64 and ##a..##a^64, word a^n b (covered) or a^n c (unknown)
        "runs-b,       1000, 2.0",
        "runs-b,       2000, 2.0",
        "runs-b,       4000, 2.0",
        "runs-b,       8000, 2.0",
        "runs-c,       1000, 2.0",
        "runs-c,       8000, 2.0",
        // family: a, ##a and a^63 b, ##a^63 b: every position walks 63 chars then fails on the 64th
        "near-miss,    1000, 2.0",
        "near-miss,    2000, 2.0",
        "near-miss,    4000, 2.0",
        "near-miss,    8000, 2.0",
        // family: tokens (ab)^k x for k up to 32, with a, ##b, ##a: long failure chains through ab-runs
        "ab-chains,    1000, 2.0",
        "ab-chains,    8000, 2.0",
    })
    void stepsGrowLinearly(String family, int n, double maxStepsPerChar) {
        List<String> tokens = new ArrayList<>(List.of("[UNK]"));
        String word;
        switch (family) {
            case "runs-b", "runs-c" -> {
                for (int k = 1; k <= 64; k++) {
                    tokens.add("a".repeat(k));
                    tokens.add("##" + "a".repeat(k));
                }
                tokens.add("##b");
                word = "a".repeat(n - 1) + (family.equals("runs-b") ? "b" : "c");
            }
            case "near-miss" -> {
                tokens.addAll(Arrays.asList("a", "##a", "a".repeat(63) + "b", "##" + "a".repeat(63) + "b"));
                word = "a".repeat(n);
            }
            case "ab-chains" -> {
                tokens.addAll(Arrays.asList("a", "##a", "##b"));
                for (int k = 1; k <= 32; k++) {
                    tokens.add("ab".repeat(k) + "x");
                    tokens.add("##" + "ab".repeat(k) + "x");
                    tokens.add("##" + "b" + "ab".repeat(k) + "x");
                }
                word = "ab".repeat(n / 2);
            }
            default -> throw new IllegalArgumentException(family);
        }
        assertEquals(n, word.length());
        Vocabulary vocab = Vocabulary.of(tokens);
        WordPiece wp = WordPiece.of(vocab, "[UNK]", "##", n);
        TokenBuffer actual = new TokenBuffer();
        int steps = wp.tokenizeCountingSteps(word, 0, word.length(), actual);
        TokenBuffer expected = new TokenBuffer();
        new ReferenceMaxMatch(vocab, "[UNK]", "##", n).tokenize(word, 0, word.length(), expected);
        assertSameTokens(expected, actual, family);
        assertTrue(steps >= n || family.equals("runs-c"), "every char is one transition: " + steps);
        assertTrue(steps <= maxStepsPerChar * n, family + ": " + steps + " steps for n = " + n);
    }

    @Test
    void stepCountIsExactForASimpleWord() {
        // abcz over {a, abcd, ##b, ##bc, ##z}: 3 transitions a-b-c in the word trie, then z fails at "abc":
        // follow to ##bc's node (pops a), z fails again: follow to ## (pops ##bc), transition z, and at
        // the end one follow from ##z (pops ##z). 4 transitions + 3 follows.
        WordPiece wp = WordPiece.of(Vocabulary.of("[UNK]", "a", "abcd", "##b", "##bc", "##z"));
        assertEquals(7, wp.tokenizeCountingSteps("abcz", 0, 4, new TokenBuffer()));
    }

    @Test
    void trieSharesPopListsAndKeepsTheSuffixSubtreeSeparate() {
        WordPiece wp = WordPiece.of(Vocabulary.of("[UNK]", "a", "abcd", "##b", "##bc", "##z"));
        // suffix root + b, bc, z; word root + [, [U, [UN, [UNK, [UNK], a, ab, abc, abcd, #, ##, ##b, ##bc, ##z
        assertEquals(4 + 15, wp.trie().nodeCount());
    }
}
