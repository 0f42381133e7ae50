package io.subword.embed;
import io.subword.vocab.Require;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sinusoidal positional encoding of "Attention is all you need":
 * {@code PE(pos, 2i) = sin(pos / 10000^(2i/d))} and {@code PE(pos, 2i+1) = cos(pos / 10000^(2i/d))}, for
 * positions {@code 0..maxLen-1} and components {@code 0..d-1} (an odd {@code d} ends with a sine).
 *
 * <p>Each value is computed in {@code double} and stored as the nearest {@code float}. Instances are immutable;
 * {@link #sinusoidal} computes a {@code (maxLen, dim)} table once and hands the same instance to every caller
 * from a small thread-safe cache, so model code may ask for it per batch.
 */
public final class PositionalEncoding {
    /** How many distinct {@code (maxLen, dim)} tables the cache keeps (least recently used go first). */
    static final int CACHE_SIZE = 8;

    private static final Map<Long, PositionalEncoding> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PositionalEncoding> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final int maxLen;
    private final int dim;
    private final float[] values;

    private PositionalEncoding(int maxLen, int dim) {
        this.maxLen = maxLen;
        this.dim = dim;
        this.values = new float[Math.multiplyExact(maxLen, dim)];
        // The inverse frequencies depend on the component only; compute them once in double.
        double[] inverseFrequency = new double[dim];
        for (int j = 0; j < dim; j++) {
            int twoI = j - (j & 1);
            inverseFrequency[j] = 1.0 / Math.pow(10000.0, (double) twoI / dim);
        }
        for (int pos = 0; pos < maxLen; pos++) {
            int base = pos * dim;
            for (int j = 0; j < dim; j++) {
                double angle = pos * inverseFrequency[j];
                values[base + j] = (float) ((j & 1) == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
    }

    /**
     * The encoding of positions {@code 0..maxLen-1} with {@code dim} components, shared through the cache.
     *
     * @throws IllegalArgumentException if {@code maxLen < 1}, {@code dim < 1} or the table would exceed
     *                                  {@code Integer.MAX_VALUE} values
     */
    public static PositionalEncoding sinusoidal(int maxLen, int dim) {
        Require.atLeast("maxLen", maxLen, 1);
        Require.atLeast("dim", dim, 1);
        if ((long) maxLen * dim > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxLen " + maxLen + " x dim " + dim + " is too large");
        }
        Long key = ((long) maxLen << 32) | dim;
        synchronized (CACHE) {
            PositionalEncoding pe = CACHE.get(key);
            if (pe == null) {
                pe = new PositionalEncoding(maxLen, dim);
                CACHE.put(key, pe);
            }
            return pe;
        }
    }

    public int maxLen() {
        return maxLen;
    }

    public int dim() {
        return dim;
    }

    /** {@code PE(pos, j)}. */
    public float get(int pos, int j) {
        checkPosition(pos);
        if (j < 0 || j >= dim) {
            throw new IndexOutOfBoundsException("component " + j + " outside [0, " + dim + ")");
        }
        return values[pos * dim + j];
    }

    /** A copy of the encoding of {@code pos}. */
    public float[] row(int pos) {
        checkPosition(pos);
        float[] out = new float[dim];
        System.arraycopy(values, pos * dim, out, 0, dim);
        return out;
    }

    /** Adds the encoding of {@code pos} to {@code out[offset, offset+dim)}. */
    public void addTo(int pos, float[] out, int offset) {
        checkPosition(pos);
        int base = pos * dim;
        for (int j = 0; j < dim; j++) {
            out[offset + j] += values[base + j];
        }
    }

    private void checkPosition(int pos) {
        if (pos < 0 || pos >= maxLen) {
            throw new IndexOutOfBoundsException("position " + pos + " outside [0, " + maxLen + ")");
        }
    }
}
