package io.subword;

import io.subword.post.Padding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;

/**
 * A batch of encodings as the rectangular tensors a Transformer takes: {@code input_ids}, {@code attention_mask}
 * and {@code token_type_ids}, each {@code rows x columns} in row-major order (row {@code r}, column {@code c} is
 * element {@code r * columns + c}), padded to the batch's longest encoding or to a fixed length.
 *
 * <pre>{@code
 * BatchEncoding batch = BatchEncoding.of(tokenizer.encodeBatch(texts));
 * OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIdsBuffer(), batch.shape());
 * }</pre>
 *
 * <p>The arrays ({@link #inputIds()}, {@link #inputIdsInt()}, ...) are fresh copies the caller may change. The
 * buffers ({@link #inputIdsBuffer()}, ...) are new direct buffers in the platform's byte order, filled with one
 * bulk copy: ONNX Runtime, DJL and TensorFlow Java hand such a buffer to native code as it is, while a heap
 * buffer or an array would be copied again on their side. Immutable and thread-safe.
 */
public final class BatchEncoding {
    private final int rows;
    private final int columns;
    private final int[] ids;
    private final int[] mask;
    private final int[] types;

    private BatchEncoding(int rows, int columns, int[] ids, int[] mask, int[] types) {
        this.rows = rows;
        this.columns = columns;
        this.ids = ids;
        this.mask = mask;
        this.types = types;
    }

    /**
     * The encodings padded on the right to the longest of them with id 0, type id 0 and attention 0 (BERT's
     * {@code [PAD]} is id 0; use {@link #of(List, Padding)} for another pad id).
     */
    public static BatchEncoding of(List<Encoding> encodings) {
        return of(encodings, Padding.longest(0, null));
    }

    /**
     * The encodings padded as {@code padding} says: to the batch's longest or to {@link Padding#length()}, then
     * up to a multiple of {@link Padding#padToMultipleOf()}, on the right or the left, with
     * {@link Padding#padId()} and {@link Padding#padTypeId()} and attention 0. Encodings that are already
     * padded keep their own masks and type ids.
     *
     * @throws IllegalArgumentException if an encoding is longer than the fixed length (naming its index);
     *                                  truncate first, e.g. with {@link Tokenizer#withTruncation}
     */
    public static BatchEncoding of(List<Encoding> encodings, Padding padding) {
        int rows = encodings.size();
        int columns;
        if (padding.strategy() == Padding.Strategy.FIXED) {
            columns = padding.length();
            for (int r = 0; r < rows; r++) {
                if (encodings.get(r).size() > columns) {
                    throw new IllegalArgumentException("encoding " + r + " has " + encodings.get(r).size()
                            + " tokens, more than the fixed length " + columns + "; truncate it first");
                }
            }
        } else {
            columns = 0;
            for (Encoding e : encodings) {
                columns = Math.max(columns, e.size());
            }
        }
        int multiple = padding.padToMultipleOf();
        if (multiple > 0 && columns % multiple != 0) {
            columns += multiple - columns % multiple;
        }
        long cells = (long) rows * columns;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + rows + " x " + columns + " tokens does not fit"
                    + " in one array");
        }
        int[] ids = new int[(int) cells];
        int[] mask = new int[(int) cells];
        int[] types = new int[(int) cells];
        boolean left = padding.direction() == Padding.Direction.LEFT;
        for (int r = 0; r < rows; r++) {
            Encoding e = encodings.get(r);
            int n = e.size();
            int row = r * columns;
            int pad = columns - n;
            int tokensAt = row + (left ? pad : 0);
            int padAt = row + (left ? 0 : n);
            System.arraycopy(e.ids(), 0, ids, tokensAt, n);
            System.arraycopy(e.attentionMask(), 0, mask, tokensAt, n);
            System.arraycopy(e.typeIds(), 0, types, tokensAt, n);
            java.util.Arrays.fill(ids, padAt, padAt + pad, padding.padId());
            java.util.Arrays.fill(types, padAt, padAt + pad, padding.padTypeId());
            // mask stays 0 over the padding
        }
        return new BatchEncoding(rows, columns, ids, mask, types);
    }

    /** The number of encodings (the batch size). */
    public int rows() {
        return rows;
    }

    /** The padded sequence length. */
    public int columns() {
        return columns;
    }

    /** {@code {rows, columns}}, the shape ONNX Runtime and DJL take with a flat buffer. */
    public long[] shape() {
        return new long[]{rows, columns};
    }

    public long[] inputIds() {
        return toLongs(ids);
    }

    public long[] attentionMask() {
        return toLongs(mask);
    }

    public long[] tokenTypeIds() {
        return toLongs(types);
    }

    public int[] inputIdsInt() {
        return ids.clone();
    }

    public int[] attentionMaskInt() {
        return mask.clone();
    }

    public int[] tokenTypeIdsInt() {
        return types.clone();
    }

    /** {@link #inputIds()} in a new direct buffer (native order, position 0, limit {@code rows * columns}). */
    public LongBuffer inputIdsBuffer() {
        return directLongs(ids);
    }

    public LongBuffer attentionMaskBuffer() {
        return directLongs(mask);
    }

    public LongBuffer tokenTypeIdsBuffer() {
        return directLongs(types);
    }

    /** {@link #inputIdsInt()} in a new direct buffer, for models that take int32 ids. */
    public IntBuffer inputIdsIntBuffer() {
        return directInts(ids);
    }

    public IntBuffer attentionMaskIntBuffer() {
        return directInts(mask);
    }

    public IntBuffer tokenTypeIdsIntBuffer() {
        return directInts(types);
    }

    /** The number of real (attended) tokens in row {@code row}. */
    public int length(int row) {
        int n = 0;
        for (int c = row * columns, end = c + columns; c < end; c++) {
            n += mask[c];
        }
        return n;
    }

    private static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static LongBuffer directLongs(int[] values) {
        LongBuffer buffer = ByteBuffer.allocateDirect(values.length * Long.BYTES).order(ByteOrder.nativeOrder())
                .asLongBuffer();
        buffer.put(toLongs(values)).flip();
        return buffer;
    }

    private static IntBuffer directInts(int[] values) {
        IntBuffer buffer = ByteBuffer.allocateDirect(values.length * Integer.BYTES).order(ByteOrder.nativeOrder())
                .asIntBuffer();
        buffer.put(values).flip();
        return buffer;
    }

    @Override
    public String toString() {
        return "BatchEncoding[" + rows + " x " + columns + "]";
    }
}
