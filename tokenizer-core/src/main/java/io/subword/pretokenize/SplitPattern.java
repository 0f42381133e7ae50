package io.subword.pretokenize;

import java.util.List;
import java.util.Optional;

/**
 * The split patterns of the GPT-2 and tiktoken tokenizers, each with a hand-written scanner that yields exactly
 * the pieces that {@code java.util.regex} yields for the reference pattern compiled with
 * {@code UNICODE_CHARACTER_CLASS} (as jtokkit compiles it), for every string including lone surrogates. The
 * scanners allocate nothing and test ASCII from a table; only non-ASCII characters go to
 * {@link Character#getType(int)}.
 *
 * <p>{@link #regex()} is the pattern string as Hugging Face's {@code Split} pre-tokenizer stores it in
 * {@code tokenizer.json}; {@link #forRegex} also recognizes the spellings tiktoken and jtokkit use for the same
 * patterns.
 */
public enum SplitPattern {
    /** GPT-2, r50k_base, p50k_base (Hugging Face's ByteLevel pre-tokenizer with {@code use_regex}). */
    GPT2("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            List.of("'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+")) {
        @Override
        public void split(CharSequence text, int start, int end, Spans out) {
            Gpt2Scanner.scan(text, start, end, out);
        }
    },
    /** cl100k_base (GPT-3.5, GPT-4) and Llama 3. */
    CL100K("(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*"
            + "|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
            List.of("'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*"
                    + "|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+")) {
        @Override
        public void split(CharSequence text, int start, int end, Spans out) {
            Cl100kScanner.scan(text, start, end, out);
        }
    },
    /** o200k_base (GPT-4o). */
    O200K(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+"), List.of()) {
        @Override
        public void split(CharSequence text, int start, int end, Spans out) {
            O200kScanner.scan(text, start, end, out);
        }
    };

    private final String regex;
    private final List<String> aliases;

    SplitPattern(String regex, List<String> aliases) {
        this.regex = regex;
        this.aliases = aliases;
    }

    /** The reference pattern, as Hugging Face's {@code Split} pre-tokenizer stores it. */
    public String regex() {
        return regex;
    }

    /**
     * Appends the pieces of {@code text[start, end)} to {@code out}: the consecutive matches of {@link #regex()},
     * which cover the range without gaps. The range end counts as the end of the text (for {@code (?!\S)} and
     * for a surrogate pair cut in two).
     */
    public abstract void split(CharSequence text, int start, int end, Spans out);

    /** The known pattern spelled {@code regex} (the reference spelling or a known equivalent), if any. */
    public static Optional<SplitPattern> forRegex(String regex) {
        for (SplitPattern p : values()) {
            if (p.regex.equals(regex) || p.aliases.contains(regex)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
