package io.subword.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subword.sentencepiece.SentencePieceModel;
import io.subword.unigram.PieceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code subword convert -t X.model --to tokenizer.json -o OUT}. */
class ConvertSentencePieceTest {
    @TempDir
    Path dir;

    @Test
    void aModelBecomesAHuggingFaceUnigramTokenizerJson() throws Exception {
        Path model = dir.resolve("spiece.model");
        SentencePieceModel.of(SentencePieceModel.ModelType.UNIGRAM,
                List.of("<unk>", "<s>", "</s>", "\u2581hello", "\u2581", "h", "e", "l", "o"),
                new double[] {0, 0, 0, -1, -2, -3, -3, -3, -3},
                List.of(PieceType.UNKNOWN, PieceType.CONTROL, PieceType.CONTROL, PieceType.NORMAL, PieceType.NORMAL,
                        PieceType.NORMAL, PieceType.NORMAL, PieceType.NORMAL, PieceType.NORMAL),
                null, "identity", false).write(model);
        Path out = dir.resolve("tokenizer.json");
        CliRun.Result r = CliRun.run("", "convert", "-t", model.toString(), "--to", "tokenizer.json", "-o",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertEquals("Unigram", json.get("model").get("type").asText());
        assertEquals(0, json.get("model").get("unk_id").asInt());
        assertEquals("\u2581hello", json.get("model").get("vocab").get(3).get(0).asText());
        assertEquals(-1.0, json.get("model").get("vocab").get(3).get(1).asDouble());
        assertEquals(List.of("<s>", "</s>"), List.of(json.get("added_tokens").get(0).get("content").asText(),
                json.get("added_tokens").get(1).get("content").asText()));
    }

    @Test
    void aBrokenModelIsOneLineAndNoOutput() throws Exception {
        Path model = dir.resolve("broken.model");
        Files.write(model, new byte[] {0x0A, 0x7F, 0x01, 0x02});
        Path out = dir.resolve("tokenizer.json");
        CliRun.Result r = CliRun.run("", "convert", "-t", model.toString(), "--to", "tokenizer.json", "-o",
                out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(model.toString()), r.err());
        assertTrue(r.err().contains("not a SentencePiece model"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
