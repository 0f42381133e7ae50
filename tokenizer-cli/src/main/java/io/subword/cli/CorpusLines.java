package io.subword.cli;

import io.subword.train.Corpus;
import io.subword.vocab.io.InputFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A {@link Corpus} as an {@link Iterable} of lines that can be iterated any number of times, for trainers that
 * pass over a corpus several times: each {@link #iterator()} opens the corpus again and streams it, so the
 * corpus is never held in memory. An iterator closes its file when it reaches the end; one left part-way (the
 * trainer failed) is closed by the next {@link #iterator()} or by {@link #close()}.
 *
 * <p>{@link Iterator} cannot throw checked exceptions, so a read failure (an {@link IOException}, or a
 * {@link InputFormatException} for invalid UTF-8) comes out of {@code hasNext} as a {@link Failure}; the caller
 * unwraps it with {@link Failure#getCause()} so that the message names the file and line as usual.
 * Not thread-safe: one iteration at a time, from one thread.
 */
final class CorpusLines implements Iterable<String>, Closeable {
    private final Corpus corpus;
    private Corpus.Lines open;
    private long firstPassLines = -1;
    private boolean firstPassStarted;

    CorpusLines(Corpus corpus) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    /** A read failure of the corpus, carrying the checked exception. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(Exception cause) {
            super(cause.getMessage(), cause);
        }

        /** The {@link IOException} or {@link InputFormatException} the corpus threw. */
        @Override
        public synchronized Exception getCause() {
            return (Exception) super.getCause();
        }
    }

    /** The number of lines of the corpus, once one iteration has reached the end; -1 before. */
    long lines() {
        return firstPassLines;
    }

    @Override
    public Iterator<String> iterator() {
        closeOpen();
        boolean counting = !firstPassStarted;
        firstPassStarted = true;
        Corpus.Lines lines = corpus.open();
        open = lines;
        return new Iterator<>() {
            private String next;
            private boolean done;
            private long count;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        next = lines.next();
                        if (next == null) {
                            done = true;
                            if (counting) {
                                firstPassLines = count;
                            }
                            lines.close();
                        } else {
                            count++;
                        }
                    } catch (IOException | InputFormatException e) {
                        throw new Failure(e);
                    }
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }
        };
    }

    @Override
    public void close() throws IOException {
        Corpus.Lines lines = open;
        open = null;
        if (lines != null) {
            lines.close();
        }
    }

    private void closeOpen() {
        try {
            close();
        } catch (IOException e) {
            throw new Failure(e);
        }
    }
}
