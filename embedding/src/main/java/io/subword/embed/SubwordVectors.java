package io.subword.embed;

import io.subword.Tokenizer;
import io.subword.vocab.Require;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Word vectors composed from subword vectors: a trained {@link EmbeddingTable} whose rows are the token ids of a
 * {@link Tokenizer}. A word's vector is the mean of the vectors of its pieces, as fastText composes a word from
 * its character n-grams, so a word never seen in training still gets a vector from the pieces it shares with
 * seen words.
 *
 * <p>Pieces that carry no meaning are left out of the mean and out of every search: special tokens
 * ({@link Tokenizer#isSpecial}), the model's unknown token ({@code [UNK]}), and rows that are all zeros (tokens
 * the trainer never saw). A word made only of such pieces has no vector ({@link #findVector} is empty,
 * {@link #vector} throws, saying so).
 *
 * <p>Three ways in, none of which can pair a row with the wrong token:
 * <ul>
 *   <li>{@link #load(Path, Tokenizer)}: an embedding file ({@code .vec}, {@code .bin}, {@code .npy}); rows are
 *       matched to ids <em>by their token</em>, so the file may list them in any order;</li>
 *   <li>{@link #of(Tokenizer, TokenEmbeddings)}: the same from rows already read;</li>
 *   <li>{@link #trained(Tokenizer, SkipGramResult)}: what {@link SkipGramTrainer} made with this tokenizer,
 *       whose rows are its ids by construction.</li>
 * </ul>
 * The file's tokens and the vocabulary must be the same set: otherwise the vectors belong to another tokenizer,
 * and loading fails saying how many tokens differ on each side, with examples.
 *
 * <p>Row norms are computed once; the instance is immutable (as long as nobody writes to the table) and
 * thread-safe.
 */
public final class SubwordVectors {
    private final Tokenizer tokenizer;
    private final EmbeddingTable table;
    private final int dim;
    private final float[] norms;
    /** Rows that may appear in a mean and in search results. */
    private final boolean[] usable;
    private final int unkId;

    /** How many tokens an error message shows of those that differ. */
    static final int EXAMPLES = 3;

    /**
     * Reads an embedding file in the format its name says ({@link EmbeddingFormat#forFile}) and matches its rows
     * to {@code tokenizer}'s ids by token, as {@link #of(Tokenizer, TokenEmbeddings)}.
     *
     * @throws InputFormatException if the file is malformed, a token repeats (naming both rows), or the file's
     *                              tokens are not the vocabulary's (how many differ on each side, with examples)
     * @throws IOException          if the file cannot be read
     */
    public static SubwordVectors load(Path vectorsFile, Tokenizer tokenizer) throws InputFormatException, IOException {
        return load(vectorsFile, EmbeddingFormat.forFile(vectorsFile), tokenizer);
    }

    /** {@link #load(Path, Tokenizer)} in a given format, whatever the file's name. */
    public static SubwordVectors load(Path vectorsFile, EmbeddingFormat format, Tokenizer tokenizer)
            throws InputFormatException, IOException {
        Objects.requireNonNull(tokenizer, "tokenizer");
        TokenEmbeddings rows = EmbeddingFiles.read(vectorsFile, format);
        Matched m = byToken(rows, tokenizer.vocabulary());
        if (m.problem() != null) {
            throw new InputFormatException(vectorsFile, m.place(), m.problem());
        }
        return new SubwordVectors(tokenizer, m.table());
    }

    /**
     * Vectors whose rows are matched to {@code tokenizer}'s ids by their token: row {@code r} becomes the row of
     * id {@code vocabulary().id(rows.tokens().get(r))}, whatever the order of the rows. An id without a token
     * (a gap in the vocabulary) gets a row of zeros.
     *
     * @throws IllegalArgumentException if a token repeats, or the tokens are not the vocabulary's (saying how
     *                                  many differ on each side, with examples)
     */
    public static SubwordVectors of(Tokenizer tokenizer, TokenEmbeddings rows) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Matched m = byToken(Objects.requireNonNull(rows, "rows"), tokenizer.vocabulary());
        if (m.problem() != null) {
            throw new IllegalArgumentException(m.place() == null ? m.problem() : m.place() + ": " + m.problem());
        }
        return new SubwordVectors(tokenizer, m.table());
    }

    /**
     * The input vectors of a {@link SkipGramTrainer} run on {@code tokenizer}: their rows are its ids.
     *
     * @throws IllegalArgumentException if the result has not one row per id of the tokenizer's vocabulary (it
     *                                  was trained with another tokenizer)
     */
    public static SubwordVectors trained(Tokenizer tokenizer, SkipGramResult result) {
        return new SubwordVectors(tokenizer, result.input());
    }

    /** A table lined up with the vocabulary's ids, or where and why the rows do not fit it. */
    record Matched(EmbeddingTable table, String place, String problem) {
    }

    /**
     * The rows of {@code read} reordered to {@code vocab}'s ids (a gap in the ids is a row of zeros); or, if a
     * token repeats or the file's tokens and the vocabulary's are not the same set, the problem.
     */
    static Matched byToken(TokenEmbeddings read, Vocabulary vocab) {
        List<String> tokens = read.tokens();
        int dim = read.table().dim();
        float[] from = read.table().data();
        float[] to = new float[Math.multiplyExact(vocab.size(), dim)];
        int[] rowOf = new int[vocab.size()];
        Arrays.fill(rowOf, -1);
        List<String> notInVocab = new ArrayList<>();
        int notInVocabCount = 0;
        for (int r = 0; r < tokens.size(); r++) {
            int id = vocab.id(tokens.get(r));
            if (id < 0) {
                if (notInVocab.size() < EXAMPLES) {
                    notInVocab.add(tokens.get(r));
                }
                notInVocabCount++;
                continue;
            }
            if (rowOf[id] >= 0) {
                return new Matched(null, "row " + (r + 1), "repeats the token " + Vocabulary.quote(tokens.get(r))
                        + " of row " + (rowOf[id] + 1));
            }
            rowOf[id] = r;
            System.arraycopy(from, r * dim, to, id * dim, dim);
        }
        List<String> noRow = new ArrayList<>();
        int noRowCount = 0;
        for (int id = 0; id < vocab.size(); id++) {
            if (rowOf[id] < 0 && vocab.token(id) != null) {
                if (noRow.size() < EXAMPLES) {
                    noRow.add(vocab.token(id));
                }
                noRowCount++;
            }
        }
        if (notInVocabCount > 0 || noRowCount > 0) {
            StringBuilder problem = new StringBuilder("its ").append(tokens.size())
                    .append(" tokens are not the tokenizer's ").append(vocab.tokenCount()).append(" (");
            if (notInVocabCount > 0) {
                problem.append(notInVocabCount).append(" not in the tokenizer's vocabulary, such as ")
                        .append(quoted(notInVocab));
            }
            if (noRowCount > 0) {
                problem.append(notInVocabCount > 0 ? "; " : "").append(noRowCount)
                        .append(" of the tokenizer's without a row, such as ").append(quoted(noRow));
            }
            problem.append("); use the tokenizer the vectors were trained with");
            return new Matched(null, null, problem.toString());
        }
        return new Matched(EmbeddingTable.wrap(vocab.size(), dim, to), null, null);
    }

    private static String quoted(List<String> tokens) {
        return tokens.stream().map(Vocabulary::quote).collect(Collectors.joining(", "));
    }

    /**
     * Rows by position, which only the factories may assume: {@code table.row(id)} is the vector of id {@code id}.
     *
     * @throws IllegalArgumentException if the table's rows are not one per id of the tokenizer's vocabulary
     */
    private SubwordVectors(Tokenizer tokenizer, EmbeddingTable table) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.table = Objects.requireNonNull(table, "table");
        Vocabulary vocab = tokenizer.vocabulary();
        if (table.rows() != vocab.size()) {
            throw new IllegalArgumentException("the table has " + table.rows() + " rows but the tokenizer's "
                    + "vocabulary has " + vocab.size() + " ids");
        }
        this.dim = table.dim();
        this.unkId = tokenizer.model().unknownId();
        float[] data = table.data();
        this.norms = new float[table.rows()];
        this.usable = new boolean[table.rows()];
        for (int id = 0; id < norms.length; id++) {
            double sum = 0;
            for (int j = id * dim, end = j + dim; j < end; j++) {
                sum += (double) data[j] * data[j];
            }
            norms[id] = (float) Math.sqrt(sum);
            usable[id] = norms[id] > 0 && vocab.token(id) != null && !tokenizer.isSpecial(id) && id != unkId;
        }
    }

    /** A token and its cosine similarity to a query. */
    public record Neighbor(String token, int id, float score) {
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public EmbeddingTable table() {
        return table;
    }

    public int dim() {
        return dim;
    }

    /** The token of every row, in id order, for {@link EmbeddingFiles}; ids without a token are {@code null}. */
    public List<String> rowTokens() {
        return tokenizer.vocabulary().tokens();
    }

    /** The ids of {@code word}'s pieces that its vector is made of (special, unknown and untrained ones left out). */
    public int[] pieces(String word) {
        int[] ids = tokenizer.encode(word, false).ids();
        int n = 0;
        int[] out = new int[ids.length];
        for (int id : ids) {
            if (id >= 0 && id < usable.length && usable[id]) {
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The mean of the vectors of {@code word}'s {@link #pieces}, or empty if it has none (every piece is special,
     * the unknown token, or untrained). Text with spaces gives the mean over all its words' pieces.
     */
    public Optional<float[]> findVector(String word) {
        int[] pieces = pieces(word);
        return pieces.length == 0 ? Optional.empty() : Optional.of(mean(pieces));
    }

    /**
     * The vector of {@code word}, as {@link #findVector}.
     *
     * @throws IllegalArgumentException if the word has no usable piece, naming the word and its pieces
     */
    public float[] vector(String word) {
        return findVector(word).orElseThrow(() -> noPieces(word));
    }

    private IllegalArgumentException noPieces(String word) {
        return new IllegalArgumentException("no vector for " + Vocabulary.quote(word) + ": its pieces "
                + tokenizer.encode(word, false).tokens()
                + " are all special, unknown or untrained tokens");
    }

    private float[] mean(int[] pieces) {
        double[] sum = new double[dim];
        float[] data = table.data();
        for (int id : pieces) {
            int base = id * dim;
            for (int j = 0; j < dim; j++) {
                sum[j] += data[base + j];
            }
        }
        float[] out = new float[dim];
        for (int j = 0; j < dim; j++) {
            out[j] = (float) (sum[j] / pieces.length);
        }
        return out;
    }

    /** The cosine similarity of the vectors of two words. */
    public float similarity(String a, String b) {
        return cosine(vector(a), vector(b));
    }

    /** The cosine similarity of two vectors of the same length; 0 if either is all zeros. */
    public static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length);
        }
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0f : (float) (dot / Math.sqrt(na * nb));
    }

    /**
     * The {@code k} tokens whose rows are most cosine-similar to {@code word}'s vector, best first, leaving out the
     * word's own pieces (a one-piece word does not find itself), special tokens, the unknown token and untrained
     * rows.
     *
     * @throws IllegalArgumentException if the word has no vector, or {@code k < 0}
     */
    public List<Neighbor> nearest(String word, int k) {
        int[] pieces = pieces(word);
        if (pieces.length == 0) {
            throw noPieces(word);
        }
        return nearest(mean(pieces), k, pieces);
    }

    /**
     * The {@code k} tokens whose rows are most cosine-similar to {@code vector}, best first (ties by smaller id),
     * leaving out special tokens, the unknown token and untrained rows.
     */
    public List<Neighbor> nearest(float[] vector, int k) {
        return nearest(vector, k, new int[0]);
    }

    private List<Neighbor> nearest(float[] query, int k, int[] excluded) {
        if (query.length != dim) {
            throw new IllegalArgumentException("a query of length " + query.length + " for vectors of " + dim);
        }
        Require.notNegative("k", k);
        double qn = 0;
        for (float v : query) {
            qn += (double) v * v;
        }
        if (qn == 0 || k == 0) {
            return List.of();
        }
        float queryNorm = (float) Math.sqrt(qn);
        TopK top = new TopK(k);
        float[] data = table.data();
        outer:
        for (int id = 0; id < norms.length; id++) {
            if (!usable[id]) {
                continue;
            }
            for (int x : excluded) {
                if (x == id) {
                    continue outer;
                }
            }
            int base = id * dim;
            float dot = 0;
            for (int j = 0; j < dim; j++) {
                dot += data[base + j] * query[j];
            }
            top.offer(id, dot / (norms[id] * queryNorm));
        }
        int[] ids = top.sortedIds();
        float[] scores = top.sortedScores();
        List<Neighbor> out = new ArrayList<>(ids.length);
        Vocabulary vocab = tokenizer.vocabulary();
        for (int i = 0; i < ids.length; i++) {
            out.add(new Neighbor(vocab.token(ids[i]), ids[i], scores[i]));
        }
        return out;
    }

    /** A word of a caller's list and the cosine of its vector to the query's. */
    public record WordNeighbor(String word, float score) {
    }

    /**
     * The {@code k} words of {@code candidates} whose vectors ({@link #findVector}, the mean of their pieces) are
     * most cosine-similar to {@code word}'s, best first (ties: the earlier candidate), leaving out {@code word}
     * itself, repeats, and candidates without a vector. {@link #nearest(String, int)} searches every piece of the
     * vocabulary, of every language and including fragments; searching the words of one language (say, those of
     * the training lines in the query's language) gives neighbours a reader can read.
     *
     * @throws IllegalArgumentException if the word has no vector, or {@code k < 0}
     */
    public List<WordNeighbor> nearestWords(String word, java.util.Collection<String> candidates, int k) {
        Require.notNegative("k", k);
        float[] query = vector(word);
        List<String> words = new ArrayList<>(new java.util.LinkedHashSet<>(candidates));
        TopK top = new TopK(Math.min(k, words.size()));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(word)) {
                continue;
            }
            int[] pieces = pieces(w);
            if (pieces.length > 0 && k > 0) {
                top.offer(i, cosine(query, mean(pieces)));
            }
        }
        int[] ids = top.sortedIds();
        float[] scores = top.sortedScores();
        List<WordNeighbor> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(new WordNeighbor(words.get(ids[i]), scores[i]));
        }
        return out;
    }

    /**
     * Whether row {@code id} takes part in means and searches (trained, not special, not the unknown token).
     */
    public boolean isUsable(int id) {
        return id >= 0 && id < usable.length && usable[id];
    }

    /**
     * These vectors with "all-but-the-top" applied (Mu and Viswanath 2018): the mean of the usable rows subtracted
     * from each, and then each row's projections on the top {@code components} principal components removed
     * ({@code 0} only centers). Skip-gram vectors trained briefly all point one way (random pairs of pieces have
     * cosines around 0.5), so every neighbour scores 0.9 and more; after this, unrelated pieces score near 0 and
     * the neighbours that stand out are the related ones. Rows that are not usable stay zero.
     *
     * @throws IllegalArgumentException if {@code components} is negative or above the dimension
     */
    public SubwordVectors allButTheTop(int components) {
        Pca pca = Pca.fit(table, usable, components);
        EmbeddingTable out = EmbeddingTable.zeros(table.rows(), dim);
        float[] row = new float[dim];
        for (int id = 0; id < usable.length; id++) {
            if (usable[id]) {
                table.row(id, row, 0);
                System.arraycopy(pca.removeTop(row), 0, out.data(), id * dim, dim);
            }
        }
        return new SubwordVectors(tokenizer, out);
    }

    /**
     * The mean cosine similarity of {@code pairs} random pairs of different usable rows (seeded): the level a
     * neighbour's score must stand above to mean anything. About 0 for isotropic vectors.
     *
     * @throws IllegalArgumentException if fewer than two rows are usable
     */
    public double meanRandomCosine(int pairs, long seed) {
        int[] ids = java.util.stream.IntStream.range(0, usable.length).filter(i -> usable[i]).toArray();
        if (ids.length < 2) {
            throw new IllegalArgumentException("fewer than two usable rows");
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] data = table.data();
        double sum = 0;
        for (int p = 0; p < pairs; p++) {
            int a = ids[random.nextInt(ids.length)];
            int b = ids[random.nextInt(ids.length - 1)];
            if (b == a) {
                b = ids[ids.length - 1];
            }
            double dot = 0;
            for (int j = 0; j < dim; j++) {
                dot += (double) data[a * dim + j] * data[b * dim + j];
            }
            sum += dot / ((double) norms[a] * norms[b]);
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /** The best {@code k} (id, score) pairs seen: a min-heap on primitive arrays, worst at the root. */
    static final class TopK {
        private final int[] ids;
        private final float[] scores;
        private int size;

        TopK(int k) {
            ids = new int[k];
            scores = new float[k];
        }

        /** Worse: lower score, or the same score and a larger id. */
        private boolean worse(int a, int b) {
            return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
        }

        void offer(int id, float score) {
            if (Float.isNaN(score)) {
                return;
            }
            if (size < ids.length) {
                ids[size] = id;
                scores[size] = score;
                siftUp(size++);
            } else if (score > scores[0] || (score == scores[0] && id < ids[0])) {
                ids[0] = id;
                scores[0] = score;
                siftDown(0);
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!worse(i, parent)) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int worst = i;
                if (l < size && worse(l, worst)) {
                    worst = l;
                }
                if (l + 1 < size && worse(l + 1, worst)) {
                    worst = l + 1;
                }
                if (worst == i) {
                    return;
                }
                swap(i, worst);
                i = worst;
            }
        }

        private void swap(int a, int b) {
            int id = ids[a];
            ids[a] = ids[b];
            ids[b] = id;
            float s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
        }

        private int[] sortedIds;
        private float[] sortedScores;

        private void drain() {
            if (sortedIds != null) {
                return;
            }
            int n = size;
            sortedIds = new int[n];
            sortedScores = new float[n];
            for (int i = n - 1; i >= 0; i--) {
                sortedIds[i] = ids[0];
                sortedScores[i] = scores[0];
                size--;
                if (size > 0) {
                    ids[0] = ids[size];
                    scores[0] = scores[size];
                    siftDown(0);
                }
            }
        }

        int[] sortedIds() {
            drain();
            return sortedIds;
        }

        float[] sortedScores() {
            drain();
            return sortedScores;
        }
    }
}
