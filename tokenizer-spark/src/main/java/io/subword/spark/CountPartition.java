package io.subword.spark;

import io.subword.train.Family;
import io.subword.train.Trainer;
import io.subword.train.TrainingOptions;
import io.subword.train.WordCounter;
import io.subword.train.WordCounts;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Counts the words of one partition with the trainer's own word counter ({@link Trainer#wordCounter()}) into one
 * primitive table, then hands Spark one (word, count) pair per distinct word. The family and the options travel to
 * the executors; the trainer and its counter (normalizer, pre-tokenizer) are rebuilt there from them.
 */
final class CountPartition implements MapPartitionsFunction<String, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    private final Family family;
    private final TrainingOptions options;
    private final LongAccumulator lines;

    CountPartition(Family family, TrainingOptions options, LongAccumulator lines) {
        this.family = family;
        this.options = options;
        this.lines = lines;
    }

    @Override
    public Iterator<Tuple2<String, Long>> call(Iterator<String> input) {
        WordCounter counter = Trainer.of(family, options).wordCounter();
        NonNullLines text = new NonNullLines(input);
        WordCounts counts = counter.countLines(text);
        lines.add(text.count);
        List<Tuple2<String, Long>> out = new ArrayList<>(counts.size());
        counts.forEach((word, count) -> out.add(new Tuple2<>(word, count)));
        return out.iterator();
    }

    /** The lines of a partition without its {@code null}s (a null column value is no text), counted. */
    private static final class NonNullLines implements Iterator<String> {
        private final Iterator<String> in;
        private String next;
        long count;

        NonNullLines(Iterator<String> in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            while (next == null && in.hasNext()) {
                next = in.next();
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String s = next;
            next = null;
            count++;
            return s;
        }
    }
}
