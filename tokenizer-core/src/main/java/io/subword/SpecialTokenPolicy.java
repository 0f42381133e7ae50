package io.subword;

import java.util.Objects;
import java.util.Set;

/**
 * Which special tokens an encode matches in the text, and which make it fail, as tiktoken's
 * {@code encode(text, allowed_special=..., disallowed_special=...)} decides it. It governs the added tokens whose
 * {@link AddedToken#special()} is set; non-special added tokens (user-added words) are always matched.
 *
 * <ul>
 *   <li>An <b>allowed</b> special token found in the text becomes its id.</li>
 *   <li>A <b>disallowed</b> one makes the encode throw {@link IllegalArgumentException} naming it (tiktoken raises
 *       {@code ValueError}), so that text from users can never inject a control token silently.</li>
 *   <li>One that is neither is encoded as ordinary text ({@code <|endoftext|>} becomes {@code <|}, {@code end},
 *       ...).</li>
 * </ul>
 *
 * <p>{@link #ALLOW_ALL} is Hugging Face's behaviour and the default of every {@link Tokenizer};
 * {@link #DISALLOW_ALL} is tiktoken's default ({@code allowed_special=set(), disallowed_special="all"}) and the
 * default of the tokenizers {@link Tokenizers#fromTiktoken} builds; {@link #ORDINARY} is tiktoken's
 * {@code encode_ordinary} (jtokkit's {@code encodeOrdinary}). Immutable.
 */
public final class SpecialTokenPolicy {
    /** Every special token is matched (Hugging Face; tiktoken's {@code allowed_special="all"}). */
    public static final SpecialTokenPolicy ALLOW_ALL = new SpecialTokenPolicy(null, Set.of());
    /** No special token may occur in the text (tiktoken's default). */
    public static final SpecialTokenPolicy DISALLOW_ALL = new SpecialTokenPolicy(Set.of(), null);
    /** Special tokens are neither matched nor checked: they are ordinary text ({@code encode_ordinary}). */
    public static final SpecialTokenPolicy ORDINARY = new SpecialTokenPolicy(Set.of(), Set.of());

    /** {@code null}: all. */
    private final Set<String> allowed;
    /** {@code null}: all that are not allowed. */
    private final Set<String> disallowed;

    private SpecialTokenPolicy(Set<String> allowed, Set<String> disallowed) {
        this.allowed = allowed;
        this.disallowed = disallowed;
    }

    /**
     * {@code allowed} are matched and every other special token is disallowed (tiktoken's
     * {@code allowed_special={...}} with the default {@code disallowed_special="all"}).
     */
    public static SpecialTokenPolicy allow(Set<String> allowed) {
        return new SpecialTokenPolicy(Set.copyOf(allowed), null);
    }

    /**
     * {@code allowed} are matched, {@code disallowed} throw, the others are ordinary text.
     *
     * @throws IllegalArgumentException naming a token that is in both sets
     */
    public static SpecialTokenPolicy of(Set<String> allowed, Set<String> disallowed) {
        for (String s : allowed) {
            if (disallowed.contains(s)) {
                throw new IllegalArgumentException("special token " + s + " is both allowed and disallowed");
            }
        }
        return new SpecialTokenPolicy(Set.copyOf(allowed), Set.copyOf(disallowed));
    }

    /** Whether the special token {@code content} is matched in the text. */
    public boolean allows(String content) {
        return allowed == null || allowed.contains(content);
    }

    /** Whether finding the special token {@code content} in the text is an error. */
    public boolean disallows(String content) {
        return !allows(content) && (disallowed == null || disallowed.contains(content));
    }

    /** Whether the policy can reject a text at all (skips the scan when not). */
    boolean checks() {
        return disallowed == null || !disallowed.isEmpty();
    }

    /** Whether the policy matches every special token. */
    boolean allowsAll() {
        return allowed == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecialTokenPolicy p && Objects.equals(allowed, p.allowed)
                && Objects.equals(disallowed, p.disallowed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowed, disallowed);
    }

    @Override
    public String toString() {
        if (this == ALLOW_ALL || equals(ALLOW_ALL)) {
            return "SpecialTokenPolicy[allow all]";
        }
        if (equals(DISALLOW_ALL)) {
            return "SpecialTokenPolicy[disallow all]";
        }
        if (equals(ORDINARY)) {
            return "SpecialTokenPolicy[ordinary]";
        }
        return "SpecialTokenPolicy[allowed=" + (allowed == null ? "all" : allowed) + ", disallowed="
                + (disallowed == null ? "all others" : disallowed) + "]";
    }
}
