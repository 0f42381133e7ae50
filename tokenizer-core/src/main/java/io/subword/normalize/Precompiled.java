package io.subword.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugging Face's {@code Precompiled} normalizer: SentencePiece's precompiled charsmap (nmt_nfkc, nfkc_cf, ...)
 * applied the way Hugging Face tokenizers applies it, which is what a tokenizer.json means. Per extended
 * grapheme cluster: a cluster of fewer than 6 UTF-8 bytes that a rule matches (the first, i.e. shortest, rule
 * matching a prefix of it) is replaced whole by that rule's string; otherwise each character is replaced by
 * the shortest rule matching it, or kept. Alignments follow Hugging Face's bookkeeping: a replacement aligns
 * its first character to the first original character it replaces and any extra characters to that same one;
 * characters a shorter replacement drops are folded into the character before.
 *
 * <p>SentencePiece's own normalizer (longest match at every byte position) lives in
 * {@code io.subword.sentencepiece}; the two differ only on grapheme clusters of several characters.
 * Clusters are found with {@code java.util.regex}'s {@code \X} (the JDK's Unicode tables). Immutable and
 * thread-safe.
 */
public final class Precompiled implements Normalizer {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private final PrecompiledCharsMap charsMap;
    /** Per ASCII char, whether a rule matches it alone (text of other ASCII chars is left as it is). */
    private final boolean[] asciiRule = new boolean[128];

    public Precompiled(PrecompiledCharsMap charsMap) {
        this.charsMap = Objects.requireNonNull(charsMap, "charsMap");
        int[] v = new int[1];
        for (int c = 0; c < 128; c++) {
            asciiRule[c] = c == '\r' || charsMap.shortest(new byte[] {(byte) c}, 0, 1, v) > 0;
        }
    }

    /** From the charsmap's bytes; see {@link PrecompiledCharsMap#decode}. */
    public static Precompiled of(byte[] charsMap) {
        return new Precompiled(PrecompiledCharsMap.decode(charsMap));
    }

    public PrecompiledCharsMap charsMap() {
        return charsMap;
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        String text = input.text();
        if (untouched(text)) {
            return input;
        }
        Transformations t = new Transformations(text.length() + 8);
        byte[] utf8 = new byte[16];
        int[] value = new int[1];
        boolean modified = false;
        Matcher m = GRAPHEME.matcher(text);
        while (m.find()) {
            int gs = m.start();
            int ge = m.end();
            int len = utf8Length(text, gs, ge);
            if (len < 6) {
                encode(text, gs, ge, utf8);
                if (charsMap.shortest(utf8, 0, len, value) > 0) {
                    t.replace(text.codePointCount(gs, ge), charsMap.replacement(value[0]));
                    modified = true;
                    continue;
                }
            }
            for (int i = gs; i < ge; ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                int bytes = encode(text, i, i + n, utf8);
                if (charsMap.shortest(utf8, 0, bytes, value) > 0) {
                    t.replace(1, charsMap.replacement(value[0]));
                    modified = true;
                } else {
                    t.add(cp, 0);
                }
                i += n;
            }
        }
        return modified ? t.apply(input) : input;
    }

    private boolean untouched(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || asciiRule[c]) {
                return false;
            }
        }
        return true;
    }

    private static int utf8Length(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** UTF-8 of {@code s[from, to)} (at most 5 chars' worth is ever asked for) into {@code out}; its length. */
    private static int encode(String s, int from, int to, byte[] out) {
        byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, out, 0, Math.min(b.length, out.length));
        return Math.min(b.length, out.length);
    }

    /**
     * The list of (code point, change) pairs Hugging Face builds and then applies to the text: change 0 replaces
     * the next original character, 1 inserts one, {@code -k} replaces the next one and drops {@code k} more.
     */
    static final class Transformations {
        int[] cps;
        int[] changes;
        int size;

        Transformations(int capacity) {
            cps = new int[Math.max(capacity, 8)];
            changes = new int[cps.length];
        }

        void add(int cp, int change) {
            if (size == cps.length) {
                cps = Arrays.copyOf(cps, size * 2);
                changes = Arrays.copyOf(changes, size * 2);
            }
            cps[size] = cp;
            changes[size] = change;
            size++;
        }

        /** Replaces {@code oldCount} original characters with {@code replacement}. */
        void replace(int oldCount, String replacement) {
            int newCount = 0;
            for (int i = 0; i < replacement.length(); ) {
                int cp = replacement.codePointAt(i);
                add(cp, 0);
                newCount++;
                i += Character.charCount(cp);
            }
            int diff = newCount - oldCount;
            if (diff > 0) {
                for (int k = size - 1; k >= size - diff && k >= 0; k--) {
                    changes[k] = 1;
                }
            } else if (diff < 0 && size > 0) {
                changes[size - 1] += diff;
            }
        }

        /** Applies the list to {@code in} as Hugging Face's {@code NormalizedString::transform} does. */
        NormalizedText apply(NormalizedText in) {
            String text = in.text();
            // code point index -> unit index
            int[] cpUnit = new int[text.length() + 1];
            int cpCount = 0;
            for (int i = 0; i < text.length(); ) {
                cpUnit[cpCount++] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            cpUnit[cpCount] = text.length();
            NormalizedText.Builder b = in.builder();
            int empty = text.isEmpty() ? 0 : in.originalStart(0);
            int offset = 0;
            for (int k = 0; k < size; k++) {
                int change = changes[k];
                int s;
                int e;
                if (change > 0) {
                    if (offset < 1) {
                        s = empty;
                        e = empty;
                    } else {
                        int cp = Math.min(offset, cpCount) - 1;
                        s = in.originalStart(cpUnit[cp]);
                        e = in.originalEnd(cpUnit[cp + 1] - 1);
                    }
                } else {
                    if (offset >= cpCount) {
                        break; // the list ran past the text (cannot happen for a well-formed list)
                    }
                    s = in.originalStart(cpUnit[offset]);
                    e = in.originalEnd(cpUnit[offset + 1] - 1);
                    offset += 1 - change;
                }
                b.appendCodePoint(cps[k], s, e);
            }
            return b.build();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Precompiled p && p.charsMap.equals(charsMap);
    }

    @Override
    public int hashCode() {
        return charsMap.hashCode();
    }

    @Override
    public String toString() {
        return "Precompiled[" + charsMap.bytes().length + " bytes]";
    }
}
