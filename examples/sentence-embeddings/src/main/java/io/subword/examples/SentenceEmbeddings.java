package io.subword.examples;

import io.subword.embed.NpyFile;
import io.subword.embed.EmbeddingTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run IN.txt OUT.npy}: the all-MiniLM-L6-v2 sentence embedding of every line of {@code IN.txt} (UTF-8; an
 * empty line is a line too) as one float32 row of 384 in a NumPy {@code .npy} file, written atomically.
 * Errors are one line on stderr and exit code 1 (2 for wrong usage).
 */
public final class SentenceEmbeddings {
    private SentenceEmbeddings() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: run IN.txt OUT.npy");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (SentenceEmbedder embedder = SentenceEmbedder.allMiniLmL6V2()) {
            write(embedder, in, out);
        } catch (IOException | RuntimeException e) {
            System.err.println("sentence-embeddings: " + message(e));
            System.exit(1);
        }
    }

    /** Embeds every line of {@code in} and writes the rows to {@code out}; the output path is checked first. */
    static void write(SentenceEmbedder embedder, Path in, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException(out + ": the folder " + parent + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new IOException(out + ": is a folder");
        }
        List<String> lines = readLines(in);
        int dim = embedder.dimension();
        float[] rows = new float[lines.size() * dim];
        for (int i = 0; i < lines.size(); i++) {
            System.arraycopy(embedder.embed(lines.get(i)), 0, rows, i * dim, dim);
        }
        NpyFile.write(out, EmbeddingTable.wrap(lines.size(), dim, rows));
    }

    /**
     * The lines of a UTF-8 file, ended by {@code \n}, {@code \r\n} or {@code \r} as {@link
     * java.io.BufferedReader#readLine()} ends them; invalid UTF-8 is an error naming the line.
     */
    static List<String> readLines(Path in) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(in);
        } catch (NoSuchFileException e) {
            throw new IOException(in + ": no such file");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            boolean end = i == bytes.length;
            if (!end && bytes[i] != '\n' && bytes[i] != '\r') {
                continue;
            }
            if (end && start == bytes.length) {
                break; // no text after the last line end
            }
            try {
                lines.add(utf8.decode(ByteBuffer.wrap(bytes, start, i - start)).toString());
            } catch (CharacterCodingException e) {
                throw new IOException(in + ", line " + (lines.size() + 1) + ": not valid UTF-8");
            }
            if (!end && bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                i++;
            }
            start = i + 1;
        }
        return lines;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
