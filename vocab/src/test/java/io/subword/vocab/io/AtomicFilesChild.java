package io.subword.vocab.io;

import java.nio.file.Path;

/**
 * A separate JVM for {@link AtomicFilesSpecialTargetsTest}: writes {@code args[1]} and a newline to
 * {@code args[0]} with {@link AtomicFiles#writeString}, so that output to {@code /dev/stdout} or a descriptor is
 * tried on a child's own standard output, which the test reads.
 */
public final class AtomicFilesChild {
    private AtomicFilesChild() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.writeString(Path.of(args[0]), args[1] + "\n");
    }
}
