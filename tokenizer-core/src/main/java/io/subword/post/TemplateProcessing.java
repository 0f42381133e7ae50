package io.subword.post;

import io.subword.Encoding;
import io.subword.vocab.Require;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Hugging Face's {@code TemplateProcessing}: a template for one text and one for a pair say where the texts
 * ({@code $A}, {@code $B}) and the special tokens go, and which type id each piece gets. For BERT:
 * <pre>{@code
 * TemplateProcessing.of("[CLS] $A [SEP]", "[CLS] $A [SEP] $B:1 [SEP]:1", Map.of("[CLS]", 101, "[SEP]", 102))
 * }</pre>
 *
 * <p>A piece is {@code <id>(:<type_id>)?}. {@code $A}/{@code $a} and {@code $B}/{@code $b} name the texts,
 * {@code $} is {@code $A}, {@code $<n>} is {@code $A} with type id {@code n}; anything else names a special
 * token of the {@code special_tokens} map, which may stand for several ids. The type id defaults to 0.
 *
 * <p>Overflowing parts: a text piece brings its overflowing parts along; when the pieces are merged left to
 * right each overflowing part gets the pieces around it, as Hugging Face's {@code Encoding::merge_with}
 * does. As there, the template's type id is set on the text itself; its overflowing parts keep the type id
 * of their sequence (0 for the first text, 1 for the second). Immutable.
 */
public final class TemplateProcessing implements ChainablePostProcessor {
    /** Which input text a {@link SequencePiece} stands for. */
    public enum Sequence { A, B }

    /** One piece of a template. */
    public sealed interface Piece permits SequencePiece, SpecialPiece {
        int typeId();

        /**
         * Parses one piece as Hugging Face does: {@code $A}, {@code $B:1}, {@code $1}, {@code [CLS]},
         * {@code [SEP]:1}.
         *
         * @throws IllegalArgumentException naming the piece when it cannot be parsed
         */
        static Piece parse(String s) {
            String[] parts = s.split(":", -1);
            if (parts.length > 2) {
                throw badPiece(s);
            }
            Integer typeId = null;
            if (parts.length == 2) {
                typeId = parseTypeId(parts[1]);
                if (typeId == null) {
                    throw badPiece(s);
                }
            }
            String id = parts[0];
            int type = typeId == null ? 0 : typeId;
            if (!id.startsWith("$")) {
                return new SpecialPiece(id, type);
            }
            String rest = id.substring(1);
            switch (rest) {
                case "", "A", "a" -> {
                    return new SequencePiece(Sequence.A, type);
                }
                case "B", "b" -> {
                    return new SequencePiece(Sequence.B, type);
                }
                default -> {
                    Integer n = parseTypeId(rest);
                    if (n == null) {
                        throw badPiece(s);
                    }
                    // "$1:2" takes the explicit type id, as Hugging Face's with_type_id does
                    return new SequencePiece(Sequence.A, typeId == null ? n : typeId);
                }
            }
        }
    }

    /** An input text, with the type id its tokens get. */
    public record SequencePiece(Sequence id, int typeId) implements Piece {
        public SequencePiece {
            Objects.requireNonNull(id, "sequence");
            checkTypeId(typeId);
        }

        @Override
        public String toString() {
            return "$" + id + ":" + typeId;
        }
    }

    /** A special token of the map, by its key, with the type id its tokens get. */
    public record SpecialPiece(String id, int typeId) implements Piece {
        public SpecialPiece {
            Objects.requireNonNull(id, "special token id");
            checkTypeId(typeId);
        }

        @Override
        public String toString() {
            return id + ":" + typeId;
        }
    }

    /**
     * What a special piece stands for: one or more tokens with their ids ({@code "[CLS]" -> [101]}).
     *
     * @param id     the key used in the templates
     * @param ids    the ids inserted
     * @param tokens the tokens, one per id
     */
    public record SpecialToken(String id, int[] ids, List<String> tokens) {
        public SpecialToken {
            Objects.requireNonNull(id, "special token id");
            ids = ids.clone();
            tokens = List.copyOf(tokens);
            if (ids.length != tokens.size()) {
                throw new IllegalArgumentException("special token " + id + ": " + ids.length + " ids but "
                        + tokens.size() + " tokens; they must be of the same length");
            }
            for (int i : ids) {
                if (i < 0) {
                    throw new IllegalArgumentException("special token " + id + " has negative id " + i);
                }
            }
        }

        /** One token that is its own key. */
        public static SpecialToken of(String token, int id) {
            return new SpecialToken(token, new int[] {id}, List.of(token));
        }

        @Override
        public int[] ids() {
            return ids.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SpecialToken t && id.equals(t.id) && Arrays.equals(ids, t.ids)
                    && tokens.equals(t.tokens);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, Arrays.hashCode(ids), tokens);
        }

