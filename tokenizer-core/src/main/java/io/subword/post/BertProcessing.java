package io.subword.post;

import io.subword.Encoding;
import io.subword.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * BERT's post-processor, as Hugging Face's {@code BertProcessing}: {@code [CLS] A [SEP]} for one text and
 * {@code [CLS] A [SEP] B [SEP]} for a pair, with type id 0 for {@code [CLS] A [SEP]} and 1 for {@code B [SEP]}.
 * Each overflowing part of a text is wrapped the same way ({@code [CLS] part [SEP]} or {@code part [SEP]})
 * before the pair is merged. Immutable.
 *
 * @param sepToken the separator token, {@code [SEP]}
 * @param sepId    its id
 * @param clsToken the classifier token, {@code [CLS]}
 * @param clsId    its id
 */
public record BertProcessing(String sepToken, int sepId, String clsToken, int clsId)
        implements ChainablePostProcessor {
    public BertProcessing {
        if (sepToken == null || clsToken == null) {
            throw new IllegalArgumentException("BertProcessing needs both a [SEP] and a [CLS] token");
        }
        if (sepId < 0 || clsId < 0) {
            throw new IllegalArgumentException("BertProcessing ids must be >= 0, got sep " + sepId + ", cls " + clsId);
        }
    }

    /** Hugging Face's default: {@code ("[SEP]", 102)} and {@code ("[CLS]", 101)}, as in bert-base-uncased. */
    public static BertProcessing standard() {
        return new BertProcessing("[SEP]", 102, "[CLS]", 101);
    }

    /**
     * {@code [SEP]} and {@code [CLS]} with their ids in {@code vocabulary}.
     *
     * @throws IllegalArgumentException if either is missing
     */
    public static BertProcessing of(Vocabulary vocabulary) {
        int sep = vocabulary.id("[SEP]");
        int cls = vocabulary.id("[CLS]");
        if (sep < 0 || cls < 0) {
            throw new IllegalArgumentException("the vocabulary has no " + (sep < 0 ? "[SEP]" : "[CLS]") + " token");
        }
        return new BertProcessing("[SEP]", sep, "[CLS]", cls);
    }

    @Override
    public int addedTokens(boolean pair) {
        return pair ? 3 : 2;
    }

    @Override
    public List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
        if (encodings.size() != 1 && encodings.size() != 2) {
            throw new IllegalArgumentException("BertProcessing takes 1 or 2 encodings, got " + encodings.size());
        }
        if (!addSpecialTokens) {
            return encodings;
        }
        List<Encoding> out = new ArrayList<>(encodings.size());
        out.add(withOverflowing(encodings.get(0), true));
        if (encodings.size() == 2) {
            out.add(withOverflowing(encodings.get(1), false));
        }
        return out;
    }

    private Encoding withOverflowing(Encoding e, boolean first) {
        Encoding main = wrap(e, first);
        if (e.overflowing().isEmpty()) {
            return main;
        }
        List<Encoding> parts = new ArrayList<>(e.overflowing().size());
        for (Encoding o : e.overflowing()) {
            parts.add(wrap(o, first));
        }
        return main.withOverflowing(parts);
    }

    /** {@code [CLS] e [SEP]} with type id 0 on the specials, or {@code e [SEP]} with type id 1. */
    private Encoding wrap(Encoding e, boolean first) {
        Vocabulary v = e.vocabulary();
        return first
                ? Encoding.concat(List.of(Encoding.ofSpecial(v, clsId, 0), e, Encoding.ofSpecial(v, sepId, 0)))
                : Encoding.concat(List.of(e, Encoding.ofSpecial(v, sepId, 1)));
    }
}
