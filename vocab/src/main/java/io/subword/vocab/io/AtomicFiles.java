package io.subword.vocab.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a crash leaves the old file or none, never half of one: the content goes to a
 * temporary file in the target's folder (same file system, so the move is a rename), is forced to disk, and
 * is then moved over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes bytes and may fail with an I/O error. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Something that writes text and may fail with an I/O error. */
    @FunctionalInterface
    public interface TextWriter {
        void write(Writer out) throws IOException;
    }

    /** Writes {@code target} atomically from the bytes that {@code content} writes. */
    public static void write(Path target, StreamWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            keepUsualPermissions(tmp, absolute);
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                 OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
                content.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes should have the permissions
     * the target had, or those of an ordinary new file ({@code rw-r--r--}), not 0600.
     */
    private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    /** Writes {@code target} atomically as UTF-8 text. */
    public static void writeText(Path target, TextWriter content) throws IOException {
        write(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.write(writer);
            writer.flush();
        });
    }

    /** Writes {@code text} to {@code target} atomically as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }
}
