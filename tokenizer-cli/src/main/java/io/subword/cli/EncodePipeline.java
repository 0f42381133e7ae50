package io.subword.cli;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Tokenizer;
import io.subword.post.Padding;
import io.subword.vocab.io.Utf8Lines;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code subword encode}'s three stages, so that reading, encoding and writing overlap and both cores encode:
 * <ol>
 *   <li>a reader thread cuts the input into batches: a batch ends at {@code batchSize} lines, at a few million
 *       characters, or as soon as no more input has arrived ({@link Utf8Lines#ready}), so a line typed at a
 *       terminal or sent down a pipe by a program that waits for the answer is encoded at once, never held
 *       back to fill a batch;</li>
 *   <li>the calling thread encodes each batch with {@link Tokenizer#encodeBatch} (in parallel);</li>
 *   <li>a writer thread formats the encodings into a reused byte buffer ({@link Utf8Line}: ids as digits, no
 *       {@code String} per id) and writes it; it flushes whenever no further batch is waiting, so every
 *       answered line reaches the reader at once, and an interrupted run (Ctrl-C) has already written every
 *       line it answered.</li>
 * </ol>
 * The reader may start before the tokenizer is loaded ({@link #startReading}), so that on two cores reading
 * the input overlaps loading; it reads ahead at most {@link #READ_AHEAD_CHARS} chars.
 * Output is in input order. Each line is padded as on its own, as Hugging Face's {@code encode(text)} pads it.
 * The first failure of any stage stops the others and is thrown from {@link #run}, after the lines answered
 * before it are written; errors (out of memory) keep their type.
 */
final class EncodePipeline {
    /** A batch also ends at this many characters, so that memory stays bounded whatever the line lengths. */
    static final int MAX_BATCH_CHARS = 1 << 22;
    /** At most this many chars are read but not yet encoded (a single longer line still passes alone). */
    static final int READ_AHEAD_CHARS = 1 << 24;
    private static final int QUEUE = 2;
    private static final long POLL_MILLIS = 20;

    private final Tokenizer tok;
    private final Padding padding;
    private final boolean special;
    private final OutputFormat format;
    private final boolean offsets;
    private final OffsetUnit unit;
    private final int batchSize;
    /** Plain ids, nothing per line to pad: the lines' ids are all the output needs, so no encoding is built. */
    private final boolean idsOnly;

    private volatile Throwable writerFailure;

    /**
     * One batch of lines and, once encoded, their encodings, or only their ids when that is all the output needs
     * ({@link #idsOnly}); {@link #END} closes the stream.
     */
    private record Batch(List<String> lines, long firstLine, List<Encoding> encodings, List<int[]> ids, int budget) {
    }

    private static final Batch END = new Batch(List.of(), -1, List.of(), null, 0);

    /**
     * The reader stage, running on its own thread from {@link #startReading} on: batches of lines, each holding
     * {@code budget} permits of {@link #READ_AHEAD_CHARS} until it is encoded.
     */
    static final class Reading {
        private final BlockingQueue<Batch> batches = new LinkedBlockingQueue<>();
        private final Semaphore budget = new Semaphore(READ_AHEAD_CHARS);
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Throwable failure;

        private Reading(Utf8Lines in, int batchSize) {
            thread = new Thread(() -> {
                try {
                    readAll(in, batchSize);
                } catch (Throwable t) {
                    failure = t;
                }
            }, "subword-encode-read");
            thread.setDaemon(true); // it may wait on a terminal that never sends more
        }

        /** Stops reading ahead (the reader thread ends at its next batch); for a run that fails before encoding. */
        void stop() {
            stopped = true;
            thread.interrupt();
        }

        private void readAll(Utf8Lines in, int batchSize) throws IOException, InterruptedException {
            List<String> lines = new ArrayList<>();
            long chars = 0;
            long first = 1;
            for (String line = InputOutputOptions.nextLine(in); line != null; line = InputOutputOptions.nextLine(in)) {
                lines.add(line);
                chars += line.length();
                if (lines.size() >= batchSize || chars >= MAX_BATCH_CHARS || !in.ready()) {
                    hand(new Batch(lines, first, null, null, (int) Math.min(chars, READ_AHEAD_CHARS)));
                    first += lines.size();
                    lines = new ArrayList<>();
                    chars = 0;
                }
            }
            if (!lines.isEmpty()) {
                hand(new Batch(lines, first, null, null, (int) Math.min(chars, READ_AHEAD_CHARS)));
            }
            StartupTiming.mark("input read");
            batches.put(END);
        }

        /** Hands a batch on once the read-ahead budget has room for it; gives up once the run has stopped. */
        private void hand(Batch b) throws InterruptedException {
            while (!budget.tryAcquire(b.budget(), POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new InterruptedException("stopped");
                }
            }
            batches.put(b);
        }

        /** Takes the next batch (its budget back to the reader), or throws the reader's failure. */
        private Batch take() throws IOException, InterruptedException {
            while (true) {
                Batch b = batches.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (b != null) {
                    budget.release(b.budget());
                    return b;
                }
                if (!thread.isAlive() && batches.isEmpty()) {
                    rethrow(failure);
                    throw new IllegalStateException("the reader stopped without ending the input");
                }
            }
        }
    }

    /** Starts reading {@code in} in batches of at most {@code batchSize} lines on a thread of its own. */
    static Reading startReading(Utf8Lines in, int batchSize) {
        Reading reading = new Reading(in, batchSize);
        reading.thread.start();
        return reading;
    }

    /**
     * @param tok     encodes without padding
     * @param padding applied to each line on its own, or {@code null}
     */
    EncodePipeline(Tokenizer tok, Padding padding, boolean special, OutputFormat format, boolean offsets,
                   OffsetUnit unit, int batchSize) {
        this.tok = tok;
        this.padding = padding;
        this.special = special;
        this.format = format;
        this.offsets = offsets;
        this.unit = unit;
        this.batchSize = batchSize;
        this.idsOnly = format == OutputFormat.IDS && !offsets && padding == null;
    }

    /** Encodes every line of {@code in} to {@code out}; returns when all is written and flushed. */
    void run(Utf8Lines in, OutputStream out) throws IOException {
        run(startReading(in, batchSize), out);
    }

    /** Encodes every line that {@code reading} reads to {@code out}; returns when all is written and flushed. */
    void run(Reading reading, OutputStream out) throws IOException {
        BlockingQueue<Batch> encoded = new ArrayBlockingQueue<>(QUEUE);
        Thread writer = new Thread(() -> {
            try {
                writeAll(encoded, out);
            } catch (Throwable t) {
                writerFailure = t;
            }
        }, "subword-encode-write");
        writer.setDaemon(true);
        writer.start();
        try {
            while (true) {
                Batch batch = reading.take();
                if (batch == END) {
                    break;
                }
                put(encoded, idsOnly ? new Batch(null, batch.firstLine(), null, encodeIds(batch), 0)
                        : new Batch(null, batch.firstLine(), encode(batch), null, 0), writer);
            }
        } catch (IOException | RuntimeException | Error e) {
            // Bad input part-way (invalid UTF-8, a disallowed special token): what was answered before it is
            // still written, then the failure is reported.
            reading.stop();
            finishWriting(encoded, writer);
            throw e;
        } catch (InterruptedException e) {
            reading.stop();
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            put(encoded, END, writer);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            reading.stop();
            writer.interrupt();
        }
        rethrow(writerFailure);
    }

    /** Lets the writer write the batches it was given, for at most half a minute (a reader may have stopped). */
    private void finishWriting(BlockingQueue<Batch> encoded, Thread writer) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.isAlive() && !encoded.offer(END, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writer.interrupt();
        }
    }

    /** The ids of each line, as {@link #encode} gives them, without building encodings. */
    private List<int[]> encodeIds(Batch batch) {
        try {
            return tok.encodeIdsBatch(batch.lines(), special);
        } catch (IllegalArgumentException e) {
            throw namingLine(batch, e);
        }
    }

    private List<Encoding> encode(Batch batch) {
        List<Encoding> encodings;
        try {
            encodings = tok.encodeBatch(batch.lines(), special);
        } catch (IllegalArgumentException e) {
            throw namingLine(batch, e);
        }
        if (padding == null) {
            return encodings;
        }
        List<Encoding> padded = new ArrayList<>(encodings.size());
        for (Encoding e : encodings) {
            padded.add(padding.apply(List.of(e)).get(0));
        }
        return padded;
    }

    /**
     * A text the tokenizer rejects (a disallowed special token, as tiktoken rejects it): the same failure, naming
     * the first line of the batch that causes it.
     */
    private IllegalArgumentException namingLine(Batch batch, IllegalArgumentException e) {
        for (int i = 0; i < batch.lines().size(); i++) {
            try {
                tok.encode(batch.lines().get(i), special);
            } catch (IllegalArgumentException first) {
                return new IllegalArgumentException("line " + (batch.firstLine() + i) + ": "
                        + EncodeCommand.cliWords(first.getMessage()), first);
            }
        }
        return e;
    }

    private void writeAll(BlockingQueue<Batch> encoded, OutputStream out) throws IOException, InterruptedException {
        Utf8Line line = new Utf8Line();
        StringBuilder scratch = new StringBuilder(256);
        while (true) {
            Batch batch = encoded.take();
            if (batch == END) {
                line.writeTo(out);
                out.flush();
                StartupTiming.mark("output written");
                return;
            }
            if (batch.ids() != null) {
                for (int[] ids : batch.ids()) {
                    line.appendJoined(ids, 0, ids.length, ' ');
                    line.append('\n');
                    if (line.size() >= 1 << 16) {
                        line.writeTo(out);
                    }
                }
            } else {
                for (Encoding e : batch.encodings()) {
                    format.write(line, e, offsets, unit, scratch);
                    line.append('\n');
                    if (line.size() >= 1 << 16) {
                        line.writeTo(out);
                    }
                }
            }
            if (encoded.isEmpty()) { // nothing more to write yet: let the reader see every answer now
                line.writeTo(out);
                out.flush();
            }
        }
    }

    /** Hands a batch to the writer, or throws the writer's failure (a closed pipe). */
    private void put(BlockingQueue<Batch> queue, Batch b, Thread to) throws IOException, InterruptedException {
        while (!queue.offer(b, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!to.isAlive()) {
                rethrow(writerFailure);
                throw new IllegalStateException("the writer stopped early");
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException(t));
    }
}
