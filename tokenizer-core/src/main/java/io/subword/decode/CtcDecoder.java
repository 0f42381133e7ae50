package io.subword.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hugging Face's {@code CTC} decoder, for the output of speech models (wav2vec2): runs of the same token
 * become one, the pad token is removed from every token, and with {@code cleanup} each token goes through the
 * WordPiece decoder's cleanup ({@code " ."} to {@code "."} and so on) and then has the word delimiter token
 * replaced by a space; tokens left empty are dropped. (As in Hugging Face, the delimiter is only replaced when
 * {@code cleanup} is on.) Immutable and thread-safe.
 *
 * @param padToken           the CTC blank, {@code <pad>} by default
 * @param wordDelimiterToken the word boundary token, {@code |} by default
 * @param cleanup            whether to clean up and replace the delimiter
 */
public record CtcDecoder(String padToken, String wordDelimiterToken, boolean cleanup) implements ChainDecoder {
    /** {@code <pad>}, {@code |}, cleanup on: Hugging Face's defaults. */
    public static final CtcDecoder DEFAULT = new CtcDecoder("<pad>", "|", true);

    public CtcDecoder {
        Objects.requireNonNull(padToken, "padToken");
        Objects.requireNonNull(wordDelimiterToken, "wordDelimiterToken");
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        String previous = null;
        for (String token : tokens) {
            if (token.equals(previous)) {
                continue;
            }
            previous = token;
            String t = token.replace(padToken, "");
            if (cleanup) {
                t = WordPieceDecoder.cleanup(t);
                t = t.replace(wordDelimiterToken, " ");
            }
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
