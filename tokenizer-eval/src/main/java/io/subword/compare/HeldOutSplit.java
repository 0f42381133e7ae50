package io.subword.compare;

import io.subword.progress.TrainingListener;
import io.subword.train.Corpus;
import io.subword.vocab.io.InputFormatException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Splits a corpus into training and held-out lines: each line, in order, is held out when the next draw of a
 * {@link SplittableRandom} seeded with {@code seed} is below {@code fraction}. The same corpus, fraction and
 * seed give the same split on any machine. Both parts are written as files, so that training streams them as
 * it streams any corpus.
 *
 * @param train        the training part
 * @param heldOut      the held-out part
 * @param trainLines   lines in the training part
 * @param heldOutLines lines in the held-out part
 */
public record HeldOutSplit(Corpus train, Corpus heldOut, long trainLines, long heldOutLines) {
    /** The files the parts are written to, in the folder given to {@link #split}. */
    public static final String TRAIN_FILE = "train.txt";
    public static final String HELD_OUT_FILE = "held-out.txt";

    /**
     * Splits {@code corpus} into {@code dir}/{@value #TRAIN_FILE} and {@code dir}/{@value #HELD_OUT_FILE}.
     *
     * @param fraction the share of lines to hold out, in (0, 1)
     * @throws IllegalArgumentException if {@code fraction} is not in (0, 1)
     */
    public static HeldOutSplit split(Corpus corpus, double fraction, long seed, Path dir, TrainingListener listener)
            throws IOException, InputFormatException {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be between 0 and 1, got " + fraction);
        }
        listener.phase("hold out " + Math.round(fraction * 1000) / 10.0 + "% of the lines");
        Files.createDirectories(dir);
        Path trainFile = dir.resolve(TRAIN_FILE);
        Path heldOutFile = dir.resolve(HELD_OUT_FILE);
        SplittableRandom random = new SplittableRandom(seed);
        long trainLines = 0;
        long heldOutLines = 0;
        long totalBytes = corpus.totalBytes();
        try (Corpus.Lines lines = corpus.open();
             BufferedWriter train = Files.newBufferedWriter(trainFile, StandardCharsets.UTF_8);
             BufferedWriter heldOut = Files.newBufferedWriter(heldOutFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.next()) != null) {
                if (random.nextDouble() < fraction) {
                    heldOut.write(line);
                    heldOut.write('\n');
                    heldOutLines++;
                } else {
                    train.write(line);
                    train.write('\n');
                    trainLines++;
                }
                if (((trainLines + heldOutLines) & 1023) == 0) {
                    listener.bytesRead(lines.bytesRead(), totalBytes);
                }
            }
            listener.bytesRead(lines.bytesRead(), totalBytes);
        }
        return new HeldOutSplit(Corpus.of(trainFile), Corpus.of(heldOutFile), trainLines, heldOutLines);
    }
}
