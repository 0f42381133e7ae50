package io.subword.bpe;

import io.subword.model.TokenBuffer;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Char-level BPE on hand-made vocabularies, with the results Hugging Face's BPE model gives. */
class BpeCharLevelTest {
    /** "token@start-end token@start-end ..." for the word. */
    static String run(Bpe bpe, String word) {
        TokenBuffer out = new TokenBuffer();
        bpe.tokenize(word, 0, word.length(), out);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            parts.add(bpe.vocabulary().token(out.id(i)) + "@" + out.start(i) + "-" + out.end(i));
        }
        return String.join(" ", parts);
    }

    static MergeTable merges(Vocabulary v, String prefix, String... pairs) {
        List<Merge> list = new ArrayList<>();
        for (String p : pairs) {
            String[] lr = p.split(" ");
            list.add(new Merge(lr[0], lr[1]));
        }
        return MergeTable.fromMerges(v, list, prefix);
    }

    // Hugging Face's test_tokenize_with_and_without_dropout vocabulary and merges.
    private static final Vocabulary UNRELATED = Vocabulary.of("u", "n", "r", "e", "l", "a", "t", "d", "re", "at",
            "ed", "un", "ated", "rel", "related", "unrelated", "<unk>");
    private static final Bpe PLAIN = Bpe.builder(UNRELATED, merges(UNRELATED, null, "r e", "a t", "e d", "u n",
            "at ed", "re l", "rel ated", "un related")).build();
    private static final Bpe WITH_UNK = PLAIN.toBuilder().unkToken("<unk>").build();
    private static final Bpe FUSED = WITH_UNK.toBuilder().fuseUnk(true).build();

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "unrelated | unrelated@0-9",
            "related   | related@0-7",
            "ated      | ated@0-4",
            "tea       | t@0-1 e@1-2 a@2-3",
            "rere      | re@0-2 re@2-4",
            "dated     | d@0-1 ated@1-5",
            // no unknown token: HF drops the character, and offsets are running sums of the kept lengths
            "xre       | re@0-2",
            "rxe       | re@0-2",
    })
    void mergesByRank(String word, String expected) {
        assertEquals(expected, run(PLAIN, word));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "c       | <unk>@0-1",
            "cc      | <unk>@0-1 <unk>@1-2",
            "accb    | a@0-1 <unk>@1-2 <unk>@2-3 <unk>@3-4",
            "acced   | a@0-1 <unk>@1-2 <unk>@2-3 ed@3-5",
            "reé     | re@0-2 <unk>@2-3",
            "x😀y    | <unk>@0-1 <unk>@1-3 <unk>@3-4",
    })
    void unknownPerCharacter(String word, String expected) {
        assertEquals(expected, run(WITH_UNK, word));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "c       | <unk>@0-1",
            "cc      | <unk>@0-2",
            "acced   | a@0-1 <unk>@1-3 ed@3-5",
            "x😀y    | <unk>@0-4",
            "éreé    | <unk>@0-1 re@1-3 <unk>@3-4",
    })
    void fusedUnknowns(String word, String expected) {
        assertEquals(expected, run(FUSED, word));
    }

    // Hugging Face's test_bpe_with_continuing_subword_prefix, plus an end-of-word suffix model.
    private static final Vocabulary PREFIXED = Vocabulary.of("a", "##b", "##c", "ab", "abc", "b", "[UNK]");
    private static final Bpe WITH_PREFIX = Bpe.builder(PREFIXED, merges(PREFIXED, "##", "a ##b", "ab ##c"))
            .unkToken("[UNK]").continuingSubwordPrefix("##").build();

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "ab    | ab@0-2",
            "abc   | abc@0-3",
            "b     | b@0-1",
            "bb    | b@0-1 ##b@1-2",
            "ac    | a@0-1 ##c@1-2",
            "ca    | [UNK]@0-1 [UNK]@1-2",
    })
    void continuingSubwordPrefix(String word, String expected) {
        assertEquals(expected, run(WITH_PREFIX, word));
    }

    private static final Vocabulary SUFFIXED = Vocabulary.of("l", "o", "w", "w</w>", "lo", "low</w>", "e", "r</w>",
            "er</w>", "low", "o</w>", "<unk>");
    private static final Bpe WITH_SUFFIX = Bpe.builder(SUFFIXED,
                    merges(SUFFIXED, null, "l o", "lo w</w>", "e r</w>", "lo w"))
            .unkToken("<unk>").endOfWordSuffix("</w>").build();

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "low     | low</w>@0-3",
            "lower   | low@0-3 er</w>@3-5",
            "lo      | l@0-1 o</w>@1-2",
            "w       | w</w>@0-1",
            "ow      | o@0-1 w</w>@1-2",
            "lox     | lo@0-2 <unk>@2-3",
    })
    void endOfWordSuffix(String word, String expected) {
        assertEquals(expected, run(WITH_SUFFIX, word));
    }

    // Hugging Face's test_bpe_byte_fallback, extended to a two-byte character and a pending unknown.
    private static final Vocabulary BYTES = Vocabulary.of("<unk>", "<0x61>", "<0xC3>", "<0xA9>", "b", "<0x0A>");
    private static final Bpe FALLBACK = Bpe.builder(BYTES, MergeTable.empty()).unkToken("<unk>")
            .byteFallback(true).build();

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "c     | <unk>@0-1",
            "a     | <0x61>@0-1",
            "é     | <0xC3>@0-1 <0xA9>@0-1",
            "bé    | b@0-1 <0xC3>@1-2 <0xA9>@1-2",
            // HF quirk: a byte-fallback character does not flush the pending unknown, which comes after it
            "ca    | <0x61>@0-1 <unk>@1-2",
            "cab   | <0x61>@0-1 <unk>@1-2 b@2-3",
    })
    void byteFallback(String word, String expected) {
        assertEquals(expected, run(FALLBACK, word));
    }

    @Test
    void byteFallbackOfANewline() {
        assertEquals("<0x0A>@0-1", run(FALLBACK, "\n"));
    }

    // Hugging Face's test_ignore_merges.
    private static final Vocabulary IGNORE = Vocabulary.of(".:.:", "Ġbelirtilen", ".", ":", "bel", "irtilen", "Ġ",
            ".:", "belirtilen", ".:.", "be", "l", "ir", "ti", "en", "irtil", "irti", "i", "r", "t", "b", "e", "n");
    private static final MergeTable IGNORE_MERGES = merges(IGNORE, null, ". :", "b e", "be l", "i r", "t i",
            "ir ti", "e n", "irti l");

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            ".:.:        | true  | .:.:@0-4",
            "Ġbelirtilen | true  | Ġbelirtilen@0-11",
            ".:.:        | false | .:@0-2 .:@2-4",
            "Ġbelirtilen | false | Ġ@0-1 bel@1-4 irtil@4-9 en@9-11",
    })
    void ignoreMerges(String word, boolean ignore, String expected) {
        Bpe bpe = Bpe.builder(IGNORE, IGNORE_MERGES).ignoreMerges(ignore).build();
        assertEquals(expected, run(bpe, word));
    }

    @Test
    void tokenizesARangeOfALargerTextWithTextOffsets() {
        TokenBuffer out = new TokenBuffer();
        String text = "the unrelated word";
        WITH_UNK.tokenize(text, 4, 13, out);
        assertEquals(1, out.size());
        assertEquals(UNRELATED.id("unrelated"), out.id(0));
        assertEquals(4, out.start(0));
        assertEquals(13, out.end(0));
    }

    @Test
    void theCacheGivesTheSameResultsAsComputing() {
        Bpe uncached = FUSED.toBuilder().cacheCapacity(0).build();
        for (String word : List.of("acced", "unrelated", "acced", "x😀y", "unrelated", "x😀y")) {
            assertEquals(run(uncached, word), run(FUSED, word), word);
        }
        assertEquals(0, uncached.cacheCapacity());
    }

    @Test
    void exposesItsOptions() {
        Bpe bpe = Bpe.builder(PREFIXED, MergeTable.empty()).unkToken("[UNK]").continuingSubwordPrefix("##")
                .endOfWordSuffix("</w>").fuseUnk(true).byteFallback(true).ignoreMerges(true).dropout(0f).build();
        assertEquals("[UNK]", bpe.unkToken());
        assertEquals("##", bpe.continuingSubwordPrefix());
        assertEquals("</w>", bpe.endOfWordSuffix());
        assertEquals(true, bpe.fuseUnk());
        assertEquals(true, bpe.byteFallback());
        assertEquals(true, bpe.ignoreMerges());
        assertEquals(0f, bpe.dropout());
        assertEquals(false, bpe.isByteLevel());
        assertNull(PLAIN.dropout());
        assertNull(PLAIN.unkToken());
    }

    @ParameterizedTest
    @CsvSource({"1.5", "-1", "NaN"})
    void rejectsDropout(float dropout) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bpe.builder(PREFIXED, MergeTable.empty()).dropout(dropout));
        assertEquals("dropout " + dropout + " is not in [0, 1]", e.getMessage());
    }
}
