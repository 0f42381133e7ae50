package io.subword.parity;

import io.subword.TiktokenEncoding;
import io.subword.Tokenizer;
import io.subword.Tokenizers;
import io.subword.testkit.RealData;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tokenizers of the real tiktoken rank files, loaded once per test JVM (a few seconds each). */
final class TiktokenTokenizers {
    private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

    private TiktokenTokenizers() {
    }

    /** {@link Tokenizers#fromTiktoken} of the named rank file, with tiktoken's default policy. */
    static Tokenizer of(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try {
                return Tokenizers.fromTiktoken(RealData.tiktoken(n), TiktokenEncoding.forName(n));
            } catch (Exception e) {
                throw new AssertionError("cannot load " + n, e);
            }
        });
    }
}
