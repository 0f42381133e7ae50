package io.subword.embed;
import io.subword.vocab.Require;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A {@code rows x dim} matrix of floats, one row per token id, stored row-major in one flat {@code float[]}
 * (row {@code id} is {@code data()[id*dim .. id*dim+dim)}), the layout of a NumPy C-order {@code float32}
 * matrix and of PyTorch's {@code nn.Embedding.weight}.
 *
 * <p>The table is a thin view over its array: {@link #data()} is the backing array itself, not a copy, so a
 * trainer can update it in place. Lookups write into buffers the caller owns, so a model can reuse one buffer
 * per batch. Reading from several threads is safe once nobody writes.
 */
public final class EmbeddingTable {
    /** Lookups that need a positional encoding ask the cache for at least this many positions. */
    private static final int MIN_POSITIONS = 512;

    private final int rows;
    private final int dim;
    private final float[] data;

    private EmbeddingTable(int rows, int dim, float[] data) {
        this.rows = rows;
        this.dim = dim;
        this.data = data;
    }

    /** A table of zeros. */
    public static EmbeddingTable zeros(int rows, int dim) {
        checkShape(rows, dim);
        return new EmbeddingTable(rows, dim, new float[rows * dim]);
    }

    /**
     * A table over {@code data} (not copied), which must hold exactly {@code rows * dim} values, row-major.
     *
     * @throws IllegalArgumentException if the shape is negative or does not match the array length
     */
    public static EmbeddingTable wrap(int rows, int dim, float[] data) {
        checkShape(rows, dim);
        Objects.requireNonNull(data, "data");
        if (data.length != rows * dim) {
            throw new IllegalArgumentException("a " + rows + " x " + dim + " table needs " + rows * dim
                    + " values, got " + data.length);
        }
        return new EmbeddingTable(rows, dim, data);
    }

    /**
     * A table filled by {@code scheme} from a {@link SplittableRandom} seeded with {@code seed}, in row-major
     * order: the same arguments give the same table bit for bit.
     */
    public static EmbeddingTable initialized(int rows, int dim, Initialization scheme, long seed) {
        checkShape(rows, dim);
        float[] data = new float[rows * dim];
        SplittableRandom random = new SplittableRandom(seed);
        switch (scheme) {
            case ZEROS -> {
            }
            case WORD2VEC_UNIFORM -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) ((random.nextDouble() - 0.5) / dim);
                }
            }
            case NORMAL_SCALED -> {
                double std = 1.0 / Math.sqrt(dim);
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * std);
                }
            }
            case XAVIER_UNIFORM -> {
                double bound = Math.sqrt(6.0 / ((double) rows + dim));
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) ((2 * random.nextDouble() - 1) * bound);
                }
            }
        }
        return new EmbeddingTable(rows, dim, data);
    }

    private static void checkShape(int rows, int dim) {
        Require.notNegative("rows", rows);
        Require.atLeast("dim", dim, 1);
        if ((long) rows * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a " + rows + " x " + dim + " table does not fit in one array");
        }
    }

    public int rows() {
        return rows;
    }

    public int dim() {
        return dim;
    }

    /** The backing array itself (row-major, {@code rows * dim} values); writes change the table. */
    public float[] data() {
        return data;
    }

    /** A copy of row {@code id}. */
    public float[] row(int id) {
        float[] out = new float[dim];
        row(id, out, 0);
        return out;
    }

    /** Copies row {@code id} to {@code out[offset, offset+dim)}. */
    public void row(int id, float[] out, int offset) {
        checkId(id);
        System.arraycopy(data, id * dim, out, offset, dim);
    }

    /**
     * Copies the rows of {@code ids} one after another into {@code out}, which must hold at least
     * {@code ids.length * dim} values: {@code out[t*dim + j] = row(ids[t])[j]}.
     *
     * @throws IndexOutOfBoundsException naming the first id outside {@code [0, rows)}
     */
    public void lookup(int[] ids, float[] out) {
        lookup(ids, 0, ids.length, out, 0);
    }

    /** The rows of {@code ids[from, to)} into {@code out} starting at {@code outOffset}. */
    public void lookup(int[] ids, int from, int to, float[] out, int outOffset) {
        Objects.checkFromToIndex(from, to, ids.length);
        Objects.checkFromIndexSize(outOffset, (to - from) * dim, out.length);
        int at = outOffset;
        for (int t = from; t < to; t++) {
            int id = ids[t];
            checkId(id);
            System.arraycopy(data, id * dim, out, at, dim);
            at += dim;
        }
    }

    /**
     * The Transformer input representation of a sequence: {@code out[t*dim + j] = row(ids[t])[j] * sqrt(dim)
     * + PE(t, j)} with the sinusoidal {@link PositionalEncoding}, positions counted from 0.
     */
    public void inputRepresentation(int[] ids, float[] out) {
        inputRepresentation(ids, 0, ids.length, out, 0);
    }

    /**
     * The input representation of {@code ids[from, to)} (positions 0, 1, ... from {@code ids[from]}) into
     * {@code out} starting at {@code outOffset}.
     */
    public void inputRepresentation(int[] ids, int from, int to, float[] out, int outOffset) {
        lookup(ids, from, to, out, outOffset);
        int n = to - from;
        if (n == 0) {
            return;
        }
        PositionalEncoding pe = PositionalEncoding.sinusoidal(Math.max(MIN_POSITIONS, ceilPowerOfTwo(n)), dim);
        float scale = (float) Math.sqrt(dim);
        for (int t = 0; t < n; t++) {
            int base = outOffset + t * dim;
            for (int j = 0; j < dim; j++) {
                out[base + j] *= scale;
            }
            pe.addTo(t, out, base);
        }
    }

    private static int ceilPowerOfTwo(int n) {
        int p = Integer.highestOneBit(n);
        return p == n || p == 1 << 30 ? p : p << 1;
    }

    private void checkId(int id) {
        if (id < 0 || id >= rows) {
            throw new IndexOutOfBoundsException("id " + id + " outside the table's rows [0, " + rows + ")");
        }
    }

    /** A deep copy. */
    public EmbeddingTable copy() {
        return new EmbeddingTable(rows, dim, data.clone());
    }

    /** Same shape and the same float bits in every cell. */
    public boolean contentEquals(EmbeddingTable other) {
        return other != null && rows == other.rows && dim == other.dim && Arrays.equals(data, other.data);
    }

    @Override
    public String toString() {
        return "EmbeddingTable[" + rows + " x " + dim + "]";
    }
}
