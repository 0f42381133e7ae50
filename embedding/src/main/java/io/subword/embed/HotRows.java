package io.subword.embed;

/**
 * One worker's private copies of the {@code rows} most frequent rows of the shared input and output tables, merged
 * back every few thousand tokens: the worker trains on its copies, and {@link #merge} adds what it changed since
 * the last merge to the shared rows and takes up what the other workers added meanwhile.
 *
 * <p>Why: under Hogwild the two workers write the same frequent rows all the time, and each such write moves the
 * row's cache lines from the other core. How much that costs is up to the machine: on this project's two-core
 * virtual machine the round trip of a cache line between the cores is 70-100 ns in some periods and 500 ns in
 * others (the hypervisor places the two virtual cores near each other or not, and moves them while a process
 * runs), and in the slow periods 2-thread training took 2.2 to 2.5 times the CPU time per token. The frequent rows
 * are the ones worth keeping in a core's own cache; with private copies only the merges cross between the cores.
 *
 * <p>The copies hold row {@code r} at {@code PAD + r * dim} ({@link SgnsKernel#PAD} cells before and after, so
 * nothing else shares their cache lines). A worker sees the others' changes to these rows at its merges instead of
 * at once: a delay of at most {@code mergeEvery} tokens of its own and the others', against Hogwild's "whenever
 * the cache line arrives".
 */
final class HotRows {
    final int rows;
    final float[] input;
    final float[] output;
    private final float[] inputBase;
    private final float[] outputBase;
    private final int dim;

    /** Copies of rows {@code [0, rows)} of {@code syn0} and {@code syn1}. */
    HotRows(int rows, int dim, float[] syn0, float[] syn1) {
        this.rows = rows;
        this.dim = dim;
        int n = rows * dim + 2 * SgnsKernel.PAD;
        input = new float[n];
        output = new float[n];
        inputBase = new float[n];
        outputBase = new float[n];
        System.arraycopy(syn0, 0, input, SgnsKernel.PAD, rows * dim);
        System.arraycopy(syn1, 0, output, SgnsKernel.PAD, rows * dim);
        System.arraycopy(input, 0, inputBase, 0, n);
        System.arraycopy(output, 0, outputBase, 0, n);
    }

    /** Adds this worker's changes since the last merge to the shared rows and copies them back. */
    void merge(float[] syn0, float[] syn1) {
        merge(syn0, input, inputBase);
        merge(syn1, output, outputBase);
    }

    private void merge(float[] shared, float[] copy, float[] base) {
        final int n = rows * dim;
        final int pad = SgnsKernel.PAD;
        for (int i = 0; i < n; i++) {
            float merged = shared[i] + (copy[pad + i] - base[pad + i]);
            shared[i] = merged;
            copy[pad + i] = merged;
            base[pad + i] = merged;
        }
    }
}
