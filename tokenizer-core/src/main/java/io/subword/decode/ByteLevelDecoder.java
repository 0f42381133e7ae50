package io.subword.decode;

import io.subword.pretokenize.ByteLevelAlphabet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Hugging Face's {@code ByteLevel} decoder: each token's characters are mapped back to the bytes they stand for
 * ({@link ByteLevelAlphabet}); a token with any character outside the alphabet (an added token such as
 * {@code <|im_start|>} spelled with other characters) contributes its own UTF-8 bytes instead. All bytes are then
 * decoded together as Rust's {@code String::from_utf8_lossy} does, so invalid sequences become U+FFFD and the
 * bytes of one character may be spread over several tokens.
 */
public final class ByteLevelDecoder implements ChainDecoder {
    /** Hugging Face's default decoder: all three JSON flags true. */
    public static final ByteLevelDecoder INSTANCE = new ByteLevelDecoder(true, true, true);

    private final boolean addPrefixSpace;
    private final boolean trimOffsets;
    private final boolean useRegex;

    /** The default decoder ({@link #INSTANCE}'s flags). */
    public ByteLevelDecoder() {
        this(true, true, true);
    }

    /**
     * A decoder that carries the flags of its tokenizer.json object so that they are written back unchanged;
     * Hugging Face's ByteLevel decoder ignores them, and so does this one.
     */
    public ByteLevelDecoder(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this.addPrefixSpace = addPrefixSpace;
        this.trimOffsets = trimOffsets;
        this.useRegex = useRegex;
    }

    public boolean addPrefixSpace() {
        return addPrefixSpace;
    }

    public boolean trimOffsets() {
        return trimOffsets;
    }

    public boolean useRegex() {
        return useRegex;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        return List.of(decode(tokens));
    }

    @Override
    public String decode(List<String> tokens) {
        int total = 0;
        for (String t : tokens) {
            total += t.length();
        }
        byte[] bytes = new byte[total];
        int n = 0;
        for (String t : tokens) {
            if (ByteLevelAlphabet.isByteLevel(t)) {
                for (int i = 0; i < t.length(); i++) {
                    bytes[n++] = (byte) ByteLevelAlphabet.toByte(t.charAt(i));
                }
            } else {
                // Room for this token was counted as t.length(); its UTF-8 form may be longer.
                byte[] raw = t.getBytes(StandardCharsets.UTF_8);
                int grow = raw.length - t.length();
                if (grow > 0) {
                    bytes = Arrays.copyOf(bytes, bytes.length + grow);
                }
                System.arraycopy(raw, 0, bytes, n, raw.length);
                n += raw.length;
            }
        }
        return ByteLevelAlphabet.decodeUtf8(bytes, n);
    }

    @Override
    public String toString() {
        return "ByteLevelDecoder";
    }
}
