package io.subword.cli;

import io.subword.train.Family;

/**
 * For {@code subword train}, builds the family's normalizer and pre-tokenizer on a second thread while picocli builds
 * and parses the command line on the first (one core does that, the other sat idle): for the families on BERT's
 * pipeline (wordpiece, bpe, wordlevel) that initializes BERT's character tables ({@code CharClasses}: 50 to 80 ms of
 * one core in a fresh JVM), which counting would otherwise build on its threads right before reading the first line;
 * then it initializes {@code TokenizerJson} (Jackson's mapper), which writing {@code tokenizer.json} would otherwise
 * initialize at the very end of the run. Class initialization runs once, so a thread that gets there first waits for
 * it instead of doing it twice. Only a
 * warm-up: nothing built here is kept, and a failure is left to the command, which reports it as before.
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
