package io.subword.vocab;

import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An immutable two-way map between tokens and ids.
 *
 * <p>Ids are non-negative. They are usually dense ({@code 0..size()-1}), but a vocabulary read from a
 * {@code vocab.json} or a tokenizer.json may leave gaps; {@link #token(int)} returns {@code null} for a
 * gap. {@link #id(String)} returns {@code -1} on a miss, so hot loops never box or throw.
 */
public final class Vocabulary {
    /**
     * The largest id a vocabulary may have (2<sup>24</sup>-1, as tiktoken ranks), so that a typo such as
     * {@code "a": 2147483647} in a file is an error rather than a two-billion-entry table.
     */
    public static final int MAX_ID = (1 << 24) - 1;

    private final String[] tokensById;
    private final Object2IntOpenHashMap<String> idsByToken;
    private final int count;

    private Vocabulary(String[] tokensById, Object2IntOpenHashMap<String> idsByToken) {
        this.tokensById = tokensById;
        this.idsByToken = idsByToken;
        this.count = idsByToken.size();
    }

    /** A vocabulary whose ids are the positions in {@code tokens}. */
    public static Vocabulary of(List<String> tokens) {
        Object2IntOpenHashMap<String> ids = newMap(tokens.size());
        String[] byId = new String[tokens.size()];
        for (int i = 0; i < byId.length; i++) {
            String token = tokens.get(i);
            if (token == null) {
                throw new IllegalArgumentException("token at id " + i + " is null");
            }
            int previous = ids.putIfAbsent(token, i);
            if (previous != -1) {
                throw new IllegalArgumentException(
                        "duplicate token " + quote(token) + " at ids " + previous + " and " + i);
            }
            byId[i] = token;
        }
        return new Vocabulary(byId, ids);
    }

    /** A vocabulary whose ids are the positions in {@code tokens}. */
    public static Vocabulary of(String... tokens) {
        return of(Arrays.asList(tokens));
    }

    /**
     * A vocabulary from a token -> id map, as {@code vocab.json} holds it. Ids must be in
     * {@code [0, MAX_ID]} and distinct; they need not be dense.
     */
    public static Vocabulary fromMap(Map<String, Integer> tokenToId) {
        Object2IntOpenHashMap<String> ids = newMap(tokenToId.size());
        int max = -1;
        for (Map.Entry<String, Integer> e : tokenToId.entrySet()) {
            int id = e.getValue();
            if (id < 0 || id > MAX_ID) {
                throw new IllegalArgumentException((id < 0 ? "negative id " : "id ") + id + " for token "
                        + quote(e.getKey()) + (id < 0 ? "" : " is above the limit " + MAX_ID));
            }
            max = Math.max(max, id);
            ids.put(e.getKey(), id);
        }
        String[] byId = new String[max + 1];
        for (Object2IntMap.Entry<String> e : ids.object2IntEntrySet()) {
            int id = e.getIntValue();
            if (byId[id] != null) {
                throw new IllegalArgumentException("id " + id + " is given to both " + quote(byId[id])
                        + " and " + quote(e.getKey()));
            }
            byId[id] = e.getKey();
        }
        return new Vocabulary(byId, ids);
    }

    /**
     * A vocabulary whose ids are the positions in {@code tokensById}, where {@code null} marks an unused id (a
     * gap). The array is owned by the vocabulary afterwards. A reader that has the tokens by id already uses this
     * instead of {@link #fromMap}, which boxes every id.
     *
     * @throws IllegalArgumentException if a token is at two ids, or the array is longer than {@code MAX_ID + 1}
     */
    public static Vocabulary ofIdsWithGaps(String[] tokensById) {
        if (tokensById.length > MAX_ID + 1) {
            throw new IllegalArgumentException("id " + (tokensById.length - 1) + " is above the limit " + MAX_ID);
        }
        Object2IntOpenHashMap<String> ids = newMap(tokensById.length);
        for (int id = 0; id < tokensById.length; id++) {
            String token = tokensById[id];
            if (token != null) {
                int previous = ids.putIfAbsent(token, id);
                if (previous != -1) {
                    throw new IllegalArgumentException(
                            "duplicate token " + quote(token) + " at ids " + previous + " and " + id);
                }
            }
        }
        return new Vocabulary(tokensById, ids);
    }

    private static Object2IntOpenHashMap<String> newMap(int expected) {
        Object2IntOpenHashMap<String> map = new Object2IntOpenHashMap<>(expected);
        map.defaultReturnValue(-1);
        return map;
    }

    /** The id of {@code token}, or {@code -1} if it is not in the vocabulary. */
    public int id(String token) {
        return idsByToken.getInt(token);
    }

    /** Whether {@code token} is in the vocabulary. */
    public boolean contains(String token) {
        return idsByToken.containsKey(token);
    }

    /** The token of {@code id}, or {@code null} if {@code id} is negative, too large or a gap. */
    public String token(int id) {
        return id >= 0 && id < tokensById.length ? tokensById[id] : null;
    }

    /** One more than the largest id: the number of rows an embedding table over this vocabulary needs. */
    public int size() {
        return tokensById.length;
    }

    /** The number of tokens; equal to {@link #size()} unless the ids have gaps. */
    public int tokenCount() {
        return count;
    }

    /** Whether the ids are exactly {@code 0..size()-1}. */
    public boolean isDense() {
        return count == tokensById.length;
    }

    /** The tokens in id order; a gap is {@code null}. */
    public List<String> tokens() {
        return Collections.unmodifiableList(Arrays.asList(tokensById));
    }

    /**
     * A vocabulary with {@code extra} tokens appended after the largest id, skipping those already present.
     * Hugging Face's added tokens extend a model vocabulary this way.
     */
    public Vocabulary withAppended(List<String> extra) {
        List<String> all = new ArrayList<>(Arrays.asList(tokensById));
        for (String token : extra) {
            if (!contains(token) && !all.subList(tokensById.length, all.size()).contains(token)) {
                all.add(token);
            }
        }
        if (isDense()) {
            return of(all);
        }
        Object2IntOpenHashMap<String> ids = newMap(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != null) {
                ids.put(all.get(i), i);
            }
        }
        return new Vocabulary(all.toArray(new String[0]), ids);
    }

    /** Tokens longer than this many UTF-16 units are shown cut by {@link #quote}. */
    private static final int QUOTE_LIMIT = 64;
    /** How many UTF-16 units of a long token {@link #quote} shows. */
    private static final int QUOTE_HEAD = 48;

    /**
     * The token in double quotes with control characters escaped, for error messages. A token longer than
     * 64 UTF-16 units is cut to its first 48 and followed by its length, {@code "aaa..." (52428800 chars)},
     * so that a malformed 50 MB line still makes a one-line message.
     */
    public static String quote(String token) {
        int shown = token.length();
        if (shown > QUOTE_LIMIT) {
            shown = Character.isHighSurrogate(token.charAt(QUOTE_HEAD - 1)) ? QUOTE_HEAD - 1 : QUOTE_HEAD;
        }
        StringBuilder sb = new StringBuilder(shown + 24).append('"');
        for (int i = 0; i < shown; i++) {
            char c = token.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (shown < token.length()) {
            return sb.append("...\" (").append(token.length()).append(" chars)").toString();
        }
        return sb.append('"').toString();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + count + " tokens]";
    }
}
