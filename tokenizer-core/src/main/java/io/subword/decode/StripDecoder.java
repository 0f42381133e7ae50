package io.subword.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's {@code Strip} decoder: removes up to {@code start} leading and up to {@code stop} trailing
 * occurrences of {@code content} from every token (Llama uses it to drop the space its Metaspace-like normalizer
 * prepended).
 */
public final class StripDecoder implements ChainDecoder {
    private final int content;
    private final int start;
    private final int stop;

    /**
     * @param content the code point to strip
     * @throws IllegalArgumentException when {@code start} or {@code stop} is negative
     */
    public StripDecoder(int content, int start, int stop) {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("start and stop must be >= 0: " + start + ", " + stop);
        }
        this.content = content;
        this.start = start;
        this.stop = stop;
    }

    public int content() {
        return content;
    }

    public int start() {
        return start;
    }

    public int stop() {
        return stop;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            int[] cps = t.codePoints().toArray();
            int from = 0;
            while (from < Math.min(start, cps.length) && cps[from] == content) {
                from++;
            }
            int to = cps.length;
            int limit = Math.min(stop, cps.length - from);
            for (int i = 0; i < limit && cps[to - 1] == content; i++) {
                to--;
            }
            out.add(new String(cps, from, to - from));
        }
        return out;
    }
}
