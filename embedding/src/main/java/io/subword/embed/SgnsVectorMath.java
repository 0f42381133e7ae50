package io.subword.embed;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two vector loops of {@link SgnsKernel} written with the Vector API ({@code jdk.incubator.vector}, an incubator
 * module on Java 17): C2 does not turn a float dot product into SIMD code by itself (Java's strict order of float
 * additions forbids reassociating the sum), so the scalar kernel is about half as fast as BLAS-backed gensim.
 *
 * <p>Loaded only when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * ({@link SgnsKernel#VECTOR_API}); nothing else may refer to this class. Lanes are summed in a fixed order, so
 * one thread still gives the same result on every run on the same machine.
 */
final class SgnsVectorMath {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private SgnsVectorMath() {
    }

    /** {@code sum x[xi + k] * y[yi + k]} for {@code k < n}. */
    static float dot(float[] x, int xi, float[] y, int yi, int n) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += SPECIES.length()) {
            sum = FloatVector.fromArray(SPECIES, x, xi + k).fma(FloatVector.fromArray(SPECIES, y, yi + k), sum);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) {
            s += x[xi + k] * y[yi + k];
        }
        return s;
    }

    /**
     * The dot products of {@code x}'s row with three rows at once, into {@code out[o, o + 3)}: each summed exactly as
     * {@link #dot} sums it, with three independent chains of fused multiply-adds in flight instead of one.
     */
    static void dot3(float[] x, int xi, float[] a, int ai, float[] b, int bi, float[] c, int ci, int n,
                     float[] out, int o) {
        FloatVector sa = FloatVector.zero(SPECIES);
        FloatVector sb = sa;
        FloatVector sc = sa;
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += SPECIES.length()) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, xi + k);
            sa = xv.fma(FloatVector.fromArray(SPECIES, a, ai + k), sa);
            sb = xv.fma(FloatVector.fromArray(SPECIES, b, bi + k), sb);
            sc = xv.fma(FloatVector.fromArray(SPECIES, c, ci + k), sc);
        }
        float ra = sa.reduceLanes(VectorOperators.ADD);
        float rb = sb.reduceLanes(VectorOperators.ADD);
        float rc = sc.reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) {
            float xk = x[xi + k];
            ra += xk * a[ai + k];
            rb += xk * b[bi + k];
            rc += xk * c[ci + k];
        }
        out[o] = ra;
        out[o + 1] = rb;
        out[o + 2] = rc;
    }

    /**
     * {@code err += g * out; out += g * in} over {@code n} values, {@code out} read before its update (word2vec's
     * two loops in one pass).
     */
    static void update(float[] in, int ii, float[] out, int oi, float[] err, int ei, float g, int n) {
        FloatVector gv = FloatVector.broadcast(SPECIES, g);
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += SPECIES.length()) {
            FloatVector o = FloatVector.fromArray(SPECIES, out, oi + k);
            o.fma(gv, FloatVector.fromArray(SPECIES, err, ei + k)).intoArray(err, ei + k);
            FloatVector.fromArray(SPECIES, in, ii + k).fma(gv, o).intoArray(out, oi + k);
        }
        for (; k < n; k++) {
            float o = out[oi + k];
            err[ei + k] += g * o;
            out[oi + k] = o + g * in[ii + k];
        }
    }

    /** {@code x[xi + k] += y[yi + k]} for {@code k < n}. */
    static void add(float[] x, int xi, float[] y, int yi, int n) {
        int k = 0;
        for (int bound = SPECIES.loopBound(n); k < bound; k += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, xi + k).add(FloatVector.fromArray(SPECIES, y, yi + k))
                    .intoArray(x, xi + k);
        }
        for (; k < n; k++) {
            x[xi + k] += y[yi + k];
        }
    }
}
