package io.subword.post;

import io.subword.Encoding;
import io.subword.model.Model;
import io.subword.model.TokenBuffer;
import io.subword.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Small encodings over a fixed vocabulary, and their rendering as the strings the test tables hold. */
final class PostTestSupport {
    static final Vocabulary VOCAB = Vocabulary.of("[PAD]", "[CLS]", "[SEP]", "hello", "there", "you", "pair",
            "with", "info", "[UNK]", "<s>", "</s>");

    private PostTestSupport() {
    }

    /** The space-separated words of {@code text} as one token each, with offsets into {@code text}. */
    static Encoding enc(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) != ' ') {
                i++;
            }
            int id = VOCAB.id(text.substring(start, i));
            tokens.add(new int[] {id < 0 ? VOCAB.id("[UNK]") : id, start, i});
        }
        int n = tokens.size();
        int[] ids = new int[n], starts = new int[n], ends = new int[n], words = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = tokens.get(k)[0];
            starts[k] = tokens.get(k)[1];
            ends[k] = tokens.get(k)[2];
            words[k] = k;
        }
        return Encoding.ofSequence(VOCAB, text, ids, starts, ends, words);
    }

    static String tokens(Encoding e) {
        return String.join(" ", e.tokens());
    }

    static String ints(int[] a) {
        return Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    static String offsets(Encoding e) {
        var o = e.offsets();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < e.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(o.start(i)).append('-').append(o.end(i));
        }
        return sb.toString();
    }

    /** Tokens, type ids, special mask and sequence ids in one line, e.g. {@code [CLS]/0/1/-1 hello/0/0/0}. */
    static String describe(Encoding e) {
        List<String> tokens = e.tokens();
        int[] types = e.typeIds();
        int[] special = e.specialTokensMask();
        int[] seqs = e.sequenceIds();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < e.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(tokens.get(i)).append('/').append(types[i]).append('/')
                    .append(special[i]).append('/').append(seqs[i]);
        }
        return sb.toString();
    }

    /** A model that makes each space-separated word of its range one token, or [UNK]. */
    static final class WordModel implements Model {
        @Override
        public void tokenize(CharSequence text, int start, int end, TokenBuffer out) {
            int i = start;
            while (i < end) {
                if (Character.isWhitespace(text.charAt(i))) {
                    i++;
                    continue;
                }
                int s = i;
                while (i < end && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int id = VOCAB.id(text.subSequence(s, i).toString());
                out.add(id < 0 ? VOCAB.id("[UNK]") : id, s, i);
            }
        }

        @Override
        public Vocabulary vocabulary() {
            return VOCAB;
        }
    }
}
