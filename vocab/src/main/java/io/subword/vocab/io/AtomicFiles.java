package io.subword.vocab.io;

import io.subword.vocab.Internal;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes output so that a crash leaves the old file or none, never half of one, where that is safe:
 * <ul>
 *   <li>an ordinary file or a new path: the content goes to a temporary file in the target's folder (same file
 *       system, so the move is a rename), is forced to disk, and is then moved over the target;</li>
 *   <li>a symbolic link (or a chain of them): followed to its target, which is then written as above, so the
 *       link stays a link;</li>
 *   <li>a character or block device ({@code /dev/null}), a FIFO, a socket, and anything that names an open
 *       descriptor ({@code /dev/stdout}, {@code /dev/fd/N} as bash's {@code >(gzip > x.gz)} gives,
 *       {@code /proc/self/fd/N}): written straight through, never replaced. Moving a file over
 *       {@code /dev/null} as root would turn it into an ordinary file for every program on the machine.</li>
 * </ul>
 * A folder is refused. {@link #check} tells before any work is done whether a path can be written.
 *
 * <p>{@link Internal}: public only because the CLI, the trainers and the embedding module write their files through it.
 */
@Internal
public final class AtomicFiles {
    /** Links followed before giving up, as Linux's {@code MAXSYMLINKS}. */
    private static final int MAX_LINKS = 40;

    /** Temporary files being written, removed by a shutdown hook if the JVM is stopped (Ctrl-C) meanwhile. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : PENDING) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException ignored) {
                        // nothing more can be done while the JVM stops
                    }
                }
            }, "AtomicFiles-cleanup"));
        } catch (IllegalStateException | SecurityException ignored) {
            // already shutting down, or not allowed: temporaries may then be left behind, as before
        }
    }

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

    /** How a path is written. */
    public enum Method {
        /** Through a temporary file moved over {@link Plan#path()}: an ordinary file, a new path, a link to one. */
        REPLACE,
        /** Opened and written in place: a device, a FIFO, a socket, a descriptor such as {@code /dev/fd/3}. */
        STRAIGHT_THROUGH,
        /** This process's standard output ({@code /dev/stdout}), written to its descriptor, never reopened. */
        STANDARD_OUTPUT
    }

    /**
     * How {@code target} would be written: the method and the path it applies to (for {@link Method#REPLACE},
     * the end of any chain of symbolic links).
     */
    public record Plan(Method method, Path path) {
    }

    /**
     * Decides how {@code target} is written, without writing anything.
     *
     * @throws FileSystemException when it cannot be written at all: a folder, a path under something that is not
     *                             a folder, a loop of links
     */
    public static Plan plan(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String name = absolute.normalize().toString();
        if (name.equals("/dev/stdout") || name.equals("/dev/fd/1") || name.equals("/proc/self/fd/1")) {
            return new Plan(Method.STANDARD_OUTPUT, absolute);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class); // follows links
        } catch (NoSuchFileException e) {
            attributes = null; // a new path, or a link to one
        } catch (FileSystemException e) {
            Path file = nearestExisting(absolute.getParent());
            if (file != null && !Files.isDirectory(file)) { // ENOTDIR: a path under a file
                throw new FileSystemException(target.toString(), null, file + " is not a folder");
            }
            throw e;
        }
        if (attributes != null && attributes.isDirectory()) {
            throw new FileSystemException(target.toString(), null, "is a folder; name the file to write");
        }
        if (attributes != null && (attributes.isOther() || isDescriptor(name))) {
            // A device, FIFO or socket; or an open descriptor, which stays the caller's even on a regular file.
            return new Plan(Method.STRAIGHT_THROUGH, absolute);
        }
        Path end = endOfLinks(absolute);
        Path parent = end.getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new FileSystemException(target.toString(), null, parent + " is not a folder");
        }
        return new Plan(Method.REPLACE, end);
    }

    /**
     * Fails now, before any work is done, if {@code target} could not be written: a folder, a path under a
     * file, a file or folder without write permission.
     */
    public static void check(Path target) throws IOException {
        Plan plan = plan(target);
        if (plan.method() == Method.STANDARD_OUTPUT) {
            return;
        }
        Path p = plan.path();
        if (plan.method() == Method.STRAIGHT_THROUGH || Files.exists(p)) {
            if (!Files.isWritable(p)) {
                throw new java.nio.file.AccessDeniedException(target.toString());
            }
            if (plan.method() == Method.STRAIGHT_THROUGH) {
                return;
            }
        }
        // The temporary file goes into the nearest existing folder (missing folders are created).
        Path folder = nearestExisting(p.getParent());
        if (folder != null && !Files.isDirectory(folder)) {
            throw new FileSystemException(target.toString(), null, folder + " is not a folder");
        }
        if (folder != null && !Files.isWritable(folder)) {
            throw new java.nio.file.AccessDeniedException(folder.toString());
        }
    }

    /** {@code path} or its nearest ancestor that exists; {@code null} if none does. */
    private static Path nearestExisting(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    /** {@code /dev/fd/N}, {@code /proc/self/fd/N}, {@code /proc/PID/fd/N}, {@code /dev/stderr}, {@code /dev/stdin}. */
    private static boolean isDescriptor(String name) {
        return name.startsWith("/dev/fd/") || name.startsWith("/proc/") || name.equals("/dev/stderr")
                || name.equals("/dev/stdin");
    }

    /** Follows symbolic links, chains too, to the path that is not one (which may not exist yet). */
    private static Path endOfLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(current);
            Path parent = current.getParent();
            current = link.isAbsolute() || parent == null ? link : parent.resolve(link);
        }
        return current;
    }

    /** Writes {@code target} from the bytes that {@code content} writes, as the class comment says. */
    public static void write(Path target, StreamWriter content) throws IOException {
        Plan plan = plan(target);
        switch (plan.method()) {
            case STANDARD_OUTPUT -> {
                // Not closed: standard output stays open for whoever writes next.
                OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
                content.write(out);
                out.flush();
            }
            case STRAIGHT_THROUGH -> {
                // Opening a FIFO waits for a reader, as any writer does; a regular file behind a descriptor is
                // truncated as a shell's '>' would.
                boolean regular = Files.isRegularFile(plan.path());
                try (OutputStream out = new BufferedOutputStream(regular
                        ? Files.newOutputStream(plan.path(), StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)
                        : Files.newOutputStream(plan.path(), StandardOpenOption.WRITE), 1 << 16)) {
                    content.write(out);
                }
            }
            case REPLACE -> replace(plan.path(), content);
        }
    }

    private static void replace(Path absolute, StreamWriter content) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        FileChannel created = null;
        Path tmp = null;
        while (created == null) {
            tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + "-" + TEMPORARY_FILES.incrementAndGet() + ".tmp");
            try {
                created = newTemporaryFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                // another writer's (or a leftover); try the next name
            }
        }
        PENDING.add(tmp);
        boolean moved = false;
        try {
            try (FileChannel channel = created;
                 OutputStream raw = Channels.newOutputStream(channel);
                 OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
                keepUsualPermissions(tmp, absolute);
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
            PENDING.remove(tmp);
        }
    }

    /** Numbers the temporary files of this JVM, so that two writers never try the same name. */
    private static final java.util.concurrent.atomic.AtomicLong TEMPORARY_FILES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Creates the temporary file {@code tmp}, which must not exist (O_EXCL: never an existing file, nor the target
     * of a symlink planted under that name), readable and writable by its owner only, and opens it for writing. What
     * {@link Files#createTempFile} does, without its {@code SecureRandom} name: seeding that (security providers and
     * all) took 20 to 40 ms of a cold start, on the critical path of every command that writes a file, and a name
     * that is unique among this JVM's writers and checked against the others' by O_EXCL is all that is needed here.
     */
    private static FileChannel newTemporaryFile(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes should have the permissions
     * the target had, or those of an ordinary new file ({@code rw-r--r--}), not 0600.
     */
    private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var permissions = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }

    /** Writes {@code target} as UTF-8 text, as {@link #write} does. */
    public static void writeText(Path target, TextWriter content) throws IOException {
        write(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.write(writer);
            writer.flush();
        });
    }

    /** Writes {@code text} to {@code target} as UTF-8, as {@link #write} does. */
    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }
}
