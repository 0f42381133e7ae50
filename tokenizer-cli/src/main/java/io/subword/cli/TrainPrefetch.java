package io.subword.cli;

import io.subword.normalize.CharClasses;
import io.subword.train.Family;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@code subword train}, warms up on a second thread while the command line is parsed and training starts on the
 * first: the family's normalizer and pre-tokenizer (their ASCII tables), BERT's character tables of the whole BMP
 * ({@code CharClasses}: 50 to 80 ms of one core in a fresh JVM) when the corpus holds text above ASCII
 * ({@link #startsAboveAscii}), which counting would otherwise build on its threads at the first such char, and
 * {@code TokenizerJson} (Jackson's mapper), which writing {@code tokenizer.json} would otherwise initialize at the
 * very end of the run. Class initialization runs once, so a thread that gets there first waits for it instead of
 * doing it twice. Only a warm-up: nothing built here is kept, and a failure is left to the command, which reports it
 * as before.
 *
 * <p>It used to go on to train a tiny vocabulary and write its files into a sink ({@code TrainingWarmUp}), to load
 * the end of training early; with those classes in the class-data archive and the trained tokenizer no longer built
 * by {@code train}, that only moved 50 to 60 ms from the end of the run into counting, where both cores are busy
 * (interleaved runs, README "Speed"), so it is gone.
 */
final class TrainPrefetch {
    private TrainPrefetch() {
    }

    /** Starts the warm-up if {@code args} run {@code train} of a family whose pipeline is worth building early. */
    static void start(String... args) {
        if (!"train".equals(Main.chosenSubcommand(args))) {
            return;
        }
        Family family = firstFamily(args);
        if (family == null || family == Family.UNIGRAM) {
            return; // Unigram's trainer is another shape of work, not warmed here
        }
        Thread warm = new Thread(() -> {
            try {
                family.normalizer(family.defaultLowercase());
                family.preTokenizer();
                if (startsAboveAscii(args)) {
                    CharClasses.buildTables();
                }
                // Jackson's mapper, which writing tokenizer.json needs at the very end (40-60 ms to initialize there)
                Class.forName(io.subword.json.TokenizerJson.class.getName(), true,
                        TrainPrefetch.class.getClassLoader());
            } catch (RuntimeException | LinkageError | ClassNotFoundException ignored) {
                // the command builds them again and reports what went wrong
            }
        }, "subword-train-prefetch");
        warm.setDaemon(true);
        warm.start();
    }

    /** How much of each file {@link #startsAboveAscii} reads. */
    static final int PEEK_BYTES = 1 << 16;

    /**
     * Whether a file that {@code args} name (the corpus files; other arguments are not files, or are folders) holds a
     * byte above ASCII in its first {@value #PEEK_BYTES} bytes. Only then are the BERT tables of the whole BMP built
     * ahead: an ASCII text never needs them (measured, WordPiece English 10 MB: 0.62 s without building them, 0.65 s
     * with), and where a char above ASCII comes later, its first lookup builds them.
     */
    static boolean startsAboveAscii(String... args) {
        for (String a : args) {
            Path p;
            try {
                p = Path.of(a);
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try (java.io.InputStream in = Files.newInputStream(p)) {
                byte[] head = in.readNBytes(PEEK_BYTES);
                for (byte b : head) {
                    if (b < 0) {
                        return true;
                    }
                }
            } catch (java.io.IOException e) {
                // the command reports it
            }
        }
        return false;
    }

    /** The first argument after {@code train} that names a family (the FAMILY parameter), or null. */
    static Family firstFamily(String... args) {
        boolean afterTrain = false;
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (!afterTrain) {
                afterTrain = a.equals("train");
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            try {
                return Family.fromName(a);
            } catch (IllegalArgumentException notAFamily) {
                // an option's value; go on
            }
        }
        return null;
    }
}
