package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;

import java.util.List;

/**
 * Hugging Face's pre-tokenizer {@code Sequence}: each pre-tokenizer splits the words the previous one made.
 * The {@link #prepare} transforms run in order before any split. Immutable and thread-safe.
 *
 * @param preTokenizers the steps, in order
 */
public record PreTokenizerSequence(List<PreTokenizer> preTokenizers) implements PreTokenizer {
    public PreTokenizerSequence {
        preTokenizers = List.copyOf(preTokenizers);
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        int n = preTokenizers.size();
        if (n == 0) {
            if (start < end) {
                out.add(start, end);
            }
            return;
        }
        if (n == 1) {
            preTokenizers.get(0).split(text, start, end, out);
            return;
        }
        // two buffers per call: cheap next to the splitting, and safe when sequences nest
        Spans current = new Spans();
        Spans next = new Spans();
        preTokenizers.get(0).split(text, start, end, current);
        for (int step = 1; step < n; step++) {
            Spans target = step == n - 1 ? out : next;
            next.clear();
            PreTokenizer p = preTokenizers.get(step);
            for (int i = 0; i < current.size(); i++) {
                p.split(text, current.start(i), current.end(i), target);
            }
            Spans t = current;
            current = next;
            next = t;
        }
    }

    @Override
    public NormalizedText prepare(NormalizedText text) {
        NormalizedText t = text;
        for (PreTokenizer p : preTokenizers) {
            t = p.prepare(t);
        }
        return t;
    }
}
