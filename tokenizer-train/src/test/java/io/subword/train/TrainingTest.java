package io.subword.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.Encoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.progress.TrainingListener;
import io.subword.testkit.RealData;
import io.subword.vocab.Merge;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.MergesTxt;
import io.subword.vocab.io.VocabJson;
import io.subword.vocab.io.VocabTxt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Trainer} and {@link TrainedTokenizer}: pipelines, written files, reloading, bad input. */
class TrainingTest {
    /** Training lines: a fixed slice of the Europarl sample, several languages. */
    static final int TRAIN_LINES = 1500;

    @TempDir
    Path dir;

    static Path europarl(Path dir, int from, int to) throws IOException {
        Path file = dir.resolve("europarl-" + from + "-" + to + ".txt");
        Files.write(file, RealData.europarlLines().subList(from, to), StandardCharsets.UTF_8);
        return file;
    }

    static TrainedTokenizer train(Family family, Path corpus, int vocabSize, int threads) throws Exception {
        return Trainer.of(family, TrainingOptions.builder().vocabSize(vocabSize).threads(threads).build())
                .train(Corpus.of(corpus), TrainingListener.NONE);
    }

    @ParameterizedTest
    @CsvSource({
            "BPE,        vocab.json|merges.txt|tokenizer.json, BertNormalizer, BertPreTokenizer, BPE,       null,           BPEDecoder",
            "BYTE_LEVEL, vocab.json|merges.txt|tokenizer.json, null,           ByteLevel,        BPE,       ByteLevel,      ByteLevel",
            "WORD_PIECE, vocab.txt|tokenizer.json,             BertNormalizer, BertPreTokenizer, WordPiece, BertProcessing, WordPiece",
            "WORD_LEVEL, vocab.txt|tokenizer.json,             BertNormalizer, BertPreTokenizer, WordLevel, null,           null",
    })
    void writesTheFilesOfEachFamilyWithItsPipeline(Family family, String files, String normalizer,
                                                   String preTokenizer, String model, String post, String decoder)
            throws Exception {
        TrainedTokenizer trained = train(family, europarl(dir, 0, 300), 1000, 1);
        List<Path> written = trained.writeAll(dir.resolve("out"));
        List<Path> expected = new ArrayList<>();
        for (String name : files.split("\\|")) {
            expected.add(dir.resolve("out").resolve(name));
        }
        assertEquals(expected, written);
        for (Path p : written) {
            assertTrue(Files.size(p) > 0, p::toString);
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/tokenizer.json").toFile());
        assertEquals(normalizer, typeOf(json.get("normalizer")));
        assertEquals(preTokenizer, typeOf(json.get("pre_tokenizer")));
        assertEquals(model, typeOf(json.get("model")));
        assertEquals(post, typeOf(json.get("post_processor")));
        assertEquals(decoder, typeOf(json.get("decoder")));
        assertEquals(1000, json.get("model").get("vocab").size());
        // no stray temporary files from the atomic writes
        try (var list = Files.list(dir.resolve("out"))) {
            assertEquals(expected.size(), list.count());
        }
    }

    private static String typeOf(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.get("type").asText();
    }

    /** The files read back give the vocabulary and merges the trainer made, and the same ids on unseen text. */
    @ParameterizedTest
    @EnumSource(Family.class)
    void filesReadBackToTheSameTokenizer(Family family) throws Exception {
        TrainedTokenizer trained = train(family, europarl(dir, 0, TRAIN_LINES), 3000, 1);
        Path out = dir.resolve("out");
        trained.writeAll(out);
        Vocabulary vocab = trained.tokenizer().model().vocabulary();
        if (family == Family.UNIGRAM) {
            // the SentencePiece file is the reference for Unigram; spm_encode's ids are checked by
            // benchmarks/unigram-vs-spm and the goldens of io.subword.sentencepiece
            io.subword.sentencepiece.SentencePieceModel model =
                    io.subword.sentencepiece.SentencePieceModel.read(out.resolve("tokenizer.model"));
            assertEquals(vocab.tokens(), model.pieces());
            assertSameIds(trained.tokenizer(), model.toTokenizer(),
                    RealData.europarlLines().subList(TRAIN_LINES, TRAIN_LINES + 500));
            return;
        }
        if (family == Family.WORD_PIECE || family == Family.WORD_LEVEL) {
            assertEquals(vocab.tokens(), VocabTxt.read(out.resolve("vocab.txt")).tokens());
        } else {
            assertEquals(vocab.tokens(), VocabJson.read(out.resolve("vocab.json")).tokens());
            List<Merge> merges = MergesTxt.read(out.resolve("merges.txt"));
            assertEquals(trained.merges(), merges);
            assertTrue(merges.size() > 1000, () -> "merges: " + merges.size());
        }
        Tokenizer reloaded = Tokenizers.fromFile(out.resolve("tokenizer.json"));
        assertEquals(vocab.tokens(), reloaded.model().vocabulary().tokens());
        assertSameIds(trained.tokenizer(), reloaded, RealData.europarlLines().subList(TRAIN_LINES, TRAIN_LINES + 500));
    }

    /**
     * Counts made elsewhere (here: copied into a fresh table in another order, as a distributed job would hand
     * them over) train the same tokenizer as the corpus does, byte for byte in every written file.
     */
    @ParameterizedTest
    @EnumSource(Family.class)
    void trainingFromCountsWritesTheSameBytesAsTrainingFromTheCorpus(Family family) throws Exception {
        Trainer trainer = Trainer.of(family, TrainingOptions.builder().vocabSize(800).threads(2).build());
        Corpus corpus = Corpus.of(europarl(dir, 0, 300));
        List<Path> fromCorpus = trainer.train(corpus, TrainingListener.NONE).writeAll(dir.resolve("corpus"));
        Map<String, Long> counted = trainer.wordCounter().count(corpus, TrainingListener.NONE).toMap();
        Map<String, Long> reordered = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        reordered.putAll(counted);
        List<Path> fromCounts = trainer.train(WordCounts.of(reordered), TrainingListener.NONE)
                .writeAll(dir.resolve("counts"));
        assertEquals(fromCorpus.size(), fromCounts.size());
        for (int i = 0; i < fromCorpus.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fromCorpus.get(i)), Files.readAllBytes(fromCounts.get(i)),
                    fromCorpus.get(i).getFileName().toString());
        }
    }

    static void assertSameIds(Tokenizer expected, Tokenizer actual, List<String> lines) {
        List<Encoding> a = expected.encodeBatch(lines, true);
        List<Encoding> b = actual.encodeBatch(lines, true);
        for (int i = 0; i < lines.size(); i++) {
            int line = i;
            assertArrayEquals(a.get(i).ids(), b.get(i).ids(), () -> "line " + line + ": " + lines.get(line));
        }
    }

    /** Char-level BPE on Sennrich's toy corpus: {@code </w>} ends words, and decoding turns it into spaces. */
    @Test
    void charLevelBpeMarksWordEnds() throws Exception {
        Path corpus = dir.resolve("low.txt");
        Files.writeString(corpus, "low low low low low lower lower newest newest newest newest newest newest"
                + " widest widest widest\n");
        TrainedTokenizer t = Trainer.of(Family.BPE, TrainingOptions.builder().vocabSize(25).build())
                .train(Corpus.of(corpus), TrainingListener.NONE);
        Tokenizer tok = t.tokenizer();
        assertEquals("<unk>", tok.idToToken(0));
        Encoding e = tok.encode("lowest newer!");
        // "low" alone was learned as "low</w>", so inside "lowest" only "lo" + "w" remain
        assertEquals(List.of("lo", "w", "est</w>", "new", "er</w>", "<unk>"), e.tokens());
        // as HF's BPEDecoder: </w> becomes a space except in the last token
        assertEquals("lowest newer <unk>", tok.decode(e.ids(), false));
        assertEquals("lowest newer", tok.decode(e.ids(), true));
    }

    /** Byte-level: all 256 bytes are in the alphabet, so no text is unknown, and decoding gives the text back. */
    @Test
    void byteLevelRoundTripsAnyText() throws Exception {
        TrainedTokenizer t = train(Family.BYTE_LEVEL, europarl(dir, 0, 200), 600, 1);
        Tokenizer tok = t.tokenizer();
        assertEquals(600, tok.vocabulary().size());
        for (String text : List.of("Madam President, I would like", "日本語のテキスト 🙂", "  two  spaces\tand tab")) {
            assertEquals(text, tok.decode(tok.encode(text).ids()));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "WORD_PIECE, true,  'Résumé Été', 'resume ete'",
            "WORD_PIECE, false, 'Résumé Été', 'Résumé Été'",
            "BPE,        true,  'Résumé Été', 'résumé été'",
            "BPE,        false, 'Résumé Été', 'Résumé Été'",
            "BYTE_LEVEL, true,  'Résumé Été', 'résumé été'",
    })
    void lowercaseFollowsTheFamily(Family family, boolean lowercase, String text, String normalized)
            throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, text + "\n");
        TrainedTokenizer t = Trainer.of(family, TrainingOptions.builder().vocabSize(100).lowercase(lowercase)
                .build()).train(Corpus.of(corpus), TrainingListener.NONE);
        Tokenizer tok = t.tokenizer();
        assertEquals(normalized, tok.normalizer().normalize(io.subword.normalize.NormalizedText.of(text)).text());
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void defaultsAreTheFamilysSpecialTokensFirst(Family family) throws Exception {
        TrainedTokenizer t = train(family, europarl(dir, 0, 50), 400, 1);
        List<String> specials = family.defaultSpecialTokens();
        assertEquals(specials, t.tokenizer().vocabulary().tokens().subList(0, specials.size()));
        if (family == Family.UNIGRAM) {
            return; // SentencePiece's encoder treats <s> written in the text as text, as spm_encode does
        }
        for (int id = 0; id < specials.size(); id++) {
            assertTrue(t.tokenizer().isSpecial(id));
        }
    }

    @Test
    void emptyCorpusIsRejectedNamingTheFile() throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n  \n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(
                Family.WORD_PIECE, TrainingOptions.defaults()).train(Corpus.of(empty), TrainingListener.NONE));
        assertEquals(empty + ": no words to train on (the corpus is empty)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "[PAD],[UNK],[SEP];a wordpiece tokenizer needs [CLS] among the special tokens, which are [[PAD], [UNK], [SEP]]",
            "<s>;a wordpiece tokenizer needs [UNK] among the special tokens, which are [<s>]",
    })
    void wordPieceNeedsBertSpecialTokens(String specials, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.of(
                Family.WORD_PIECE, TrainingOptions.builder().specialTokens(Arrays.asList(specials.split(","))).build())
                .train(WordCounts.of(Map.of("word", 1)), TrainingListener.NONE));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "vocabSize;0;vocabulary size must be at least 1, not 0",
            "minFrequency;-1;minimum frequency must not be negative, not -1",
            "limitAlphabet;-2;alphabet limit must not be negative, not -2",
            "threads;0;threads must be at least 1, not 0",
    })
    void badOptionsAreNamed(String option, int value, String message) {
        TrainingOptions.Builder b = TrainingOptions.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            switch (option) {
                case "vocabSize" -> b.vocabSize(value);
                case "minFrequency" -> b.minFrequency(value);
                case "limitAlphabet" -> b.limitAlphabet(value);
                case "threads" -> b.threads(value);
                default -> throw new AssertionError(option);
            }
        });
        assertEquals(message, e.getMessage());
    }
}
