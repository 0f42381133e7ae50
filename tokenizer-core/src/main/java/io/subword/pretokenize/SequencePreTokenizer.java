package io.subword.pretokenize;

import io.subword.normalize.NormalizedText;

import java.util.List;

/**
 * Hugging Face's {@code Sequence} pre-tokenizer: each member splits the pieces of the one before it.
 *
 * <p>{@link #prepare} applies the members' {@link PreTokenizer#prepare} to the whole text, in order. That is
 * exact when the members that insert characters (ByteLevel with {@code add_prefix_space}, Metaspace with a
 * prepend scheme) insert only at the start of the text, which holds when such a member comes first or when the
 * members before it never cut the text (Llama 3 style {@code [Split, ByteLevel(add_prefix_space=false)]}). Hugging
 * Face applies an inserting member to every piece the members before it produced (T5's
 * {@code [WhitespaceSplit, Metaspace]} gives every word its own {@code ▁}); the one-range {@code split} contract
 * cannot express that, so such sequences differ from the reference.
 */
public final class SequencePreTokenizer implements PreTokenizer {
    private final List<PreTokenizer> members;
    /**
     * The members that cut: without those whose split keeps each non-empty range whole (ByteLevel without its
     * regex, the second member of every tiktoken-style {@code [Split, ByteLevel]}), which would only copy every
     * piece from one buffer to the next. Leaving them out changes nothing, since every member gives only non-empty
     * ranges.
     */
    private final List<PreTokenizer> splitters;
    private final ThreadLocal<Spans[]> scratch;

    public SequencePreTokenizer(List<? extends PreTokenizer> members) {
        this.members = List.copyOf(members);
        int n = this.members.size();
        this.scratch = ThreadLocal.withInitial(() -> new Spans[] {new Spans(), new Spans()});
        if (n == 0) {
            throw new IllegalArgumentException("a sequence pre-tokenizer needs at least one member");
        }
        this.splitters = this.members.stream()
                .filter(p -> !(p instanceof ByteLevelPreTokenizer b && !b.useRegex())).toList();
    }

    public List<PreTokenizer> members() {
        return members;
    }

    @Override
    public NormalizedText prepare(NormalizedText text) {
        NormalizedText t = text;
        for (PreTokenizer p : members) {
            t = p.prepare(t);
        }
        return t;
    }

    @Override
    public void split(CharSequence text, int start, int end, Spans out) {
        if (splitters.isEmpty()) {
            if (end > start) {
                out.add(start, end);
            }
        } else {
            split(splitters, text, start, end, out);
        }
    }

    private void split(List<PreTokenizer> members, CharSequence text, int start, int end, Spans out) {
        int n = members.size();
        if (n == 1) {
            members.get(0).split(text, start, end, out);
            return;
        }
        Spans[] buffers = scratch.get();
        // Buffers are per instance and per thread; a nested sequence has its own.
        Spans current = buffers[0];
        Spans next = buffers[1];
        current.clear();
        members.get(0).split(text, start, end, current);
        for (int m = 1; m < n; m++) {
            PreTokenizer p = members.get(m);
            Spans target = m == n - 1 ? out : next;
            if (target != out) {
                target.clear();
            }
            for (int k = 0; k < current.size(); k++) {
                p.split(text, current.start(k), current.end(k), target);
            }
            if (target != out) {
                Spans t = current;
                current = next;
                next = t;
            }
        }
    }

    @Override
    public String toString() {
        return "Sequence" + members;
    }
}
