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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code subword encode}'s three stages, so that reading, encoding and writing overlap and both cores encode:
 * <ol>
 *   <li>a reader thread cuts the input into batches: a batch ends at {@code batchSize} lines, at a few million
 *       characters, or as soon as no more input has arrived ({@link Utf8Lines#ready}), so a line typed at a
 *       terminal or sent down a pipe by a program that waits for the answer is encoded at once, never held
 *       back to fill a batch;</li>
 *   <li>the calling thread cuts each batch into chunks of a few hundred lines and hands each to a pool of one
 *       encoder thread per core, which encodes its lines one by one: only their ids when ids are all that is
 *       written ({@link Tokenizer#encodeIds(String, boolean)}, no {@link Encoding}); the chunks of the next batch
 *       start while the last ones of a batch are still encoding, so no core waits at a batch's end;</li>
 *   <li>a writer thread takes the chunks in input order as they are done, formats them into a reused byte buffer ({@link Utf8Line}: ids as digits, no
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
    /** An encoder thread takes at most this many lines at a time, ... */
    static final int CHUNK_LINES = 256;
    /** ... or this many chars: small enough that both cores share a batch, large enough to cost nothing. */
    static final int CHUNK_CHARS = 1 << 16;
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
    /** What closes the writer's queue. */
    private static final Future<Batch> END_OF_OUTPUT = CompletableFuture.completedFuture(END);

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

        /**
         * Takes the next batch (its budget back to the reader), or throws the reader's failure, or what
         * {@code whileWaiting} throws (it is asked every {@link #POLL_MILLIS} while no input comes).
         */
        private Batch take(Check whileWaiting) throws IOException, InterruptedException {
            while (true) {
                Batch b = batches.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (b != null) {
                    budget.release(b.budget());
                    return b;
                }
                whileWaiting.check();
                if (!thread.isAlive() && batches.isEmpty()) {
                    rethrow(failure);
                    throw new IllegalStateException("the reader stopped without ending the input");
                }
            }
        }
    }

    /** A condition that ends a wait with an exception. */
    private interface Check {
        void check() throws IOException;
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
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService encoders = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "subword-encode");
            t.setDaemon(true);
            return t;
        });
        // enough chunks queued that every encoder has the next one while the writer waits for the oldest
        BlockingQueue<Future<Batch>> encoded = new ArrayBlockingQueue<>(2 * threads + QUEUE);
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
                Batch batch = reading.take(() -> failIfStopped(writer));
                if (batch == END) {
                    break;
                }
                List<String> lines = batch.lines();
                for (int from = 0, to; from < lines.size(); from = to) {
                    to = chunkEnd(lines, from);
                    List<String> chunk = lines.subList(from, to);
                    long first = batch.firstLine() + from;
                    put(encoded, CompletableFuture.supplyAsync(() -> encode(chunk, first), encoders), writer);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // Bad input part-way (invalid UTF-8, a disallowed special token): what was answered before it is
            // still written, then the failure is reported.
            reading.stop();
            finishWriting(encoded, writer);
            encoders.shutdownNow();
            throw e;
        } catch (InterruptedException e) {
            reading.stop();
            writer.interrupt();
            encoders.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            put(encoded, END_OF_OUTPUT, writer);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            reading.stop();
            writer.interrupt();
            encoders.shutdownNow();
        }
        rethrow(writerFailure);
    }

    /**
     * Where the chunk that starts at {@code from} ends: after {@link #CHUNK_LINES} lines or {@link #CHUNK_CHARS}
     * chars, so that a batch keeps every encoder busy and no encoder waits for another at a batch's end.
     */
    private static int chunkEnd(List<String> lines, int from) {
        int end = Math.min(lines.size(), from + CHUNK_LINES);
        long chars = 0;
        for (int i = from; i < end; i++) {
            chars += lines.get(i).length();
            if (chars >= CHUNK_CHARS) {
                return i + 1;
            }
        }
        return end;
    }

    /** Throws the writer's failure (a closed pipe, a line the tokenizer rejects) once it has stopped. */
    private void failIfStopped(Thread writer) throws IOException {
        if (!writer.isAlive()) {
            rethrow(writerFailure);
            throw new IllegalStateException("the writer stopped early");
        }
    }

    /** Lets the writer write the chunks it was given, for at most half a minute (a reader may have stopped). */
    private void finishWriting(BlockingQueue<Future<Batch>> encoded, Thread writer) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (writer.isAlive() && !encoded.offer(END_OF_OUTPUT, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
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

    /**
     * Encodes {@code lines} (line {@code firstLine} first) one by one on an encoder thread: only their ids when that is
     * all the output needs ({@link #idsOnly}), else their encodings, each padded on its own.
     */
    private Batch encode(List<String> lines, long firstLine) {
        int n = lines.size();
        if (idsOnly) {
            int[][] ids = new int[n][];
            for (int i = 0; i < n; i++) {
                try {
                    ids[i] = tok.encodeIds(lines.get(i), special);
                } catch (IllegalArgumentException e) {
                    throw namingLine(firstLine + i, e);
                }
            }
            return new Batch(null, firstLine, null, Arrays.asList(ids), 0);
        }
        Encoding[] encodings = new Encoding[n];
        for (int i = 0; i < n; i++) {
            Encoding e;
            try {
                e = tok.encode(lines.get(i), special);
            } catch (IllegalArgumentException failure) {
                throw namingLine(firstLine + i, failure);
            }
            encodings[i] = padding == null ? e : padding.apply(List.of(e)).get(0);
        }
        return new Batch(null, firstLine, Arrays.asList(encodings), null, 0);
    }

    /** A text the tokenizer rejects (a disallowed special token, as tiktoken rejects it): the failure, naming the line. */
    private static IllegalArgumentException namingLine(long line, IllegalArgumentException e) {
        return new IllegalArgumentException("line " + line + ": " + EncodeCommand.cliWords(e.getMessage()), e);
    }

    /**
     * Writes the chunks in input order, each once it is encoded; at the first chunk that failed, writes what came
     * before it and stops with its failure.
     */
    private void writeAll(BlockingQueue<Future<Batch>> encoded, OutputStream out)
            throws IOException, InterruptedException {
        Utf8Line line = new Utf8Line();
        StringBuilder scratch = new StringBuilder(256);
        while (true) {
            Future<Batch> next = encoded.take();
            Batch batch;
            try {
                batch = next.get();
            } catch (ExecutionException failed) {
                try {
                    line.writeTo(out);
                    out.flush();
                } catch (IOException ignored) {
                    // the line that failed is what to report
                }
                writerFailure = failed.getCause();
                return;
            }
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

    /** Hands a chunk to the writer, or throws the writer's failure (a closed pipe, a line the tokenizer rejects). */
    private void put(BlockingQueue<Future<Batch>> queue, Future<Batch> b, Thread to)
            throws IOException, InterruptedException {
        while (!queue.offer(b, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            failIfStopped(to);
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
