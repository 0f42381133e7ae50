package io.subword.embed;

import java.util.SplittableRandom;

/**
 * Principal components of a set of rows of an {@link EmbeddingTable}: the mean row and the {@code k} directions
 * of largest variance around it, by power iteration with deflation on the {@code dim x dim} covariance matrix (in
 * double; {@code k} is small, a few components for a map or for "all-but-the-top").
 *
 * <pre>{@code
 * Pca pca = Pca.fit(table, rows, 2);
 * double[] xy = pca.project(table.row(id));      // 2-D coordinates for a map
 * }</pre>
 *
 * Deterministic: the same rows give the same components. Immutable.
 */
public final class Pca {
    private static final int ITERATIONS = 300;

    private final double[] mean;
    private final double[][] components;
    private final double[] variances;

    private Pca(double[] mean, double[][] components, double[] variances) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
    }

    /**
     * The mean and the top {@code k} components of the rows {@code r} of {@code table} for which {@code rows[r]}
     * holds.
     *
     * @throws IllegalArgumentException if no row is chosen, or {@code k} is not in {@code [0, dim]}
     */
    public static Pca fit(EmbeddingTable table, boolean[] rows, int k) {
        int dim = table.dim();
        if (k < 0 || k > dim) {
            throw new IllegalArgumentException("components must be in [0, " + dim + "], got " + k);
        }
        float[] data = table.data();
        double[] mean = new double[dim];
        int n = 0;
        for (int r = 0; r < table.rows(); r++) {
            if (rows[r]) {
                n++;
                for (int j = 0; j < dim; j++) {
                    mean[j] += data[r * dim + j];
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no row to fit");
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[dim][dim];
        double[] x = new double[dim];
        for (int r = 0; r < table.rows(); r++) {
            if (!rows[r]) {
                continue;
            }
            for (int j = 0; j < dim; j++) {
                x[j] = data[r * dim + j] - mean[j];
            }
            for (int a = 0; a < dim; a++) {
                double xa = x[a];
                double[] row = cov[a];
                for (int b = a; b < dim; b++) {
                    row[b] += xa * x[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] components = new double[k][];
        double[] variances = new double[k];
        SplittableRandom random = new SplittableRandom(42);
        for (int c = 0; c < k; c++) {
            double[] v = new double[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = random.nextDouble() - 0.5;
            }
            normalize(v);
            double lambda = 0;
            for (int it = 0; it < ITERATIONS; it++) {
                double[] w = multiply(cov, v);
                lambda = dot(v, w);
                if (normalize(w) == 0) {
                    break; // nothing left: the rest of the variance is zero
                }
                v = w;
            }
            // A fixed sign (the largest entry positive), so a map does not flip between runs.
            int largest = 0;
            for (int j = 1; j < dim; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < dim; j++) {
                    v[j] = -v[j];
                }
            }
            components[c] = v;
            variances[c] = lambda;
            for (int a = 0; a < dim; a++) { // deflate
                for (int b = 0; b < dim; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        return new Pca(mean, components, variances);
    }

    /** The mean of the fitted rows. */
    public double[] mean() {
        return mean.clone();
    }

    /** Component {@code c} (unit length), largest variance first. */
    public double[] component(int c) {
        return components[c].clone();
    }

    /** The variance of the fitted rows along component {@code c}. */
    public double variance(int c) {
        return variances[c];
    }

    public int components() {
        return components.length;
    }

    /** The coordinates of {@code v} - mean along each component. */
    public double[] project(float[] v) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            for (int j = 0; j < mean.length; j++) {
                s += (v[j] - mean[j]) * components[c][j];
            }
            out[c] = s;
        }
        return out;
    }

    /**
     * "All-but-the-top" (Mu and Viswanath 2018): {@code v} minus the mean, minus its projections on the
     * components. Skip-gram vectors share a common direction and a few dominant ones (mostly word frequency), so
     * raw cosines are all high; without them the cosine measures what words share beyond that.
     */
    public float[] removeTop(float[] v) {
        double[] x = new double[mean.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = v[j] - mean[j];
        }
        for (double[] u : components) {
            double p = dot(x, u);
            for (int j = 0; j < x.length; j++) {
                x[j] -= p * u[j];
            }
        }
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = (float) x[j];
        }
        return out;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < v.length; a++) {
            out[a] = dot(m[a], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double normalize(double[] v) {
        double n = Math.sqrt(dot(v, v));
        if (n > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        }
        return n;
    }
}
