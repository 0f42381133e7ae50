package io.subword.spark;

import io.subword.Encoding;
import io.subword.OffsetUnit;
import io.subword.Offsets;
import io.subword.Tokenizer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Encodes the rows of one partition, {@code batchSize} rows at a time: pulls a batch from Spark's iterator, encodes
 * it with the JVM's shared tokenizer, and hands the output rows back before pulling the next batch.
 */
final class EncodePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> json;
    private final String key;
    private final int textIndex;
    private final int inputWidth;
    private final boolean addSpecialTokens;
    private final boolean mask;
    private final OffsetUnit offsets;
    private final boolean count;
    private final int batchSize;

    EncodePartition(Broadcast<byte[]> json, String key, int textIndex, int inputWidth, boolean addSpecialTokens,
                    boolean mask, OffsetUnit offsets, boolean count, int batchSize) {
        this.json = json;
        this.key = key;
        this.textIndex = textIndex;
        this.inputWidth = inputWidth;
        this.addSpecialTokens = addSpecialTokens;
        this.mask = mask;
        this.offsets = offsets;
        this.count = count;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        Tokenizer tokenizer = TokenizerCache.get(key, json);
        int width = inputWidth + 1 + (mask ? 1 : 0) + (offsets != null ? 1 : 0) + (count ? 1 : 0);
        return new Iterator<>() {
            private final Row[] batch = new Row[batchSize];
            private int size;
            private int next;

            @Override
            public boolean hasNext() {
                if (next < size) {
                    return true;
                }
                size = 0;
                next = 0;
                while (size < batchSize && input.hasNext()) {
                    batch[size++] = input.next();
                }
                for (int i = 0; i < size; i++) {
                    batch[i] = encode(tokenizer, batch[i], width);
                }
                return size > 0;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = batch[next];
                batch[next++] = null;
                return r;
            }
        };
    }

    private Row encode(Tokenizer tokenizer, Row in, int width) {
        Object[] values = new Object[width];
        for (int i = 0; i < inputWidth; i++) {
            values[i] = in.get(i);
        }
        String text = in.getString(textIndex);
        if (text == null) {
            return RowFactory.create(values);
        }
        Encoding e = tokenizer.encode(text, addSpecialTokens);
        int at = inputWidth;
        values[at++] = e.ids();
        if (mask) {
            values[at++] = e.attentionMask();
        }
        if (offsets != null) {
            Offsets o = e.offsets(offsets);
            Row[] spans = new Row[o.size()];
            for (int i = 0; i < spans.length; i++) {
                spans[i] = RowFactory.create(o.start(i), o.end(i));
            }
            values[at++] = spans;
        }
        if (count) {
            values[at] = e.size();
        }
        return RowFactory.create(values);
    }
}
