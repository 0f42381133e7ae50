package io.subword.embed;

import io.subword.testkit.HostileFiles;
import io.subword.testkit.Mutations;
import io.subword.testkit.Mutations.Mutation;
import io.subword.vocab.io.InputFormatException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Broken embedding files (word2vec text and binary, .npy with its token list): a table of exact messages, then
 * mutated valid files fuzzed with jqwik. A reader returns a table that matches its shape or throws
 * {@link InputFormatException} naming the file; nothing else.
 */
class HostileEmbeddingFilesTest {
    private static final HostileFiles FILES = new HostileFiles(InputFormatException.class);
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("embedding-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] VEC = "3 2\na 0.5 -1\nb 1e-3 2\n\u00e9\u00e8 NaN 0\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] bin() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("2 2\n".getBytes(StandardCharsets.US_ASCII));
        for (String t : List.of("a", "\u00e9")) {
            out.writeBytes(t.getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(-2f).array());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] npy() throws IOException {
        Path f = DIR.resolve("seed.npy");
        NpyFile.write(f, EmbeddingTable.wrap(2, 3, new float[] {1, 2, 3, 4, 5, 6}));
        byte[] b = Files.readAllBytes(f);
        Files.delete(f);
        return b;
    }

    private static final byte[] BIN = bin();
    private static final byte[] NPY;

    static {
        try {
            NPY = npy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutations.arbitrary(5);
    }

    @Property(seed = "20240701")
    void word2vecText(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("vectors.vec", Mutations.apply(VEC, m));
    }

    @Property(seed = "20240702")
    void word2vecBinary(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("vectors.bin", Mutations.apply(BIN, m));
    }

    @Property(seed = "20240703")
    void npy(@ForAll("mutations") List<Mutation> m) throws IOException {
        check("vectors.npy", Mutations.apply(NPY, m));
    }

    static void check(String name, byte[] content) throws IOException {
        FILES.checkNamesFile(DIR, name, content, file -> {
            if (name.endsWith(".npy")) {
                EmbeddingTable t = NpyFile.read(file);
                assertEquals(t.rows() * t.dim(), t.data().length);
                return t.rows() + " rows";
            }
            TokenEmbeddings e = EmbeddingFiles.read(file, EmbeddingFormat.forFile(file));
            assertEquals(e.tokens().size(), e.table().rows());
            return e.tokens().size() + " tokens";
        });
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.println(FILES.report("mutated word2vec text/binary and .npy files"));
        for (String n : List.of("vectors.vec", "vectors.bin", "vectors.npy")) {
            Files.deleteIfExists(DIR.resolve(n));
        }
        Files.deleteIfExists(DIR);
    }
}
