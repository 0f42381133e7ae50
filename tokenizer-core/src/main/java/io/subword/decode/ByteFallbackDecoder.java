package io.subword.decode;

import io.subword.pretokenize.ByteLevelAlphabet;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's {@code ByteFallback} decoder: tokens spelled {@code <0xAB>} stand for one byte. Each run of such
 * tokens is decoded as UTF-8; when the run is not valid UTF-8 as a whole, each of its bytes becomes one U+FFFD
 * (as Hugging Face does, which differs from lossy decoding).
 */
public final class ByteFallbackDecoder implements ChainDecoder {
    public static final ByteFallbackDecoder INSTANCE = new ByteFallbackDecoder();

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        byte[] run = new byte[16];
        int n = 0;
        for (String t : tokens) {
            int b = byteOf(t);
            if (b >= 0) {
                if (n == run.length) {
                    run = java.util.Arrays.copyOf(run, n * 2);
                }
                run[n++] = (byte) b;
                continue;
            }
            flush(run, n, out);
            n = 0;
            out.add(t);
        }
        flush(run, n, out);
        return out;
    }

    private static void flush(byte[] run, int n, List<String> out) {
        if (n == 0) {
            return;
        }
        String s = ByteLevelAlphabet.decodeUtf8Strict(run, n);
        if (s != null) {
            out.add(s);
        } else {
            for (int i = 0; i < n; i++) {
                out.add("\uFFFD");
            }
        }
    }

    /**
     * The byte a {@code <0xAB>} token stands for, or -1. Like Rust's {@code u8::from_str_radix} the two
     * characters may also be a {@code +} and one hex digit; the token is six UTF-8 bytes long.
     */
    static int byteOf(String t) {
        if (t.length() != 6 || !t.startsWith("<0x") || t.charAt(5) != '>') {
            return -1;
        }
        char a = t.charAt(3);
        char b = t.charAt(4);
        int lo = Character.digit(b, 16);
        if (lo < 0 || b > 0x7F) {
            return -1;
        }
        if (a == '+') {
            return lo;
        }
        int hi = a > 0x7F ? -1 : Character.digit(a, 16);
        return hi < 0 ? -1 : hi * 16 + lo;
    }
}
