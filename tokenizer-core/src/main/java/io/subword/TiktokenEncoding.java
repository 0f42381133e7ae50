package io.subword;

import io.subword.pretokenize.SplitPattern;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAI encodings whose rank files ({@code r50k_base.tiktoken} ...) tiktoken and jtokkit ship: each one's
 * split pattern and special tokens with tiktoken's ids. The rank files themselves are not bundled; load them
 * with {@link Tokenizers#fromTiktoken(java.nio.file.Path, TiktokenEncoding)}.
 */
public enum TiktokenEncoding {
    /** GPT-2 and GPT-3 ({@code r50k_base}, also called {@code gpt2}). */
    R50K_BASE("r50k_base", SplitPattern.GPT2, specials("<|endoftext|>", 50256)),
    /** Codex ({@code p50k_base}). */
    P50K_BASE("p50k_base", SplitPattern.GPT2, specials("<|endoftext|>", 50256)),
    /** GPT-3.5 and GPT-4 ({@code cl100k_base}). */
    CL100K_BASE("cl100k_base", SplitPattern.CL100K, specials("<|endoftext|>", 100257, "<|fim_prefix|>", 100258,
            "<|fim_middle|>", 100259, "<|fim_suffix|>", 100260, "<|endofprompt|>", 100276)),
    /** GPT-4o ({@code o200k_base}). */
    O200K_BASE("o200k_base", SplitPattern.O200K, specials("<|endoftext|>", 199999, "<|endofprompt|>", 200018));

    private final String encodingName;
    private final SplitPattern pattern;
    private final Map<String, Integer> specialTokens;

    TiktokenEncoding(String encodingName, SplitPattern pattern, Map<String, Integer> specialTokens) {
        this.encodingName = encodingName;
        this.pattern = pattern;
        this.specialTokens = specialTokens;
    }

    private static Map<String, Integer> specials(Object... contentAndId) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < contentAndId.length; i += 2) {
            m.put((String) contentAndId[i], (Integer) contentAndId[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** tiktoken's name, e.g. {@code cl100k_base}. */
    public String encodingName() {
        return encodingName;
    }

    public SplitPattern pattern() {
        return pattern;
    }

    /** The special tokens and their ids, in id order. */
    public Map<String, Integer> specialTokens() {
        return specialTokens;
    }

    /**
     * The encoding named {@code name} ({@code cl100k_base}; {@code gpt2} is {@code r50k_base}).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static TiktokenEncoding forName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gpt2")) {
            return R50K_BASE;
        }
        for (TiktokenEncoding e : values()) {
            if (e.encodingName.equals(n)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown tiktoken encoding " + name
                + " (known: r50k_base, p50k_base, cl100k_base, o200k_base, gpt2)");
    }

    /**
     * The encoding a rank file's name tells ({@code cl100k_base.tiktoken}, {@code o200k_base-v2.tiktoken}): the
     * first encoding name the file name contains, if any.
     */
    public static Optional<TiktokenEncoding> forFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (TiktokenEncoding e : values()) {
            if (n.contains(e.encodingName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