        @Override
        public String toString() {
            return id + Arrays.toString(ids) + tokens;
        }
    }

    private final List<Piece> single;
    private final List<Piece> pair;
    private final Map<String, SpecialToken> specialTokens;
    private final int addedSingle;
    private final int addedPair;

    /**
     * @throws IllegalArgumentException if the pair template does not use both texts, the single template uses
     *                                  {@code $B}, or a special piece is not in {@code specialTokens}
     */
    public TemplateProcessing(List<Piece> single, List<Piece> pair, Map<String, SpecialToken> specialTokens) {
        this.single = List.copyOf(single);
        this.pair = List.copyOf(pair);
        this.specialTokens = Collections.unmodifiableMap(new LinkedHashMap<>(specialTokens));
        boolean hasA = false;
        boolean hasB = false;
        for (Piece p : this.pair) {
            if (p instanceof SequencePiece s) {
                hasA |= s.id() == Sequence.A;
                hasB |= s.id() == Sequence.B;
            }
        }
        if (!hasA || !hasB) {
            throw new IllegalArgumentException("Template for `pair` must use both sequences");
        }
        for (Piece p : this.single) {
            if (p instanceof SequencePiece s && s.id() == Sequence.B) {
                throw new IllegalArgumentException("Template for `single` cannot use $B");
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (List<Piece> template : List.of(this.single, this.pair)) {
            for (Piece p : template) {
                if (p instanceof SpecialPiece s && !this.specialTokens.containsKey(s.id())) {
                    missing.add(s.id());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing SpecialToken(s) with id(s) `" + String.join(", ", missing)
                    + "`");
        }
        this.addedSingle = countAdded(this.single);
        this.addedPair = countAdded(this.pair);
    }

    /**
     * Templates in Hugging Face's string form, each special token being its own key with one id.
     *
     * @param single        e.g. {@code "[CLS] $A [SEP]"}
     * @param pair          e.g. {@code "[CLS] $A [SEP] $B:1 [SEP]:1"}
     * @param specialTokens token -> id
     */
    public static TemplateProcessing of(String single, String pair, Map<String, Integer> specialTokens) {
        Map<String, SpecialToken> map = new LinkedHashMap<>();
        specialTokens.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> map.put(e.getKey(), SpecialToken.of(e.getKey(), e.getValue())));
        return new TemplateProcessing(parseTemplate(single), parseTemplate(pair), map);
    }

    /** BERT's templates: {@code [CLS] $A [SEP]} and {@code [CLS] $A [SEP] $B:1 [SEP]:1}. */
    public static TemplateProcessing bert(int clsId, int sepId) {
        return of("[CLS] $A [SEP]", "[CLS] $A [SEP] $B:1 [SEP]:1", Map.of("[CLS]", clsId, "[SEP]", sepId));
    }

    /**
     * A template in string form: pieces separated by single spaces, as Hugging Face splits them.
     *
     * @throws IllegalArgumentException naming the first piece that cannot be parsed
     */
    public static List<Piece> parseTemplate(String template) {
        List<Piece> pieces = new ArrayList<>();
        for (String s : template.split(" ", -1)) {
            pieces.add(Piece.parse(s));
        }
        return pieces;
    }

    public List<Piece> single() {
        return single;
    }

    public List<Piece> pair() {
        return pair;
    }

    /** The special tokens by the key the templates use (normally each token's own id), in the order given. */
    public Map<String, SpecialToken> specialTokens() {
        return specialTokens;
    }

    @Override
    public int addedTokens(boolean isPair) {
        return isPair ? addedPair : addedSingle;
    }

    @Override
    public List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
        List<Piece> template = switch (encodings.size()) {
            case 1 -> single;
            case 2 -> pair;
            default -> throw new IllegalArgumentException("TemplateProcessing takes 1 or 2 encodings, got "
                    + encodings.size());
        };
        List<Encoding> out = new ArrayList<>(template.size());
        for (Piece piece : template) {
            if (piece instanceof SequencePiece s) {
                int i = s.id() == Sequence.A ? 0 : 1;
                // the template's type id goes on the text, not on its overflowing parts (as in Hugging Face)
                out.add(encodings.get(i).withTypeId(s.typeId()));
            } else if (addSpecialTokens) {
                SpecialPiece sp = (SpecialPiece) piece;
                SpecialToken token = specialTokens.get(sp.id());
                List<Encoding> ids = new ArrayList<>(token.ids.length);
                for (int id : token.ids) {
                    ids.add(Encoding.ofSpecial(encodings.get(0).vocabulary(), id, sp.typeId()));
                }
                out.add(ids.size() == 1 ? ids.get(0) : Encoding.concat(ids));
            }
        }
        return out;
    }

    private int countAdded(List<Piece> template) {
        int n = 0;
        for (Piece p : template) {
            if (p instanceof SpecialPiece s) {
                n += specialTokens.get(s.id()).ids.length;
            }
        }
        return n;
    }

    private static Integer parseTypeId(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? null : (int) v;
    }

    private static void checkTypeId(int typeId) {
        Require.notNegative("type id", typeId);
    }

    private static IllegalArgumentException badPiece(String s) {
        return new IllegalArgumentException("Cannot build Piece from string \"" + s + "\"");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateProcessing t && single.equals(t.single) && pair.equals(t.pair)
                && specialTokens.equals(t.specialTokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(single, pair, specialTokens);
    }

    @Override
    public String toString() {
        return "TemplateProcessing[single=" + single + ", pair=" + pair + ", special=" + specialTokens.values() + "]";
    }
}
