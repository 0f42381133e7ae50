package io.subword.decode;

import java.util.List;

/**
 * Turns tokens back into text (WordPiece joins {@code ##} pieces, byte-level maps byte characters back to
 * UTF-8, Metaspace turns the marker into spaces). Immutable and thread-safe.
 */
@FunctionalInterface
public interface Decoder {
    String decode(List<String> tokens);
}
