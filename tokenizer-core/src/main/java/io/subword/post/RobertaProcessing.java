package io.subword.post;

import io.subword.Encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hugging Face's {@code RobertaProcessing}: {@code <s> A </s>} and, for a pair, {@code <s> A </s></s> B </s>},
 * every type id 0; with {@code trimOffsets} the offsets are first trimmed as {@link ByteLevelPostProcessor} does.
 * Overflowing parts get the same special tokens.
 *
 * <p>Chainable ({@link SequenceProcessing}), as Hugging Face's {@code process_encodings}: each encoding is trimmed
 * and given type id 0; with special tokens the first becomes {@code <s> A </s>} and every later one
 * {@code </s> B </s>}.
 */
public final class RobertaProcessing implements ChainablePostProcessor {
    private final String sepToken;
    private final int sepId;
    private final String clsToken;
    private final int clsId;
    private final boolean trimOffsets;
    private final boolean addPrefixSpace;

    /** {@code ("</s>", 2)}, {@code ("<s>", 0)}, trimming offsets with a prefix space: Hugging Face's defaults. */
    public RobertaProcessing() {
        this("</s>", 2, "<s>", 0, true, true);
    }

    public RobertaProcessing(String sepToken, int sepId, String clsToken, int clsId, boolean trimOffsets,
                             boolean addPrefixSpace) {
        this.sepToken = Objects.requireNonNull(sepToken, "sepToken");
        this.clsToken = Objects.requireNonNull(clsToken, "clsToken");
        if (sepId < 0 || clsId < 0) {
            throw new IllegalArgumentException("negative special token id: sep " + sepId + ", cls " + clsId);
        }
        this.sepId = sepId;
        this.clsId = clsId;
        this.trimOffsets = trimOffsets;
        this.addPrefixSpace = addPrefixSpace;
    }

    public String sepToken() {
        return sepToken;
    }

    public int sepId() {
        return sepId;
    }

    public String clsToken() {
        return clsToken;
    }

    public int clsId() {
        return clsId;
    }

    public boolean trimOffsets() {
        return trimOffsets;
    }

    public boolean addPrefixSpace() {
        return addPrefixSpace;
    }

    @Override
    public int addedTokens(boolean pair) {
        return pair ? 4 : 2;
    }

    @Override
    public Encoding process(Encoding first, Encoding second, boolean addSpecialTokens) {
        Encoding a = (trimOffsets ? OffsetTrimming.trim(first, addPrefixSpace) : first).withTypeId(0);
        Encoding b = second == null ? null
                : (trimOffsets ? OffsetTrimming.trim(second, addPrefixSpace) : second).withSequenceId(1)
                        .withTypeId(0);
        if (addSpecialTokens) {
            a = wrap(a, clsId);
            b = b == null ? null : wrap(b, sepId);
        } else {
            a = withTypeIdZero(a);
            b = b == null ? null : withTypeIdZero(b);
        }
        return b == null ? a : Encoding.mergePair(a, b);
    }

    @Override
    public List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
        List<Encoding> out = new ArrayList<>(encodings.size());
        for (int i = 0; i < encodings.size(); i++) {
            Encoding e = trimOffsets ? OffsetTrimming.trim(encodings.get(i), addPrefixSpace) : encodings.get(i);
            out.add(addSpecialTokens ? wrap(e, i == 0 ? clsId : sepId) : withTypeIdZero(e));
        }
        return out;
    }

    /** {@code open e </s>}, overflowing parts likewise. */
    private Encoding wrap(Encoding e, int openId) {
        Encoding wrapped = wrapOne(e, openId);
        if (e.overflowing().isEmpty()) {
            return wrapped;
        }
        List<Encoding> over = new ArrayList<>(e.overflowing().size());
        for (Encoding o : e.overflowing()) {
            over.add(wrapOne(o, openId));
        }
        return wrapped.withOverflowing(over);
    }

    private Encoding wrapOne(Encoding e, int openId) {
        return Encoding.concat(List.of(Encoding.ofSpecial(e.vocabulary(), openId, 0), e.withTypeId(0),
                Encoding.ofSpecial(e.vocabulary(), sepId, 0)));
    }

    /** Type ids 0 on the encoding and its overflowing parts. */
    private static Encoding withTypeIdZero(Encoding e) {
        if (e.overflowing().isEmpty()) {
            return e.withTypeId(0);
        }
        List<Encoding> over = new ArrayList<>(e.overflowing().size());
        for (Encoding o : e.overflowing()) {
            over.add(o.withTypeId(0));
        }
        return e.withTypeId(0).withOverflowing(over);
    }

    @Override
    public String toString() {
        return "RobertaProcessing[" + clsToken + "=" + clsId + ", " + sepToken + "=" + sepId + ", trimOffsets="
                + trimOffsets + ", addPrefixSpace=" + addPrefixSpace + "]";
    }
}
