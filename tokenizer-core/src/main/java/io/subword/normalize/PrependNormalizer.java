package io.subword.normalize;

import java.util.Objects;

/**
 * Hugging Face's {@code Prepend} normalizer: puts a string in front of the text, unless the text is empty
 * (Llama 2 and its family prepend "▁"). The prepended characters are aligned with the text's first character,
 * as Hugging Face aligns them, so a token made of them alone still covers that character. Immutable and
 * thread-safe.
 *
 * @param prepend the string to put in front
 */
public record PrependNormalizer(String prepend) implements Normalizer {
    public PrependNormalizer {
        Objects.requireNonNull(prepend, "prepend");
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        if (input.length() == 0 || prepend.isEmpty()) {
            return input;
        }
        Transform t = new Transform(input);
        int first = t.peek();
        int p0 = prepend.codePointAt(0);
        // the first prepended character replaces the text's first one; the rest, and that one, are inserted
        t.replace(p0, 0);
        for (int i = Character.charCount(p0); i < prepend.length(); ) {
            int cp = prepend.codePointAt(i);
            t.insert(cp);
            i += Character.charCount(cp);
        }
        t.insert(first);
        t.copyTo(input.length());
        return t.build();
    }
}
