package io.subword.testkit;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * The tiktoken reference peer: jtokkit's {@code r50k_base} (GPT-2), {@code p50k_base}, {@code cl100k_base} and
 * {@code o200k_base}, built from the rank files in jtokkit's jar (the same files as
 * {@link RealData#tiktoken(String)}). Thread-safe.
 */
public final class JtokkitReference {
    private static final EncodingRegistry REGISTRY = Encodings.newDefaultEncodingRegistry();

    private final Encoding encoding;

    private JtokkitReference(Encoding encoding) {
        this.encoding = encoding;
    }

    /**
     * The encoding named {@code name}, one of {@link RealData#TIKTOKEN_NAMES}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static JtokkitReference of(String name) {
        if (!RealData.TIKTOKEN_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown tiktoken encoding " + name + "; known: "
                    + RealData.TIKTOKEN_NAMES);
        }
        EncodingType type = EncodingType.fromName(name).orElseThrow(
                () -> new IllegalArgumentException("jtokkit does not know " + name));
        return new JtokkitReference(REGISTRY.getEncoding(type));
    }

    public String name() {
        return encoding.getName();
    }

    /**
     * The ids of {@code text} with special-token strings (such as {@code <|endoftext|>}) encoded as ordinary
     * text, as tiktoken's {@code encode_ordinary} does.
     */
    public int[] encodeOrdinary(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /**
     * The ids of {@code text}; jtokkit throws {@link UnsupportedOperationException} when the text contains a
     * special-token string (tiktoken's {@code encode} with its default {@code disallowed_special}).
     */
    public int[] encode(String text) {
        return encoding.encode(text).toArray();
    }

    /** The text of {@code ids}; bytes that do not form UTF-8 become U+FFFD. */
    public String decode(int[] ids) {
        return encoding.decode(list(ids));
    }

    /** The bytes of {@code ids}. */
    public byte[] decodeBytes(int[] ids) {
        return encoding.decodeBytes(list(ids));
    }

    private static IntArrayList list(int[] ids) {
        IntArrayList l = new IntArrayList(ids.length);
        for (int id : ids) {
            l.add(id);
        }
        return l;
    }
}
