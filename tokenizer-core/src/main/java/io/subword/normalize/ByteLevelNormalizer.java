package io.subword.normalize;

import io.subword.pretokenize.ByteLevelAlphabet;

/**
 * Hugging Face's {@code ByteLevel} normalizer: each character becomes the GPT-2 byte characters of its UTF-8
 * bytes ({@link ByteLevelAlphabet}), all aligned with it. A lone surrogate, which has no UTF-8 form, is taken
 * as U+FFFD (what the reference receives for it). Immutable and thread-safe.
 */
public final class ByteLevelNormalizer implements Normalizer {
    public static final ByteLevelNormalizer INSTANCE = new ByteLevelNormalizer();

    private ByteLevelNormalizer() {
    }

    @Override
    public NormalizedText normalize(NormalizedText input) {
        if (input.length() == 0) {
            return input;
        }
        Transform t = new Transform(input);
        byte[] buf = new byte[4];
        while (t.hasInput()) {
            int cp = t.peek();
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                cp = 0xFFFD;
            }
            int len = utf8(cp, buf);
            t.replace(ByteLevelAlphabet.toChar(buf[0] & 0xFF), 0);
            for (int k = 1; k < len; k++) {
                t.insert(ByteLevelAlphabet.toChar(buf[k] & 0xFF));
            }
        }
        return t.build();
    }

    private static int utf8(int cp, byte[] out) {
        if (cp < 0x80) {
            out[0] = (byte) cp;
            return 1;
        }
        if (cp < 0x800) {
            out[0] = (byte) (0xC0 | cp >> 6);
            out[1] = (byte) (0x80 | cp & 0x3F);
            return 2;
        }
        if (cp < 0x10000) {
            out[0] = (byte) (0xE0 | cp >> 12);
            out[1] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[2] = (byte) (0x80 | cp & 0x3F);
            return 3;
        }
        out[0] = (byte) (0xF0 | cp >> 18);
        out[1] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[2] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[3] = (byte) (0x80 | cp & 0x3F);
        return 4;
    }

    @Override
    public String toString() {
        return "ByteLevel";
    }
}
