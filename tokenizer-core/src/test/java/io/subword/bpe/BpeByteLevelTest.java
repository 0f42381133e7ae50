package io.subword.bpe;

import io.subword.vocab.ByteAlphabet;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.subword.bpe.BpeCharLevelTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Byte-level BPE on a hand-made GPT-2 style vocabulary: the 256 byte characters (id = byte) and a few merges.
 * 😀 is F0 9F 98 80, spelled "ðŁĺĢ"; é is C3 A9, spelled "Ã©"; a space is "Ġ".
 */
class BpeByteLevelTest {
    private static final List<String> MERGES = List.of("Ġ h", "Ã ©", "Ġh Ã©", "a ð", "Ġ Ġ", "ĠĠ ĠĠ");
    private static final Vocabulary VOCAB;
    private static final MergeTable TABLE;

    static {
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(String.valueOf(ByteAlphabet.charOf(b)));
        }
        List<Merge> merges = new ArrayList<>();
        for (String m : MERGES) {
            String[] lr = m.split(" ");
            merges.add(new Merge(lr[0], lr[1]));
            tokens.add(lr[0] + lr[1]);
        }
        VOCAB = Vocabulary.of(tokens);
        TABLE = MergeTable.fromMerges(VOCAB, merges);
    }

    private static final Bpe BPE = Bpe.byteLevel(VOCAB, TABLE);
    private static final Bpe NO_MERGES = Bpe.byteLevel(VOCAB, MergeTable.empty());

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "' hé'        | ĠhÃ©@0-3",
            "é            | Ã©@0-1",
            "aé           | a@0-1 Ã©@1-2",
            "' h'         | Ġh@0-2",
            "hi           | h@0-1 i@1-2",
            // a token holding part of a character covers the whole character (HF aligns each byte to its char)
            "a😀          | að@0-3 Ł@1-3 ĺ@1-3 Ģ@1-3",
            "😀           | ð@0-2 Ł@0-2 ĺ@0-2 Ģ@0-2",
            "'     '      | ĠĠĠĠ@0-4 Ġ@4-5",
            // a lone surrogate counts as U+FFFD (EF BF BD)
            "'\uD800'     | ï@0-1 ¿@0-1 ½@0-1",
            "'a\uDC00b'   | a@0-1 ï@1-2 ¿@1-2 ½@1-2 b@2-3",
    })
    void tokenizesUtf8Bytes(String word, String expected) {
        assertEquals(expected, run(BPE, word));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "é    | Ã@0-1 ©@0-1",
            "' x' | Ġ@0-1 x@1-2",
    })
    void withoutMergesEveryByteIsAToken(String word, String expected) {
        assertEquals(expected, run(NO_MERGES, word));
    }

    @Test
    void isByteLevel() {
        assertTrue(BPE.isByteLevel());
        assertEquals(TABLE, BPE.merges());
    }

    @Test
    void aMissingByteBecomesTheUnknownTokenOrIsDropped() {
        Vocabulary v = Vocabulary.of("a", "b", "<unk>");
        assertEquals("a@0-1 b@1-2", run(Bpe.byteLevel(v, MergeTable.empty()), "aéb"));
        Bpe withUnk = Bpe.builder(v, MergeTable.empty()).byteLevel(true).unkToken("<unk>").build();
        assertEquals("a@0-1 <unk>@1-2 <unk>@1-2 b@2-3", run(withUnk, "aéb"));
        Bpe fused = withUnk.toBuilder().fuseUnk(true).build();
        assertEquals("a@0-1 <unk>@1-2 b@2-3", run(fused, "aéb"));
    }
}
