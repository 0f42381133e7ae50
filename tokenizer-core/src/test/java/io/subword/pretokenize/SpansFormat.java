package io.subword.pretokenize;

import java.util.StringJoiner;

/** Test helper: spans as {@code word@start-end}, separated by spaces. */
final class SpansFormat {
    private SpansFormat() {
    }

    static String split(PreTokenizer pre, String text, int start, int end) {
        Spans spans = new Spans();
        pre.split(text, start, end, spans);
        StringJoiner sj = new StringJoiner(" ");
        int prevEnd = start;
        for (int i = 0; i < spans.size(); i++) {
            int s = spans.start(i);
            int e = spans.end(i);
            if (s < prevEnd || e <= s || e > end) {
                throw new AssertionError("bad span " + s + "-" + e + " after " + prevEnd);
            }
            prevEnd = e;
            sj.add(text.substring(s, e) + "@" + s + "-" + e);
        }
        return sj.toString();
    }

    static String split(PreTokenizer pre, String text) {
        return split(pre, text, 0, text.length());
    }
}
