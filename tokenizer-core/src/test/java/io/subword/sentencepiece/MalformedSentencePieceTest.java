package io.subword.sentencepiece;

import com.google.protobuf.ByteString;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.sentencepiece.proto.SentencePieceModelProto.ModelProto;
import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Broken SentencePiece models, charsmaps and Unigram vocabularies give one-line errors naming the file and the
 * place; a model written back reads as the same model.
 */
class MalformedSentencePieceTest {
    @TempDir
    Path dir;

    static byte[] model(String name) throws Exception {
        return Files.readAllBytes(SentencePieceGoldenTest.resource(name + ".model"));
    }

    private String error(Path file) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> Tokenizers.fromFile(file));
        String message = e.getMessage().replace(file.toString(), "<file>");
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "garbage text         | <file>, ModelProto: not a SentencePiece model (37 bytes of protobuf): Protocol message end-group tag did not match expected tag.",
            "truncated            | <file>, ModelProto: not a SentencePiece model (20000 bytes of protobuf): While parsing a protocol message, the input ended unexpectedly in the middle of a field.  This could mean either that the input has been truncated or that an embedded message misreported its own length.",
            "empty                | <file>, pieces: the model has no pieces (not a SentencePiece model?)",
            "no unknown piece     | <file>, pieces: no piece has type UNKNOWN",
            "repeated piece       | <file>, pieces[5]: piece \"<unk>\" is already pieces[0]",
            "broken charsmap      | <file>, normalizer_spec.precompiled_charsmap: precompiled charsmap says its trie has 4294967295 bytes, but the charsmap has 12 (the trie must be a positive multiple of 4 bytes and leave room for the strings)",
    })
    void brokenModel(String name, String expected) throws Exception {
        byte[] good = model("uni-en-nmt");
        byte[] bytes = switch (name) {
            case "garbage text" -> "this is not a protobuf {\"model\": 1}\u0000\u0001".getBytes(StandardCharsets.UTF_8);
            case "truncated" -> Arrays.copyOf(good, 20000);
            case "empty" -> new byte[0];
            case "no unknown piece" -> ModelProto.parseFrom(good).toBuilder().setPieces(0,
                    ModelProto.parseFrom(good).getPieces(0).toBuilder().setType(ModelProto.SentencePiece.Type.CONTROL))
                    .build().toByteArray();
            case "repeated piece" -> ModelProto.parseFrom(good).toBuilder().setPieces(5,
                    ModelProto.parseFrom(good).getPieces(5).toBuilder().setPiece("<unk>")).build().toByteArray();
            case "broken charsmap" -> {
                ModelProto p = ModelProto.parseFrom(good);
                byte[] map = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4, 5, 6, 7, 8};
                yield p.toBuilder().setNormalizerSpec(p.getNormalizerSpec().toBuilder()
                        .setPrecompiledCharsmap(ByteString.copyFrom(map))).build().toByteArray();
            }
            default -> throw new AssertionError(name);
        };
        Path file = dir.resolve("broken.model");
        Files.write(file, bytes);
        assertEquals(expected, error(file));
    }

    /** A Unigram tokenizer.json whose vocab or charsmap is broken. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "piece without score  | [\"a\"]               | AAAA | <file>, $.model.vocab[1]: expected [piece, score], got an array",
            "score not a number   | [\"a\", \"-1\"]       | AAAA | <file>, $.model.vocab[1][1]: expected a score (a number), got string \"-1\"",
            "entry not an array   | \"a\"                 | AAAA | <file>, $.model.vocab[1]: expected [piece, score], got string \"a\"",
            "charsmap not base64  | [\"a\", -1]           | %%%% | <file>, $.normalizer.precompiled_charsmap: not base64: Illegal base64 character 25",
            "charsmap too short   | [\"a\", -1]           | AAAA | <file>, $.normalizer.precompiled_charsmap: precompiled charsmap of 3 bytes is too short (a 4-byte trie size, the trie, then the strings)",
            "trie past the end    | [\"a\", -1]           | CAAAAAECAwQ= | <file>, $.normalizer.precompiled_charsmap: precompiled charsmap says its trie has 8 bytes, but the charsmap has 8 (the trie must be a positive multiple of 4 bytes and leave room for the strings)",
            "trie pointing out    | [\"a\", -1]           | BAAAAP////8AAA== | <file>, $.normalizer.precompiled_charsmap: precompiled charsmap trie is broken: unit 0 points to 1073741568, past its 1 units",
    })
    void brokenTokenizerJson(String name, String entry, String charsMap, String expected) throws Exception {
        String json = "{\"version\":\"1.0\",\"added_tokens\":[],\"normalizer\":{\"type\":\"Precompiled\","
                + "\"precompiled_charsmap\":\"" + charsMap + "\"},\"pre_tokenizer\":null,\"post_processor\":null,"
                + "\"decoder\":null,\"model\":{\"type\":\"Unigram\",\"unk_id\":0,\"vocab\":[[\"<unk>\",0.0],"
                + entry + "]}}";
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json);
        assertEquals(expected, error(file));
    }

    @Test
    void writtenBackTheModelIsTheSame() throws Exception {
        for (String name : new String[] {"uni-en-nmt", "bpe-pl-bytes", "uni-mix-identity"}) {
            SentencePieceModel read = SentencePieceModel.read(SentencePieceGoldenTest.resource(name + ".model"));
            Path copy = dir.resolve(name + ".model");
            read.write(copy);
            SentencePieceModel back = SentencePieceModel.read(copy);
            assertEquals(read, back);
            // nothing lost, not even the fields our proto leaves undeclared (self-test data, trainer options)
            assertEquals(ModelProto.parseFrom(model(name)), ModelProto.parseFrom(Files.readAllBytes(copy)));
            Tokenizer a = read.toTokenizer();
            Tokenizer b = Tokenizers.fromFile(copy);
            String text = "Parliament adopted the 2024 budget: 1,000,000 € for COVID-19 research.";
            assertArrayEquals(a.encode(text, false).ids(), b.encode(text, false).ids());
        }
    }

    @Test
    void aNewModelFromPiecesEncodesAndRoundTrips() throws Exception {
        SentencePieceModel m = SentencePieceModel.of(SentencePieceModel.ModelType.UNIGRAM,
                java.util.List.of("<unk>", "\u2581a", "b", "\u2581", "a"), new double[] {0, -1, -2, -3, -3},
                java.util.List.of(io.subword.unigram.PieceType.UNKNOWN, io.subword.unigram.PieceType.NORMAL,
                        io.subword.unigram.PieceType.NORMAL, io.subword.unigram.PieceType.NORMAL,
                        io.subword.unigram.PieceType.NORMAL), null, "identity", false);
        Path file = dir.resolve("new.model");
        m.write(file);
        Tokenizer t = Tokenizers.fromFile(file);
        assertArrayEquals(new int[] {1, 2, 3, 2, 3, 0}, t.encode("ab b c", false).ids());
        assertEquals(Base64.getEncoder().encodeToString(m.toBytes()),
                Base64.getEncoder().encodeToString(SentencePieceModel.read(file).toBytes()));
    }
}
