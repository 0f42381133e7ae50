package io.subword.vocab.io;

import io.subword.vocab.ByteAlphabet;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A tiktoken ranks file ({@code .tiktoken}): one token per line as {@code <base64 of its bytes> <rank>}. The
 * rank is both the token's id and its merge priority (lower merges first). Immutable.
 *
 * <p>Ranks need not be dense ({@code p50k_base} skips 50256, the id of {@code <|endoftext|>}, which is a
 * special token and not in the file); {@link #token} returns {@code null} for a gap. {@code r50k_base} is
 * dense {@code 0..50255}, {@code cl100k_base} {@code 0..100255}, {@code o200k_base} {@code 0..199997}.
 *
 * <p>Reading is strict where tiktoken would silently do something else: empty lines are skipped (tiktoken
 * skips them too), but a line that is not exactly {@code token SP rank}, invalid base64, an empty token, a
 * rank that is not a non-negative decimal integer below 2<sup>24</sup>, a rank or a token given twice are a
 * {@link InputFormatException} naming the file and line.
 */
public final class TiktokenRanks {
    /** Ranks at or above this are rejected, so a typo cannot make the reader allocate gigabytes. */
    public static final int MAX_RANK = 1 << 24;

    private final byte[][] tokensByRank;
    private final Object2IntOpenHashMap<String> rankByToken;
    private volatile Vocabulary vocabulary;

    private TiktokenRanks(byte[][] tokensByRank, Object2IntOpenHashMap<String> rankByToken) {
        this.tokensByRank = tokensByRank;
        this.rankByToken = rankByToken;
    }

    /**
     * Ranks {@code 0..tokens.size()-1} for {@code tokens} in order; {@code null} entries are gaps.
     *
     * @throws IllegalArgumentException naming an empty or duplicate token
     */
    public static TiktokenRanks of(List<byte[]> tokens) {
        byte[][] byRank = new byte[tokens.size()][];
        Object2IntOpenHashMap<String> ranks = newMap(byRank.length);
        for (int rank = 0; rank < byRank.length; rank++) {
            byte[] token = tokens.get(rank);
            if (token == null) {
                continue;
            }
            if (token.length == 0) {
                throw new IllegalArgumentException("empty token at rank " + rank);
            }
            int previous = ranks.putIfAbsent(ByteAlphabet.encode(token), rank);
            if (previous >= 0) {
                throw new IllegalArgumentException("token " + Vocabulary.quote(ByteAlphabet.encode(token))
                        + " has ranks " + previous + " and " + rank);
            }
            byRank[rank] = token.clone();
        }
        return new TiktokenRanks(byRank, ranks);
    }

    private static Object2IntOpenHashMap<String> newMap(int expected) {
        Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>(expected);
        map.defaultReturnValue(-1);
        return map;
    }

    public static TiktokenRanks read(Path file) throws InputFormatException, IOException {
        return parse(file, Utf8Lines.read(file));
    }

    /** Reads {@code in}, naming it {@code name} in errors. */
    public static TiktokenRanks read(Path name, InputStream in) throws InputFormatException, IOException {
        return parse(name, Utf8Lines.read(name, in));
    }

    static TiktokenRanks parse(Path file, List<String> lines) throws InputFormatException {
        byte[][] byRank = new byte[Math.max(lines.size(), 16)][];
        int[] lineOfRank = new int[byRank.length];
        Object2IntOpenHashMap<String> ranks = newMap(lines.size());
        int size = 0;
        Base64.Decoder base64 = Base64.getDecoder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
                throw InputFormatException.atLine(file, lineNo, "expected \"<base64 token> <rank>\", found "
                        + Vocabulary.quote(line));
            }
            String encoded = line.substring(0, space);
            String rankText = line.substring(space + 1);
            byte[] token;
            try {
                token = base64.decode(encoded);
            } catch (IllegalArgumentException e) {
                throw InputFormatException.atLine(file, lineNo, "invalid base64 " + Vocabulary.quote(encoded));
            }
            if (token.length == 0) {
                throw InputFormatException.atLine(file, lineNo, "empty token");
            }
            int rank = parseRank(rankText);
            if (rank < 0) {
                throw InputFormatException.atLine(file, lineNo, "rank " + Vocabulary.quote(rankText)
                        + " is not a non-negative integer below " + MAX_RANK);
            }
            if (rank >= byRank.length) {
                int n = Math.max(rank + 1, byRank.length * 2);
                byRank = Arrays.copyOf(byRank, n);
                lineOfRank = Arrays.copyOf(lineOfRank, n);
            }
            if (byRank[rank] != null) {
                throw InputFormatException.atLine(file, lineNo, "duplicate rank " + rank + ", first on line "
                        + lineOfRank[rank]);
            }
            String spelled = ByteAlphabet.encode(token);
            int previous = ranks.putIfAbsent(spelled, rank);
            if (previous >= 0) {
                throw InputFormatException.atLine(file, lineNo, "duplicate token " + Vocabulary.quote(encoded)
                        + ", first on line " + lineOfRank[previous]);
            }
            byRank[rank] = token;
            lineOfRank[rank] = lineNo;
            size = Math.max(size, rank + 1);
        }
        if (size == 0) {
            throw new InputFormatException(file, null, "no ranks");
        }
        return new TiktokenRanks(Arrays.copyOf(byRank, size), ranks);
    }

    /** The rank of a decimal string of digits only, or -1. */
    private static int parseRank(String s) {
        if (s.isEmpty() || s.length() > 8) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v < MAX_RANK ? v : -1;
    }

    /** One more than the largest rank. */
    public int size() {
        return tokensByRank.length;
    }

    /** The number of tokens; equal to {@link #size()} unless the ranks have gaps. */
    public int tokenCount() {
        return rankByToken.size();
    }

    /** The bytes of the token of {@code rank} (a copy), or {@code null} for a gap or a rank out of range. */
    public byte[] token(int rank) {
        byte[] t = rank >= 0 && rank < tokensByRank.length ? tokensByRank[rank] : null;
        return t == null ? null : t.clone();
    }

    /** The rank of the token with these bytes, or -1. */
    public int rank(byte[] token) {
        return rankByToken.getInt(ByteAlphabet.encode(token));
    }

    /**
     * The tokens spelled in GPT-2's byte-level alphabet ({@link ByteAlphabet}), each with its rank as id: the
     * form Hugging Face's tokenizer.json and {@code vocab.json} use.
     */
    public Vocabulary toVocabulary() {
        Vocabulary v = vocabulary;
        if (v == null) {
            String[] spelled = new String[tokensByRank.length];
            boolean dense = true;
            for (int rank = 0; rank < spelled.length; rank++) {
                if (tokensByRank[rank] == null) {
                    dense = false;
                } else {
                    spelled[rank] = ByteAlphabet.encode(tokensByRank[rank]);
                }
            }
            if (dense) {
                v = Vocabulary.of(spelled);
            } else {
                java.util.Map<String, Integer> map = new java.util.HashMap<>(spelled.length * 2);
                for (int rank = 0; rank < spelled.length; rank++) {
                    if (spelled[rank] != null) {
                        map.put(spelled[rank], rank);
                    }
                }
                v = Vocabulary.fromMap(map);
            }
            vocabulary = v;
        }
        return v;
    }

    /**
     * The ranked merge list equivalent to these ranks, in byte-level spelling: for every token of two or more
     * bytes, in rank order, the two tokens that BPE with only lower ranks splits it into.
     *
     * @throws IllegalArgumentException if a token is not the merge of two lower-ranked tokens (or a single byte
     *                                  of a token is not itself a token)
     */
    public List<Merge> toMerges() {
        Vocabulary v = toVocabulary();
        return MergeTable.byConcatenation(v).merges(v);
    }

    /** Writes the ranks atomically as a {@code .tiktoken} file, in rank order. */
    public void write(Path file) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        AtomicFiles.writeText(file, w -> {
            for (int rank = 0; rank < tokensByRank.length; rank++) {
                if (tokensByRank[rank] != null) {
                    w.write(base64.encodeToString(tokensByRank[rank]));
                    w.write(' ');
                    w.write(Integer.toString(rank));
                    w.write('\n');
                }
            }
        });
    }

    /** Writes the ranks as GPT-2 files: {@code vocab.json} (byte-level spelling, rank as id) and {@code merges.txt}. */
    public void writeGpt2Files(Path vocabJson, Path mergesTxt) throws IOException {
        List<Merge> merges = toMerges();
        VocabJson.write(toVocabulary(), vocabJson);
        MergesTxt.write(merges, mergesTxt);
    }

    @Override
    public String toString() {
        return "TiktokenRanks[" + tokenCount() + " tokens]";
    }
}
