package io.subword.embed;

import io.subword.vocab.io.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingFilesTest {
    @TempDir
    Path dir;

    /** Tokens that need every kind of escape, and some that need none. */
    static final List<String> TOKENS = List.of("amigos", "##ção", "inimagináveis", "日本", "a b", "tab\there",
            "new\nline", "back\\slash", "cr\r", "\\s", "[UNK]", "emoji\ud83d\ude00", "lone\ud800", " ", "nul\u0000");

    /** Values that are easy to get wrong in text: signed zero, extremes, subnormals, non-finite. */
    static final float[] HARD = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, 0.1f, 1f / 3, 1e-10f, 123456.79f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 16777217f, 3.4e38f};

    static EmbeddingTable table(int rows, int dim, long seed, boolean rawBits) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[rows * dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = i < HARD.length ? HARD[i]
                    : rawBits ? Float.intBitsToFloat(random.nextInt()) : (float) random.nextGaussian();
        }
        return EmbeddingTable.wrap(rows, dim, data);
    }

    static int[] rawBits(EmbeddingTable t) {
        int[] bits = new int[t.data().length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Float.floatToRawIntBits(t.data()[i]);
        }
        return bits;
    }

    @ParameterizedTest
    @EnumSource(EmbeddingFormat.class)
    void writtenAndReadBackIdentical(EmbeddingFormat format) throws Exception {
        // Text keeps every float's value; NaN payloads other than the canonical one exist only in binary files.
        boolean raw = format != EmbeddingFormat.WORD2VEC_TEXT;
        EmbeddingTable t = table(TOKENS.size(), 7, 11, raw);
        Path file = dir.resolve("emb" + switch (format) {
            case WORD2VEC_TEXT -> ".vec";
            case WORD2VEC_BINARY -> ".bin";
            case NPY -> ".npy";
        });
        assertEquals(format, EmbeddingFormat.forFile(file));
        EmbeddingFiles.write(file, format, TOKENS, t);
        TokenEmbeddings back = EmbeddingFiles.read(file, format);
        assertEquals(TOKENS, back.tokens());
        assertEquals(t.rows(), back.table().rows());
        assertEquals(t.dim(), back.table().dim());
        assertArrayEquals(rawBits(t), rawBits(back.table()));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left");
        }
    }

    @Test
    void textLayout() throws Exception {
        Path file = dir.resolve("t.vec");
        Word2VecText.write(file, List.of("a b", "ção"),
                EmbeddingTable.wrap(2, 3, new float[] {1f, -0.5f, 0f, 1e-5f, Float.NaN, -0f}));
        assertEquals("2 3\na\\sb 1.0 -0.5 0.0\nção 1.0E-5 NaN -0.0\n", Files.readString(file));
    }

    @Test
    void textReaderToleratesWord2vecAndFastTextLayouts() throws Exception {
        // Trailing spaces (word2vec.c writes one after each value), CRLF, blank lines at the end, ints.
        Path file = write("ft.vec", "2 2\r\nx 1 2 \r\ny  -3.5   4e2 \n\n");
        TokenEmbeddings e = Word2VecText.read(file);
        assertEquals(List.of("x", "y"), e.tokens());
        assertArrayEquals(new float[] {1f, 2f, -3.5f, 400f}, e.table().data(), 0f);
    }

    @Test
    void binaryLayoutIsWhatGensimReads() throws Exception {
        Path file = dir.resolve("t.bin");
        Word2VecBinary.write(file, List.of("a b", "ção"),
                EmbeddingTable.wrap(2, 2, new float[] {1f, -2f, 0.5f, 3f}));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer expected = ByteBuffer.allocate(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        expected.put("2 2\n".getBytes(StandardCharsets.US_ASCII));
        expected.put("a\\sb ".getBytes(StandardCharsets.UTF_8)).putFloat(1f).putFloat(-2f).put((byte) '\n');
        expected.put("ção ".getBytes(StandardCharsets.UTF_8)).putFloat(0.5f).putFloat(3f).put((byte) '\n');
        assertEquals(expected.position(), bytes.length);
        assertArrayEquals(expected.array(), bytes);
    }

    @Test
    void npyHeaderIsVersion1AlignedFloat32COrder() throws Exception {
        for (int[] shape : new int[][] {{3, 4}, {0, 5}, {30522, 768}, {123456789, 1}}) {
            byte[] header = NpyFile.header(shape[0], shape[1]);
            NpyHeader h = NpyHeader.parse(header);
            assertEquals("<f4", h.descr());
            assertEquals("False", h.fortranOrder());
            assertEquals(List.of((long) shape[0], (long) shape[1]), h.shape());
            assertEquals(0, h.dataOffset() % 64, "data offset " + h.dataOffset());
            assertEquals(header.length, h.dataOffset());
        }
        Path file = dir.resolve("m.npy");
        NpyFile.write(file, EmbeddingTable.wrap(3, 4, new float[12]));
        byte[] bytes = Files.readAllBytes(file);
        NpyHeader h = NpyHeader.parse(bytes);
        // 10 bytes of preamble + a 60-char dict + newline do not fit in 64, so the header fills 128 (as NumPy's).
        assertEquals(128, h.dataOffset());
        assertEquals(128 + 12 * 4, bytes.length);
        assertEquals(118, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }";
        assertEquals(dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n",
                new String(bytes, 10, 118, StandardCharsets.US_ASCII));
    }

    @Test
    void npyTokenListIsBeside() throws Exception {
        Path npy = dir.resolve("vectors.npy");
        assertEquals(dir.resolve("vectors.vocab.txt"), EmbeddingFiles.tokenListFor(npy));
        EmbeddingFiles.write(npy, EmbeddingFormat.NPY, List.of("x y", "z"), EmbeddingTable.zeros(2, 1));
        assertEquals("x\\sy\nz\n", Files.readString(dir.resolve("vectors.vocab.txt")));
    }

    // ------------------------------------------------------------------ malformed files

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "empty file          | ``                         | line 1: the file is empty; expected a \"<rows> <dim>\" header",
            "header not numbers  | `two 2\\na 1 2\\n`          | line 1: the header must be \"<rows> <dim>\", found \"two 2\"",
            "header one field    | `2\\na 1 2\\n`              | line 1: the header must be \"<rows> <dim>\", found \"2\"",
            "zero dim            | `1 0\\na\\n`                | line 1: the header's shape 1 x 0 is not a table (dim must be at least 1)",
            "too few values      | `2 2\\na 1 2\\nb 3\\n`      | line 3: row 2 has 1 values, the header says 2",
            "too many values     | `2 2\\na 1 2\\nb 3 4 5\\n`  | line 3: row 2 has 3 values, the header says 2",
            "token only          | `1 2\\na\\n`                | line 2: row 1 has 0 values, the header says 2",
            "not a number        | `2 2\\na 1 2\\nb 3 x4\\n`   | line 3: row 2, value 2 is not a number: \"x4\"",
            "java float suffix   | `1 2\\na 1f 2\\n`           | line 2: row 1, value 1 is not a number: \"1f\"",
            "truncated           | `3 2\\na 1 2\\nb 3 4\\n`    | line 4: the file ends after 2 of 3 rows",
            "extra row           | `1 2\\na 1 2\\nb 3 4\\n`    | line 3: more rows than the header's 1",
            "empty token         | `1 2\\n 1 2\\n`             | line 2: row 1 has an empty token",
            "bad escape          | `1 1\\na\\\\q 1\\n`         | line 2: row 1: unknown escape \\q in \"a\\u005cq\"",
    })
    void malformedText(String name, String content, String message) throws Exception {
        Path file = write("bad.vec", content.replace("\\n", "\n").replace("\\\\", "\\"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> Word2VecText.read(file));
        assertEquals(file + ", " + message, e.getMessage());
    }

    @Test
    void invalidUtf8InText() throws Exception {
        Path file = dir.resolve("bad.vec");
        Files.write(file, new byte[] {'1', ' ', '1', '\n', 'a', (byte) 0xC3, ' ', '1', '\n'});
        InputFormatException e = assertThrows(InputFormatException.class, () -> Word2VecText.read(file));
        assertEquals(file + ", line 2: invalid UTF-8 at byte offset 5 (byte 2 of the line)", e.getMessage());
    }

    /** A valid 2 x 2 binary file: header 4 bytes, row 1 "ab " + 8 + '\n' at 4..15, row 2 "c " + 8 + '\n' at 16..26. */
    private static byte[] validBinary() {
        ByteBuffer b = ByteBuffer.allocate(4 + 12 + 11).order(ByteOrder.LITTLE_ENDIAN);
        b.put("2 2\n".getBytes(StandardCharsets.US_ASCII));
        b.put("ab ".getBytes(StandardCharsets.US_ASCII)).putFloat(1f).putFloat(2f).put((byte) '\n');
        b.put("c ".getBytes(StandardCharsets.US_ASCII)).putFloat(3f).putFloat(4f).put((byte) '\n');
        return b.array();
    }

    @Test
    void validBinaryReads() throws Exception {
        Path file = dir.resolve("ok.bin");
        Files.write(file, validBinary());
        TokenEmbeddings e = Word2VecBinary.read(file);
        assertEquals(List.of("ab", "c"), e.tokens());
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, e.table().data(), 0f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cut in row 2's vector | 22 | row 2 (byte 16): the file ends inside the vector: 4 of 8 bytes",
            "cut in row 2's token  | 17 | row 2 (byte 16): the file ends inside the token",
            "cut after row 1       | 16 | row 2 (byte 16): the file ends after 1 of 2 rows",
            "cut in row 1's vector | 10 | row 1 (byte 4): the file ends inside the vector: 3 of 8 bytes",
            "cut in the header     | 2  | byte 0: the header must be \"<rows> <dim>\" and a newline, found \"2 \"",
    })
    void truncatedBinary(String name, int length, String message) throws Exception {
        Path file = dir.resolve("cut.bin");
        Files.write(file, java.util.Arrays.copyOf(validBinary(), length));
        InputFormatException e = assertThrows(InputFormatException.class, () -> Word2VecBinary.read(file));
        assertEquals(file + ", " + message, e.getMessage());
    }

    @Test
    void malformedBinary() throws Exception {
        Path file = dir.resolve("bad.bin");
        byte[] extra = java.util.Arrays.copyOf(validBinary(), validBinary().length + 3);
        extra[extra.length - 2] = 'x';
        Files.write(file, extra);
        assertEquals(file + ", byte 27: 3 bytes after the last of 2 rows", assertThrows(InputFormatException.class,
                () -> Word2VecBinary.read(file)).getMessage());

        byte[] badUtf8 = validBinary();
        badUtf8[16] = (byte) 0xFF;
        Files.write(file, badUtf8);
        assertEquals(file + ", row 2 (byte 16): the token is not valid UTF-8", assertThrows(
                InputFormatException.class, () -> Word2VecBinary.read(file)).getMessage());

        byte[] badHeader = validBinary();
        badHeader[0] = 'x';
        Files.write(file, badHeader);
        assertEquals(file + ", byte 0: the header must be \"<rows> <dim>\", found \"x 2\"", assertThrows(
                InputFormatException.class, () -> Word2VecBinary.read(file)).getMessage());
    }

    private Path npy(String name, String dict, int dataBytes) throws IOException {
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve(name);
        Files.write(file, b.array());
        return file;
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }  | 32 | header: dtype '<f8' is not supported; expected '<f4' (little-endian float32)",
            "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }  | 16 | header: dtype '>f4' is not supported; expected '<f4' (little-endian float32)",
            "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }   | 16 | header: fortran_order True is not supported; expected C order",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }    | 16 | header: shape (4,) must have 2 dimensions (rows, dim)",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 1), } | 16 | header: shape (2, 2, 1) must have 2 dimensions (rows, dim)",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }  | 15 | byte 128: the data has 15 bytes, but shape (2, 2) of float32 needs 16",
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }  | 20 | byte 128: the data has 20 bytes, but shape (2, 2) of float32 needs 16",
            "{'shape': (2, 2), 'descr': '<f4'}                           | 16 | header: expected a dict with 'descr', 'fortran_order' and 'shape', found \"{'shape': (2, 2), 'descr': '<f4'}\"",
    })
    void malformedNpy(String dict, int dataBytes, String message) throws Exception {
        Path file = npy("bad.npy", dict, dataBytes);
        InputFormatException e = assertThrows(InputFormatException.class, () -> NpyFile.read(file));
        assertEquals(file + ", " + message, e.getMessage());
    }

    @Test
    void npyKeyOrderAndSpacingDoNotMatter() throws Exception {
        Path file = npy("ok.npy", "{'shape':(1,2),'fortran_order':False,'descr':'<f4'}", 8);
        EmbeddingTable t = NpyFile.read(file);
        assertEquals(1, t.rows());
        assertEquals(2, t.dim());
    }

    @Test
    void npyBadMagicAndVersion() throws Exception {
        Path file = dir.resolve("x.npy");
        Files.write(file, "not numpy at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals(file + ", byte 0: not a .npy file (the magic \\x93NUMPY is missing)",
                assertThrows(InputFormatException.class, () -> NpyFile.read(file)).getMessage());
        Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0, 0, 0, 0, 0});
        assertEquals(file + ", byte 6: unsupported .npy format version 9.0",
                assertThrows(InputFormatException.class, () -> NpyFile.read(file)).getMessage());
        Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0, '{'});
        assertEquals(file + ", byte 10: the header of 100 bytes runs past the end of the file (11 bytes)",
                assertThrows(InputFormatException.class, () -> NpyFile.read(file)).getMessage());
    }

    @Test
    void npyTokenListMustMatchRows() throws Exception {
        Path npy = dir.resolve("v.npy");
        NpyFile.write(npy, EmbeddingTable.zeros(3, 2));
        Path list = dir.resolve("v.vocab.txt");
        Files.writeString(list, "a\nb\n");
        assertEquals(list + ": has 2 tokens, but " + npy + " has 3 rows", assertThrows(InputFormatException.class,
                () -> NpyFile.read(npy, list)).getMessage());
        Files.writeString(list, "a\n\nb\n");
        assertEquals(list + ", line 2: empty token", assertThrows(InputFormatException.class,
                () -> NpyFile.read(npy, list)).getMessage());
    }

    @Test
    void writersRejectRowsWithoutTokens() {
        EmbeddingTable t = EmbeddingTable.zeros(2, 2);
        assertEquals("1 tokens for a table of 2 rows", assertThrows(IllegalArgumentException.class,
                () -> Word2VecText.write(dir.resolve("x.vec"), List.of("a"), t)).getMessage());
        assertEquals("row 1 has an empty token; embedding files need one per row", assertThrows(
                IllegalArgumentException.class,
                () -> Word2VecBinary.write(dir.resolve("x.bin"), List.of("a", ""), t)).getMessage());
        assertEquals("row 0 has no token; embedding files need one per row", assertThrows(
                IllegalArgumentException.class,
                () -> Word2VecBinary.write(dir.resolve("x.bin"), java.util.Arrays.asList(null, "b"), t))
                .getMessage());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /**
     * A reader of the .npy preamble written from NumPy's format description, independent of the one under test:
     * magic, version 1.0, uint16 little-endian header length, a Python dict literal ended by a newline.
     */
    record NpyHeader(String descr, String fortranOrder, List<Long> shape, int dataOffset) {
        static NpyHeader parse(byte[] bytes) {
            assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}, java.util.Arrays.copyOf(bytes, 6));
            assertEquals(1, bytes[6], "major version");
            assertEquals(0, bytes[7], "minor version");
            int len = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            String header = new String(bytes, 10, len, StandardCharsets.US_ASCII);
            assertTrue(header.endsWith("\n"), "header ends with a newline");
            String dict = header.strip();
            assertTrue(dict.startsWith("{") && dict.endsWith("}"), dict);
            Map<String, String> entries = new HashMap<>();
            String body = dict.substring(1, dict.length() - 1);
            int depth = 0;
            int from = 0;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    parts.add(body.substring(from, i));
                    from = i + 1;
                }
            }
            parts.add(body.substring(from));
            for (String part : parts) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String key = part.substring(0, colon).strip();
                assertTrue(key.startsWith("'") && key.endsWith("'"), key);
                entries.put(key.substring(1, key.length() - 1), part.substring(colon + 1).strip());
            }
            String descr = entries.get("descr");
            String shape = entries.get("shape");
            List<Long> dims = new ArrayList<>();
            for (String d : shape.substring(1, shape.length() - 1).split(",")) {
                if (!d.isBlank()) {
                    dims.add(Long.parseLong(d.strip()));
                }
            }
            return new NpyHeader(descr.substring(1, descr.length() - 1), entries.get("fortran_order"), dims,
                    10 + len);
        }
    }
}
