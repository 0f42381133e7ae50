package io.subword.normalize;

import java.util.Arrays;

/**
 * NFD, NFKD, NFC and NFKC as Hugging Face tokenizers computes them, alignments included: the Unicode 9.0
 * tables of {@link HfUnicode}, and the change per output character that the crate
 * {@code unicode-normalization-alignments} reports, applied by {@link Transform}.
 *
 * <ul>
 *   <li>Decomposition: each character's full decomposition; its first part replaces the character, the others
 *       are inserted. Between two starters (combining class 0) the parts are put in canonical order by a
 *       stable sort on the combining class; the sort is a counting sort, so a run of a million marks costs
 *       linear time.</li>
 *   <li>Composition: the standard algorithm over the decomposed stream (a mark composes with the last
 *       starter unless a mark of the same or a higher class stands between them); a composite of two items
 *       with changes {@code a} and {@code b} has change {@code a + b - 1}.</li>
 * </ul>
 * Text whose characters the form leaves alone (per {@link HfUnicode#flags}) is returned as it is, in one scan.
 */
final class UnicodeForms {
    private UnicodeForms() {
    }

    /** The four forms: compatibility or canonical decomposition, then composition or not. */
    enum Form {
        NFD(false, false), NFC(false, true), NFKD(true, false), NFKC(true, true);

        final boolean compat;
        final boolean compose;

        Form(boolean compat, boolean compose) {
            this.compat = compat;
            this.compose = compose;
        }
    }

    static NormalizedText normalize(NormalizedText input, Form form) {
        boolean compat = form.compat;
        boolean compose = form.compose;
        String s = input.text();
        int n = s.length();
        int inert = compose ? (compat ? HfUnicode.INERT_NFKC : HfUnicode.INERT_NFC)
                : (compat ? HfUnicode.INERT_NFKD : HfUnicode.INERT_NFD);
        int first = 0;
        while (first < n && (HfUnicode.flags(s.charAt(first)) & inert) != 0) {
            first++;
        }
        if (first == n) {
            return input;
        }
        // the character before the first one the form changes may compose or reorder with it
        int restart = first;
        if (restart > 0) {
            restart--;
        }
        Transform t = new Transform(input);
        t.copyTo(restart);
        Sink sink = compose ? new Composer(t) : new Direct(t);
        Decomposer d = new Decomposer(compat, sink);
        for (int i = restart; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            d.feed(cp);
        }
        d.finish();
        sink.finish();
        return t.build();
    }

    /** Receives the decomposed stream: code points with their changes. */
    private interface Sink {
        void accept(int cp, int change);

        void finish();
    }

    /** Decomposition forms: straight to the transform. */
    private static final class Direct implements Sink {
        private final Transform t;

        Direct(Transform t) {
            this.t = t;
        }

        @Override
        public void accept(int cp, int change) {
            t.emit(cp, change);
        }

        @Override
        public void finish() {
        }
    }

    /**
     * Decomposes input characters (read ahead of the transform's cursor) and passes the parts on in canonical
     * order, one starter-to-starter run at a time.
     */
    private static final class Decomposer {
        private final boolean compat;
        private final Sink sink;
        private final int[] parts = new int[HfUnicode.MAX_DECOMPOSITION];
        private int[] cps = new int[16];
        private int[] ccc = new int[16];
        private int[] change = new int[16];
        private int size;
        private final CanonicalOrder canonical = new CanonicalOrder();

        Decomposer(boolean compat, Sink sink) {
            this.compat = compat;
            this.sink = sink;
        }

        void feed(int cp) {
            int k = HfUnicode.decompose(cp, compat, parts, 0);
            for (int i = 0; i < k; i++) {
                int c = parts[i];
                int cls = HfUnicode.ccc(c);
                if (cls == 0) {
                    flush();
                }
                if (size == cps.length) {
                    cps = Arrays.copyOf(cps, size * 2);
                    ccc = Arrays.copyOf(ccc, size * 2);
                    change = Arrays.copyOf(change, size * 2);
                }
                cps[size] = c;
                ccc[size] = cls;
                change[size] = i == 0 ? 0 : 1;
                size++;
            }
        }

        void finish() {
            flush();
        }

        private void flush() {
            // the run is at most one starter and the marks after it; the order carries each part's change along
            int[] order = size > 1 ? canonical.order(ccc, size) : null;
            for (int i = 0; i < size; i++) {
                int k = order == null ? i : order[i];
                sink.accept(cps[k], change[k]);
            }
            size = 0;
        }
    }

    /**
     * Canonical composition over the decomposed stream, state for state as the reference's iterator, so the
     * same changes come out: the last starter ({@code composee}) waits for marks that may compose with it;
     * marks that do not are held back until a starter ends the run.
     */
    private static final class Composer implements Sink {
        private final Transform t;
        private int composee = -1;
        private int composeeChange;
        /** Class of the last held-back mark, -1 when none is held since the composee. */
        private int lastCcc = -1;
        private int[] heldCp = new int[8];
        private int[] heldChange = new int[8];
        private int held;

        Composer(Transform t) {
            this.t = t;
        }

        @Override
        public void accept(int cp, int change) {
            int cls = HfUnicode.ccc(cp);
            if (composee < 0) {
                if (cls != 0) {
                    t.emit(cp, change);
                } else {
                    composee = cp;
                    composeeChange = change;
                }
                return;
            }
            if (lastCcc >= 0 && lastCcc >= cls) {
                // blocked from the composee
                if (cls == 0) {
                    t.emit(composee, composeeChange);
                    releaseHeld();
                    composee = cp;
                    composeeChange = change;
                    lastCcc = -1;
                } else {
                    hold(cp, change);
                    lastCcc = cls;
                }
                return;
            }
            int composite = HfUnicode.compose(composee, cp);
            if (composite >= 0) {
                composee = composite;
                composeeChange = composeeChange + change - 1;
                return;
            }
            if (lastCcc < 0 && cls == 0) {
                t.emit(composee, composeeChange);
                composee = cp;
                composeeChange = change;
                return;
            }
            hold(cp, change);
            lastCcc = cls;
        }

        private void hold(int cp, int change) {
            if (held == heldCp.length) {
                heldCp = Arrays.copyOf(heldCp, held * 2);
                heldChange = Arrays.copyOf(heldChange, held * 2);
            }
            heldCp[held] = cp;
            heldChange[held] = change;
            held++;
        }

        private void releaseHeld() {
            for (int i = 0; i < held; i++) {
                t.emit(heldCp[i], heldChange[i]);
            }
            held = 0;
        }

        @Override
        public void finish() {
            if (composee >= 0) {
                t.emit(composee, composeeChange);
                composee = -1;
            }
            releaseHeld();
        }
    }
}
