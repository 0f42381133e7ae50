package io.subword.cli;

import io.subword.train.Family;
import io.subword.train.TrainingWarmUp;

/**
 * For {@code subword train}, warms up on a second thread while picocli builds and parses the command line on the
 * first (one core does that, the other sat idle): first the family's normalizer and pre-tokenizer, which for the
 * families on BERT's pipeline (wordpiece, bpe, wordlevel) initializes BERT's character tables ({@code CharClasses}:
 * 50 to 80 ms of one core in a fresh JVM) that counting would otherwise build on the main thread right before reading
 * the first line; then {@link TrainingWarmUp}, which loads what the end of training needs. Class initialization runs
 * once, so a thread that gets there first waits for it instead of doing it twice. Only a warm-up: nothing built here
 * is kept, and a failure is left to the command, which reports it as before.
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
                TrainingWarmUp.run(family);
            } catch (RuntimeException | LinkageError ignored) {
                // the command builds them again and reports what went wrong
            }
        }, "subword-train-prefetch");
        warm.setDaemon(true);
        warm.start();
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
