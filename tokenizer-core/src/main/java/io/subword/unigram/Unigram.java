package io.subword.unigram;

import io.subword.model.Model;
import io.subword.model.SubwordSampling;
import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The Unigram language model of SentencePiece and Hugging Face tokenizers: every piece has a score (a log
 * probability), and a word is split into the pieces whose scores sum highest, found by Viterbi over the lattice
 * of all pieces that occur in it (looked up in a trie).
 *
 * <p>Two flavours, because the two libraries differ in details that change ids on real text:
 * <ul>
 *   <li>{@link #of} is Hugging Face's {@code Unigram}: every piece can match; scores are summed in
 *       {@code double}; an unknown character scores the lowest score minus 10; consecutive unknown characters
 *       are fused into one token, looked up as a whole, else split into {@code <0xNN>} byte pieces when
 *       {@code byteFallback} is on and all of them exist, else the unknown token;</li>
 *   <li>{@link #sentencePiece} is SentencePiece's own encoder (0.1.97, the optimized one): only normal and
 *       user-defined pieces match, unused ones are skipped, a user-defined piece scores
 *       {@code length_in_bytes * max_score - 0.1} so that it wins, scores are summed in {@code float}, the
 *       unknown score is the lowest <em>normal</em> score minus 10, and a run of unknown characters is one
 *       unknown token (or its UTF-8 bytes with byte fallback).</li>
 * </ul>
 * Offsets are Hugging Face's: each token covers its piece; the byte pieces of an unknown run all cover the
 * whole run. With no unknown token and no byte pieces, an unknown run gives no token (Hugging Face fails there;
 * encoding here never throws).
 *
 * <p>Sampling ({@link #withSampling}) draws a segmentation instead of the best one; see {@link SubwordSampling}.
 * Immutable and thread-safe.
 */
public final class Unigram implements Model {
    /** The score penalty of an unknown character below the lowest piece score, as in both libraries. */
    public static final double UNKNOWN_PENALTY = 10.0;

    private final List<String> pieces;
    private final double[] scores;
    private final PieceType[] types;
    private final int unkId;
    private final boolean byteFallback;
    private final Vocabulary vocabulary;
    private final SubwordSampling sampling;

    // what the lattice reads
    final PieceTrie trie;
    final double[] latticeScores;
    /** Per id, whether SentencePiece sums its score in double rather than float (user-defined pieces). */
    final boolean[] exactScores;
    final boolean floatSums;
    final double unkScore;
    private final int[] byteIds;
    private final ThreadLocal<Lattice> lattices = ThreadLocal.withInitial(Lattice::new);

    private Unigram(List<String> pieces, double[] scores, PieceType[] types, int unkId, boolean byteFallback,
                    SubwordSampling sampling, Unigram shareFrom) {
        this.pieces = pieces;
        this.scores = scores;
        this.types = types;
        this.unkId = unkId;
        this.byteFallback = byteFallback;
        this.sampling = sampling;
        this.floatSums = types != null;
        if (shareFrom != null) {
            this.vocabulary = shareFrom.vocabulary;
            this.trie = shareFrom.trie;
            this.latticeScores = shareFrom.latticeScores;
            this.exactScores = shareFrom.exactScores;
            this.unkScore = shareFrom.unkScore;
            this.byteIds = shareFrom.byteIds;
            return;
        }
        int n = pieces.size();
        String[] array = pieces.toArray(new String[0]);
        Map<String, Integer> map = new HashMap<>(n * 2);
        for (int id = 0; id < n; id++) {
            map.put(array[id], id); // the last of a repeated piece wins, as in Hugging Face's token map
        }
        this.vocabulary = map.size() == n ? Vocabulary.of(pieces) : Vocabulary.fromMap(map);
        this.latticeScores = scores.clone();
        if (types == null) {
            double min = Double.POSITIVE_INFINITY;
            for (double s : scores) {
                min = Math.min(min, s);
            }
            this.unkScore = n == 0 ? -UNKNOWN_PENALTY : min - UNKNOWN_PENALTY;
            this.exactScores = null;
            this.trie = PieceTrie.build(array, null);
        } else {
            // SentencePiece keeps scores as float: min/max over normal pieces, max starting at FLT_MIN
            float min = Float.MAX_VALUE;
            float max = Float.MIN_NORMAL;
            for (int id = 0; id < n; id++) {
                if (types[id] == PieceType.NORMAL) {
                    min = Math.min(min, (float) scores[id]);
                    max = Math.max(max, (float) scores[id]);
                }
            }
            this.unkScore = (float) (min - (float) UNKNOWN_PENALTY);
            this.exactScores = new boolean[n];
            boolean[] matchable = new boolean[n];
            for (int id = 0; id < n; id++) {
                latticeScores[id] = (float) scores[id];
                matchable[id] = types[id] == PieceType.NORMAL || types[id] == PieceType.USER_DEFINED;
                if (types[id] == PieceType.USER_DEFINED) {
                    int bytes = array[id].getBytes(StandardCharsets.UTF_8).length;
                    latticeScores[id] = (double) (bytes * max) - 0.1;
                    exactScores[id] = true;
                }
            }
            this.trie = PieceTrie.build(array, matchable);
        }
        this.byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            Integer id = map.get(bytePiece(b));
            byteIds[b] = id == null || (types != null && types[id] != PieceType.BYTE) ? -1 : id;
        }
    }

    /**
     * Hugging Face's Unigram model over {@code pieces} (ids are positions) with their {@code scores}.
     *
     * @param unkId        the id of the unknown piece, or -1 for none
     * @param byteFallback whether unknown characters become {@code <0xNN>} pieces
     * @throws IllegalArgumentException if the sizes differ, a score is NaN, or {@code unkId} is out of range
     */
    public static Unigram of(List<String> pieces, double[] scores, int unkId, boolean byteFallback) {
        List<String> copy = List.copyOf(pieces);
        check(copy, scores, unkId);
        return new Unigram(copy, scores.clone(), null, unkId, byteFallback, null, null);
    }

    /**
     * SentencePiece's Unigram encoder over {@code pieces} with their {@code scores} and {@code types}; the
     * unknown piece is the one of type {@link PieceType#UNKNOWN}.
     *
     * @throws IllegalArgumentException if the sizes differ, a score is NaN, or there is not exactly one
     *                                  unknown piece
     */
    public static Unigram sentencePiece(List<String> pieces, double[] scores, List<PieceType> types,
                                        boolean byteFallback) {
        List<String> copy = List.copyOf(pieces);
        if (types.size() != copy.size()) {
            throw new IllegalArgumentException(types.size() + " types for " + copy.size() + " pieces");
        }
        int unk = -1;
        for (int id = 0; id < types.size(); id++) {
            if (types.get(id) == PieceType.UNKNOWN) {
                if (unk >= 0) {
                    throw new IllegalArgumentException("two unknown pieces: ids " + unk + " and " + id);
                }
                unk = id;
            }
        }
        if (unk < 0) {
            throw new IllegalArgumentException("no piece has type UNKNOWN");
        }
        check(copy, scores, unk);
        return new Unigram(copy, scores.clone(), types.toArray(new PieceType[0]), unk, byteFallback, null, null);
    }

    private static void check(List<String> pieces, double[] scores, int unkId) {
        if (scores.length != pieces.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + pieces.size() + " pieces");
        }
        for (int id = 0; id < scores.length; id++) {
            if (Double.isNaN(scores[id])) {
                throw new IllegalArgumentException("piece " + id + " (" + Vocabulary.quote(pieces.get(id))
                        + ") has score NaN");
            }
        }
        if (unkId < -1 || unkId >= pieces.size()) {
            throw new IllegalArgumentException("unk_id " + unkId + " is not a piece id (0.." + (pieces.size() - 1)
                    + ")");
        }
    }

    /** {@code <0xNN>}, the piece of byte {@code b}. */
    public static String bytePiece(int b) {
        return String.format("<0x%02X>", b);
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out) {
        tokenize(text, start, end, out, null);
    }

    @Override
    public void tokenize(CharSequence text, int start, int end, TokenBuffer out, SplittableRandom random) {
        Objects.checkFromToIndex(start, end, text.length());
        if (start == end) {
            return;
        }
        Lattice lattice = lattices.get();
        if (sampling == null || random == null || sampling.alpha() == 0 && sampling.nbestSize() > 1
                || sampling.nbestSize() == 0 || sampling.nbestSize() == 1) {
            lattice.viterbi(this, text, start, end);
        } else if (sampling.nbestSize() < 0) {
            lattice.sample(this, text, start, end, sampling.alpha(), random);
        } else {
            lattice.sampleNBest(this, text, start, end, sampling.nbestSize(), sampling.alpha(), random);
        }
        emit(lattice, text, start, out);
        if (lattice.capacity() > 1 << 16) {
            lattices.remove(); // grown to one huge word; do not pin it to the thread
        }
    }

    /** Emits the path, fusing each run of unknown nodes into one token (or its bytes). */
    private void emit(Lattice l, CharSequence text, int start, TokenBuffer out) {
        int size = l.pathSize;
        for (int k = 0; k < size; k++) {
            int id = l.pathId[k];
            if (id != Lattice.UNKNOWN && id != unkId) {
                out.add(id, start + l.pathStart[k], start + l.pathEnd[k]);
                continue;
            }
            int runStart = start + l.pathStart[k];
            int last = k;
            while (last + 1 < size && (l.pathId[last + 1] == Lattice.UNKNOWN || l.pathId[last + 1] == unkId)) {
                last++;
            }
            int runEnd = start + l.pathEnd[last];
            k = last;
            emitUnknown(text, runStart, runEnd, out);
        }
    }

    private void emitUnknown(CharSequence text, int s, int e, TokenBuffer out) {
        if (types == null) {
            // Hugging Face looks the fused string up as a whole first
            int whole = trie.exact(text.subSequence(s, e));
            if (whole >= 0) {
                out.add(whole, s, e);
                return;
            }
        }
        if (byteFallback) {
            byte[] bytes = text.subSequence(s, e).toString().getBytes(StandardCharsets.UTF_8);
            boolean all = true;
            for (byte b : bytes) {
                all &= byteIds[b & 0xFF] >= 0;
            }
            if (all) {
                for (byte b : bytes) {
                    out.add(byteIds[b & 0xFF], s, e);
                }
                return;
            }
        }
        if (unkId >= 0) {
            out.add(unkId, s, e);
        }
    }

    /** A copy that samples as {@code sampling} says ({@link SubwordSampling.Kind#UNIGRAM}), or not for null. */
    @Override
    public Unigram withSampling(SubwordSampling sampling) {
        if (sampling != null && sampling.kind() != SubwordSampling.Kind.UNIGRAM) {
            throw new IllegalArgumentException("a Unigram model samples with SubwordSampling.unigram, not "
                    + sampling);
        }
        return new Unigram(pieces, scores, types, unkId, byteFallback, sampling, this);
    }

    /** The sampling in effect, or {@code null}. */
    public SubwordSampling sampling() {
        return sampling;
    }

    /** The pieces in id order. */
    public List<String> pieces() {
        return pieces;
    }

    public int size() {
        return pieces.size();
    }

    public String piece(int id) {
        return pieces.get(id);
    }

    public double score(int id) {
        return scores[id];
    }

    /** All scores in id order (a copy). */
    public double[] scores() {
        return scores.clone();
    }

    /** The SentencePiece type of piece {@code id}; for a Hugging Face model, NORMAL except the unknown piece. */
    public PieceType type(int id) {
        if (types != null) {
            return types[id];
        }
        return id == unkId ? PieceType.UNKNOWN : PieceType.NORMAL;
    }

    /** Whether this model encodes with SentencePiece's semantics ({@link #sentencePiece}). */
    public boolean sentencePieceSemantics() {
        return types != null;
    }

    /** The id of the unknown piece, or -1. */
    public int unkId() {
        return unkId;
    }

    @Override
    public int unknownId() {
        return unkId;
    }

    public boolean byteFallback() {
        return byteFallback;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The pieces of the given types, e.g. the user-defined ones. */
    public List<String> piecesOfType(PieceType type) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < pieces.size(); id++) {
            if (type(id) == type) {
                out.add(pieces.get(id));
            }
        }
        return out;
    }

    @Override
    public String type() {
        return "Unigram";
    }

    @Override
    public String toString() {
        return "Unigram[" + pieces.size() + " pieces, unk_id=" + unkId + ", byte_fallback=" + byteFallback
                + (types != null ? ", SentencePiece" : "") + (sampling != null ? ", " + sampling : "") + "]";
    }
}
